"""The shared list model sorts by Python sort keys: dates, tuples, blanks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from involve_desktop.ui.table_model import Column, DtoTableModel, sorting_proxy

DAYS = [date(2026, 1, 5), date(2025, 3, 1), None, date(2026, 12, 1), date(2024, 7, 9)]


def _sorted(key, order=Qt.SortOrder.AscendingOrder) -> list[str]:
    model = DtoTableModel([Column("Day", lambda d: d.isoformat() if d else "—", sort_key=key)])
    model.set_rows(DAYS)
    proxy = sorting_proxy(model)
    proxy.sort(0, order)
    return [proxy.index(i, 0).data() for i in range(proxy.rowCount())]


def test_dates_and_tuples_sort_in_date_order_with_blanks_first() -> None:
    expected = ["—", "2024-07-09", "2025-03-01", "2026-01-05", "2026-12-01"]
    assert _sorted(lambda d: d) == expected
    assert _sorted(lambda d: (d.year, d.month, d.day) if d else None) == expected
    assert _sorted(lambda d: d, Qt.SortOrder.DescendingOrder) == expected[::-1]
