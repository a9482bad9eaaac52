"""Lock now (Ctrl+L) and Quit (Ctrl+Q) from anywhere in the app, open dialogs included.

The main window's menu shortcuts only work while the main window itself is active: a modal
dialog on top (mid-edit, exactly when someone walks away from a shared laptop) blocks them.
:class:`AppWideKeys` is an application-wide event filter that catches the two keys when
they reach a widget in another window:

* **Ctrl+L** locks exactly as the idle lock does: every window, the open dialog too, is
  covered and its typing kept until the same password unlocks.
* **Ctrl+Q** first closes the open dialogs, top one first, by their own Esc rules (a dialog
  with unsaved typing asks "Discard your changes?"); if every one closed, the app quits.
  Choosing *Keep editing* stops there: nothing else closes and the app does not quit.
  While a question box (a ``QMessageBox``) or the lock screen is up, Ctrl+Q does nothing:
  the question is answered, or the app unlocked, first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from involve_desktop.ui.lock.lock_dialog import LockDialog

LOCK_KEY = "Ctrl+L"  # the same as File → Lock now; Quit is the platform's own key


def _pressed(event: QKeyEvent) -> QKeySequence:
    return QKeySequence(event.keyCombination())


class AppWideKeys(QObject):
    """Ctrl+L and Ctrl+Q for every window of one main window's session.

    ``lock`` locks now; ``quit`` closes the main window (run after the dialogs' own event
    loops have ended). ``window`` is the main window, whose menu handles the keys itself.
    """

    def __init__(
        self, window: QWidget, lock: Callable[[], object], quit: Callable[[], object]
    ) -> None:
        super().__init__(window)
        self.window = window
        self._lock = lock
        self._quit = quit
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        """Stop catching the keys (the main window closed)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if event.isAutoRepeat():
            return False
        keys = _pressed(event)
        exact = QKeySequence.SequenceMatch.ExactMatch
        is_lock = keys.matches(QKeySequence(LOCK_KEY)) == exact
        is_quit = event.matches(QKeySequence.StandardKey.Quit) or (
            keys.matches(QKeySequence("Ctrl+Q")) == exact
        )
        if not (is_lock or is_quit):
            return False
        if watched.window() is self.window or not self.window.isVisible():
            return False  # the main window's own menu shortcut is the one for it
        if isinstance(QApplication.activeModalWidget(), LockDialog) or isinstance(
            watched.window(), LockDialog
        ):
            return True  # already locked; quitting waits for the password
        if is_lock:
            self._lock()
            return True
        self.close_dialogs_then_quit()
        return True

    def close_dialogs_then_quit(self) -> bool:
        """Close the open dialogs as Esc would (asking about unsaved typing), then quit;
        False (and nothing more closed) when one stays open or a question is up."""
        seen: set[int] = set()
        while True:
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self.window:
                break
            if isinstance(modal, (QMessageBox, LockDialog)) or not isinstance(modal, QDialog):
                return False
            if id(modal) in seen:
                return False  # it would not close
            seen.add(id(modal))
            modal.reject()  # Esc's rule: asks "Discard your changes?" after edits
            if modal.isVisible():
                return False  # Keep editing: nothing else closes, the app stays
        QTimer.singleShot(0, self._quit)  # after the dialogs' own event loops have ended
        return True
