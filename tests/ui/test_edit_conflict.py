"""Edit dialogs when someone else saved the record first: the dialog stays open, typing kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import (
    accounts,
    cohorts_programmes,
    meetings_groups,
    members,
    organisation,
    panels,
    payments_expenses,
)
from involve_desktop.core.services.cohorts_dto import ProgrammeInput
from involve_desktop.core.services.meetings_dto import MeetingInput
from involve_desktop.core.services.meetings_meetings import add_meeting, get_meeting, update_meeting
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.services.panels_dto import PanelInput
from involve_desktop.core.services.payments_dto import ExpenseInput, ExpenseKind
from involve_desktop.ui import conflict
from involve_desktop.ui.cohorts.programme_dialog import ProgrammeDialog
from involve_desktop.ui.meetings.meeting_dialogs import MeetingDialog
from involve_desktop.ui.members.member_dialog import MemberDialog
from involve_desktop.ui.panels.panel_dialog import PanelDialog
from involve_desktop.ui.payments.expense_dialog import ExpenseDialog
from involve_desktop.ui.settings.group_tab import GroupTab
from tests.core.meetings.helpers import group
from tests.core.panels.helpers import TODAY as PANEL_TODAY
from tests.core.panels.helpers import panel
from tests.ui.typing import type_text


@pytest.fixture
def priya(session, coordinator):
    accounts.create_account(
        session, coordinator, "Priya Shah", "priya", "kettle on at the hub", Role.COORDINATOR
    )
    return accounts.sign_in(session, "priya", "kettle on at the hub")


@pytest.fixture
def zoe(session, coordinator):
    data = MemberInput("Zoë Adams", phone="07700 900123", date_joined=date(2024, 5, 1))
    return members.create_member(session, coordinator, data)


def _changed_underneath(context, priya, zoe) -> None:
    """Priya saves a new phone number on another laptop while the dialog is open."""
    with context.session() as s:
        members.update_member(
            s, priya, zoe.id, replace(zoe.to_input(), phone="07700 900777"), expected_version=1
        )


def _answer_conflict(qtbot, button: str, seen: list[str]) -> None:
    """When the conflict box opens, note its text and press ``button``."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "editConflict":
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        seen.extend(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, press)


def _open(qtbot, context, actor, member) -> MemberDialog:
    dialog = MemberDialog(context, actor, member)
    qtbot.addWidget(dialog, before_close_func=lambda d: QDialog.done(d, 0))
    dialog.show()
    return dialog


def _stored(context, actor, member_id):
    with context.session() as s:
        return members.get_member(s, actor, member_id)


def test_keep_editing_leaves_the_dialog_open_with_the_typing_and_saves_nothing(
    qtbot, context, coordinator, priya, zoe
) -> None:
    dialog = _open(qtbot, context, coordinator, zoe)
    type_text(qtbot, dialog.fields.pronouns, "she/her")
    _changed_underneath(context, priya, zoe)
    seen: list[str] = []
    _answer_conflict(qtbot, conflict.KEEP_EDITING, seen)
    dialog.save()
    assert seen[0].startswith("Priya Shah saved changes to Zoë Adams's details at ")
    assert "Nothing of yours has been saved yet." in seen[0]
    assert {conflict.KEEP_EDITING, conflict.SAVE_MINE, conflict.LOAD_THEIRS} <= set(seen)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.fields.pronouns.text() == "she/her"
    assert "Priya Shah saved changes" in dialog.general_error.text()
    stored = _stored(context, coordinator, zoe.id)
    assert (stored.pronouns, stored.phone) == (None, "07700 900777")


