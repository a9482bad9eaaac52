"""A coordinator sets a new password for someone who forgot theirs (typed twice)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.passwords import MIN_PASSWORD_LENGTH
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import AccountInfo, Actor
from involve_desktop.ui.accounts.busy import hashing_password
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call


class ResetPasswordDialog(EditDialog):
    """New password and its confirmation; stays open with the problem shown if it fails."""

    def __init__(
        self, context: AppContext, actor: Actor, account: AccountInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.account = account
        self.setWindowTitle("Reset password")
        intro = QLabel(
            f"Choose a new password for {account.display_name} ({account.username}) and tell "
            "them what it is. They can change it under Settings → Your account."
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("New password")
        self.password.setPlaceholderText(f"at least {MIN_PASSWORD_LENGTH} characters")
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName("New password again")
        labels = {"password": error_label(), "confirm": error_label()}
        self.general = error_label()
        self.errors = FieldErrors(labels, self.general)
        form = QFormLayout()
        form.addRow("New password:", self.password)
        form.addRow("", labels["password"])
        form.addRow("New password again:", self.confirm)
        form.addRow("", labels["confirm"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Set password")
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.save_keys(self.save, self.save_button)

    def save(self) -> None:
        """Set the password through the service, or show what to fix."""
        self.errors.clear()
        focus = {"password": self.password, "confirm": self.confirm}
        with (
            service_call(self, self.errors, focus) as call,
            hashing_password(self.save_button, self.cancel_button),
            self.context.session() as session,
        ):
            accounts.reset_password(
                session,
                self.actor,
                self.account.id,
                self.password.text(),
                again=self.confirm.text(),
            )
        if call.failed:
            return
        self.accept()
