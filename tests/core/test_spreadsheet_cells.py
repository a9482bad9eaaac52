"""Text bound for a spreadsheet is shown, never run as a formula."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.spreadsheet_cells import safe_cell, safe_row


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+44 7700 900123", "'+44 7700 900123"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Zoë Adams", "Zoë Adams"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_safe_cell(typed, written):
    assert safe_cell(typed) == written


def test_safe_row_leaves_numbers_and_dates_alone():
    assert safe_row(["=1", 3, date(2026, 1, 2), None]) == ["'=1", 3, date(2026, 1, 2), None]