def test_save_mine_over_theirs_asks_then_saves_against_the_new_version(
    qtbot, context, coordinator, priya, zoe, monkeypatch
) -> None:
    dialog = _open(qtbot, context, coordinator, zoe)
    type_text(qtbot, dialog.fields.pronouns, "she/her")
    _changed_underneath(context, priya, zoe)
    asked: list[str] = []

    def confirm(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", confirm)
    _answer_conflict(qtbot, conflict.SAVE_MINE, [])
    dialog.save()
    assert asked and "replaced by what you typed" in asked[0]
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = _stored(context, coordinator, zoe.id)
    # Mine is the whole form as typed, so the phone goes back to what the dialog showed.
    assert (stored.pronouns, stored.phone, stored.version) == ("she/her", "07700 900123", 3)


def test_discard_mine_loads_theirs_into_the_open_dialog(
    qtbot, context, coordinator, priya, zoe
) -> None:
    dialog = _open(qtbot, context, coordinator, zoe)
    type_text(qtbot, dialog.fields.pronouns, "she/her")
    _changed_underneath(context, priya, zoe)
    _answer_conflict(qtbot, conflict.LOAD_THEIRS, [])
    dialog.save()
    assert dialog.isVisible()
    assert (dialog.fields.phone.text(), dialog.fields.pronouns.text()) == ("07700 900777", "")
    type_text(qtbot, dialog.fields.pronouns, "she/her")
    dialog.save()  # now against their version: no conflict
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = _stored(context, coordinator, zoe.id)
    assert (stored.pronouns, stored.phone, stored.version) == ("she/her", "07700 900777", 3)


def test_the_panel_dialog_saves_mine_over_theirs_after_asking(
    qtbot, session, context, coordinator, priya, monkeypatch
) -> None:
    panel_id = panel(session, coordinator)
    session.close()
    dialog = PanelDialog(context, coordinator, panel_id, today=PANEL_TODAY)
    qtbot.addWidget(dialog, before_close_func=lambda d: QDialog.done(d, 0))
    dialog.show()
    dialog.details.venue.setText("Oak Street Centre")
    with context.session() as s:
        theirs = panels.get_panel(s, priya, panel_id)
        data = PanelInput(
            theirs.post_title,
            theirs.day,
            theirs.team,
            theirs.start_time,
            theirs.end_time,
            theirs.venue,
            candidates=6,
        )
        panels.update_panel(s, priya, panel_id, data, today=PANEL_TODAY)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    seen: list[str] = []
    _answer_conflict(qtbot, conflict.SAVE_MINE, seen)
    dialog.save()
    assert seen[0].startswith("Priya Shah saved changes to the Peer Support Worker panel")
    assert dialog.result() == QDialog.DialogCode.Accepted
    with context.session() as s:
        stored = panels.get_panel(s, coordinator, panel_id)
    assert (stored.venue, stored.version) == ("Oak Street Centre", 3)


def test_the_group_name_tab_loads_theirs_when_asked(qtbot, context, coordinator, priya) -> None:
    tab = GroupTab(context, coordinator)
    qtbot.addWidget(tab)
    tab.show()
    renamed: list[str] = []
    tab.renamed.connect(renamed.append)
    tab.name.setText("Riverside Voices Peer Network")
    with context.session() as s:
        organisation.rename_group(s, priya, "Riverside Voices CIC")
    _answer_conflict(qtbot, conflict.LOAD_THEIRS, [])
    tab.save()
    assert tab.name.text() == "Riverside Voices CIC"
    assert renamed == ["Riverside Voices CIC"]
    tab.name.setText("Riverside Voices Peer Network")
    tab.save()  # against the version just loaded: saves
    with context.session() as s:
        assert organisation.group_name(s) == "Riverside Voices Peer Network"


def test_an_expense_claim_changed_elsewhere_keeps_the_dialog_open(
    qtbot, context, coordinator, priya, zoe
) -> None:
    data = ExpenseInput(zoe.id, ExpenseKind.TRAVEL, date(2026, 11, 20), 480, description="Bus")
    with context.session() as s:
        claim = payments_expenses.add_claim(s, coordinator, data, today=date(2026, 11, 26))
    dialog = ExpenseDialog(context, coordinator, claim, today=date(2026, 11, 26))
    qtbot.addWidget(dialog, before_close_func=lambda d: QDialog.done(d, 0))
    dialog.show()
    dialog.description.setText("Bus to Ward 4 and back")
    with context.session() as s:
        payments_expenses.update_claim(
            s, priya, claim.id, replace(data, amount_pence=520), today=date(2026, 11, 26)
        )
    seen: list[str] = []
    _answer_conflict(qtbot, conflict.KEEP_EDITING, seen)
    dialog.save()
    assert seen[0].startswith("Priya Shah saved changes to this expense claim")
    assert dialog.isVisible() and dialog.description.text() == "Bus to Ward 4 and back"
    with context.session() as s:
        assert payments_expenses.get_claim(s, coordinator, claim.id).amount_pence == 520


def test_the_meeting_dialog_loads_theirs_then_saves(
    qtbot, session, context, coordinator, priya
) -> None:
    group_id = group(session, coordinator)
    info = meetings_groups.get_group(session, coordinator, group_id).group
    meeting = add_meeting(session, coordinator, group_id, MeetingInput(date(2026, 3, 3)))
    session.close()
    dialog = MeetingDialog(context, coordinator, info, meeting)
    qtbot.addWidget(dialog, before_close_func=lambda d: QDialog.done(d, 0))
    dialog.show()
    dialog.topic.setText("Summer trip")
    with context.session() as s:
        update_meeting(s, priya, meeting.id, MeetingInput(meeting.day, topic="Winter plans"))
    _answer_conflict(qtbot, conflict.LOAD_THEIRS, [])
    dialog.save()
    assert dialog.isVisible() and dialog.topic.text() == "Winter plans"
    dialog.topic.setText("Winter plans and the trip")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with context.session() as s:
        stored = get_meeting(s, coordinator, meeting.id)
    assert (stored.topic, stored.version) == ("Winter plans and the trip", 3)


def test_the_programme_dialog_keeps_the_typing_when_someone_saved_first(
    qtbot, context, coordinator, priya
) -> None:
    with context.session() as s:
        programme = cohorts_programmes.create_programme(
            s, coordinator, ProgrammeInput("Peer Leadership", planned_sessions=6)
        )
    dialog = ProgrammeDialog(context, coordinator, programme)
    qtbot.addWidget(dialog, before_close_func=lambda d: QDialog.done(d, 0))
    dialog.show()
    dialog.planned.setValue(10)
    with context.session() as s:
        cohorts_programmes.update_programme(
            s, priya, programme.id, ProgrammeInput("Peer Leadership", planned_sessions=8)
        )
    seen: list[str] = []
    _answer_conflict(qtbot, conflict.KEEP_EDITING, seen)
    dialog.save()
    assert seen[0].startswith("Priya Shah saved changes to the programme Peer Leadership")
    assert dialog.isVisible() and dialog.planned.value() == 10
    with context.session() as s:
        assert cohorts_programmes.get_programme(s, coordinator, programme.id).planned_sessions == 8
