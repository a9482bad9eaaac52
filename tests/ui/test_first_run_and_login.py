"""First run, signing in and logging out, driven through the real dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from involve_desktop.app import AppFlow
from involve_desktop.core.services import accounts, organisation
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.accounts.first_run_wizard import FirstRunWizard
from involve_desktop.ui.accounts.login_dialog import LoginDialog, remembered_group_name
from involve_desktop.ui.main_window import MainWindow
from tests.conftest import COORDINATOR_PASSWORD
from tests.ui.typing import type_text

_type = type_text


def test_wizard_creates_group_and_coordinator(qtbot, context):
    wizard = FirstRunWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    _type(qtbot, wizard.group_page.group_name, "Siobhán's Peer Group")
    wizard.next()
    assert wizard.currentPage() is wizard.account_page
    fields = wizard.account_page.fields
    _type(qtbot, fields.display_name, "Zoë Okafor")
    assert fields.username.text() == "zoe.okafor"  # suggested from the name
    fields.username.clear()
    _type(qtbot, fields.username, "zoe")
    _type(qtbot, fields.password, "a good long password")
    _type(qtbot, fields.confirm, "a good long password")
    wizard.next()
    assert wizard.currentPage() is wizard.done_page
    assert "zoe" in wizard.done_page.summary.text()
    with context.session() as session:
        assert organisation.group_name(session) == "Siobhán's Peer Group"
        assert accounts.sign_in(session, "zoe", "a good long password").display_name == "Zoë Okafor"


def test_wizard_keeps_typing_and_names_the_problem(qtbot, context):
    wizard = FirstRunWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.group_page  # empty group name refused
    assert wizard.group_page.error.isVisibleTo(wizard)
    assert "Group name is needed" in wizard.group_page.error.text()
    _type(qtbot, wizard.group_page.group_name, "Riverside Voices")
    wizard.next()
    fields = wizard.account_page.fields
    _type(qtbot, fields.display_name, "Sam")
    _type(qtbot, fields.password, "short")
    _type(qtbot, fields.confirm, "shrot")  # a typo too: the length is what to fix first
    wizard.next()
    assert wizard.currentPage() is wizard.account_page
    error = fields.errors["password"]
    assert error.isVisibleTo(wizard) and "at least 8 characters" in error.text()
    assert not fields.errors["confirm"].isVisibleTo(wizard)
    assert fields.display_name.text() == "Sam"  # nothing the user typed is lost
    with context.session() as session:
        assert not accounts.is_set_up(session)
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Create account"


def _sign_in(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.clear()
    _type(qtbot, dialog.username, username)
    _type(qtbot, dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def test_login_refuses_wrong_password_then_accepts_right_one(qtbot, context, coordinator):
    dialog = LoginDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    _sign_in(qtbot, dialog, "sam", "not my password")
    assert dialog.actor is None and dialog.isVisible()
    assert "username and password do not match" in dialog.error.text()
    assert dialog.password.text() == ""  # cleared for another try
    _sign_in(qtbot, dialog, "sam", COORDINATOR_PASSWORD)
    assert dialog.actor is not None and dialog.actor.username == "sam"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_log_out_returns_to_sign_in(qtbot, context, coordinator):
    flow = AppFlow(context)
    assert flow.start()
    assert flow.login_dialog is not None and flow.login_dialog.isVisible()
    _sign_in(qtbot, flow.login_dialog, "sam", COORDINATOR_PASSWORD)
    window = flow.main_window
    assert isinstance(window, MainWindow) and window.isVisible()
    assert "Riverside Voices" in window.windowTitle()
    assert "Sam Coordinator" in window.account_label.text()
    window.logout_action.trigger()
    assert flow.main_window is None
    assert flow.login_dialog is not None and flow.login_dialog.isVisible()
    flow.login_dialog.close()


def test_first_start_runs_wizard_then_sign_in_with_username_filled(qtbot, context, monkeypatch):
    def fill_in(wizard: FirstRunWizard) -> int:
        qtbot.addWidget(wizard)  # deleted after the test, as the flow's other windows
        wizard.show()
        type_text(qtbot, wizard.group_page.group_name, "Riverside Voices")
        wizard.next()
        fields = wizard.account_page.fields
        type_text(qtbot, fields.display_name, "Sam Jones")
        type_text(qtbot, fields.password, "a good long password")
        type_text(qtbot, fields.confirm, "a good long password")
        wizard.next()
        wizard.close()
        return 1

    monkeypatch.setattr(FirstRunWizard, "exec", fill_in)
    flow = AppFlow(context)
    assert flow.start()
    dialog = flow.login_dialog
    assert dialog is not None and dialog.username.text() == "sam.jones"
    qtbot.addWidget(dialog)
    assert dialog.password.hasFocus() or not dialog.isActiveWindow()
    type_text(qtbot, dialog.password, "a good long password")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert flow.main_window is not None and "Sam Jones" in flow.main_window.account_label.text()
    qtbot.addWidget(flow.main_window)
    flow.main_window.close()


def test_the_group_name_is_remembered_for_the_next_sign_in_window(qtbot, context, coordinator):
    """Whichever way the app started, the next start that signs in first names the group."""
    assert remembered_group_name() == ""
    qtbot.addWidget(LoginDialog(context))  # opened first (a new file, a server seen first)
    assert remembered_group_name() == "Riverside Voices"
    waiting = LoginDialog(None)  # the next start: its window before the data is open
    qtbot.addWidget(waiting)
    assert waiting.windowTitle() == "Sign in — Riverside Voices"


def _to_account_page(qtbot, context) -> FirstRunWizard:
    wizard = FirstRunWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    _type(qtbot, wizard.group_page.group_name, "Riverside Voices")
    wizard.next()
    _type(qtbot, wizard.account_page.fields.display_name, "Sam Jones")
    return wizard


def test_esc_on_step_two_asks_before_throwing_away_what_was_typed(qtbot, context, monkeypatch):
    asked: list[bool] = []
    answers = iter([False, True])  # Keep editing, then Discard changes
    monkeypatch.setattr(dialog_keys, "ask_discard", lambda _p: asked.append(True) or next(answers))
    wizard = _to_account_page(qtbot, context)
    qtbot.keyClick(wizard.account_page.fields.display_name, Qt.Key.Key_Escape)
    assert asked == [True] and wizard.isVisible()
    assert wizard.account_page.fields.display_name.text() == "Sam Jones"  # kept
    qtbot.keyClick(wizard.account_page.fields.display_name, Qt.Key.Key_Escape)
    assert asked == [True, True] and not wizard.isVisible()


def test_esc_before_anything_is_typed_closes_without_a_question(qtbot, context, monkeypatch):
    monkeypatch.setattr(dialog_keys, "ask_discard", lambda _p: pytest.fail("asked"))
    wizard = FirstRunWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClick(wizard.group_page.group_name, Qt.Key.Key_Escape)
    assert not wizard.isVisible()


def test_the_app_closing_the_wizard_on_shutdown_needs_no_answer(qtbot, context, monkeypatch):
    """SIGTERM's handler closes every window: the wizard goes, even with the recovery key
    on screen, and asks nothing (nobody is there to answer while the laptop shuts down)."""
    monkeypatch.setattr(dialog_keys, "ask_discard", lambda _p: pytest.fail("asked"))
    monkeypatch.setattr(
        FirstRunWizard,
        "encrypt_new_database",
        lambda self, *a, **k: setattr(self, "recovery_key", "ABCDE-FGHJK"),
    )
    typed = _to_account_page(qtbot, context)
    typed.close()  # as the handler does, before the account is made
    assert not typed.isVisible()
    wizard = _to_account_page(qtbot, context)
    fields = wizard.account_page.fields
    _type(qtbot, fields.password, "a good long password")
    _type(qtbot, fields.confirm, "a good long password")
    wizard.next()
    assert wizard.currentPage() is wizard.done_page and wizard.done_page.kept.isVisible()
    wizard.reject()  # Esc: the key is shown only once, so the page stays
    assert wizard.isVisible()
    wizard.close()
    assert not wizard.isVisible()
