"""Trained members who have not sat in a period, for the "Who has sat" list (issue #6
walk-through: the list showed only people who had sat, so who had not sat for a while —
the people to ask next — was nowhere to be seen)."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services import panels_people
from tests.core.panels.helpers import TODAY, person, trained
from tests.core.panels.test_people import _held

PERIOD = (date(2025, 3, 3), TODAY)


def test_trained_members_who_did_not_sit_are_listed_with_when_they_last_did(
    session, coordinator
) -> None:
    often = trained(session, coordinator, "Aisha Often")
    lapsed = trained(session, coordinator, "Ben Lapsed")
    never = trained(session, coordinator, "Cara Never")
    trained(session, coordinator, "Dan Expired", completed=date(2020, 1, 1))  # out of date
    trained(session, coordinator, "Eve Without", lived=False)  # not lived experience
    person(session, coordinator, "Finn Untrained", lived=True)
    _held(session, coordinator, date(2024, 9, 2), lapsed)  # before the period
    _held(session, coordinator, date(2026, 1, 5), often)
    rows = panels_people.trained_not_sat(session, coordinator, *PERIOD, today=TODAY)
    assert [(r.member_id, r.name, r.lived_seats, r.last_sat) for r in rows] == [
        (lapsed, "Ben Lapsed", 0, date(2024, 9, 2)),
        (never, "Cara Never", 0, None),
    ]
