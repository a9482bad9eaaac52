"""Locking the app after no input: covers every window, shows the lock screen, and undoes
it all on the right password; nothing an open dialog holds is closed or cleared.

Each open window gets a *curtain*: an opaque child widget over all of its contents, and its
title is replaced by "Locked" (a member's name in a dialog title would otherwise show).
Dialogs are covered, never hidden, because hiding a dialog ends its ``exec()``.

Nothing new opens over the lock. Work finished in the background while locked (a sheet
made, ready to preview) is held with ``show_when_unlocked`` and shown after the same account
unlocks, or dropped on Switch account. Any other window that appears while locked is
covered at once, and the lock screen moved on top of it so it can still be unlocked.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from involve_desktop.core.services import accounts, idle
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.idle import IdleClock
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.lock.idle_watcher import IdleWatcher
from involve_desktop.ui.lock.lock_dialog import LockDialog
from involve_desktop.ui.messages import ask

log = logging.getLogger(__name__)
LOCKED_TITLE = "Locked"
_controllers: weakref.WeakSet[LockController] = weakref.WeakSet()


def _within(widget: QWidget, ancestor: QWidget) -> bool:
    """Whether ``widget`` is ``ancestor`` or opened from it (parents across windows too)."""
    current: QWidget | None = widget
    while current is not None:
        if current is ancestor:
            return True
        current = current.parentWidget()
    return False


def show_when_unlocked(show: Callable[[], None]) -> None:
    """Open something now (a preview, a message), or, while the app is locked, after the same
    account unlocks; dropped if they switch account instead (it was theirs, not the next
    person's)."""
    for controller in list(_controllers):
        if controller.is_locked:
            controller.hold(show)
            return
    show()


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
        self._held: list[Callable[[], None]] = []
        _controllers.add(self)

    @property
    def is_locked(self) -> bool:
        """True while the lock screen is up."""
        return self.dialog is not None

    def hold(self, show: Callable[[], None]) -> None:
        """Keep ``show`` until unlocked (run then), or drop it on Switch account."""
        self._held.append(show)

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
            self._cover(window)
        try:
            with self.context.session() as session:
                accounts.lock(session, self.actor, asked=asked)
        except Exception:  # noqa: BLE001 - the lock must happen even if the trail cannot
            log.exception("Could not record the lock")
        parent = QApplication.activeModalWidget() or self.window
        self.dialog = LockDialog(self.context, self.actor, self.group, parent, asked=asked)
        self.dialog.unlocked.connect(self._unlocked)
        self.dialog.switch_requested.connect(self._switch)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        QApplication.instance().installEventFilter(self)
        self.locked.emit()

    def _cover(self, window: QWidget) -> None:
        self._covered.append((window, Curtain(window), window.windowTitle()))
        window.setWindowTitle(LOCKED_TITLE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """While locked, a window that appears (a message from work finished in the
        background) is covered, and the lock screen stays on top and usable."""
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and self.dialog is not None
        ):
            self._cover_new(watched)
        return False

    def _cover_new(self, window: QWidget) -> None:
        dialog = self.dialog
        assert dialog is not None
        if window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            return
        if _within(window, dialog):
            return  # the lock screen itself, or its own question (Switch account)
        if any(covered is window for covered, _curtain, _title in self._covered):
            return
        log.info("A window opened while locked; covered until unlocked")
        self._cover(window)
        if window.isModal() or window.windowModality() != Qt.WindowModality.NonModal:
            # A modal window shown after the lock screen would block it: move the lock
            # screen onto it, after it has become modal.
            QTimer.singleShot(0, lambda: self._lift_lock_over(window))

    def _lift_lock_over(self, window: QWidget) -> None:
        dialog = self.dialog
        if dialog is None or not window.isVisible():
            return
        typed = dialog.password.text()
        dialog.setParent(window, dialog.windowFlags())
        dialog.password.setText(typed)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.password.setFocus()

    def _uncover(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
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
        held, self._held = self._held, []
        for show in held:  # after this slot returns: each may open a dialog and wait
            QTimer.singleShot(0, show)

    def open_dialogs(self) -> list[QDialog]:
        """The dialogs open over the window (not counting the lock screen)."""
        return [
            w
            for w, _curtain, _title in self._covered
            if isinstance(w, QDialog) and w is not self.dialog
        ]

    def _switch(self) -> None:
        dialogs = self.open_dialogs()
        if dialogs and not ask(
            self.dialog,
            "Switch account",
            f"{len(dialogs)} window{'s are' if len(dialogs) > 1 else ' is'} still open "
            f"for {self.actor.display_name}. Switching account closes "
            f"{'them' if len(dialogs) > 1 else 'it'}, and anything typed there and not "
            "saved is lost. Switch account anyway?",
        ):
            return
        self._held.clear()  # what was made for this account is not shown to the next
        self._uncover()
        for dialog in reversed(dialogs):
            dialog.done(QDialog.DialogCode.Rejected)  # not reject(): no "discard?" question
        self.watcher.stop()
        # After the dialogs' own event loops have ended.
        QTimer.singleShot(0, self.switch_account.emit)

    def stop(self) -> None:
        """Stop watching and take any lock screen down (the window is closing)."""
        self.watcher.stop()
        self._held.clear()
        self._uncover()
