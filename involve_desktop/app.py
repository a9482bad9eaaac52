"""The windowed app: QApplication → database → first-run wizard or sign-in → main window.

Logging out closes the main window and shows the sign-in dialog again; cancelling sign-in quits.
A damaged database file is offered its newest good backup (or the app quits, having written
nothing); while the app runs, the SQLite file is copied every 30 minutes when something
changed, and on close.

One writer per SQLite file: the app takes the file's lock first (``single_writer``). When
another copy has it, the user is told who and since when, and the window opens READ-ONLY; a
lock left by a crash is cleared after one question; a file on a network share or removable
drive is warned about.

An encrypted file (encryption at rest) is opened by signing in first (``UnlockDialog``): the
account's password unwraps the database key, the file is checked and upgraded with it, and
the same username and password then sign in without being asked again.
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from involve_desktop import APP_NAME, __version__, paths, startup
from involve_desktop.core.db.engine import session_factory
from involve_desktop.core.db.single_writer import Claim
from involve_desktop.core.demo.seed import DemoSize
from involve_desktop.core.errors import InvolveError
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.accounts.first_run_wizard import FirstRunWizard
from involve_desktop.ui.accounts.login_dialog import LoginDialog
from involve_desktop.ui.backups.auto_backup import start_auto_backup
from involve_desktop.ui.backups.damaged_dialog import offer_restore
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.encryption.unlock_dialog import UnlockDialog
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.messages import unexpected_error_text
from involve_desktop.ui.read_only_notice import (
    confirm_clear_stale,
    mark_read_only,
    tell_read_only,
    warn_location,
)

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
        pair = self.unlocked.take() if self.unlocked is not None else None
        if pair is not None and self._sign_in_unlocked(*pair):
            return True
        with self.context.session() as session:
            set_up = accounts.is_set_up(session)
        username = pair[0] if pair else ""
        if not set_up:
            wizard = FirstRunWizard(self.context)
            wizard.exec()
            if wizard.created is None:
                return False
            username = wizard.created.username
        self.show_login(username)
        return True

    def _sign_in_unlocked(self, username: str, password: str) -> bool:
        """Sign in with the details that opened the encrypted file; False shows sign-in."""
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
        window = MainWindow(self.context, actor)
        window.logged_out.connect(self._logged_out)
        self.main_window = window
        self._mark_window(window, actor.display_name)
        window.show()

    def _mark_window(self, window: MainWindow, account_name: str) -> None:
        """Name the signed-in account in the lock file; READ-ONLY in the title when so."""
        claim = self.opened.claim if self.opened is not None else None
        if claim is None:
            return
        if claim.lock is not None:
            claim.lock.set_user(account_name)
        if claim.read_only:
            mark_read_only(window)

    def _logged_out(self) -> None:
        if self.main_window is not None:
            self.main_window.deleteLater()
            self.main_window = None
        self.show_login()


def _install_excepthook(app: QApplication) -> None:
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("Unexpected error", exc_info=(kind, error, trace))
        QMessageBox.critical(app.activeWindow(), APP_NAME, unexpected_error_text())

    sys.excepthook = hook


def create_application(argv: Sequence[str]) -> QApplication:
    """The QApplication with names (for QSettings) and the app icon."""
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    app.setOrganizationName("Involve")
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.involve.InvolveDesktop")  # packaging/linux desktop entry
    icon = paths.resource("icons", "involve-desktop.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = paths.resource("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def _fatal(parent: QWidget | None, message: str) -> int:
    QMessageBox.critical(parent, APP_NAME, message)
    return 1


def open_or_recover(
    url: str | None, demo_size: DemoSize | None, unlocked: Unlocked | None = None
) -> startup.OpenDatabase | None:
    """Open the database; when its file is damaged, offer the newest good backup.

    An encrypted file is unlocked first by signing in (``unlocked`` receives who did).
    None when the user chose to quit (nothing was written to the damaged file). After a
    restore, says where the damaged file is kept.
    """
    if demo_size is not None:
        return startup.open_demo_database(demo_size)
    target = url or startup.resolve_url(None)
    claim = _claim(target)
    try:
        key = None
        if startup.is_encrypted(target):
            key = _unlock(target, unlocked)
            if key is None:
                if claim is not None:
                    claim.release()
                return None
        opened = _open_or_restore(target, claim, key)
    except BaseException:
        if claim is not None:
            claim.release()
        raise
    if opened is None and claim is not None:
        claim.release()
    return opened


def _claim(target: str) -> Claim | None:
    """Warn about a risky place, then become the file's writer or learn who is."""
    warning = startup.location_warning(target)
    if warning:
        warn_location(None, warning)
    claim = startup.claim_database(target, lambda holder: confirm_clear_stale(None, holder))
    if claim is not None and claim.read_only:
        tell_read_only(None, claim.holder)
    return claim


