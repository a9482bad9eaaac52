"""The idle lock in the GUI: locks after the idle time (a fake clock, no waiting), input
starts the count again, only the right password unlocks (wrong ones counted, slowing down
after five), a half-typed dialog keeps its text, and Switch account logs out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from sqlalchemy import select

from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import idle
from involve_desktop.core.services.idle import IdleClock
from involve_desktop.ui.accounts.login_dialog import LoginDialog
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
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot, context, coordinator, clock):
    main = MainWindow(context, coordinator)
    qtbot.addWidget(main)
    main.lock_controller.watcher.clock = IdleClock(5, clock)
    main.show()
    yield main
    main.lock_controller.stop()


def _curtains(widget):
    return [c for c in widget.findChildren(Curtain) if c.isVisible()]


def _leave_alone(window, clock, seconds):
    clock.now += seconds
    window.lock_controller.watcher.check()


def test_locks_after_the_idle_time_and_covers_the_window(window, clock):
    title = window.windowTitle()
    _leave_alone(window, clock, 4 * 60 + 59)
    assert not window.lock_controller.is_locked
    _leave_alone(window, clock, 1)
    controller = window.lock_controller
    assert controller.is_locked
    assert controller.dialog.isVisible()
    assert "Nobody used the laptop for a while" in _intro(controller.dialog)
    assert window.windowTitle() == LOCKED_TITLE
    assert len(_curtains(window)) == 1
    assert _curtains(window)[0].geometry() == window.rect()
    controller.dialog.password.setText(COORDINATOR_PASSWORD)
    controller.dialog.unlock_button.click()
    assert not controller.is_locked
    assert window.windowTitle() == title
    assert _curtains(window) == []


def test_input_starts_the_count_again(qtbot, window, clock):
    _leave_alone(window, clock, 4 * 60)
    qtbot.keyClick(window.members_view.search_box, Qt.Key.Key_A)
    _leave_alone(window, clock, 4 * 60)
    assert not window.lock_controller.is_locked
    qtbot.mouseClick(window.members_view.search_box, Qt.MouseButton.LeftButton)
    _leave_alone(window, clock, 4 * 60)
    assert not window.lock_controller.is_locked
    _leave_alone(window, clock, 60)
    assert window.lock_controller.is_locked


def test_wrong_passwords_keep_it_locked_and_slow_down_after_five(window, clock, context):
    _leave_alone(window, clock, 300)
    dialog = window.lock_controller.dialog
    for _ in range(5):
        dialog.password.setText("not my password")
        dialog.unlock_button.click()
        assert window.lock_controller.is_locked
        assert "That password is not right" in dialog.error.text()
        assert "username" not in dialog.error.text()  # there is no username box here
    dialog.password.setText(COORDINATOR_PASSWORD)  # right, but too soon after five wrong
    dialog.unlock_button.click()
    assert window.lock_controller.is_locked
    assert "Too many wrong passwords in a row. Wait" in dialog.error.text()
    assert dialog.password.text() == ""
    with context.session() as session:
        failed = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "sign-in-failed")
        ).all()
    assert len(failed) == 5


def test_esc_does_not_unlock(qtbot, window, clock):
    _leave_alone(window, clock, 300)
    dialog = window.lock_controller.dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert window.lock_controller.is_locked
    assert dialog.isVisible()


def test_typed_text_in_an_open_dialog_survives_the_lock(qtbot, window, clock, context, coordinator):
    member_dialog = MemberDialog(context, coordinator, parent=window)
    qtbot.addWidget(member_dialog)
    member_dialog.show()
    type_text(qtbot, member_dialog.fields.full_name, "Siobhán Ó Bri")
    _leave_alone(window, clock, 300)
    controller = window.lock_controller
    assert controller.is_locked
    assert member_dialog.isVisible()  # covered, not closed
    assert member_dialog.windowTitle() == LOCKED_TITLE  # no name shows in the title
    assert len(_curtains(member_dialog)) == 1
    controller.dialog.password.setText(COORDINATOR_PASSWORD)
    controller.dialog.unlock_button.click()
    assert not controller.is_locked
    assert member_dialog.isVisible()
    assert member_dialog.windowTitle() == "Add member"
    assert _curtains(member_dialog) == []
    assert member_dialog.fields.full_name.text() == "Siobhán Ó Bri"
    qtbot.keyClicks(member_dialog.fields.full_name, "ain")
    assert member_dialog.fields.full_name.text() == "Siobhán Ó Briain"
    member_dialog.done(QDialog.DialogCode.Rejected)  # no "discard?" question at teardown


def test_switch_account_asks_about_open_dialogs_then_logs_out(
    qtbot, window, clock, context, coordinator, monkeypatch
):
    member_dialog = MemberDialog(context, coordinator, parent=window)
    qtbot.addWidget(member_dialog)
    member_dialog.show()
    member_dialog.fields.full_name.setText("Half typed")
    _leave_alone(window, clock, 300)
    asked = []

    def no(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    window.lock_controller.dialog.switch_button.click()
    assert member_dialog in window.lock_controller.open_dialogs()
    assert "still open for Sam Coordinator" in asked[0]  # (other tests' windows may count)
    assert window.lock_controller.is_locked  # said no: nothing lost
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.logged_out, timeout=2000):
        window.lock_controller.dialog.switch_button.click()
    assert not member_dialog.isVisible()
    assert not window.isVisible()


def test_screen_lock_setting_applies_at_once(window, clock, context):
    tab = window.settings_view.lock_tab
    assert tab.minutes.value() == 5
    tab.minutes.setValue(2)
    tab.save_button.click()
    assert "Saved" in tab.done.text()
    _leave_alone(window, clock, 119)
    assert not window.lock_controller.is_locked
    _leave_alone(window, clock, 1)
    assert window.lock_controller.is_locked
    with context.session() as session:
        assert idle.idle_minutes(session) == 2


def test_sign_in_dialog_says_how_long_to_wait_after_five_wrong_passwords(
    qtbot, context, coordinator
):
    dialog = LoginDialog(context, username="sam")
    qtbot.addWidget(dialog)
    for _ in range(5):
        dialog.password.setText("not my password")
        dialog.sign_in_button.click()
        assert "do not match" in dialog.error.text()
    dialog.password.setText(COORDINATOR_PASSWORD)
    dialog.sign_in_button.click()
    assert dialog.actor is None
    assert "Too many wrong passwords in a row. Wait" in dialog.error.text()


def _intro(dialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_lock_now_says_it_was_locked_on_purpose(window, clock):
    window.lock_action.trigger()  # Ctrl+L
    dialog = window.lock_controller.dialog
    assert dialog is not None and dialog.isVisible()
    assert "locked with Lock now" in _intro(dialog)
    assert "Nobody used" not in _intro(dialog)
    dialog.password.setText(COORDINATOR_PASSWORD)
    dialog.unlock_button.click()
    assert not window.lock_controller.is_locked
