"""A cancelled panel's seats stay as they are, a held panel keeps someone on it, and moving a
panel's day is checked against its briefing and debrief, with both parts saved or neither."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import panels, panels_seats
from involve_desktop.core.services.panels_dto import PanelInput, PanelProcessInput, PanelRefused
from tests.core.panels.helpers import PANEL_DAY, panel, seat, staff, trained

AFTER = date(2026, 3, 20)  # "today" well after the panel day


def details(session, coordinator, panel_id: int, day: date) -> PanelInput:
    """The panel's details as stored, with the day moved to ``day``."""
    info = panels.get_panel(session, coordinator, panel_id)
    return PanelInput(
        info.post_title,
        day,
        team=info.team,
        start_time=info.start_time,
        end_time=info.end_time,
        venue=info.venue,
        online=info.online,
        online_link=info.online_link,
        candidates=info.candidates,
    )


def test_a_cancelled_panel_seats_cannot_be_removed_or_given_a_role(session, coordinator) -> None:
    panel_id = panel(session, coordinator)
    info = seat(session, coordinator, panel_id, trained(session, coordinator, "Ivy Lee"))
    (ivy,) = info.seats
    panels.cancel_panel(session, coordinator, panel_id, "Post put on hold")
    message = "This panel was cancelled; reinstate it first to change its seats."
    with pytest.raises(PanelRefused) as removing:
        panels_seats.remove_seat(session, coordinator, ivy.id)
    assert removing.value.message == message and removing.value.code == "cancelled"
    with pytest.raises(PanelRefused) as role:
        panels_seats.set_seat_role(session, coordinator, ivy.id, "Chair")
    assert role.value.message == message
    with pytest.raises(PanelRefused, match="reinstate it first"):
        staff(session, coordinator, panel_id, "Jo Manager")
    session.rollback()
    (kept,) = panels.get_panel(session, coordinator, panel_id).seats
    assert kept.name == "Ivy Lee" and kept.panel_role is None
    panels.reinstate_panel(session, coordinator, panel_id)
    assert panels_seats.set_seat_role(session, coordinator, ivy.id, "Chair").seats[0].panel_role
    assert panels_seats.remove_seat(session, coordinator, ivy.id).seats == ()


def test_the_last_person_on_a_held_panel_stays_on_it(session, coordinator) -> None:
    panel_id = panel(session, coordinator)
    seat(session, coordinator, panel_id, trained(session, coordinator, "Ivy Lee"))
    info = staff(session, coordinator, panel_id, "Jo Manager")
    panels.mark_held(session, coordinator, panel_id, today=PANEL_DAY)
    ivy, jo = info.seats
    assert panels_seats.remove_seat(session, coordinator, jo.id).seats == (ivy,)
    with pytest.raises(PanelRefused) as caught:
        panels_seats.remove_seat(session, coordinator, ivy.id)
    assert caught.value.code == "last_on_held"
    assert caught.value.message.startswith("A held panel needs at least one person; Ivy Lee")
    session.rollback()
    assert len(panels.get_panel(session, coordinator, panel_id).seats) == 1
    # a role can still be set on a held panel
    assert panels_seats.set_seat_role(session, coordinator, ivy.id, "Chair").seats[0].panel_role


def held_with_briefing(session, coordinator) -> int:
    panel_id = panel(session, coordinator)  # Tue 10 Mar 2026
    seat(session, coordinator, panel_id, trained(session, coordinator, "Ivy Lee"))
    panels.mark_held(session, coordinator, panel_id, today=PANEL_DAY)
    panels.record_process(
        session,
        coordinator,
        panel_id,
        PanelProcessInput(briefing_on=date(2026, 3, 6), debrief_on=date(2026, 3, 12)),
        today=AFTER,
    )
    return panel_id


def test_moving_the_day_before_the_briefing_is_refused_on_the_day(session, coordinator) -> None:
    panel_id = held_with_briefing(session, coordinator)
    moved = details(session, coordinator, panel_id, date(2026, 1, 17))
    with pytest.raises(ValidationError) as caught:
        panels.update_panel(session, coordinator, panel_id, moved, today=AFTER)
    assert caught.value.field == "day"
    assert caught.value.message == (
        "The briefing is recorded on Fri 6 Mar 2026, after Sat 17 Jan 2026; the briefing comes "
        "before the panel. Check the day, or change the briefing date on 3 Preparation and "
        "debrief."
    )
    session.rollback()
    assert panels.get_panel(session, coordinator, panel_id).day == PANEL_DAY


