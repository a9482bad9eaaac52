"""The weekly availability editor: rows of weekday and from–to times, added and removed."""

from __future__ import annotations

from datetime import time

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services.rota_dto import AvailabilitySlot
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.rota.setup_widgets import WEEKDAYS, time_edit, time_value
from involve_desktop.ui.widgets import buttons_row


class WeeklyEditor(QWidget):
    """Rows of day, from and to; ``slots()`` gives what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = tab_leaves(QTableWidget(0, 3))
        self.table.setHorizontalHeaderLabels(["Day", "From", "To"])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Weekly availability")
        self.add_button = QPushButton("&Add a time")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton("Remove &time")
        self.remove_button.clicked.connect(self.remove_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons_row(self.add_button, self.remove_button))

    def add_row(self, slot: AvailabilitySlot | None = None) -> int:
        """Add a row (Monday 09:00–17:00 unless given); its index."""
        slot = slot or AvailabilitySlot(0, time(9), time(17))
        row = self.table.rowCount()
        self.table.insertRow(row)
        day = QComboBox()
        day.addItems(list(WEEKDAYS))
        day.setCurrentIndex(slot.weekday)
        day.setAccessibleName("Day")
        self.table.setCellWidget(row, 0, day)
        self.table.setCellWidget(row, 1, time_edit(slot.from_time, "Available from"))
        self.table.setCellWidget(row, 2, time_edit(slot.to_time, "Available until"))
        self.table.setCurrentCell(row, 0)
        return row

    def remove_row(self) -> None:
        """Remove the chosen row."""
        row = self.table.currentRow()
        if 0 <= row < self.table.rowCount():
            self.table.removeRow(row)

    def set_slots(self, slots: tuple[AvailabilitySlot, ...]) -> None:
        """Show ``slots``."""
        self.table.setRowCount(0)
        for slot in slots:
            self.add_row(slot)

    def slots(self) -> list[AvailabilitySlot]:
        """The rows as availability slots."""
        found = []
        for row in range(self.table.rowCount()):
            day = self.table.cellWidget(row, 0)
            start = self.table.cellWidget(row, 1)
            end = self.table.cellWidget(row, 2)
            found.append(AvailabilitySlot(day.currentIndex(), time_value(start), time_value(end)))
        return found
