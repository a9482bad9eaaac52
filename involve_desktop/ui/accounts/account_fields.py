"""The name / username / password fields shared by the first-run wizard and Add account."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from involve_desktop.core.passwords import MIN_PASSWORD_LENGTH
from involve_desktop.core.text import sort_key
from involve_desktop.ui.messages import error_label


def suggest_username(display_name: str) -> str:
    """A username from a name: "Sam O'Neill" → "sam.oneill", "Zoë Łukasz" → "zoe.lukasz"."""
    words = [re.sub(r"[^a-z0-9]", "", w) for w in sort_key(display_name).split()]
    return ".".join(w for w in words if w)[:64]


def _field(widget: QWidget, error: QLabel) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    return box


class AccountFields(QWidget):
    """Display name, username (suggested from the name), password and its confirmation."""

    def __init__(self, name_label: str = "Name", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(name_label)
        self.display_name.setPlaceholderText("e.g. Sam Jones")
        self.username = QLineEdit()
        self.username.setAccessibleName("Username")
        self.username.setPlaceholderText("used to sign in, e.g. sam.jones")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.password.setPlaceholderText(f"at least {MIN_PASSWORD_LENGTH} characters")
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName("Type the password again")
        self.errors = {
            "display_name": error_label(),
            "username": error_label(),
            "password": error_label(),
            "confirm": error_label(),
        }
        form = QFormLayout(self)
        self.form = form  # dialogs add their own rows (e.g. Role) so labels line up
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(f"{name_label}:", _field(self.display_name, self.errors["display_name"]))
        form.addRow("Username:", _field(self.username, self.errors["username"]))
        form.addRow("Password:", _field(self.password, self.errors["password"]))
        form.addRow("Password again:", _field(self.confirm, self.errors["confirm"]))
        self._username_edited = False
        self.display_name.textEdited.connect(self._suggest)
        self.username.textEdited.connect(self._mark_edited)

    @property
    def focus_targets(self) -> dict[str, QWidget]:
        """Which widget to focus for a ValidationError's field."""
        return {
            "display_name": self.display_name,
            "username": self.username,
            "password": self.password,
            "confirm": self.confirm,
        }

    def _suggest(self, text: str) -> None:
        if not self._username_edited:
            self.username.setText(suggest_username(text))

    def _mark_edited(self, _text: str) -> None:
        self._username_edited = True
