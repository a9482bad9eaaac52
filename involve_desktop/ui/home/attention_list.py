"""Home's "Needs attention" list: the items under Overdue / This week / This month headings,
each opening the place to act with a click, or Enter after Tab and the arrow keys."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from involve_desktop.core.services.dashboard_dto import AttentionItem, Urgency

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
AREA_WORDS = {
    "members": "the member's page",
    "rota": "the rota",
    "meetings": "Meetings",
    "panels": "Panels",
    "payments": "Payments",
    "cohorts": "Cohorts",
    "settings": "Settings",
}


class AttentionList(QListWidget):
    """Headings are plain text that the keyboard skips; ``chosen`` carries the item opened."""

    chosen = Signal(object)  # AttentionItem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Needs attention")
        self.setObjectName("attentionList")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setUniformItemSizes(False)

    def set_items(self, items: Sequence[AttentionItem]) -> None:
        """Show ``items`` (already in urgency order) under their headings."""
        self.clear()
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        current: Urgency | None = None
        for item in items:
            if item.urgency is not current:
                current = item.urgency
                heading = QListWidgetItem(current.label, self)
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                heading.setFont(heading_font)
                heading.setForeground(self.palette().windowText())
            row = QListWidgetItem(f"    {item.text}", self)
            row.setData(ITEM_ROLE, item)
            place = AREA_WORDS.get(item.target.area, item.target.area)
            row.setToolTip(f"{item.urgency.label}: opens {place} (Enter)")
            row.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.urgency.label}: {item.text}")
        first = self.first_item_row()
        if first is not None:
            self.setCurrentRow(first)

    def first_item_row(self) -> int | None:
        """The row of the first openable item (None when there is none)."""
        for row in range(self.count()):
            if self.item(row).data(ITEM_ROLE) is not None:
                return row
        return None

    def item_at_row(self, row: int) -> AttentionItem | None:
        """The attention item shown in ``row`` (None for a heading)."""
        entry = self.item(row)
        return entry.data(ITEM_ROLE) if entry is not None else None

    def open_row(self, row: int) -> None:
        """Open the item in ``row`` (headings do nothing)."""
        item = self.item_at_row(row)
        if item is not None:
            self.chosen.emit(item)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and self.currentRow() >= 0:
            self.open_row(self.currentRow())
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        if event.button() is Qt.MouseButton.LeftButton:
            entry = self.itemAt(event.position().toPoint())
            if entry is not None:
                self.open_row(self.row(entry))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseMoveEvent(event)
        entry = self.itemAt(event.position().toPoint())
        openable = entry is not None and entry.data(ITEM_ROLE) is not None
        cursor = Qt.CursorShape.PointingHandCursor if openable else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(cursor)
