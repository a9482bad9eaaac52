"""A number typed outside a spin box's range is said, not quietly undone.

Qt puts a spin box's last good value back when Enter is pressed or focus leaves it with a
number out of range ("5" where 10–100 is allowed), so a Save straight after would save the
old value and say "Saved". ``RangeWatch`` notes what was typed before Qt undoes it; the
form asks ``problem()`` before saving and shows it beside the box.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QSpinBox, QWidget

from involve_desktop.core.errors import ValidationError
from involve_desktop.ui.messages import FieldErrors


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


def watch_spin_boxes(root: QWidget) -> list[RangeWatch]:
    """A ``RangeWatch`` on every spin box inside ``root`` (a whole form)."""
    return [RangeWatch(spin) for spin in root.findChildren(QSpinBox)]


def said_out_of_range(
    watches: list[RangeWatch], errors: FieldErrors, focus: Mapping[str, QWidget]
) -> bool:
    """Before saving: show the first number typed out of range beside its box (``focus``
    names the boxes; one not named is told in the form's general line) and put the cursor
    in it. True when one was found: save nothing."""
    for watch in watches:
        problem = watch.problem()
        if problem is None or not watch.spin.isEnabled():
            continue
        field = next((name for name, widget in focus.items() if widget is watch.spin), "")
        errors.show(ValidationError(field, problem), dict(focus))
        watch.spin.setFocus()
        watch.spin.selectAll()
        return True
    return False
