"""Settings → Screen lock: minutes without input before the window locks (coordinators)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QSpinBox, QWidget

from involve_desktop.core.services import idle
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.widgets import buttons_row, narrow, page


class LockSettingsTab(QWidget):
    """The idle minutes (2–15); emits ``saved`` with the minutes so the lock follows at once."""

    saved = Signal(int)

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        with context.session() as session:
            current = idle.idle_minutes(session)
        self.minutes = QSpinBox()
        self.minutes.setRange(idle.MIN_MINUTES, idle.MAX_MINUTES)
        self.minutes.setSuffix(" minutes")
        self.minutes.setValue(current)
        self.minutes.setAccessibleName("Lock after, in minutes")
        self.error = error_label()
        self.done = QLabel()
        self.save_button = QPushButton("Save")
        self.save_button.setAccessibleName("Save screen lock")
        self.save_button.clicked.connect(self.save)
        self.errors = FieldErrors({"idle_lock_minutes": self.error}, self.error)
        form = QFormLayout()
        form.addRow("&Lock after:", self.minutes)
        label = form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
        if isinstance(label, QLabel):
            label.setBuddy(self.minutes)
        form.addRow("", self.error)
        form.addRow("", buttons_row(self.save_button, self.done))
        hint = QLabel(
            "When nobody uses the laptop for this long, every window is covered and the same "
            "account's password is needed to carry on (or someone else signs in). Anything "
            "typed in an open window is kept. After five wrong passwords in a row, each "
            "next try waits a little longer, up to a minute."
        )
        hint.setWordWrap(True)
        self.setLayout(page(narrow(form), hint))

    def save(self) -> None:
        """Save the minutes through the service."""
        self.errors.clear()
        self.done.clear()
        focus = {"idle_lock_minutes": self.minutes}
        with service_call(self, self.errors, focus) as call, self.context.session() as session:
            minutes = idle.set_idle_minutes(session, self.actor, self.minutes.value())
        if call.failed:
            return
        self.done.setText("✓ Saved.")
        self.saved.emit(minutes)
