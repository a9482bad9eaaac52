"""Helpers shared by the Cohorts screen tests: open the area, read a table's rows."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTableView

from involve_desktop.ui.cohorts.cohorts_view import CohortsView

TODAY = date(2026, 3, 2)  # a Monday, after four weekly sessions from Tue 6 Jan 2026


def open_view(qtbot, context, actor) -> CohortsView:
    """The Cohorts area on screen at a laptop size."""
    view = CohortsView(context, actor, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1090, 640)
    view.show()
    return view


def rows(table: QTableView) -> list[list[str]]:
    """Every row's text as shown (sorted as shown)."""
    proxy = table.model()
    return [
        [str(proxy.index(r, c).data()) for c in range(proxy.columnCount())]
        for r in range(proxy.rowCount())
    ]


def row_of(table: QTableView, text: str) -> list[str]:
    """The first row with a cell equal to ``text``."""
    return next(r for r in rows(table) if text in r)
