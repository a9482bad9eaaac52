"""Settings → Lists: adding, renaming and retiring roles and training through the tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from involve_desktop.core.services import reference_lists
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.settings.lists_tab import ListEntryDialog, ListsTab
from involve_desktop.ui.settings.settings_view import SettingsView
from tests.ui.typing import type_text


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """Fail loudly if a message box opens (no test may wait for a click)."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[2] if len(args) > 2 else args}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(dialog_keys, "ask_discard", lambda *a: refuse(None, None, "discard?"))


@pytest.fixture
def typing_into_dialog(qtbot, monkeypatch):
    """Make the tab's entry dialog run a script of user actions instead of waiting."""
    seen: list[ListEntryDialog] = []

    def use(script):
        def fake_exec(dialog: ListEntryDialog) -> int:
            seen.append(dialog)
            dialog.show()
            script(dialog)
            return dialog.result()

        monkeypatch.setattr(ListEntryDialog, "exec", fake_exec)
        return seen

    return use


def texts(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


@pytest.fixture
def tab(qtbot, context, coordinator) -> ListsTab:
    widget = ListsTab(context, coordinator)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_lists_tab_follows_accounts_for_coordinators(qtbot, context, coordinator):
    view = SettingsView(context, coordinator)
    qtbot.addWidget(view)
    tabs = [view.tabs.tabText(i).replace("&", "") for i in range(view.tabs.count())]
    assert tabs == [
        "Group",
        "Accounts",
        "Lists",
        "Panels",
        "Screen lock",
        "Audit log",
        "Backups",
        "Privacy",
        "Your account",
    ]


def test_models_pass_qt_model_tester(qtmodeltester, tab):
    qtmodeltester.check(tab.roles)
    qtmodeltester.check(tab.training)
    assert texts(tab.training, 1)[:4] == ["24 months", "36 months", "36 months", "Does not expire"]


def test_add_role_appears_in_role_types(qtbot, tab, context, typing_into_dialog):
    def script(dialog):
        type_text(qtbot, dialog.name, "Peer mentor")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    typing_into_dialog(script)
    qtbot.mouseClick(tab.add_role_button, Qt.MouseButton.LeftButton)
    assert "Peer mentor" in texts(tab.roles, 0)
    assert tab.selected_role().name == "Peer mentor"
    with context.session() as session:
        assert "Peer mentor" in [r.name for r in reference_lists.role_types(session)]


def test_duplicate_role_name_shown_beside_name_and_typing_kept(
    qtbot, tab, typing_into_dialog, monkeypatch
):
    asked: list[object] = []
    monkeypatch.setattr(dialog_keys, "ask_discard", lambda parent: asked.append(parent) or True)

    def script(dialog):
        type_text(qtbot, dialog.name, "peer supporter")
        dialog.save()
        assert dialog.isVisible()
        message = dialog.errors._labels["name"].text()
        assert "The list already has a role called peer supporter" in message
        assert "'" not in message  # plain words, not Python's quotes
        assert dialog.name.text() == "peer supporter"
        dialog.reject()  # Cancel after typing: "Discard your changes?" → Discard changes
        assert asked == [dialog] and not dialog.isVisible()

    seen = typing_into_dialog(script)
    tab.add_role()
    assert seen and texts(tab.roles, 0).count("Peer supporter") == 1


def test_retire_and_restore_a_role(qtbot, tab, context, monkeypatch):
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes
    )
    tab.select(tab.roles_table, tab.roles, tab.roles.all_rows()[-1].id)  # "Staff"
    assert tab.retire_role_button.text().replace("&", "") == "Retire"
    qtbot.mouseClick(tab.retire_role_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].startswith("Retire “Staff”?")
    assert tab.selected_role().name == "Staff" and texts(tab.roles, 1)[-1] == "Retired"
    assert tab.retire_role_button.text().replace("&", "") == "Restore"
    with context.session() as session:
        assert "Staff" not in [r.name for r in reference_lists.role_types(session)]
    qtbot.mouseClick(tab.retire_role_button, Qt.MouseButton.LeftButton)
    assert texts(tab.roles, 1)[-1] == "In use" and len(asked) == 1  # restoring does not ask


def test_add_training_that_does_not_expire_then_give_it_a_validity(
    qtbot, tab, context, typing_into_dialog
):
    def add(dialog):
        type_text(qtbot, dialog.name, "Mental Health First Aid")
        qtbot.keyClick(dialog.expires, Qt.Key.Key_Space)  # untick: does not expire
        dialog.save()

    typing_into_dialog(add)
    tab.add_training()
    assert tab.selected_training().name == "Mental Health First Aid"
    assert texts(tab.training, 1)[-1] == "Does not expire"

    def edit(dialog):
        assert dialog.name.text() == "Mental Health First Aid"
        qtbot.keyClick(dialog.expires, Qt.Key.Key_Space)
        dialog.months.setValue(36)
        dialog.save()

    typing_into_dialog(edit)
    qtbot.mouseClick(tab.edit_training_button, Qt.MouseButton.LeftButton)
    assert texts(tab.training, 1)[-1] == "36 months"
    with context.session() as session:
        kinds = {t.name: t.validity_months for t in reference_lists.training_types(session)}
    assert kinds["Mental Health First Aid"] == 36


def test_rename_needs_a_selection(tab):
    assert not tab.rename_role_button.isEnabled()
    assert not tab.retire_training_button.isEnabled()
