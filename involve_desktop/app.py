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

Starting quickly: the sign-in window is the first thing on screen and needs neither
SQLAlchemy nor the services. For an existing plain SQLite file, or a database server this
laptop has opened before, it shows before the database is opened; once it has painted, the
heavy modules are imported in the background (``warm_up``) and the database is then opened,
checked and upgraded while the person types (a Sign in pressed sooner waits for that). An
encrypted file's sign-in window warms up the same way. What only some starts need (the
first-run wizard, the damaged-file dialog, the demo seeders, each area beyond Home) is
imported only then.
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from involve_desktop import APP_NAME, __version__, paths, startup_file, warm_up
from involve_desktop.app_flow import AppFlow, Unlocked
from involve_desktop.core.db.urls import server_key
from involve_desktop.core.errors import InvolveError
from involve_desktop.ui.accounts.login_dialog import LoginDialog, remember_server, remembered_server
from involve_desktop.ui.messages import unexpected_error_text
from involve_desktop.ui.shutting_down import mark_shutting_down

if TYPE_CHECKING:
    from involve_desktop import startup
    from involve_desktop.core.db.single_writer import Claim
    from involve_desktop.core.demo.context import DemoSize
    from involve_desktop.ui.backups.auto_backup import AutoBackup
    from involve_desktop.ui.context import AppContext

log = logging.getLogger(__name__)


def _install_excepthook(app: QApplication) -> None:
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("Unexpected error", exc_info=(kind, error, trace))
        QMessageBox.critical(app.activeWindow(), APP_NAME, unexpected_error_text())

    sys.excepthook = hook


