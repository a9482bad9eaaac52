"""Settings → Your account: change your own password (everyone); Enter in any of the three
boxes changes it, as the button does."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.accounts.busy import hashing_password
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.widgets import buttons_row, narrow, page


def _password_box(name: str) -> QLineEdit:
    box = QLineEdit()
    box.setEchoMode(QLineEdit.EchoMode.Password)
    box.setAccessibleName(name)
    return box


class OwnAccountTab(QWidget):
    """Who you are signed in as, and a form to change your password."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.current = _password_box("Current password")
        self.new = _password_box("New password")
        self.again = _password_box("New password again")
        labels = {
            "current_password": error_label(),
            "password": error_label(),
            "confirm": error_label(),
        }
        self.general = error_label()
        self.errors = FieldErrors(labels, self.general)
        self.done = QLabel()
        self.save_button = QPushButton("Change &password")
        self.save_button.clicked.connect(self.save)
        for box in (self.current, self.new, self.again):
            box.returnPressed.connect(self.save)
        who = QLabel(
            f"Signed in as <b>{escape(actor.display_name)}</b> ({escape(actor.username)}), "
            f"{actor.role.label.lower()}."
        )
        form = QFormLayout()
        form.addRow("&Current password:", self.current)
        form.addRow("", labels["current_password"])
        form.addRow("N&ew password:", self.new)
        form.addRow("", labels["password"])
        form.addRow("New password &again:", self.again)
        form.addRow("", labels["confirm"])
        form.addRow("", buttons_row(self.save_button, self.done))
        self.setLayout(page(who, narrow(form), self.general))

    def save(self) -> None:
        """Change the password through the service; say clearly what went wrong."""
        self.errors.clear()
        self.done.clear()
        focus = {"current_password": self.current, "password": self.new, "confirm": self.again}
        with (
            service_call(self, self.errors, focus) as call,
            hashing_password(self.save_button),
            self.context.session() as session,
        ):
            accounts.change_own_password(
                session,
                self.actor,
                self.current.text(),
                self.new.text(),
                again=self.again.text(),
            )
        if call.failed:
            return
        for box in (self.current, self.new, self.again):
            box.clear()
        self.done.setText("✓ Your password has been changed.")
