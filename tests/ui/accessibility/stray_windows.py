"""Catch widgets that flash up as windows of their own while a screen is being built.

``button.setVisible(True)`` on a widget that has no parent yet (a button made before the
layout holding it is put on its view) shows it at once as a small top-level window; when
the layout later adopts it, it disappears again. On a desktop that is a flicker, and the
main window loses keyboard focus to it: after opening an area for the first time a
keyboard user's keys went nowhere until they clicked the window.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


class _Spy(QObject):
    """Notes every widget that is shown as a window of its own."""

    def __init__(self, allowed: tuple[QWidget, ...]) -> None:
        super().__init__()
        self.allowed = allowed
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched not in self.allowed
        ):
            text = getattr(watched, "text", lambda: "")()
            self.shown.append(f"{type(watched).__name__} {text or watched.windowTitle()!r}")
        return False


@contextmanager
def stray_windows(*allowed: QWidget) -> Iterator[list[str]]:
    """While inside, collect the widgets (other than ``allowed``) shown as windows."""
    spy = _Spy(allowed)
    app = QApplication.instance()
    app.installEventFilter(spy)
    try:
        yield spy.shown
    finally:
        app.removeEventFilter(spy)
