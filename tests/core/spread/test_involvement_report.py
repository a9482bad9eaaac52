"""The annual report's narrative: saved, read back, refused when stale; reporting years."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services.involvement_report import (
    ReportNarrative,
    YearKind,
    read_narrative,
    save_narrative,
    year_containing,
)


def test_reporting_years() -> None:
    year = year_containing(date(2027, 2, 3))
    assert (year.start, year.end) == (date(2026, 4, 1), date(2027, 3, 31))
    assert year.label == "April 2026 to March 2027"
    calendar = year_containing(date(2027, 2, 3), YearKind.CALENDAR)
    assert (calendar.start, calendar.end, calendar.label) == (
        date(2027, 1, 1),
        date(2027, 12, 31),
        "2027",
    )


def test_narrative_saved_and_read_back(session, coordinator) -> None:
    start = date(2026, 4, 1)
    assert read_narrative(session, coordinator, start).version is None
    saved = save_narrative(
        session, coordinator, ReportNarrative(start, year_in_brief=" A busy year. ")
    )
    assert saved.year_in_brief == "A busy year." and saved.version == 1
    again = save_narrative(
        session,
        coordinator,
        ReportNarrative(start, "A busy year.", "The ward changed its rota.", "", saved.version),
    )
    assert read_narrative(session, coordinator, start).what_changed == "The ward changed its rota."
    assert again.version == 2
    with pytest.raises(ValidationError) as stale:
        save_narrative(session, coordinator, ReportNarrative(start, "Old copy", version=1))
    assert stale.value.field == "version"
    assert read_narrative(session, coordinator, start).year_in_brief == "A busy year."