def _unlock(target: str, unlocked: Unlocked | None) -> bytes | None:
    """Ask for a username and password that open the encrypted file; None if they quit."""
    dialog = UnlockDialog(target)
    if dialog.exec() != UnlockDialog.DialogCode.Accepted or dialog.key is None:
        return None
    if unlocked is not None:
        unlocked.username, unlocked.password = dialog.username_used, dialog.password_used
    return dialog.key


def _open_or_restore(
    target: str, claim: Claim | None, key: bytes | None = None
) -> startup.OpenDatabase | None:
    try:
        return startup.open_database(target, claim=claim, key=key)
    except startup.DatabaseDamagedError as error:
        if claim is not None and claim.read_only:
            raise  # only the copy that has the file open may restore it
        # With no good backup the dialog only explains, and Quit is the one choice.
        if not offer_restore(error) or error.backup is None:
            return None
        aside = startup.restore_latest_good_backup(error)
        opened = startup.open_database(target, claim=claim, key=key)
        QMessageBox.information(
            None,
            APP_NAME,
            f"The backup taken {startup.describe_backup(error.backup)} is now in use. "
            f"The damaged file is kept, not deleted, as:\n{aside}",
        )
        return opened


def run_app(url: str | None, demo_size: DemoSize | None, argv: Sequence[str]) -> int:
    """Start the window on ``url`` (or the demo database when ``demo_size`` is given)."""
    app = create_application(argv)
    _install_excepthook(app)
    _quit_on_terminate(app)
    unlocked = Unlocked()
    try:
        opened = open_or_recover(url, demo_size, unlocked)
    except InvolveError as error:
        return _fatal(None, error.message)
    except Exception:  # noqa: BLE001 - logged, and the user is told where
        log.exception("Start-up failed")
        return _fatal(None, unexpected_error_text())
    if opened is None:
        return 1
    context = AppContext(session_factory(opened.engine), opened.location, opened.demo)
    flow = AppFlow(context, opened, unlocked)
    if not flow.start():
        _dispose_rebound(context, opened)
        opened.close()
        return 0
    auto_backup = None if opened.read_only else start_auto_backup(opened.engine, opened.demo)
    if auto_backup is not None:
        auto_backup.failed.connect(
            lambda text: QMessageBox.warning(app.activeWindow(), "Backup not made", text)
        )
    code = app.exec()
    if auto_backup is not None:
        auto_backup.close()  # the on-close copy, if anything changed
    _dispose_rebound(context, opened)
    opened.close()  # the engine, and the writer lock
    return code


def _quit_on_terminate(app: QApplication) -> None:
    """A laptop shutting down sends SIGTERM: close the windows and the database properly
    (the on-close backup, the writer lock released) instead of dying mid-way.

    Python runs signal handlers only between bytecodes, and a signal may come before any
    window is up (while the database is checked or upgraded), so the handler only takes
    note; a timer running in every event loop — a wizard's or dialog's own too — then
    closes whatever windows are open and ends the app.
    """
    asked = []

    def terminate(_number: int, _frame: object) -> None:
        asked.append(True)

    def close_if_asked() -> None:
        if asked:
            for window in app.topLevelWidgets():  # a dialog's own event loop ends too
                window.close()
            app.quit()

    signal.signal(signal.SIGTERM, terminate)
    timer = QTimer(app)
    timer.setInterval(250)
    timer.timeout.connect(close_if_asked)
    timer.start()


def _dispose_rebound(context: AppContext, opened: startup.OpenDatabase) -> None:
    """The engine the app switched to after encrypting the file, if it did."""
    bind = context.sessions.kw.get("bind")
    if bind is not None and bind is not opened.engine:
        bind.dispose()
