"""Noticing input anywhere in the app and saying when nobody has touched it for a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from involve_desktop.core.services.idle import IdleClock

# Events that mean a person is at the laptop (mouse, keyboard, touch, wheel).
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
CHECK_EVERY_MS = 2000


class IdleWatcher(QObject):
    """An application-wide event filter over an ``IdleClock``; emits ``idle`` once when due.

    ``check()`` is what the timer calls; tests call it directly after moving a fake clock.
    While paused (the window is locked) input is not counted and ``idle`` is not emitted.
    """

    idle = Signal()

    def __init__(self, clock: IdleClock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.paused = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.paused and event.type() in INPUT_EVENTS:
            self.clock.touch()
        return False

    def check(self) -> None:
        """Emit ``idle`` when the idle time has run out (and pause until ``resume``)."""
        if not self.paused and self.clock.is_due():
            self.paused = True
            self.idle.emit()

    def resume(self) -> None:
        """Count input again from now (after unlocking)."""
        self.clock.touch()
        self.paused = False

    def stop(self) -> None:
        """Stop watching for good (the window closed)."""
        self.timer.stop()
        self.paused = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
