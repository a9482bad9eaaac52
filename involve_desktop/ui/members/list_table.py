"""The members table's look: whole-row selection, widths that follow the font, Roles stretching."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.members.members_table_model import MembersTableModel
from involve_desktop.ui.table_model import show_initial_order

# Column widths in average characters; Roles (0) takes the space that is left.
COLUMN_WIDTHS = (22, 14, 0, 19, 28, 15, 17)
ROLES_COLUMN = 2


def members_table(model: MembersTableModel, parent: QWidget | None = None) -> QTableView:
    """A read-only, sortable table of members, one row selected at a time."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName("Members")
    show_initial_order(table, 0, Qt.SortOrder.AscendingOrder)  # the model sorts every row
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tab_leaves(table)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    metrics = table.fontMetrics()
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(metrics.height() + 10)  # follows the system font size
    header = table.horizontalHeader()
    char = metrics.averageCharWidth()
    for column, width in enumerate(COLUMN_WIDTHS):
        if width:
            header.resizeSection(column, width * char + 16)
    header.setSectionResizeMode(ROLES_COLUMN, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(6 * char)
    return table
