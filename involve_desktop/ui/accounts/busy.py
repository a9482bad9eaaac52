"""A busy sign while a password is being hashed (a second or more, by design).

Argon2id is made slow so that guessing passwords is slow; setting one (first run, adding an
account, a reset, a change) therefore holds the window for a second or more. Meanwhile the
cursor shows the app is busy and the buttons that would start it again are turned off.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QWidget


@contextmanager
def hashing_password(*buttons: QWidget | None) -> Iterator[None]:
    """Show the busy cursor and turn ``buttons`` off for the block; both are put back after,
    whether it succeeded or not (a button that was already off stays off)."""
    was_on = [(button, button.isEnabled()) for button in buttons if button is not None]
    for button, _on in was_on:
        button.setEnabled(False)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    # Let the cursor and the greyed buttons show before the window is held (no input is
    # handled meanwhile, so nothing can be pressed twice).
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        for button, on in was_on:
            button.setEnabled(on)
