"""The annual report counts what has happened by today, not what is still planned."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.models.payments import PayLine
from involve_desktop.core.models.people import Member
from involve_desktop.core.services.involvement_report import year_containing
from involve_desktop.core.services.involvement_report_figures import report_figures
from tests.core.spread import seed

TODAY = date(2026, 11, 28)
YEAR = year_containing(TODAY)  # April 2026 to March 2027


def _pay(session, member: int, day: date, pence: int) -> None:
    session.add(
        PayLine(
            member_id=member,
            source_kind="panel",
            source_id=day.toordinal(),
            day=day,
            activity="panel",
            description="Panel",
            basis="session",
            rate_pence=pence,
            amount_pence=pence,
            status="approved",
            created_by="test",
        )
    )


def test_meetings_panels_and_payments_still_to_come_are_not_held(session, coordinator) -> None:
    a, b, *_ = seed.members(session)
    seed.meeting(session, date(2026, 11, 3), a, b)  # held
    seed.meeting(session, date(2026, 11, 28), a)  # today: held
    seed.meeting(session, date(2026, 12, 1))  # next week: still to come
    seed.meeting(session, date(2027, 2, 2))
    seed.panel(session, date(2026, 10, 1), a)
    seed.panel(session, date(2027, 1, 10), b)  # marked held ahead of the day
    _pay(session, a, date(2026, 10, 1), 2500)
    _pay(session, b, date(2027, 1, 10), 2500)  # approved ahead of the panel
    session.commit()
    figures = report_figures(session, coordinator, YEAR, today=TODAY)
    assert figures.counted_to == TODAY
    assert (figures.meetings.held, figures.meetings.attendances) == (2, 3)
    assert (figures.panels.held, figures.panels.lived_seats) == (1, 1)
    assert (figures.payments.owed_lines, figures.payments.owed_pence) == (1, 2500)
    # Once the year is over, everything in it counts.
    after = report_figures(session, coordinator, YEAR, today=date(2027, 5, 1))
    assert (after.meetings.held, after.panels.held, after.payments.owed_lines) == (4, 2, 2)


def test_a_past_year_knows_it_is_over_and_counts_members_at_its_end(session, coordinator):
    a, b, c, _d = seed.members(session)  # all joined on 1 January 2024
    session.get(Member, b).left_on = date(2025, 6, 1)  # left during 2025-26
    session.get(Member, c).left_on = date(2026, 6, 1)  # left after 2025-26 ended
    session.commit()
    past = report_figures(session, coordinator, year_containing(date(2025, 9, 1)), today=TODAY)
    assert past.year_is_over
    assert past.membership.at_end == 3  # a, c, d: b had left by 31 March 2026
    assert past.membership.left == 1
    assert not report_figures(session, coordinator, YEAR, today=TODAY).year_is_over
