"""Down and Up in a find box move through the list below it (keyboard users).

In the seat dialogs the first person is already highlighted below the Find box; a new
coordinator pressed Down to reach the second and nothing happened. Now the arrow keys
move the highlight and take the focus into the list, where Enter seats the person.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget

ARROWS = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)


class ArrowsIntoList(QObject):
    """Event filter on ``find``: arrow keys go to ``target`` (and the focus with them)."""

    def __init__(self, find: QLineEdit, target: QListWidget) -> None:
        super().__init__(find)
        self.target = target
        find.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Send an arrow key to the list; everything else stays with the find box."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in ARROWS or not self.target.count():
            return False
        self.target.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.target.currentRow() < 0:
            self.target.setCurrentRow(0)
            return True
        copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
        QCoreApplication.sendEvent(self.target, copy)
        return True
