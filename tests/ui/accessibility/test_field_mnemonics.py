"""A field's Alt+letter (the underlined letter of its label) puts the cursor in that field —
also for fields wrapped with their error message (``with_error``), which every form uses."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from involve_desktop.ui.members.dialog_widgets import with_error
from involve_desktop.ui.members.member_dialog import MemberDialog
from involve_desktop.ui.messages import error_label

MNEMONIC = re.compile(r"&([^&\s])")


def _lands_in(buddy: QWidget) -> bool:
    focused = QApplication.focusWidget()
    target = buddy.focusProxy() or buddy
    return focused is not None and (focused is target or target.isAncestorOf(focused))


def _press_alt(dialog: QWidget, letter: str) -> None:
    QTest.keyClick(QApplication.focusWidget() or dialog, letter, Qt.KeyboardModifier.AltModifier)


def _shown(qtbot, dialog: QDialog) -> None:
    """Show ``dialog`` over the main window and wait until it has the keyboard."""
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def test_alt_letter_reaches_a_field_shown_with_its_error(qtbot, window) -> None:
    dialog = QDialog(window)
    form = QFormLayout(dialog)
    first, email = QLineEdit(), QLineEdit()
    form.addRow("&Name:", with_error(first, error_label()))
    form.addRow("&Email:", with_error(email, error_label(), hint="We only use it to write"))
    _shown(qtbot, dialog)
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    _press_alt(dialog, "e")
    assert QApplication.focusWidget() is email
    _press_alt(dialog, "n")
    assert QApplication.focusWidget() is first
    dialog.close()


def test_every_labelled_field_of_the_member_form_answers_its_letter(qtbot, window) -> None:
    dialog = MemberDialog(window.context, window.actor, parent=window)
    _shown(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget() or window))
    tried = []
    for label in dialog.findChildren(QLabel):
        found = MNEMONIC.search(label.text())
        buddy = label.buddy()
        if not (found and buddy is not None and label.isVisible() and buddy.isEnabled()):
            continue
        _press_alt(dialog, found.group(1).lower())
        assert _lands_in(buddy), f"Alt+{found.group(1)} ({label.text()!r}) did not reach its field"
        tried.append(label.text())
    assert "&Email:" in tried and "&Phone:" in tried and len(tried) >= 8
    dialog.reject()
