"""The annual report says what each figure is: shifts held apart from shifts worked, no
"now" in a past year's "This year" column, and no empty rota chart."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services.involvement_report import year_containing
from involve_desktop.core.services.involvement_report_figures import report_figures
from involve_desktop.core.sheets.annual_report import (
    NO_SHIFTS,
    SHIFTS_WORKED,
    AnnualReportSheet,
    render_annual_report,
)
from tests.core.spread import seed
from tests.sheets.pdfread import all_text

TODAY = date(2026, 11, 28)


def _text(session, coordinator, day: date) -> str:
    figures = report_figures(session, coordinator, year_containing(day), today=TODAY)
    pdf = render_annual_report(AnnualReportSheet(figures, "Riverside Voices"), printed_on=TODAY)
    return " ".join(all_text(pdf).split())


def test_shifts_held_and_shifts_worked_are_told_apart(session, coordinator) -> None:
    a, b, c, _d = seed.members(session)
    seed.shift(session, date(2026, 5, 5), a, b, c)  # 1 shift held, 3 shifts worked
    seed.shift(session, date(2026, 5, 6), a, b)
    session.commit()
    text = _text(session, coordinator, TODAY)
    assert "Peer support shifts held 2" in text
    assert f"{SHIFTS_WORKED} 5" in text
    assert "Peer support shifts worked" not in text  # the old, ambiguous label
    assert "Rota shifts: covered and gaps" in text
    assert "Members active now 4" in text  # this year is still running: "now" is in it


def test_a_past_year_says_members_at_its_end_and_draws_no_empty_chart(session, coordinator) -> None:
    seed.members(session)
    session.commit()
    text = _text(session, coordinator, date(2025, 9, 1))  # April 2025 to March 2026
    assert "active now" not in text and "stepping back now" not in text
    assert "Members at the year's end (31 March 2026) 4" in text
    assert "The year is not over yet" not in text
    assert " ".join(NO_SHIFTS.split()) in text
    assert "Rota shifts: covered and gaps" not in text
