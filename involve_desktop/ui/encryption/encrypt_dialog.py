"""Encrypt the database… (Settings → Backups): confirm with your password, then the key.

What happens is said first: a plain copy is taken, the file and every backup are
encrypted, each account then needs its password (others get theirs when a coordinator
sets them a new one), and the recovery key is shown once.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import encryption
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.encryption import Converted
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call


class EncryptDialog(QDialog):
    """Explains, asks for the coordinator's password, and encrypts; ``converted`` is set."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.converted: Converted | None = None
        self.setWindowTitle("Encrypt the database")
        intro = QLabel(
            "<p>Encrypting makes the database file and its backups unreadable without a "
            "password or the recovery key — if the laptop or a USB stick is lost, nobody "
            "can read the members' details.</p>"
            "<ol><li>A copy of the data as it is now is taken first.</li>"
            "<li>The file and every backup are encrypted (a few seconds).</li>"
            "<li>You get a <b>recovery key</b>, shown once: print it and keep it safe.</li>"
            "<li>Other accounts can open the encrypted file once you set them a new "
            "password in Settings → Accounts (passwords are stored so that nobody can read "
            "them, so theirs cannot be carried over).</li></ol>"
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Your password")
        self.labels = {"password": error_label()}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        form = QFormLayout()
        label = QLabel("Your &password:")
        label.setBuddy(self.password)
        form.addRow(label, self.password)
        form.addRow("", self.labels["password"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Encrypt")
        self.buttons.accepted.connect(self.encrypt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.password.setFocus()

    def encrypt(self) -> None:
        """Run the conversion; problems are shown beside the password or below it."""
        with (
            service_call(self, self.errors, {"password": self.password}) as call,
            self.context.session() as session,
        ):
            self.converted = encryption.encrypt_database(session, self.actor, self.password.text())
        if call.failed:
            self.password.clear()
            return
        self.accept()