def test_moving_the_day_past_the_debrief_is_refused_on_the_day(session, coordinator) -> None:
    panel_id = held_with_briefing(session, coordinator)
    moved = details(session, coordinator, panel_id, date(2026, 3, 13))
    with pytest.raises(ValidationError, match="The debrief is recorded on Thu 12 Mar") as caught:
        panels.update_panel(session, coordinator, panel_id, moved, today=AFTER)
    assert caught.value.field == "day"
    # on the debrief day itself is fine
    moved = details(session, coordinator, panel_id, date(2026, 3, 12))
    assert panels.update_panel(session, coordinator, panel_id, moved, today=AFTER).day == date(
        2026, 3, 12
    )


def test_day_and_preparation_together_are_saved_whole_or_not_at_all(session, coordinator) -> None:
    panel_id = held_with_briefing(session, coordinator)
    before = session.query(AuditEntry).filter_by(entity="panel").count()
    moved = details(session, coordinator, panel_id, date(2026, 3, 9))
    late_brief = PanelProcessInput(briefing_on=date(2026, 3, 10), debrief_on=date(2026, 3, 12))
    with pytest.raises(ValidationError) as caught:
        panels.update_panel(session, coordinator, panel_id, moved, today=AFTER, process=late_brief)
    assert caught.value.field == "briefing_on"  # the briefing was changed: that is the box
    assert "before the panel (Mon 9 Mar 2026)" in caught.value.message
    session.rollback()
    stored = panels.get_panel(session, coordinator, panel_id)
    assert (stored.day, stored.briefing_on) == (PANEL_DAY, date(2026, 3, 6))
    assert session.query(AuditEntry).filter_by(entity="panel").count() == before
    # moving the day and the briefing together is one save, one entry on the trail
    early_brief = PanelProcessInput(
        briefing_on=date(2026, 3, 2), debrief_on=date(2026, 3, 12), feedback_given=True
    )
    info = panels.update_panel(
        session, coordinator, panel_id, moved, today=AFTER, process=early_brief
    )
    assert (info.day, info.briefing_on, info.feedback_given) == (
        date(2026, 3, 9),
        date(2026, 3, 2),
        True,
    )
    entry = (
        session.query(AuditEntry).filter_by(entity="panel").order_by(AuditEntry.id.desc()).first()
    )
    assert set(entry.changes) >= {"day", "briefing_on", "feedback_given"}
    assert session.query(AuditEntry).filter_by(entity="panel").count() == before + 1


def test_the_wrong_person_on_a_held_panel_can_be_put_right_after_the_right_one_stepped_back(
    session, coordinator
):
    """Who sat is judged by their status on the panel's day: someone who has stepped back
    since can be recorded as having sat, so the wrong (only) person can then come off;
    someone already stepping back on that day still cannot be added."""
    from involve_desktop.core.services import members
    from involve_desktop.core.services.member_dto import MemberStatus

    wrong = trained(session, coordinator, "Wrong Person")
    right = trained(session, coordinator, "Right Person")
    away = trained(session, coordinator, "Away Person")
    members.change_status(
        session, coordinator, away, MemberStatus.STEPPING_BACK, date(2026, 3, 1), today=AFTER
    )
    panel_id = panel(session, coordinator)
    wrong_seat = seat(session, coordinator, panel_id, wrong).seats[0].id
    panels.mark_held(session, coordinator, panel_id, today=AFTER)
    members.change_status(
        session, coordinator, right, MemberStatus.STEPPING_BACK, AFTER, today=AFTER
    )
    with pytest.raises(PanelRefused, match="Away Person is stepping back"):
        seat(session, coordinator, panel_id, away)
    seat(session, coordinator, panel_id, right)
    info = panels_seats.remove_seat(session, coordinator, wrong_seat)
    assert [s.name for s in info.seats] == ["Right Person"]
    # a panel still to come goes by today's status
    later = panel(session, coordinator, "Team Leader", date(2026, 4, 1))
    with pytest.raises(PanelRefused, match="Right Person is stepping back"):
        seat(session, coordinator, later, right)
