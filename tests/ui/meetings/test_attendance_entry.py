"""Typing a sign-in sheet back in by keyboard: marks, walk-ins, saving, editing later."""

from __future__ import annotations

import time as clock
from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from involve_desktop.core.services import audit, meetings_attendance, meetings_groups
from involve_desktop.core.services import meetings_meetings as meetings
from involve_desktop.core.services.meetings_dto import AttendanceState, MeetingInput
from involve_desktop.ui.meetings.attendance_entry import AttendanceDialog
from involve_desktop.ui.meetings.walk_in import ChooseWalkInDialog, NewcomerDialog
from tests.core.meetings.helpers import group, person
from tests.sheets.member_helpers import facilitator as facilitator_account
from tests.ui.rota.scripting import scripted
from tests.ui.typing import type_text

MEETING_DAY = date(2026, 3, 3)
NAMES = [f"Person {chr(65 + i // 26)}{chr(65 + i % 26)} Example" for i in range(30)]


@pytest.fixture
def meeting(session, coordinator) -> dict:
    """A closed group of 30 members plus Jo Smith (not in the group) and a past meeting."""
    group_id = group(session, coordinator, open_membership=False)
    ids = [person(session, coordinator, name) for name in NAMES]
    jo = person(session, coordinator, "Jo Smith")
    meetings_groups.set_group_members(session, coordinator, group_id, set(ids))
    info = meetings.add_meeting(
        session, coordinator, group_id, MeetingInput(MEETING_DAY, time(14), time(16))
    )
    return {"group": group_id, "meeting": info.id, "ids": ids, "jo": jo}


