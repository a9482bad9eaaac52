"""Moving between the first-run wizard, the sign-in window and the main window.

``Unlocked`` carries who opened an encrypted file at start, so they are signed in without
being asked twice; ``AppFlow`` shows the wizard (a database with no account yet), the
sign-in window, and the main window after sign-in or after logging out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from involve_desktop.core.errors import InvolveError
from involve_desktop.ui.accounts.login_dialog import LoginDialog

if TYPE_CHECKING:
    from involve_desktop import startup
    from involve_desktop.core.services.dto import Actor
    from involve_desktop.ui.context import AppContext
    from involve_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class Unlocked:
    """Who opened the encrypted file at start: they are signed in without a second ask."""

    username: str = ""
    password: str = ""

    def take(self) -> tuple[str, str] | None:
        """The username and password once (then forgotten), or None."""
        if not self.username:
            return None
        pair = (self.username, self.password)
        self.username = self.password = ""
        return pair


class AppFlow:
    """Moves between the wizard, the sign-in dialog and the main window."""

    def __init__(
        self,
        context: AppContext,
        opened: startup.OpenDatabase | None = None,
        unlocked: Unlocked | None = None,
    ) -> None:
        self.context = context
        self.opened = opened
        self.unlocked = unlocked
        self.login_dialog: LoginDialog | None = None
        self.main_window: MainWindow | None = None

    def start(self) -> bool:
        """Run the first-run wizard if needed, then show sign-in. False if set-up was cancelled."""
        from involve_desktop.core.services import accounts

        pair = self.unlocked.take() if self.unlocked is not None else None
        if pair is not None and self._sign_in_unlocked(*pair):
            return True
        with self.context.session() as session:
            set_up = accounts.is_set_up(session)
        username = pair[0] if pair else ""
        if not set_up:
            from involve_desktop.ui.accounts.first_run_wizard import FirstRunWizard

            wizard = FirstRunWizard(self.context)
            wizard.exec()
            if wizard.created is None:
                return False
            username = wizard.created.username
        self.show_login(username)
        return True

    def _sign_in_unlocked(self, username: str, password: str) -> bool:
        """Sign in with the details that opened the encrypted file; False shows sign-in."""
        from involve_desktop.core.services import accounts

        try:
            with self.context.session() as session:
                actor = accounts.sign_in_after_unlock(session, username, password)
        except InvolveError as error:
            log.info("Opened the encrypted file but could not sign in: %s", error.message)
            return False
        self._open_window(actor)
        return True

    def show_login(self, username: str = "") -> None:
        """Show the sign-in dialog (non-modal, so the event loop stays with the app)."""
        dialog = LoginDialog(self.context, username)
        dialog.accepted.connect(self._signed_in)
        dialog.rejected.connect(QCoreApplication.quit)
        self.login_dialog = dialog
        dialog.show()

    def _signed_in(self) -> None:
        dialog = self.login_dialog
        assert dialog is not None and dialog.actor is not None
        self.login_dialog = None
        dialog.deleteLater()
        self._open_window(dialog.actor)

    def _open_window(self, actor: Actor) -> None:
        from involve_desktop.ui.main_window import MainWindow

        window = MainWindow(self.context, actor)
        window.logged_out.connect(self._logged_out)
        self.main_window = window
        self._mark_window(window, actor.display_name)
        window.show()
        # Keys go to the window at once (the sign-in dialog that had them has just closed).
        window.raise_()
        window.activateWindow()

    def _mark_window(self, window: MainWindow, account_name: str) -> None:
        """Name the signed-in account in the lock file; READ-ONLY in the title when so."""
        claim = self.opened.claim if self.opened is not None else None
        if claim is None:
            return
        if claim.lock is not None:
            claim.lock.set_user(account_name)
        if claim.read_only:
            from involve_desktop.ui.read_only_notice import mark_read_only

            mark_read_only(window)

    def _logged_out(self) -> None:
        if self.main_window is not None:
            self.main_window.deleteLater()
            self.main_window = None
        self.show_login()
