"""The annual report's counts from seeded records."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services.involvement_report import year_containing
from involve_desktop.core.services.involvement_report_figures import report_figures
from tests.core.spread import seed


def test_counts_for_a_year(session, coordinator) -> None:
    a, b, c, d = seed.members(session)
    seed.shift(session, date(2026, 5, 5), a, b)  # covered (2 peers needed)
    seed.shift(session, date(2026, 5, 6), a, absent=(b,))  # a gap: one peer alone
    seed.shift(session, date(2026, 3, 6), a, b)  # before the year
    seed.panel(session, date(2026, 6, 1), a)  # 1 lived, 1 staff: meets "at least 1"
    seed.panel(session, date(2026, 6, 2))  # nobody with lived experience: does not
    seed.meeting(session, date(2026, 7, 1), a, b, c)
    seed.meeting(session, date(2026, 7, 2), d, cohort=True)
    session.commit()
    figures = report_figures(
        session, coordinator, year_containing(date(2026, 9, 1)), today=date(2026, 9, 1)
    )
    assert (figures.rota.shifts, figures.rota.covered, figures.rota.gaps) == (2, 1, 1)
    assert figures.rota.shifts_worked == 3
    assert (figures.panels.held, figures.panels.met_policy, figures.panels.lived_seats) == (2, 1, 1)
    assert (figures.meetings.held, figures.meetings.attendances, figures.meetings.people) == (
        1,
        3,
        3,
    )
    assert figures.membership.active == 4
    assert figures.activities is None
    assert figures.spread.whole[-1].figures.people == 4