def open_entry(qtbot, context, actor, meeting_id) -> AttendanceDialog:
    dialog = AttendanceDialog(context, actor, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    return dialog


def activate(qtbot, dialog: AttendanceDialog) -> None:
    """Ctrl+S is a window shortcut: it works only in the active window."""
    with qtbot.waitActive(dialog):
        dialog.activateWindow()


def saved_states(session, actor, meeting_id) -> dict[str, AttendanceState | None]:
    session.commit()  # a fresh read: the dialog saved through its own session
    sheet = meetings_attendance.attendance_sheet(session, actor, meeting_id)
    return {row.name: row.state for row in sheet.rows}


def test_thirty_ticks_and_two_newcomers_by_keyboard(
    qtbot, monkeypatch, context, session, coordinator, meeting
):
    dialog = open_entry(qtbot, context, coordinator, meeting["meeting"])
    rows = [dialog.model.member_at(r).name for r in range(dialog.model.rowCount())]
    assert rows == sorted(NAMES)  # the sheet's printed order
    started = clock.perf_counter()
    table = dialog.table
    for row in range(30):  # every third sends apologies, row 29 is absent (arrow past it)
        if row == 29:
            qtbot.keyClick(table, Qt.Key.Key_Down)
        elif row % 3 == 2:
            qtbot.keyClick(table, Qt.Key.Key_A)
        else:
            qtbot.keyClick(table, Qt.Key.Key_Space)
    # A mistake fixed: back up one row and clear it, then mark it again.
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.keyClick(table, Qt.Key.Key_Space)

    # Walk-in 1: Jo Smith is already a member — found, not duplicated.
    qtbot.keyClick(table, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    type_text(qtbot, dialog.walk_in, "jo smith")
    qtbot.keyClick(dialog.walk_in, Qt.Key.Key_Return)

    # Walk-in 2: someone new, with the consent question answered yes.
    def newcomer(new: NewcomerDialog) -> None:
        assert new.full_name.text() == "Zoë Ng"
        type_text(qtbot, new.phone, "07700 900123")
        new.consent_yes.setChecked(True)
        save = [b for b in new.findChildren(QPushButton) if b.text() == "Add and mark present"]
        qtbot.mouseClick(save[0], Qt.MouseButton.LeftButton)

    scripted(monkeypatch, NewcomerDialog, newcomer)
    type_text(qtbot, dialog.walk_in, "Zoë Ng")
    qtbot.keyClick(dialog.walk_in, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter in the walk-in box never saves the dialog
    assert dialog.counts.text() == "22 present · apologies from 9 · 1 not marked (absent)"
    activate(qtbot, dialog)  # as when the newcomer box closes on a real screen
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    elapsed = clock.perf_counter() - started
    assert dialog.saved and not dialog.isVisible()

    states = saved_states(session, coordinator, meeting["meeting"])
    ordered = sorted(NAMES)
    for row, name in enumerate(ordered):
        wanted = (
            None
            if row == 29
            else AttendanceState.APOLOGIES
            if row % 3 == 2
            else AttendanceState.PRESENT
        )
        assert states[name] == wanted, name
    assert states["Jo Smith"] is AttendanceState.PRESENT
    assert states["Zoë Ng"] is AttendanceState.PRESENT
    people = [s for s in states if s in ("Jo Smith", "Zoë Ng")]
    assert len(people) == 2  # Jo was not added again
    assert elapsed < 60  # far inside a minute even driven through Qt events


def test_possible_match_offers_a_choice(qtbot, monkeypatch, context, session, coordinator, meeting):
    person(session, coordinator, "Jo Smithson")
    dialog = open_entry(qtbot, context, coordinator, meeting["meeting"])

    def choose_jo(chooser: ChooseWalkInDialog) -> None:
        texts = [chooser.list.item(i).text() for i in range(chooser.list.count())]
        assert texts[-1] == "Someone new called jo smith"
        names = [text.split(" (")[0] for text in texts]
        assert "Jo Smith" in names and "Jo Smithson" in names
        assert texts[names.index("Jo Smith")] == "Jo Smith (joined Jan 2024, not come yet)"
        chooser.list.setCurrentRow(names.index("Jo Smith"))
        chooser.accept()

    scripted(monkeypatch, ChooseWalkInDialog, choose_jo)
    type_text(qtbot, dialog.walk_in, "jo smith")
    qtbot.keyClick(dialog.walk_in, Qt.Key.Key_Return)
    last = dialog.model.rowCount() - 1
    assert dialog.model.member_at(last).member_id == meeting["jo"]
    assert dialog.model.state_at(last) is AttendanceState.PRESENT


def test_editing_later_is_audited_and_closing_asks(
    qtbot, monkeypatch, context, session, coordinator, meeting
):
    meetings_attendance.set_attendance(
        session, coordinator, meeting["meeting"], {meeting["ids"][0]: AttendanceState.PRESENT}
    )
    session.commit()
    dialog = open_entry(qtbot, context, coordinator, meeting["meeting"])
    assert "changes are recorded" in dialog.details.text()
    first = dialog.model.member_at(0)
    assert dialog.model.state_at(0) is AttendanceState.PRESENT
    qtbot.keyClick(dialog.table, Qt.Key.Key_A)  # present → apologies
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Save,
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Save the attendance you marked before closing?"]
    assert dialog.saved
    states = saved_states(session, coordinator, meeting["meeting"])
    assert states[first.name] is AttendanceState.APOLOGIES
    entries = audit.list_entries(session, coordinator, "meeting_attendance", meeting["meeting"])
    assert [e.action for e in entries].count("update") == 1


def test_a_facilitator_types_in_their_own_groups_sheet_with_a_newcomer(
    qtbot, monkeypatch, context, session, coordinator, meeting
):
    facilitator = facilitator_account(session, coordinator)
    meetings_groups.set_group_accounts(
        session, coordinator, meeting["group"], [facilitator.account_id]
    )
    session.commit()
    dialog = open_entry(qtbot, context, facilitator, meeting["meeting"])
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)

    def newcomer(new: NewcomerDialog) -> None:
        new.consent_no.setChecked(True)
        new.save()

    scripted(monkeypatch, NewcomerDialog, newcomer)
    type_text(qtbot, dialog.walk_in, "Priya Shah")
    qtbot.keyClick(dialog.walk_in, Qt.Key.Key_Return)
    assert dialog.model.member_at(dialog.model.rowCount() - 1).name == "Priya Shah"
    assert dialog.save()
    states = saved_states(session, coordinator, meeting["meeting"])
    assert states[sorted(NAMES)[0]] is AttendanceState.PRESENT
    assert states["Priya Shah"] is AttendanceState.PRESENT
