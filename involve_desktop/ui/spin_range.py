"""A number typed outside a spin box's range is said, not quietly undone.

Qt puts a spin box's last good value back when Enter is pressed or focus leaves it with a
number out of range ("5" where 10–100 is allowed), so a Save straight after would save the
old value and say "Saved". ``RangeWatch`` notes what was typed before Qt undoes it; the
form asks ``problem()`` before saving and shows it beside the box.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QSpinBox


class RangeWatch(QObject):
    """Watches one spin box for a number typed outside its range."""

    def __init__(self, spin: QSpinBox) -> None:
        super().__init__(spin)
        self.spin = spin
        self.typed: str | None = None
        spin.installEventFilter(self)
        spin.lineEdit().textEdited.connect(self._edited)

    def _edited(self, _text: str) -> None:
        self.typed = None  # typing again: judged afresh when it is left

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Before Qt undoes it (Enter, or focus leaving), keep an out-of-range number."""
        leaving = event.type() == QEvent.Type.FocusOut
        entered = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        entered = entered and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (leaving or entered) and not self.spin.hasAcceptableInput():
            typed = self.spin.cleanText().strip()
            self.typed = typed or None
        return False

    def problem(self) -> str | None:
        """ "“5” is outside what this box takes: type a number from 10 to 100." or None."""
        if self.typed is None:
            return None
        low, high = self.spin.minimum(), self.spin.maximum()
        return f"“{self.typed}” is outside what this box takes: type a number from {low} to {high}."
