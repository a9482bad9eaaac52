"""Text written to a CSV file that a spreadsheet opens: never run as a formula.

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula (a tab or carriage return first can hide one), so a name typed as
``=HYPERLINK(...)`` would become a live link when a coordinator opens an export. Such text
gets a leading apostrophe, which the spreadsheet shows as plain text (OWASP's advice on
"CSV injection"). The member importer takes that apostrophe off again on the way back in.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it, never runs it: "=SUM(1)" → "'=SUM(1)"."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(cells: Iterable[object]) -> list[object]:
    """A CSV row with every text cell made safe (numbers and dates are left alone)."""
    return [safe_cell(c) if isinstance(c, str) else c for c in cells]
