"""The self-assessments compared over time: statements down, assessments across (oldest
first), each cell the tick as a symbol and a word ("✓ Yes", "½ Partly", "✗ No", "—"), never
colour alone; each column's heading gives the date and the stage it reached."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.spectrum_dto import AssessmentStatus, Comparison
from involve_desktop.core.sheets.spectrum_sheet import answer_words
from involve_desktop.ui.keyboard import tab_leaves


class ComparisonTable(QTableWidget):
    """Read-only; ``show_comparison`` fills it."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Self-assessments compared over time")
        tab_leaves(self)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)

    def show_comparison(self, table: Comparison) -> None:
        """Fill the table from the service's comparison."""
        self.clear()
        self.setColumnCount(1 + len(table.columns))
        self.setRowCount(len(table.rows))
        headings = ["Statement"] + [
            f"{format_date(c.day)}"
            + (" (draft)" if c.status is AssessmentStatus.DRAFT else "")
            + f"\n{c.stage.label}"
            for c in table.columns
        ]
        self.setHorizontalHeaderLabels(headings)
        for r, row in enumerate(table.rows):
            statement = QTableWidgetItem(f"{row.stage.label}: {row.text}")
            statement.setToolTip(row.text)
            self.setItem(r, 0, statement)
            for c, answer in enumerate(row.answers, start=1):
                cell = QTableWidgetItem(answer_words(answer))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(r, c, cell)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, self.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
