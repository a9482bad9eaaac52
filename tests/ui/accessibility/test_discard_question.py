"""The "Discard your changes?" question (ui/dialog_keys.py), answered by keyboard for real.

Its buttons say what they do — *Discard changes* and *Keep editing* — each with its own Alt
letter; Enter and Esc keep editing. These tests let the real question open (elsewhere tests
replace ``ask_discard``) and press keys on it once it is the active modal window.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)
from shiboken6 import isValid

from involve_desktop.ui import dialog_keys
from involve_desktop.ui.dialog_keys import DISCARD_TITLE, EditDialog, ask_discard, discard_box
from tests.ui.accessibility.mnemonics import clashes

ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def when_asked(qtbot, key: Qt.Key, modifier=NONE) -> list[str]:
    """Once the question is the active modal window, press ``key`` on whatever has focus
    there; returns a list that gets the question's title and its buttons' words."""
    seen: list[str] = []
    tries = [0]

    def answer() -> None:
        box = QApplication.activeModalWidget()
        tries[0] += 1
        if isinstance(box, QMessageBox) and tries[0] > 300:
            seen.append("the question never became the active window")
            box.done(0)  # never hang the run
            return
        if not isinstance(box, QMessageBox) or QApplication.activeWindow() is not box:
            if isinstance(box, QMessageBox):
                box.activateWindow()
            QTimer.singleShot(10, answer)
            return
        seen.append(box.windowTitle())
        seen.extend(sorted(b.text() for b in box.buttons()))
        qtbot.keyClick(QApplication.focusWidget() or box, key, modifier)
        qtbot.wait(150)  # an Alt letter clicks as a mouse would: released 100 ms later
        if isValid(box) and box.isVisible():  # a key it does not take: never wait for ever
            seen.append(f"still open after {key.name}")
            box.done(0)

    QTimer.singleShot(0, answer)
    return seen


def test_the_buttons_say_what_they_do(qtbot):
    box = discard_box(None)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    words = {b.objectName(): b.text() for b in box.buttons()}
    assert words == {"discard": "&Discard changes", "keep": "&Keep editing"}
    assert box.defaultButton().objectName() == "keep"
    assert box.escapeButton().objectName() == "keep"
    assert clashes(box) == {}
    assert {b.accessibleName() for b in box.buttons()} == {"Discard changes", "Keep editing"}
    assert box.windowTitle() == DISCARD_TITLE and "not saved" in box.text()


@pytest.mark.parametrize(
    ("key", "modifier", "discards"),
    [
        (Qt.Key.Key_D, ALT, True),
        (Qt.Key.Key_K, ALT, False),
        (Qt.Key.Key_Escape, NONE, False),
        (Qt.Key.Key_Return, NONE, False),
    ],
    ids=["Alt+D", "Alt+K", "Esc", "Enter"],
)
def test_keys_answer_the_question(qtbot, key, modifier, discards):
    seen = when_asked(qtbot, key, modifier)
    assert ask_discard(None) is discards
    assert seen == [DISCARD_TITLE, "&Discard changes", "&Keep editing"]


class Note(EditDialog):
    """One box and Save/Cancel, like every dialog that saves."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Note")
        self.words = QLineEdit()
        self.words.setAccessibleName("Words")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.words)
        layout.addWidget(buttons)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        assert isinstance(save, QPushButton)
        self.save_keys(self.accept, save)


def escape_then(qtbot, dialog: Note, key: Qt.Key, modifier=NONE) -> list[str]:
    seen = when_asked(qtbot, key, modifier)
    qtbot.keyClick(dialog.words, Qt.Key.Key_Escape)
    return seen


@pytest.mark.real_discard_question
def test_esc_in_an_edited_dialog_asks_and_keeps_or_discards(qtbot):
    dialog = Note()
    qtbot.addWidget(dialog, before_close_func=lambda d: QDialog.done(d, 0))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.words.setFocus()
    qtbot.keyClicks(dialog.words, "Half a thought")
    assert escape_then(qtbot, dialog, Qt.Key.Key_K, ALT)[0] == DISCARD_TITLE
    assert dialog.isVisible() and dialog.words.text() == "Half a thought"
    escape_then(qtbot, dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.words.text() == "Half a thought"
    escape_then(qtbot, dialog, Qt.Key.Key_D, ALT)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_tests_answer_through_one_seam(qtbot, monkeypatch):
    """Other tests replace ``ask_discard``; the dialogs look it up when they ask."""
    asked: list[object] = []
    monkeypatch.setattr(dialog_keys, "ask_discard", lambda parent: asked.append(parent) or True)
    dialog = Note()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.words.setText("typed")
    dialog.reject()
    assert asked == [dialog] and not dialog.isVisible()
