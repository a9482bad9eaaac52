"""Sign-in that opens an encrypted database: the password unwraps the account's key slot.

Shown at start instead of the usual sign-in when the file is encrypted (nothing can be read
before it, not even the group's name). Wrong tries slow down after five, in this window.
"Forgot your password?" opens the recovery key window. The last username that opened a file
on this laptop is filled in when it has a key slot in this file (as the usual sign-in fills
in a username), so a password is not typed into the username box in plain sight.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop import APP_NAME
from involve_desktop.core.db import key_slots
from involve_desktop.core.db.urls import database_path
from involve_desktop.core.errors import InvolveError
from involve_desktop.ui.accounts.sign_in_fields import SignInFields

FREE_TRIES = 5
MAX_DELAY_S = 60
LAST_USERNAME = "unlock/last_username"


def remember_username(username: str) -> None:
    """Keep ``username`` to fill in at the next encrypted sign-in on this laptop."""
    QSettings().setValue(LAST_USERNAME, username.strip())


def slot_names(url: str) -> set[str]:
    """The usernames that can open the SQLite file at ``url`` (empty if it cannot be read)."""
    database = database_path(url)
    if database is None:
        return set()
    try:
        return key_slots.account_names(database)
    except (OSError, key_slots.KeysFileDamaged):  # said when they try to sign in
        return set()


def last_username() -> str:
    """The username that last opened an encrypted file here ("" if none)."""
    value = QSettings().value(LAST_USERNAME, "")
    return value if isinstance(value, str) else ""


class UnlockDialog(QDialog):
    """Username and password; on success ``key``, ``username`` and ``password`` are set."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.key: bytes | None = None
        self.username_used = ""
        self.password_used = ""
        self.wrong = 0
        self.wait_until = 0.0
        self.setWindowTitle(f"Sign in — {APP_NAME}")
        heading = QLabel(f"<h2>{APP_NAME}</h2>")
        intro = QLabel(
            "The data on this laptop is encrypted. Sign in with your own account to open it."
        )
        intro.setWordWrap(True)
        self.fields = SignInFields(self.try_unlock, self.reject)
        self.username, self.password = self.fields.username, self.fields.password
        self.error = self.fields.error
        self.recovery_button = QPushButton("&Forgot your password? Use the recovery key…")
        self.recovery_button.setAutoDefault(False)
        self.recovery_button.clicked.connect(self.use_recovery_key)
        self.buttons, self.sign_in_button = self.fields.buttons, self.fields.sign_in_button
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(self.fields.form)
        layout.addWidget(self.error)
        layout.addWidget(self.recovery_button)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        remembered = last_username()
        if remembered and remembered.lower() in slot_names(url):
            self.username.setText(remembered)
        (self.password if self.username.text() else self.username).setFocus()

    def try_unlock(self) -> None:
        """Open the account's key slot; accept on success, else say so and clear the password."""
        left = self.wait_until - time.monotonic()
        if left > 0:
            self.fields.show_problem(
                f"Too many wrong tries. Wait {int(left) + 1} seconds, then try again."
            )
            return
        username, password = self.username.text().strip(), self.password.text()
        from involve_desktop import startup  # imported while the window waited to be used

        try:
            key = startup.unlock(self.url, username, password)
        except InvolveError as error:
            self.wrong += 1
            if self.wrong >= FREE_TRIES:
                delay = min(MAX_DELAY_S, 2 ** (self.wrong - FREE_TRIES + 1))
                self.wait_until = time.monotonic() + delay
            self.fields.show_problem(error.message)
            return
        self.key, self.username_used, self.password_used = key, username, password
        remember_username(username)
        self.accept()

    def use_recovery_key(self) -> None:
        """The recovery key window; when it opens the file, sign in with the new password."""
        from involve_desktop.ui.encryption.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.url, self)
        dialog.username.setText(self.username.text().strip())  # whose password is forgotten
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.key is not None:
            self.key = dialog.key
            self.username_used, self.password_used = dialog.username_used, dialog.password_used
            remember_username(self.username_used)
            self.accept()
