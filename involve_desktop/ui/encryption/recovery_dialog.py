"""Forgot your password: the recovery key opens the file and sets a coordinator's password."""

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

from involve_desktop import startup
from involve_desktop.core.db.recovery_key import normalise
from involve_desktop.core.errors import InvolveError, ValidationError
from involve_desktop.ui.messages import FieldErrors, error_label


class RecoveryDialog(QDialog):
    """Recovery key, a coordinator's username, a new password twice."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.key: bytes | None = None
        self.username_used = ""
        self.password_used = ""
        self.setWindowTitle("Open with the recovery key")
        intro = QLabel(
            "Type the recovery key from the recovery sheet, then choose a new password for "
            "a coordinator account. Capitals, spaces and dashes do not matter."
        )
        intro.setWordWrap(True)
        self.recovery_key = QLineEdit()
        self.recovery_key.setAccessibleName("Recovery key")
        self.recovery_key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.username = QLineEdit()
        self.username.setAccessibleName("Coordinator's username")
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setAccessibleName("New password")
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName("New password again")
        self.labels = {
            name: error_label() for name in ("recovery_key", "username", "password", "again")
        }
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        form = QFormLayout()
        for text, widget, name in (
            ("&Recovery key:", self.recovery_key, "recovery_key"),
            ("Coordinator's &username:", self.username, "username"),
            ("&New password:", self.new_password, "password"),
            ("New password &again:", self.again, "again"),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            form.addRow("", self.labels[name])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Open and set password")
        self.buttons.accepted.connect(self.try_recover)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.recovery_key.setFocus()

    def _focus(self) -> dict[str, QWidget]:
        return {
            "recovery_key": self.recovery_key,
            "username": self.username,
            "password": self.new_password,
            "new_password": self.new_password,
            "again": self.again,
        }

    def try_recover(self) -> None:
        """Check the key, set the new password, and accept; problems shown beside the field."""
        self.errors.clear()
        try:
            typed = normalise(self.recovery_key.text())
            if typed is None:
                raise ValidationError(
                    "recovery_key",
                    "A recovery key has 25 letters and digits, in five groups of five.",
                )
            key = startup.unlock_with_recovery_key(self.url, typed)
            startup.recover_account(
                self.url, key, self.username.text(), self.new_password.text(), self.again.text()
            )
        except ValidationError as error:
            field = {"new_password": "password", "confirm": "again"}.get(error.field, error.field)
            self.errors.show(ValidationError(field, error.message), self._focus())
            return
        except InvolveError as error:
            self.errors.show(error, self._focus())
            return
        self.key = key
        self.username_used = self.username.text().strip().lower()
        self.password_used = self.new_password.text()
        self.accept()
