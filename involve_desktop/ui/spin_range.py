"""A number typed outside a spin box's range is said, not quietly undone.

Qt puts a spin box's last good value back when Enter is pressed or focus leaves it with a
number out of range ("5" where 10–100 is allowed), so a Save straight after would save the
old value and say "Saved". ``RangeWatch`` notes what was typed before Qt undoes it; the
form asks ``problem()`` before saving and shows it beside the box. A form whose Save lives
elsewhere (the Sheets screen's options, a rota site's details) hands ``number()`` on
instead, and the service or sheet refuses it beside the box as it would any such number.
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
        self._put_back = spin.value()  # the number Qt shows again in place of ``typed``
        spin.installEventFilter(self)
        spin.lineEdit().textEdited.connect(self._edited)
        spin.valueChanged.connect(self._changed)

    def _edited(self, _text: str) -> None:
        self.typed = None  # typing again: judged afresh when it is left

    def _changed(self, value: int) -> None:
        if value != self._put_back:  # the arrows moved on; Enter re-sends the number put back
            self.typed = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Before Qt undoes it (Enter, or focus leaving), keep an out-of-range number."""
        leaving = event.type() == QEvent.Type.FocusOut
        entered = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        entered = entered and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (leaving or entered) and not self.spin.hasAcceptableInput():
            typed = self.spin.cleanText().strip()
            self.typed, self._put_back = typed or None, self.spin.value()
        return False

    def out_of_range(self) -> str | None:
        """What was typed outside the range: kept when the box was left, or still in the box
        (Ctrl+S pressed there leaves it no focus to lose); None when nothing was."""
        if self.typed is not None:
            return self.typed
        if self.spin.hasAcceptableInput():
            return None
        return self.spin.cleanText().strip() or None

    def problem(self) -> str | None:
        """ "“5” is outside what this box takes: type a number from 10 to 100." or None."""
        typed = self.out_of_range()
        if typed is None:
            return None
        low, high = self.spin.minimum(), self.spin.maximum()
        return f"“{typed}” is outside what this box takes: type a number from {low} to {high}."

    def number(self) -> int:
        """The number typed, even one outside the range that Qt put back: for a form whose
        Save lives elsewhere and whose service (or sheet) refuses it beside the box."""
        typed = self.out_of_range()
        try:
            return int(typed) if typed is not None else self.spin.value()
        except ValueError:  # a minus sign alone
            return self.spin.value()


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
