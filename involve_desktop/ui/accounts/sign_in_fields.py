"""What every sign-in window has: username, password, a one-line problem, Sign in and Quit.

Shared by the usual sign-in (``login_dialog``) and the one that opens an encrypted file
(``encryption/unlock_dialog``), so both look and behave the same.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from involve_desktop.ui.messages import error_label, grow_to_fit


class SignInFields:
    """The widgets, the form holding the two boxes, and the buttons wired to the slots."""

    def __init__(self, on_sign_in: Callable[[], object], on_quit: Callable[[], object]) -> None:
        self.username = QLineEdit()
        self.username.setAccessibleName("Username")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.error = error_label()
        self.error.setAccessibleName("Sign-in problem")
        self.form = QFormLayout()
        for text, box in (("&Username:", self.username), ("&Password:", self.password)):
            label = QLabel(text)
            label.setBuddy(box)
            self.form.addRow(label, box)
        # Our own buttons, not the standard Ok/Cancel: those fetch their icons from the
        # icon theme, a tenth of the time the first window takes to show.
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(
            "Sign in", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setDefault(True)  # Enter signs in
        self.quit_button = self.buttons.addButton("Quit", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(on_sign_in)
        self.buttons.rejected.connect(on_quit)

    def show_problem(self, text: str) -> None:
        """Say what went wrong under the boxes (never a message box), clear the password."""
        self.error.setText(f"⚠ {text}")
        self.error.setVisible(True)
        grow_to_fit(self.error)
        self.password.clear()
        self.password.setFocus()
