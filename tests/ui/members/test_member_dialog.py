"""Add/Edit member dialog: typing, errors beside fields, duplicates, restricted fields, Esc."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, members
from involve_desktop.core.services.member_dto import (
    ContactMethod,
    MemberFilter,
    MemberInput,
    Restricted,
)
from involve_desktop.core.services.member_search import list_members
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.members.dialog_widgets import to_qdate
from involve_desktop.ui.members.member_dialog import MemberDialog
from tests.ui.typing import type_text

RESTRICTED_NAMES = {"Lived experience", "Emergency contact", "Notes"}


@pytest.fixture
def facilitator(session, coordinator):
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


@pytest.fixture
def zoe(session, coordinator):
    data = MemberInput(
        "Zoë Adams",
        email="zoe@example.org",
        phone="07700 900123",
        date_joined=date(2024, 5, 1),
        restricted=Restricted(True, "Her brother, 07700 900999", "Prefers afternoons"),
    )
    return members.create_member(session, coordinator, data)


@pytest.fixture
def no_questions(monkeypatch):
    """Fail loudly if a message box opens (no test may wait for a click)."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[2] if len(args) > 2 else args}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(dialog_keys, "ask_discard", lambda *a: refuse(None, None, "discard?"))


def open_dialog(qtbot, context, actor, member=None) -> MemberDialog:
    dialog = MemberDialog(context, actor, member)
    # Close without the "discard changes?" question when the test ends.
    qtbot.addWidget(dialog, before_close_func=lambda d: QDialog.done(d, 0))
    dialog.show()
    return dialog


def count_members(context, actor) -> int:
    with context.session() as session:
        return list_members(session, actor, MemberFilter()).total_matching


def test_add_member_by_typing_accented_name(qtbot, context, coordinator, no_questions):
    dialog = open_dialog(qtbot, context, coordinator)
    f = dialog.fields
    type_text(qtbot, f.full_name, "Siobhán Ó Briain")
    type_text(qtbot, f.preferred_name, "Shiv")
    type_text(qtbot, f.pronouns, "she/her")
    type_text(qtbot, f.email, "shiv@example.org")
    type_text(qtbot, f.phone, "07700 900456")
    type_text(qtbot, f.postcode, "ls1 1aa")
    f.preferred_contact.setCurrentIndex(f.preferred_contact.findText("Text message"))
    qtbot.keyClick(f.large_print, Qt.Key.Key_Space)
    type_text(qtbot, f.access_other, "Quiet room")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved is not None
    with context.session() as session:
        saved = members.get_member(session, coordinator, dialog.saved.id)
    assert (saved.full_name, saved.display_name) == ("Siobhán Ó Briain", "Shiv Ó Briain")
    assert saved.postcode == "LS1 1AA" and saved.preferred_contact is ContactMethod.TEXT
    assert saved.access.describe() == "Large print, Quiet room"
    assert saved.date_joined == date.today()  # new members join today unless told


