"""Locking the app after no input: covers every window, shows the lock screen, and undoes
it all on the right password; nothing an open dialog holds is closed or cleared.

Each open window gets a *curtain*: an opaque child widget over all of its contents, and its
title is replaced by "Locked" (a member's name in a dialog title would otherwise show).
Dialogs are covered, never hidden, because hiding a dialog ends its ``exec()``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

from involve_desktop.core.services import accounts, idle
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.idle import IdleClock
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.lock.idle_watcher import IdleWatcher
from involve_desktop.ui.lock.lock_dialog import LockDialog

log = logging.getLogger(__name__)
LOCKED_TITLE = "Locked"


class Curtain(QLabel):
    """An opaque cover over one window's contents that follows its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__("🔒 Locked", window)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        self.setFont(font)
        self.setObjectName("lockCurtain")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)
        self.setAccessibleName("Locked")
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class LockController(QObject):
    """Watches for idleness over ``window`` and runs the lock; ``switch_account`` is emitted
    when the person at the lock screen chooses to sign out instead."""

    locked = Signal()
    unlocked = Signal()
    switch_account = Signal()

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        window: QWidget,
        group: str,
        clock: IdleClock | None = None,
    ) -> None:
        super().__init__(window)
        self.context = context
        self.actor = actor
        self.window = window
        self.group = group
        if clock is None:
            with context.session() as session:
                clock = IdleClock(idle.idle_minutes(session))
        self.watcher = IdleWatcher(clock, self)
        self.watcher.idle.connect(self.lock)
        self.dialog: LockDialog | None = None
        self._covered: list[tuple[QWidget, Curtain, str]] = []

    @property
    def is_locked(self) -> bool:
        """True while the lock screen is up."""
        return self.dialog is not None

    def set_minutes(self, minutes: int) -> None:
        """Use a new idle time from now on (after Settings → Screen lock changed it)."""
        self.watcher.clock.minutes = minutes
        self.watcher.clock.touch()

    def _open_windows(self) -> list[QWidget]:
        windows = [self.window]
        for widget in QApplication.topLevelWidgets():
            kind = widget.windowType()
            if kind in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                widget.hide()  # an open menu or tooltip closes rather than being covered
                continue
            if isinstance(widget, LockDialog):
                continue
            if widget is not self.window and widget.isVisible() and widget.isWindow():
                windows.append(widget)
        return windows

    def lock(self, asked: bool = False) -> None:
        """Cover every window and show the lock screen (does nothing if already locked);
        ``asked``: by Lock now rather than after no input."""
        if self.dialog is not None:
            return
        self.watcher.paused = True
        for window in self._open_windows():
            self._covered.append((window, Curtain(window), window.windowTitle()))
            window.setWindowTitle(LOCKED_TITLE)
        try:
            with self.context.session() as session:
                accounts.lock(session, self.actor)
        except Exception:  # noqa: BLE001 - the lock must happen even if the trail cannot
            log.exception("Could not record the lock")
        parent = QApplication.activeModalWidget() or self.window
        self.dialog = LockDialog(self.context, self.actor, self.group, parent, asked=asked)
        self.dialog.unlocked.connect(self._unlocked)
        self.dialog.switch_requested.connect(self._switch)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.locked.emit()

    def _uncover(self) -> None:
        for window, curtain, title in self._covered:
            window.removeEventFilter(curtain)
            curtain.hide()
            curtain.deleteLater()
            window.setWindowTitle(title)
        self._covered.clear()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def _unlocked(self, actor: Actor) -> None:
        self._uncover()
        self.watcher.resume()
        self.unlocked.emit()

    def open_dialogs(self) -> list[QDialog]:
        """The dialogs open over the window (not counting the lock screen)."""
        return [
            w
            for w, _curtain, _title in self._covered
            if isinstance(w, QDialog) and w is not self.dialog
        ]

    def _switch(self) -> None:
        dialogs = self.open_dialogs()
        if dialogs:
            answer = QMessageBox.question(
                self.dialog,
                "Switch account",
                f"{len(dialogs)} window{'s are' if len(dialogs) > 1 else ' is'} still open "
                f"for {self.actor.display_name}. Switching account closes "
                f"{'them' if len(dialogs) > 1 else 'it'}, and anything typed there and not "
                "saved is lost. Switch account anyway?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._uncover()
        for dialog in reversed(dialogs):
            dialog.done(QDialog.DialogCode.Rejected)  # not reject(): no "discard?" question
        self.watcher.stop()
        # After the dialogs' own event loops have ended.
        QTimer.singleShot(0, self.switch_account.emit)

    def stop(self) -> None:
        """Stop watching and take any lock screen down (the window is closing)."""
        self.watcher.stop()
        self._uncover()
