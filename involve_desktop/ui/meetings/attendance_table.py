"""The attendance list's table and its keys, and the words of the apologies-only mode.

Space / A / Delete mark the current row (Space and A then move down); double-click marks
present. Before the day (``apologies_only``) nobody is marked present: the table emits
``present_refused`` and the screen says why (``NOT_YET``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from involve_desktop.core.services.meetings_dto import AttendanceState
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.meetings.attendance_model import AttendanceModel

KEYS_HELP = (
    "↑ ↓ move · Space: present · A: apologies · Delete: clear · "
    "Ctrl+S: save · type a walk-in's name below"
)
APOLOGIES_KEYS_HELP = "↑ ↓ move · A: apologies · Delete: clear · Ctrl+S: save"
NOT_YET = (
    "Before the day only apologies can be recorded: press A on their row. Who came is "
    "ticked in after the meeting."
)


# The line at the top of the screen before the day.
APOLOGIES_ONLY = (
    "Apologies only: this meeting has not happened yet, so only apologies can be recorded "
    "until the day. Who came is ticked in after the meeting."
)


class AttendanceTable(QTableView):
    """The list: Space / A / Delete mark the current row; Space and A move to the next.

    With ``apologies_only`` nobody is marked present (``present_refused`` is emitted)."""

    present_refused = Signal()

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attendance = model
        self.apologies_only = False
        self.setModel(model)
        self.setAccessibleName("Attendance: who came")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tab_leaves(self)
        self.verticalHeader().setVisible(False)
        # Compact rows: more of the paper's lines in view at once while typing.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.doubleClicked.connect(
            lambda index: self.mark(index.row(), AttendanceState.PRESENT, advance=False)
        )

    def mark(self, row: int, state: AttendanceState | None, advance: bool) -> None:
        """Toggle ``state`` (None clears) on ``row``, then maybe move down one row."""
        if not 0 <= row < self.attendance.rowCount():
            return
        if state is AttendanceState.PRESENT and self.apologies_only:
            self.present_refused.emit()
            return
        if state is None:
            self.attendance.set_state(row, None)
        else:
            self.attendance.toggle(row, state)
        if advance and row + 1 < self.attendance.rowCount():
            row += 1
        self.selectRow(row)
        self.setCurrentIndex(self.attendance.index(row, 1))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        row = self.currentIndex().row()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if plain and event.key() == Qt.Key.Key_Space:
            self.mark(row, AttendanceState.PRESENT, advance=True)
        elif plain and event.key() == Qt.Key.Key_A:
            self.mark(row, AttendanceState.APOLOGIES, advance=True)
        elif plain and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.mark(row, None, advance=False)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
