"""The sign-in dialog shown at every start and after signing out."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from involve_desktop import APP_NAME
from involve_desktop.core.demo.account import (
    DEMO_FACILITATOR_USERNAME,
    DEMO_PASSWORD,
    DEMO_USERNAME,
)
from involve_desktop.core.errors import InvolveError
from involve_desktop.ui.accounts.sign_in_fields import SignInFields
from involve_desktop.ui.operations import service_call

if TYPE_CHECKING:
    from involve_desktop.core.services.dto import Actor
    from involve_desktop.ui.context import AppContext

GROUP_NAME = "sign_in/group_name"
SERVER = "sign_in/server"


def remembered_group_name() -> str:
    """The group named at the last sign-in on this laptop, shown before the data is open."""
    value = QSettings().value(GROUP_NAME, "")
    return value if isinstance(value, str) else ""


def remember_group_name(name: str) -> None:
    """Keep the group's name (not personal data) for the next sign-in window."""
    QSettings().setValue(GROUP_NAME, name)


def remembered_server() -> str:
    """The database server (``urls.server_key``: no password) last opened on this laptop."""
    value = QSettings().value(SERVER, "")
    return value if isinstance(value, str) else ""


def remember_server(key: str) -> None:
    """Keep which server was opened, so the next start can show its sign-in window first."""
    QSettings().setValue(SERVER, key)


class LoginDialog(QDialog):
    """Username and password; one message for any mismatch, never saying which was wrong."""

    def __init__(
        self,
        context: AppContext | None,
        username: str = "",
        parent: QWidget | None = None,
        *,
        opening: Callable[[], AppContext | None] | None = None,
        demo: bool = False,
    ) -> None:
        """``context`` None: the window shows while the database is still being opened;
        ``opening()`` finishes that (None if it could not) before the first sign-in."""
        super().__init__(parent)
        self.context = context
        self.opening = opening
        self.actor: Actor | None = None
        demo = context.demo if context is not None else demo
        self.heading = QLabel()
        # Rich text (the <h2>) is recognised by itself; naming Qt's enum here would cost the
        # first window a hundredth of a second to import.
        intro = QLabel("Sign in with your own account. Each person who uses this laptop has one.")
        intro.setWordWrap(True)
        self.fields = SignInFields(self.try_sign_in, self.reject)
        self.username, self.password = self.fields.username, self.fields.password
        self.error = self.fields.error
        self.buttons, self.sign_in_button = self.fields.buttons, self.fields.sign_in_button
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(intro)
        if demo:
            notice = QLabel(
                f"This is the <b>demo</b> group with made-up people. Sign in as "
                f"<b>{DEMO_USERNAME}</b> (a coordinator) or <b>{DEMO_FACILITATOR_USERNAME}</b> "
                f"(a group facilitator), with password <b>{DEMO_PASSWORD}</b>."
            )
            notice.setWordWrap(True)
            layout.addWidget(notice)
            self.username.setText(DEMO_USERNAME)
        if username:
            self.username.setText(username)
        layout.addLayout(self.fields.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        (self.password if self.username.text() else self.username).setFocus()
        self._demo = demo
        if context is None:
            self._name_group(remembered_group_name())
        else:
            self.set_context(context)  # (remembers the name for a start that signs in first)

    @staticmethod
    def _group_of(context: AppContext) -> str:
        from involve_desktop.core.services import organisation

        with context.session() as session:
            return organisation.group_name(session) or ""

    def _name_group(self, name: str) -> None:
        group = name or APP_NAME
        self.setWindowTitle(f"Sign in — {group}" + (" — DEMO" if self._demo else ""))
        self.heading.setText(f"<h2>{escape(group)}</h2>")
        self.heading.setAccessibleName(f"Group: {group}" if name else APP_NAME)

    def set_context(self, context: AppContext) -> None:
        """The database is open now: name its group (and remember the name for next time)."""
        self.context = context
        name = self._group_of(context)
        if not context.demo:
            remember_group_name(name)
        self._name_group(name)

    def try_sign_in(self) -> None:
        """Check the details; accept on success, otherwise say so and clear the password."""
        from involve_desktop.core.services import accounts

        if self.context is None and self.opening is not None:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QApplication

            # Still opening the data: finish that first (the typing is kept), busy meanwhile.
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                opened = self.opening()
            finally:
                QApplication.restoreOverrideCursor()
            if opened is None:
                return
            self.set_context(opened)
        assert self.context is not None
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