def test_ctrl_s_saves(qtbot, context, coordinator, no_questions):
    dialog = open_dialog(qtbot, context, coordinator)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # shortcuts work in the active window
    type_text(qtbot, dialog.fields.full_name, "Priya Shah")
    qtbot.keyClick(dialog.fields.full_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved.full_name == "Priya Shah"


def test_bad_email_shown_beside_email_and_typing_kept(qtbot, context, coordinator, no_questions):
    dialog = open_dialog(qtbot, context, coordinator)
    type_text(qtbot, dialog.fields.full_name, "Siobhán Ó Briain")
    type_text(qtbot, dialog.fields.email, "siobhan.example.org")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.fields.errors["email"]
    assert dialog.isVisible() and dialog.saved is None
    assert label.isVisible() and "Email needs an @" in label.text()
    assert label.text().startswith("⚠")  # not colour alone
    assert dialog.focusWidget() is dialog.fields.email
    assert dialog.fields.full_name.text() == "Siobhán Ó Briain"
    assert count_members(context, coordinator) == 0
    dialog.fields.email.clear()
    type_text(qtbot, dialog.fields.email, "siobhan@example.org")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not label.isVisible()


def test_missing_name_named_and_focused(qtbot, context, coordinator, no_questions):
    dialog = open_dialog(qtbot, context, coordinator)
    type_text(qtbot, dialog.fields.email, "someone@example.org")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Full name is needed" in dialog.fields.errors["full_name"].text()
    assert dialog.focusWidget() is dialog.fields.full_name
    assert dialog.fields.email.text() == "someone@example.org"


def test_date_joined_in_the_future_is_refused(qtbot, context, coordinator, no_questions):
    dialog = open_dialog(qtbot, context, coordinator)
    type_text(qtbot, dialog.fields.full_name, "Tomás Ruiz")
    dialog.fields.date_joined.setDate(to_qdate(date.today() + timedelta(days=1)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.fields.errors["date_joined"]
    assert label.isVisible() and "cannot be in the future" in label.text()
    assert dialog.isVisible() and count_members(context, coordinator) == 0


def test_every_problem_shows_at_once_beside_its_field(qtbot, context, coordinator, no_questions):
    dialog = open_dialog(qtbot, context, coordinator)
    type_text(qtbot, dialog.fields.email, "tomas.example.org")
    type_text(qtbot, dialog.fields.postcode, "not a postcode")
    dialog.fields.date_joined.setDate(to_qdate(date.today() + timedelta(days=1)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    errors = dialog.fields.errors
    assert "Full name is needed" in errors["full_name"].text()
    assert "cannot be in the future" in errors["date_joined"].text()
    assert "Email needs an @" in errors["email"].text()
    assert errors["postcode"].isVisible()
    assert dialog.focusWidget() is dialog.fields.full_name  # the first, in the form's order
    # Fixing one field clears its message only; the others stay until they are fixed.
    type_text(qtbot, dialog.fields.full_name, "Tomás Ruiz")
    assert not errors["full_name"].isVisible() and errors["email"].isVisible()
    assert count_members(context, coordinator) == 0


def test_possible_duplicate_warns_in_dialog_then_save_anyway(
    qtbot, context, coordinator, zoe, no_questions
):
    dialog = open_dialog(qtbot, context, coordinator)
    type_text(qtbot, dialog.fields.full_name, "Zoë Adams")
    type_text(qtbot, dialog.fields.email, "zoe@example.org")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    panel = dialog.duplicate
    assert dialog.isVisible() and panel.isVisible() and dialog.saved is None
    assert "Zoë Adams is already in the group — same name and email." in panel.details.text()
    assert panel.open_buttons[0].text() == "Open Zoë Adams's record"
    assert count_members(context, coordinator) == 1
    qtbot.mouseClick(panel.save_anyway, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved.id != zoe.id
    assert count_members(context, coordinator) == 2


def test_duplicate_link_opens_existing_record_without_saving(
    qtbot, context, coordinator, zoe, no_questions
):
    dialog = open_dialog(qtbot, context, coordinator)
    type_text(qtbot, dialog.fields.full_name, "Zoe Adams")  # accents do not hide a duplicate
    type_text(qtbot, dialog.fields.phone, "+44 7700 900123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "same name and phone" in dialog.duplicate.details.text()
    with qtbot.waitSignal(dialog.open_member_requested) as opened:
        qtbot.mouseClick(dialog.duplicate.open_buttons[0], Qt.MouseButton.LeftButton)
    assert opened.args == [zoe.id]
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert count_members(context, coordinator) == 1


def test_facilitator_has_no_restricted_fields_and_leaves_them_untouched(
    qtbot, context, coordinator, facilitator, zoe, no_questions
):
    with context.session() as session:
        as_fran = members.get_member(session, facilitator, zoe.id)
    dialog = open_dialog(qtbot, context, facilitator, as_fran)
    names = {w.accessibleName() for w in dialog.findChildren(QWidget)}
    assert not names & RESTRICTED_NAMES
    assert dialog.fields.restricted_group is None
    dialog.fields.phone.clear()
    type_text(qtbot, dialog.fields.phone, "0113 496 0000")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with context.session() as session:
        after = members.get_member(session, coordinator, zoe.id)
    assert after.phone == "0113 496 0000"
    assert after.restricted == Restricted(True, "Her brother, 07700 900999", "Prefers afternoons")


def test_coordinator_edit_prefills_and_saves(qtbot, context, coordinator, zoe, no_questions):
    dialog = open_dialog(qtbot, context, coordinator, zoe)
    f = dialog.fields
    assert dialog.windowTitle() == "Edit Zoë Adams"
    assert (f.full_name.text(), f.preferred_name.text()) == ("Zoë Adams", "")
    assert f.email.text() == "zoe@example.org" and f.date_joined_value() == date(2024, 5, 1)
    assert f.lived_experience.currentText() == "Yes"
    assert f.notes.toPlainText() == "Prefers afternoons"
    assert dialog.save_button.text() == "Save changes"
    type_text(qtbot, f.preferred_name, "Zo")
    f.notes.setFocus()
    f.notes.moveCursor(QTextCursor.MoveOperation.End)
    f.notes.insertPlainText(" and a quiet room.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with context.session() as session:
        after = members.get_member(session, coordinator, zoe.id)
    assert after.display_name == "Zo Adams"
    assert after.restricted.notes == "Prefers afternoons and a quiet room."


def test_escape_asks_before_discarding_edits(qtbot, context, coordinator, monkeypatch):
    asked = []
    answer = [False]  # Keep editing
    monkeypatch.setattr(
        dialog_keys, "ask_discard", lambda _p: asked.append(dialog_keys.DISCARD_TEXT) or answer[0]
    )
    dialog = open_dialog(qtbot, context, coordinator)
    type_text(qtbot, dialog.fields.full_name, "Half typed")
    qtbot.keyClick(dialog.fields.full_name, Qt.Key.Key_Escape)
    assert asked and "not saved" in asked[0]
    assert dialog.isVisible() and dialog.fields.full_name.text() == "Half typed"
    answer[0] = True  # Discard changes
    qtbot.keyClick(dialog.fields.full_name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and count_members(context, coordinator) == 0


def test_escape_closes_unchanged_dialog_without_asking(qtbot, context, coordinator, no_questions):
    dialog = open_dialog(qtbot, context, coordinator)
    qtbot.keyClick(dialog.fields.full_name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
