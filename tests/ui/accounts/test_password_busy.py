"""Setting a password takes a second or more (argon2id): meanwhile the cursor shows the app
is busy and the buttons that would start it again are off; both come back afterwards. And a
very common password is refused beside the password box, with the fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from involve_desktop.core import passwords
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts
from involve_desktop.ui.accounts.add_account_dialog import AddAccountDialog
from involve_desktop.ui.accounts.first_run_wizard import FirstRunWizard
from involve_desktop.ui.accounts.reset_password_dialog import ResetPasswordDialog
from involve_desktop.ui.settings.own_account_tab import OwnAccountTab
from tests.conftest import COORDINATOR_PASSWORD
from tests.ui.typing import type_text


class HashSpy:
    """Stands in for the hash: notes the cursor and the buttons while it runs."""

    def __init__(self, *buttons) -> None:
        self.buttons = buttons
        self.seen: list[tuple[object, list[bool]]] = []

    def __call__(self, password: str) -> str:
        cursor = QApplication.overrideCursor()
        self.seen.append(
            (cursor.shape() if cursor is not None else None, [b.isEnabled() for b in self.buttons])
        )
        return passwords.hash_password(password)


@pytest.fixture
def spy(monkeypatch):
    made: list[HashSpy] = []

    def install(*buttons) -> HashSpy:
        hash_spy = HashSpy(*buttons)
        monkeypatch.setattr(accounts, "hash_password", hash_spy)
        made.append(hash_spy)
        return hash_spy

    return install


def _no_busy_cursor_left() -> bool:
    return QApplication.overrideCursor() is None


def test_first_run_shows_busy_and_turns_buttons_off_while_hashing(qtbot, context, spy):
    wizard = FirstRunWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(qtbot, wizard.group_page.group_name, "Riverside Voices")
    wizard.next()
    fields = wizard.account_page.fields
    type_text(qtbot, fields.display_name, "Sam Jones")
    type_text(qtbot, fields.password, "kettle river orange")
    type_text(qtbot, fields.confirm, "kettle river orange")
    create = wizard.button(QWizard.WizardButton.CommitButton)
    back = wizard.button(QWizard.WizardButton.BackButton)
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    hash_spy = spy(create, back, cancel)
    assert create.isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.done_page
    assert hash_spy.seen == [(Qt.CursorShape.WaitCursor, [False, False, False])]
    assert _no_busy_cursor_left()


def test_first_run_refuses_password_beside_the_box_and_gives_buttons_back(qtbot, context, spy):
    wizard = FirstRunWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(qtbot, wizard.group_page.group_name, "Riverside Voices")
    wizard.next()
    fields = wizard.account_page.fields
    type_text(qtbot, fields.display_name, "Sam Jones")
    type_text(qtbot, fields.password, "password")
    type_text(qtbot, fields.confirm, "password")
    hash_spy = spy()
    wizard.next()
    assert wizard.currentPage() is wizard.account_page
    error = fields.errors["password"]
    assert error.isVisibleTo(wizard)
    assert "one of the most common ones and easy to guess. Choose another" in error.text()
    assert hash_spy.seen == []  # refused before any hashing
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert _no_busy_cursor_left()
    with context.session() as session:
        assert not accounts.is_set_up(session)


def test_add_account_shows_busy_while_hashing(qtbot, context, coordinator, spy):
    dialog = AddAccountDialog(context, coordinator)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.fields.display_name, "Lan Nguyen")
    type_text(qtbot, dialog.fields.password, "tuesday group")
    type_text(qtbot, dialog.fields.confirm, "tuesday group")
    hash_spy = spy(dialog.save_button, dialog.cancel_button)
    dialog.save()
    assert dialog.created is not None
    assert hash_spy.seen == [(Qt.CursorShape.WaitCursor, [False, False])]
    assert _no_busy_cursor_left()
    assert dialog.save_button.isEnabled() and dialog.cancel_button.isEnabled()


def test_add_account_refusal_gives_the_buttons_back(qtbot, context, coordinator, spy):
    dialog = AddAccountDialog(context, coordinator)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.fields.display_name, "Lan Nguyen")
    type_text(qtbot, dialog.fields.password, "Password1")
    type_text(qtbot, dialog.fields.confirm, "Password1")
    dialog.save()
    assert dialog.created is None
    assert "most common ones" in dialog.fields.errors["password"].text()
    assert _no_busy_cursor_left()
    assert dialog.save_button.isEnabled() and dialog.cancel_button.isEnabled()


def test_reset_and_change_password_show_busy_while_hashing(qtbot, context, coordinator, spy):
    with context.session() as session:
        fran = accounts.create_account(
            session, coordinator, "Fran", "fran", "tea in the garden", Role.FACILITATOR
        )
    dialog = ResetPasswordDialog(context, coordinator, fran)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.password, "fresh long words")
    type_text(qtbot, dialog.confirm, "fresh long words")
    hash_spy = spy(dialog.save_button, dialog.cancel_button)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert hash_spy.seen == [(Qt.CursorShape.WaitCursor, [False, False])]
    assert _no_busy_cursor_left()

    tab = OwnAccountTab(context, coordinator)
    qtbot.addWidget(tab)
    type_text(qtbot, tab.current, COORDINATOR_PASSWORD)
    type_text(qtbot, tab.new, "brand new words")
    type_text(qtbot, tab.again, "brand new words")
    hash_spy = spy(tab.save_button)
    tab.save()
    assert "changed" in tab.done.text()
    assert hash_spy.seen == [(Qt.CursorShape.WaitCursor, [False])]
    assert _no_busy_cursor_left() and tab.save_button.isEnabled()
