"""Settings: adding accounts through the dialog, turning them off, the accounts table model."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts
from involve_desktop.ui.accounts.add_account_dialog import AddAccountDialog
from involve_desktop.ui.settings.accounts_tab import AccountsTab
from involve_desktop.ui.settings.settings_view import SettingsView
from tests.ui.typing import type_text


def test_accounts_table_model_passes_qt_model_tester(qtbot, qtmodeltester, context, coordinator):
    with context.session() as session:
        accounts.create_account(
            session, coordinator, "Łukasz Nowak", "lukasz", "password one", Role.FACILITATOR
        )
    tab = AccountsTab(context, coordinator)
    qtbot.addWidget(tab)
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    names = [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
    assert names == ["Łukasz Nowak", "Sam Coordinator"]


def test_add_account_dialog_creates_facilitator(qtbot, context, coordinator):
    dialog = AddAccountDialog(context, coordinator)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.fields.display_name, "Nguyễn Thị Lan")
    assert dialog.fields.username.text() == "nguyen.thi.lan"  # suggested, accents folded
    dialog.fields.username.clear()
    type_text(qtbot, dialog.fields.username, "lan")
    type_text(qtbot, dialog.fields.password, "tuesday group")
    type_text(qtbot, dialog.fields.confirm, "tuesday group")
    dialog.save()
    assert dialog.created is not None and dialog.created.role is Role.FACILITATOR
    with context.session() as session:
        assert accounts.sign_in(session, "lan", "tuesday group").display_name == "Nguyễn Thị Lan"


def test_add_account_duplicate_username_shown_beside_field_and_typing_kept(
    qtbot, context, coordinator
):
    dialog = AddAccountDialog(context, coordinator)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.fields.display_name, "Sam Again")
    dialog.fields.username.setText("sam")
    type_text(qtbot, dialog.fields.password, "another password")
    type_text(qtbot, dialog.fields.confirm, "another password")
    dialog.save()
    assert dialog.created is None and dialog.isVisible()
    label = dialog.fields.errors["username"]
    assert label.isVisible() and "taken" in label.text()
    assert dialog.fields.display_name.text() == "Sam Again"


def test_turning_off_an_account_asks_first(qtbot, context, coordinator, monkeypatch):
    with context.session() as session:
        fran = accounts.create_account(
            session, coordinator, "Fran", "fran", "password one", Role.FACILITATOR
        )
    tab = AccountsTab(context, coordinator)
    qtbot.addWidget(tab)
    tab._select(fran.id)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    tab.toggle_button.click()
    assert "Turn off Fran's account" in asked[0]
    assert tab.selected().active is False
    assert tab.toggle_button.text().replace("&", "") == "Turn on"


def test_facilitator_sees_only_their_own_account_settings(qtbot, context, coordinator):
    with context.session() as session:
        accounts.create_account(
            session, coordinator, "Fran", "fran", "password one", Role.FACILITATOR
        )
        fran = accounts.sign_in(session, "fran", "password one")
    view = SettingsView(context, fran)
    qtbot.addWidget(view)
    tabs = [view.tabs.tabText(i).replace("&", "") for i in range(view.tabs.count())]
    assert tabs == ["Your account"]


def test_reset_password_dialog_needs_both_boxes_to_match_and_keeps_typing(
    qtbot, context, coordinator
):
    from involve_desktop.ui.accounts.reset_password_dialog import ResetPasswordDialog

    with context.session() as session:
        fran = accounts.create_account(
            session, coordinator, "Fran", "fran", "password one", Role.FACILITATOR
        )
    dialog = ResetPasswordDialog(context, coordinator, fran)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.password, "fresh password")
    type_text(qtbot, dialog.confirm, "fresh passwort")
    dialog.save()
    assert dialog.isVisible() and "different" in dialog.errors._labels["confirm"].text()
    assert dialog.password.text() == "fresh password"
    dialog.confirm.clear()
    type_text(qtbot, dialog.confirm, "fresh password")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with context.session() as session:
        assert accounts.sign_in(session, "fran", "fresh password").username == "fran"
