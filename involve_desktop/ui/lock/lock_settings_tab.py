"""Settings → Screen lock: minutes without input before the window locks (coordinators).

The allowed range (2 to 15 minutes) is written beside the box. A number typed outside it
stays in the box and a warning under it says what to type; Save refuses it the same way.
A plain ``QSpinBox`` would quietly put the old number back instead (typing "1" became 5).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from involve_desktop.core.services import idle
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.widgets import buttons_row, narrow, page

RANGE_TEXT = f"between {idle.MIN_MINUTES} and {idle.MAX_MINUTES} minutes"
OUT_OF_RANGE = (
    f"Lock after must be {RANGE_TEXT} — type a number from {idle.MIN_MINUTES} to "
    f"{idle.MAX_MINUTES}."
)
_LARGEST_TYPED = 999  # any number typed stays in the box, to be named as out of range


class MinutesBox(QSpinBox):
    """Minutes that keep whatever number is typed (so it can be named as out of range);
    the arrow keys and buttons stay within ``low``–``high``."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high = low, high
        self.setRange(0, _LARGEST_TYPED)

    def in_range(self) -> bool:
        """True when the number in the box is one that can be saved."""
        return self.low <= self.value() <= self.high

    def stepBy(self, steps: int) -> None:  # noqa: N802
        self.setValue(min(self.high, max(self.low, self.value() + steps)))
        self.selectAll()

    def stepEnabled(self) -> QSpinBox.StepEnabledFlag:  # noqa: N802
        flags = QSpinBox.StepEnabledFlag.StepNone
        if self.value() < self.high:
            flags |= QSpinBox.StepEnabledFlag.StepUpEnabled
        if self.value() > self.low:
            flags |= QSpinBox.StepEnabledFlag.StepDownEnabled
        return flags


class LockSettingsTab(QWidget):
    """The idle minutes (2–15); emits ``saved`` with the minutes so the lock follows at once."""

    saved = Signal(int)

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        with context.session() as session:
            current = idle.idle_minutes(session)
        self.minutes = MinutesBox(idle.MIN_MINUTES, idle.MAX_MINUTES)
        self.minutes.setSuffix(" minutes")
        self.minutes.setValue(current)
        self.minutes.setAccessibleName("Lock after, in minutes")
        self.minutes.setAccessibleDescription(RANGE_TEXT)
        self.minutes.setToolTip(f"Lock after {RANGE_TEXT} without input")
        self.range_label = QLabel(f"({RANGE_TEXT})")
        self.range_label.setBuddy(self.minutes)
        self.error = error_label()
        self.done = QLabel()
        self.save_button = QPushButton("Save")
        self.save_button.setAccessibleName("Save screen lock")
        self.save_button.clicked.connect(self.save)
        self.errors = FieldErrors({"idle_lock_minutes": self.error}, self.error)
        self.minutes.valueChanged.connect(self._check_range)
        row = QHBoxLayout()
        row.addWidget(self.minutes)
        row.addWidget(self.range_label)
        row.addStretch(1)
        form = QFormLayout()
        form.addRow("&Lock after:", row)
        label = form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
        if isinstance(label, QLabel):
            label.setBuddy(self.minutes)
        form.addRow("", self.error)
        form.addRow("", buttons_row(self.save_button, self.done))
        hint = QLabel(
            "When nobody uses the laptop for this long, every window is covered and the same "
            "account's password is needed to carry on (or someone else signs in). Anything "
            "typed in an open window is kept. After five wrong passwords in a row, each "
            "next try waits a little longer, up to a minute. File → Lock now (Ctrl+L) locks "
            "at once, from any window."
        )
        hint.setWordWrap(True)
        self.setLayout(page(narrow(form), hint))

    def _check_range(self, _value: int) -> None:
        """Say at once when the number typed cannot be saved (and what to type instead)."""
        self.done.clear()
        if self.minutes.in_range():
            self.errors.clear_field("idle_lock_minutes")
            return
        self.error.setText(f"⚠ {OUT_OF_RANGE}")
        self.error.setAccessibleName(f"Problem: {OUT_OF_RANGE}")
        self.error.setVisible(True)

    def save(self) -> None:
        """Save the minutes through the service (which refuses a number out of range)."""
        self.errors.clear()
        self.done.clear()
        focus = {"idle_lock_minutes": self.minutes}
        with service_call(self, self.errors, focus) as call, self.context.session() as session:
            minutes = idle.set_idle_minutes(session, self.actor, self.minutes.value())
        if call.failed:
            if not self.minutes.in_range():
                self._check_range(self.minutes.value())  # the same words, with the fix
            self.minutes.selectAll()
            return
        self.done.setText("✓ Saved.")
        self.saved.emit(minutes)
