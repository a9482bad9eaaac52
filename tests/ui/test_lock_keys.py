"""Ctrl+L (Lock now) and Ctrl+Q (Quit) work from inside an open dialog, not only from the
main window: Ctrl+L locks exactly as the idle lock does (the dialog is covered, its typing
kept); Ctrl+Q first closes the dialog by its own Esc rules (asking before edits are lost),
then quits — or, if the person keeps editing, nothing closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from involve_desktop.core.services.idle import IdleClock
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.lock.lock_controller import LOCKED_TITLE, Curtain
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.members.member_dialog import MemberDialog
from tests.conftest import COORDINATOR_PASSWORD
from tests.ui.typing import type_text


class FakeClock:
    """Seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def window(qtbot, context, coordinator):
    main = MainWindow(context, coordinator)
    qtbot.addWidget(main)
    main.lock_controller.watcher.clock = IdleClock(5, FakeClock())
    main.show()
    yield main
    main.lock_controller.stop()


@pytest.fixture
def member_dialog(qtbot, window, context, coordinator):
    dialog = MemberDialog(context, coordinator, parent=window)
    qtbot.addWidget(dialog)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # as exec() makes it
    dialog.show()
    dialog.activateWindow()
    dialog.fields.full_name.setFocus()
    yield dialog
    if dialog.isVisible():
        dialog.done(QDialog.DialogCode.Rejected)  # no "discard?" question at teardown


def _unlock(window) -> None:
    controller = window.lock_controller
    controller.dialog.password.setText(COORDINATOR_PASSWORD)
    controller.dialog.unlock_button.click()
    assert not controller.is_locked


def test_ctrl_l_in_a_modal_dialog_locks_and_keeps_its_typing(qtbot, window, member_dialog):
    type_text(qtbot, member_dialog.fields.full_name, "Siobhán Ó Bri")
    assert QApplication.activeModalWidget() is member_dialog
    qtbot.keyClick(
        member_dialog.fields.full_name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
    )
    controller = window.lock_controller
    assert controller.is_locked
    assert controller.dialog.isVisible()
    assert "locked with Lock now" in " ".join(
        label.text() for label in controller.dialog.findChildren(type(controller.dialog.error))
    )
    # The same as the idle lock: the dialog covered, not closed, no name in its title.
    assert member_dialog.isVisible()
    assert member_dialog.windowTitle() == LOCKED_TITLE
    assert [c for c in member_dialog.findChildren(Curtain) if c.isVisible()]
    assert window.windowTitle() == LOCKED_TITLE
    assert member_dialog.fields.full_name.text() == "Siobhán Ó Bri"  # no "l" typed in
    _unlock(window)
    assert member_dialog.isVisible()
    assert member_dialog.windowTitle() == "Add member"
    assert member_dialog.fields.full_name.text() == "Siobhán Ó Bri"


def test_ctrl_l_in_a_plain_dialog_locks(qtbot, window):
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    box = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(box)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.lock_controller.is_locked
    _unlock(window)
    dialog.done(QDialog.DialogCode.Rejected)


def test_ctrl_l_on_the_lock_screen_changes_nothing(qtbot, window):
    window.lock_action.trigger()
    lock_dialog = window.lock_controller.dialog
    qtbot.keyClick(lock_dialog.password, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.lock_controller.dialog is lock_dialog
    _unlock(window)


def test_ctrl_q_on_the_lock_screen_does_not_quit(qtbot, window):
    window.lock_action.trigger()
    lock_dialog = window.lock_controller.dialog
    qtbot.keyClick(lock_dialog.password, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(20)
    assert window.isVisible()
    assert window.lock_controller.is_locked
    _unlock(window)


def test_ctrl_q_in_an_unedited_dialog_closes_it_then_quits(qtbot, window, member_dialog):
    qtbot.keyClick(
        member_dialog.fields.full_name, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
    )
    assert not member_dialog.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_ctrl_q_in_an_edited_dialog_asks_first_and_keep_editing_quits_nothing(
    qtbot, window, member_dialog, monkeypatch
):
    asked = []
    monkeypatch.setattr(dialog_keys, "ask_discard", lambda parent: asked.append(parent) or False)
    type_text(qtbot, member_dialog.fields.full_name, "Half typed")
    qtbot.keyClick(
        member_dialog.fields.full_name, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
    )
    assert asked == [member_dialog]
    qtbot.wait(20)
    assert member_dialog.isVisible()
    assert member_dialog.fields.full_name.text() == "Half typed"
    assert window.isVisible()


def test_ctrl_q_in_an_edited_dialog_discarding_quits(qtbot, window, member_dialog, monkeypatch):
    monkeypatch.setattr(dialog_keys, "ask_discard", lambda parent: True)
    type_text(qtbot, member_dialog.fields.full_name, "Half typed")
    qtbot.keyClick(
        member_dialog.fields.full_name, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
    )
    assert not member_dialog.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
