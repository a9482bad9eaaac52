"""Driving the app by keyboard alone: keys go to whatever has focus, dialogs are scripted.

``press`` and ``type_keys`` send key events to ``QApplication.focusWidget()`` — where a
person's keys would go. A dialog opened with ``exec()`` is shown as a real window and handed
to the next script in the queue, which again uses only keys; its result is what those keys
made of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    """The widget a key press goes to now."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    """Press ``key`` (with ``modifier``) on whatever has focus, ``times`` times."""
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifier)


def type_keys(qtbot, text: str) -> None:
    """Type ASCII ``text`` into whatever has focus."""
    qtbot.keyClicks(focused(), text)


def go_to_area(qtbot, window, key: str) -> None:
    """Ctrl+<number> of the area ``key``, as in the Go menu."""
    number = [a.key for a in window.areas].index(key) + 1
    press(qtbot, getattr(Qt.Key, f"Key_{number % 10}"), CTRL)
    assert window.current_area() == key


def mnemonic(qtbot, letter: str) -> None:
    """Alt+``letter`` (a button's or label's underlined letter), then let the click land.

    A button pressed by its mnemonic is clicked the way a mouse would (``animateClick``):
    pressed now and released 100 ms later, so its action runs only after that.
    """
    press(qtbot, getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)
    qtbot.wait(150)


def tab_to(qtbot, wanted: Callable[[QWidget], bool], limit: int = 60) -> QWidget:
    """Press Tab until the focused widget is one ``wanted`` accepts; returns it."""
    for _ in range(limit):
        if wanted(focused()):
            return focused()
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the widget wanted; stopped on {focused()!r}")


def _back_to(qtbot, parent: QWidget | None) -> None:
    """The window under a closed dialog becomes active again, as a window manager makes it
    (the offscreen platform has none), so keys go back to the control that had focus."""
    if parent is None or not parent.window().isVisible():
        return
    window = parent.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


@contextmanager
def scripted_dialogs(qtbot, *scripts: Callable[[QDialog], None]) -> Iterator[list[str]]:
    """Each ``dialog.exec()`` in turn shows the dialog and runs the next script on it.

    A script uses only key presses; the dialog's result is whatever the keys did. When it
    closes, the window under it is active again. ``QInputDialog.getText`` is answered by a
    script too. Yields the titles of the dialogs opened.
    Fails if a dialog opens with no script left.
    """
    queue = list(scripts)
    opened: list[str] = []
    real_exec = QDialog.exec

    def run(dialog: QDialog) -> int:
        opened.append(dialog.windowTitle())
        assert queue, f"no script for the dialog {dialog.windowTitle()!r}"
        script = queue.pop(0)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget() or dialog))
        script(dialog)
        if dialog.isVisible():
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
        _back_to(qtbot, dialog.parentWidget())
        return dialog.result()

    real_get_text = QInputDialog.getText

    def get_text(
        parent: QWidget | None,
        title: str,
        label: str,
        echo: QLineEdit.EchoMode = QLineEdit.EchoMode.Normal,
        text: str = "",
        *_args,
        **_kwargs,
    ) -> tuple[str, bool]:
        # Qt's static helper runs its dialog in C++, out of reach of the scripts: the same
        # dialog is made here and run through exec() like any other
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(echo)
        dialog.setTextValue(text)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        value = dialog.textValue()
        dialog.deleteLater()
        return (value if accepted else "", accepted)

    QDialog.exec = run
    QInputDialog.getText = staticmethod(get_text)
    try:
        yield opened
    finally:
        QDialog.exec = real_exec
        QInputDialog.getText = real_get_text