def create_application(argv: Sequence[str], styled: bool = True) -> QApplication:
    """The QApplication with names (for QSettings) and the app icon; with ``styled`` False
    the caller applies ``apply_style`` itself (after the first window has painted)."""
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    app.setOrganizationName("Involve")
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.involve.InvolveDesktop")  # packaging/linux desktop entry
    icon = paths.resource("icons", "involve-desktop.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    if styled:
        apply_style(app)
    return app


def apply_style(app: QApplication) -> None:
    """The focus ring (a 2 px highlight ring on the focused widget) and the app's style
    sheet on top. ~20-35 ms, mostly Qt's style enums made for Python on first use, so the
    sign-in window shown first gets them once it has painted."""
    from involve_desktop.ui.focus_style import install_focus_ring

    install_focus_ring(app)
    style = paths.resource("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


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
        from involve_desktop import startup

        return startup.open_demo_database(demo_size)
    target = url or startup_file.resolve_url(None)
    claim = _claim(target)
    try:
        key = None
        if startup_file.is_encrypted(target):
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
    from involve_desktop.ui.read_only_notice import (
        confirm_clear_stale,
        tell_read_only,
        warn_location,
    )

    warning = startup_file.location_warning(target)
    if warning:
        warn_location(None, warning)
    claim = startup_file.claim_database(target, lambda holder: confirm_clear_stale(None, holder))
    if claim is not None and claim.read_only:
        tell_read_only(None, claim.holder)
    return claim


def _after_first_paint(widget: QWidget, then: Callable[[], object]) -> None:
    """Call ``then`` once ``widget`` has painted for the first time (it is on screen)."""

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    watcher = FirstPaint(widget)
    widget.installEventFilter(watcher)


def _unlock(target: str, unlocked: Unlocked | None) -> bytes | None:
    """Ask for a username and password that open the encrypted file; None if they quit."""
    from involve_desktop.ui.encryption.unlock_dialog import UnlockDialog

    dialog = UnlockDialog(target)
    _after_first_paint(dialog, warm_up.start)
    if dialog.exec() != UnlockDialog.DialogCode.Accepted or dialog.key is None:
        return None
    if unlocked is not None:
        unlocked.username, unlocked.password = dialog.username_used, dialog.password_used
    return dialog.key


def _open_or_restore(
    target: str, claim: Claim | None, key: bytes | None = None
) -> startup.OpenDatabase | None:
    warm_up.wait()
    from involve_desktop import startup

    try:
        return startup.open_database(target, claim=claim, key=key)
    except startup.DatabaseDamagedError as error:
        from involve_desktop.ui.backups.damaged_dialog import offer_restore

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


class Running:
    """The open database of a running app, and what closes with it."""

    def __init__(self, opened: startup.OpenDatabase) -> None:
        from involve_desktop.core.db.engine import session_factory
        from involve_desktop.ui.context import AppContext

        self.opened = opened
        self.context = AppContext(session_factory(opened.engine), opened.location, opened.demo)
        self.auto_backup: AutoBackup | None = None

    def start_backups(self, app: QApplication) -> None:
        """Copy the file every 30 minutes when something changed (not when read-only)."""
        from involve_desktop.ui.backups.auto_backup import start_auto_backup

        opened = self.opened
        self.auto_backup = (
            None if opened.read_only else start_auto_backup(opened.engine, opened.demo)
        )
        if self.auto_backup is not None:
            self.auto_backup.failed.connect(
                lambda text: QMessageBox.warning(app.activeWindow(), "Backup not made", text)
            )

    def close(self) -> None:
        """The on-close backup (if anything changed), the engines, and the writer lock.

        A failed on-close copy is said in a box (the window is already gone) after the
        file is let go, so the person closing the app knows the last copy is older.
        """
        problem = self.auto_backup.close() if self.auto_backup is not None else None
        _dispose_rebound(self.context, self.opened)
        self.opened.close()
        if problem is not None:
            tell_backup_not_made(problem)


def tell_backup_not_made(text: str) -> None:
    """The on-close copy failed: a warning box with the reason and what to do."""
    QMessageBox.warning(None, "Backup not made", text)


def run_app(url: str | None, demo_size: DemoSize | None, argv: Sequence[str]) -> int:
    """Start the window on ``url`` (or the demo database when ``demo_size`` is given)."""
    app = create_application(argv, styled=False)
    _install_excepthook(app)
    _quit_on_terminate(app)
    target = None if demo_size is not None else (url or startup_file.resolve_url(None))
    if target is not None and _signs_in_first(target):
        return SignInFirst(app, target).run()  # styled once its window has painted
    apply_style(app)
    startup_file.cap_log_size()
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
    if target is not None:
        _remember_if_server(target)
    running = Running(opened)
    flow = AppFlow(running.context, opened, unlocked)
    if not flow.start():
        running.close()
        return 0
    running.start_backups(app)
    code = app.exec()
    running.close()
    return code


def _signs_in_first(target: str) -> bool:
    """True for an existing, plain SQLite file, or a database server opened on this laptop
    before: its sign-in window shows before it opens. (A server opened for the first time
    may be new and need setting up, or unreachable: it is opened first, as before.)"""
    path = startup_file.database_file(target)
    if path is None:
        key = server_key(target)
        return key is not None and key == remembered_server()
    return path.is_file() and path.stat().st_size > 0 and not startup_file.is_encrypted(target)


def _remember_if_server(target: str) -> None:
    """Note a database server that opened, for the next start (no password is kept)."""
    key = server_key(target)
    if key is not None and key != remembered_server():
        remember_server(key)


class SignInFirst:
    """Start on an existing plain SQLite file (or a known server): sign-in window first, the
    file opened behind it.

    The window paints, the heavy modules are imported in the background, then the file is
    opened (checked, backed up and upgraded if needed) on this thread. Sign in pressed
    sooner finishes the opening first. A file that cannot be opened is explained and the
    app ends, as when it is opened before the window.
    """

    def __init__(self, app: QApplication, target: str) -> None:
        self.app = app
        self.target = target
        self.claim: Claim | None = None
        self.running: Running | None = None
        self.flow: AppFlow | None = None
        self.failed = False
        self.opening = False
        self.dialog: LoginDialog | None = None
        self.quit: Callable[[int], object] = QCoreApplication.exit  # ends the app's event loop
        self.poll = QTimer()
        self.poll.setInterval(25)
        self.poll.timeout.connect(self._poll)

    def run(self) -> int:
        """Show the sign-in window and run the app; the exit code."""
        self.show()
        try:
            code = self.app.exec()
        finally:
            self.close()
        return 1 if self.failed and code == 0 else code

    def show(self) -> None:
        """Show the sign-in window; the file's writer lock is taken once it has painted (a
        question about the lock then shows over it) and the file opened after."""
        dialog = LoginDialog(None, opening=self.finish_opening)
        dialog.accepted.connect(self._signed_in)
        dialog.rejected.connect(lambda: self.quit(0))
        self.dialog = dialog
        _after_first_paint(dialog, self._begin)
        dialog.show()

    def close(self) -> None:
        """After the event loop: the on-close backup, the engine, the writer lock."""
        self.poll.stop()
        if self.running is not None:
            self.running.close()
        elif self.claim is not None:
            self.claim.release()

    def _begin(self) -> None:
        apply_style(self.app)
        startup_file.cap_log_size()
        if self.claim is None and self.running is None:
            self.claim = _claim(self.target)
        warm_up.start()
        self.poll.start()

    def _poll(self) -> None:
        if not warm_up.is_done():
            return
        self.poll.stop()
        context = self.finish_opening()
        if context is not None and self.dialog is not None and self.dialog.context is None:
            self.dialog.set_context(context)

    def finish_opening(self) -> AppContext | None:
        """Open the database now if it is not yet (None, and the app ends, if it cannot)."""
        if self.running is not None:
            return self.running.context
        if self.failed or self.opening:
            return None  # (a Sign in pressed while a question about the file is open)
        self.poll.stop()
        self.opening = True
        if self.claim is None:  # (Sign in pressed before the window painted)
            self.claim = _claim(self.target)
        try:
            opened = _open_or_restore(self.target, self.claim)
        except InvolveError as error:
            return self._fail(error.message)
        except Exception:  # noqa: BLE001 - logged, and the user is told where
            log.exception("Start-up failed")
            return self._fail(unexpected_error_text())
        finally:
            self.opening = False
        if opened is None:
            return self._fail(None)
        _remember_if_server(self.target)
        self.running = Running(opened)
        self.flow = AppFlow(self.running.context, opened)
        self.running.start_backups(self.app)
        if not self._is_set_up():
            QTimer.singleShot(0, self._set_up_first)
        return self.running.context

    def _is_set_up(self) -> bool:
        from involve_desktop.core.services import accounts

        assert self.running is not None
        with self.running.context.session() as session:
            return accounts.is_set_up(session)

    def _set_up_first(self) -> None:
        """A file with no account yet (set-up was left unfinished): the wizard instead."""
        assert self.flow is not None
        if self.dialog is not None:
            self.dialog.rejected.disconnect()
            self.dialog.close()
            self.dialog = None
        if not self.flow.start():
            self.quit(0)

    def _fail(self, message: str | None) -> None:
        self.failed = True
        if message:
            QMessageBox.critical(self.dialog, APP_NAME, message)
        if self.dialog is not None:
            self.dialog.rejected.disconnect()
            self.dialog.close()
        self.quit(1)
        return None

    def _signed_in(self) -> None:
        dialog, flow = self.dialog, self.flow
        assert dialog is not None and flow is not None
        self.dialog = None
        flow.login_dialog = dialog
        flow._signed_in()  # noqa: SLF001 - the flow takes over from here


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
            mark_shutting_down(app)  # windows close without asking about unsaved words
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
