"""The sign-in dialog shown at every start and after logging out."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.demo.seed import DEMO_PASSWORD, DEMO_USERNAME
from involve_desktop.core.errors import InvolveError
from involve_desktop.core.services import accounts, organisation
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.accounts.sign_in_fields import SignInFields
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call


class LoginDialog(QDialog):
    """Username and password; one message for any mismatch, never saying which was wrong."""

    def __init__(
        self, context: AppContext, username: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.actor: Actor | None = None
        with context.session() as session:
            group = organisation.group_name(session) or "Involve Desktop"
        self.setWindowTitle(f"Sign in — {group}" + (" — DEMO" if context.demo else ""))
        heading = QLabel(f"<h2>{escape(group)}</h2>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setAccessibleName(f"Group: {group}")
        intro = QLabel("Sign in with your own account. Each person who uses this laptop has one.")
        intro.setWordWrap(True)
        self.fields = SignInFields(self.try_sign_in, self.reject)
        self.username, self.password = self.fields.username, self.fields.password
        self.error = self.fields.error
        self.buttons, self.sign_in_button = self.fields.buttons, self.fields.sign_in_button
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        if context.demo:
            demo = QLabel(
                f"This is the <b>demo</b> group with made-up people. Sign in as "
                f"<b>{DEMO_USERNAME}</b> with password <b>{DEMO_PASSWORD}</b>."
            )
            demo.setWordWrap(True)
            layout.addWidget(demo)
            self.username.setText(DEMO_USERNAME)
        if username:
            self.username.setText(username)
        layout.addLayout(self.fields.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        (self.password if self.username.text() else self.username).setFocus()

    def try_sign_in(self) -> None:
        """Check the details; accept on success, otherwise say so and clear the password."""
        with service_call(self) as call:
            try:
                with self.context.session() as session:
                    self.actor = accounts.sign_in(
                        session, self.username.text(), self.password.text()
                    )
            except InvolveError as error:  # one line under the form, never a message box
                self.fields.show_problem(error.message)
                return
        if call.failed:
            return
        self.error.setVisible(False)
        self.accept()
