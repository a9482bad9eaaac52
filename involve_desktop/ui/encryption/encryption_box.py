"""The Encryption box on Settings → Backups: is the file encrypted, who cannot open it yet.

Offers "Encrypt the database…" for a plain file and "New recovery key…" for an encrypted
one. After encrypting, the running app switches to the encrypted file at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import encryption, organisation
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.encryption.encrypt_dialog import EncryptDialog
from involve_desktop.ui.encryption.recovery_key_dialog import RecoveryKeyDialog
from involve_desktop.ui.encryption.reopen import reopen_encrypted
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.widgets import buttons_row


class EncryptionBox(QGroupBox):
    """Status in words and the two actions."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__("Encryption of the database file", parent)
        self.context, self.actor = context, actor
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Encryption status")
        self.encrypt_button = QPushButton("&Encrypt the database…")
        self.encrypt_button.clicked.connect(self.encrypt)
        self.recovery_button = QPushButton("New recovery &key…")
        self.recovery_button.setToolTip("When the recovery sheet is lost or may have been seen")
        self.recovery_button.clicked.connect(self.new_recovery_key)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(buttons_row(self.encrypt_button, self.recovery_button))
        self.refresh()

    def refresh(self) -> None:
        """Read the status afresh."""
        with self.context.session() as session:
            status = encryption.status(session)
        self.encrypt_button.setVisible(status.applies and not status.encrypted)
        self.recovery_button.setVisible(status.encrypted)
        if not status.applies:
            text = (
                "The data is on a PostgreSQL server, which protects its own files: ask "
                "whoever runs it about encryption at rest."
            )
        elif self.context.demo:
            text = "The demo group's made-up data is not encrypted."
            self.encrypt_button.setVisible(False)
        elif status.encrypted:
            text = (
                "✓ The database file and its backups are encrypted. Each account's password "
                "opens them; the recovery key opens them if every coordinator's is forgotten."
            )
            if status.accounts_without_slot:
                names = ", ".join(status.accounts_without_slot)
                text += (
                    f"\n⚠ Cannot open it at start yet: {names}. Set them a new password in "
                    "Settings → Accounts."
                )
        else:
            text = (
                "⚠ The database file is not encrypted: anyone who copies it can read the "
                "members' details. Encrypting takes a few seconds."
            )
        self.status.setText(text)

    def _group(self) -> str:
        with self.context.session() as session:
            return organisation.group_name(session) or ""

    def encrypt(self) -> None:
        """Encrypt, switch the app over to the encrypted file, and show the recovery key."""
        dialog = EncryptDialog(self.context, self.actor, self)
        if dialog.exec() != EncryptDialog.DialogCode.Accepted or dialog.converted is None:
            return
        reopen_encrypted(self.context, dialog.converted.key)
        RecoveryKeyDialog(dialog.converted.recovery_key, self._group(), self).exec()
        self.refresh()

    def new_recovery_key(self) -> None:
        """Replace the recovery key after the coordinator's password; show the new one."""
        password, ok = QInputDialog.getText(
            self,
            "New recovery key",
            "The old recovery sheet will stop working.\nYour password:",
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        with service_call(self) as call, self.context.session() as session:
            recovery = encryption.new_recovery_key_for(session, self.actor, password)
        if not call.failed:
            RecoveryKeyDialog(recovery, self._group(), self, replaces_old=True).exec()
