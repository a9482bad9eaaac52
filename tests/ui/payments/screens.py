"""Driving the Payments area in tests: open it, read a list's rows, select rows."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from involve_desktop.ui.payments.payments_view import PaymentsView
from tests.ui.payments.conftest import TODAY

LEFT = Qt.MouseButton.LeftButton


def open_view(qtbot, context, actor) -> PaymentsView:
    """The area at 1280×720 with 15 Apr 2026 as today (so March is last month)."""
    view = PaymentsView(context, actor, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    return view


def shown(table) -> list[dict[str, str]]:
    """The rows shown, as {column title: text}."""
    proxy = table.model()
    titles = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    return [
        {titles[c]: str(proxy.index(r, c).data()) for c in range(proxy.columnCount())}
        for r in range(proxy.rowCount())
    ]


def select(table, wanted) -> None:
    """Select the rows for which ``wanted(row dict)`` is true (the first becomes current)."""
    selection = table.selectionModel()
    selection.clearSelection()
    for r, row in enumerate(shown(table)):
        if wanted(row):
            if not selection.hasSelection():
                flag = QItemSelectionModel.SelectionFlag.NoUpdate
                selection.setCurrentIndex(table.model().index(r, 0), flag)
            selection.select(
                table.model().index(r, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
