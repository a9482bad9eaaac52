"""Apologies recorded before a meeting, a save refused for someone erased (named, with what
to do), and closing without a question when the marks were put back as they were."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from involve_desktop.core.services import gdpr_erasure, meetings_attendance, meetings_groups
from involve_desktop.core.services import meetings_meetings as meetings
from involve_desktop.core.services.meetings_dto import AttendanceState, MeetingInput
from involve_desktop.ui.meetings import attendance_table
from involve_desktop.ui.meetings.attendance_entry import AttendanceDialog
from involve_desktop.ui.meetings.meetings_view import MeetingsView
from tests.core.meetings.helpers import group, person
from tests.ui.rota.scripting import scripted

TODAY = date(2026, 3, 2)  # a Monday, the day before the first meeting
PRESENT, APOLOGIES = AttendanceState.PRESENT, AttendanceState.APOLOGIES
ROW_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_P)
SAVE_QUESTION = "Save the attendance you marked before closing?"


@pytest.fixture
def tuesday(session, coordinator) -> dict:
    """A closed group of Aisha, Ben and Carla meeting on 3 March 2026 (the day after TODAY)
    and on the same day next year (after the real today as well)."""
    group_id = group(session, coordinator, open_membership=False)
    ids = [person(session, coordinator, n) for n in ("Aisha Khan", "Ben Morris", "Carla Diaz")]
    meetings_groups.set_group_members(session, coordinator, group_id, ids)
    first = meetings.add_meeting(session, coordinator, group_id, MeetingInput(date(2026, 3, 3)))
    later = date.today().replace(year=date.today().year + 1, day=1)
    ahead = meetings.add_meeting(session, coordinator, group_id, MeetingInput(later))
    return {"group": group_id, "ids": ids, "first": first.id, "ahead": ahead.id}


def open_entry(qtbot, context, actor, meeting_id, **kwargs) -> AttendanceDialog:
    dialog = AttendanceDialog(context, actor, meeting_id, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):  # Ctrl+S works only in the active window
        dialog.activateWindow()
    return dialog


def stored(session, actor, meeting_id) -> dict[int, AttendanceState]:
    session.commit()  # a fresh read: the dialog saved through its own session
    sheet = meetings_attendance.attendance_sheet(session, actor, meeting_id)
    return {row.member_id: row.state for row in sheet.rows if row.state}


def go_to(dialog: AttendanceDialog, row: int) -> None:
    dialog.table.selectRow(row)
    dialog.table.setCurrentIndex(dialog.model.index(row, 1))


def test_record_apologies_for_a_meeting_still_to_come_from_the_meetings_list(
    qtbot, monkeypatch, context, session, coordinator, tuesday
):
    aisha, ben, carla = tuesday["ids"]
    view = MeetingsView(context, coordinator, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    view.load_meetings(tuesday["first"])
    assert view.current_meeting().id == tuesday["first"]
    assert view.attendance_button.isEnabled()
    assert view.attendance_button.text().replace("&", "") == "Record apologies…"
    seen: dict[str, object] = {}

    def script(dialog: AttendanceDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["mode"] = dialog.mode_line.text() if dialog.mode_line.isVisible() else ""
        seen["walk-in shown"] = dialog.walk_in.isVisible() or dialog.walk_in_button.isVisible()
        seen["save"] = dialog.save_button.text()
        for key in ROW_KEYS:  # never present before the day; nothing moves either
            qtbot.keyClick(dialog.table, key)
        go_to(dialog, 0)
        dialog.table.doubleClicked.emit(dialog.model.index(0, 1))
        seen["after present keys"] = dialog.model.states()
        seen["note"] = dialog.note.text()
        go_to(dialog, 0)
        qtbot.keyClick(dialog.table, Qt.Key.Key_A)  # Aisha: apologies, on to Ben
        qtbot.keyClick(dialog.table, Qt.Key.Key_A)  # Ben: apologies, on to Carla
        go_to(dialog, 1)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)  # Ben: cleared again
        seen["counts"] = dialog.counts.text()
        dialog.save_button.click()

    opened = scripted(monkeypatch, AttendanceDialog, script)
    view.meeting_table.setFocus()
    qtbot.keyClick(view.meeting_table, Qt.Key.Key_Return)
    assert opened and opened[0].saved
    assert str(seen["title"]).startswith("Apologies — Tuesday Peer Support")
    assert "only apologies can be recorded until the day" in str(seen["mode"])
    assert seen["walk-in shown"] is False
    assert seen["save"] == "Save apologies"
    assert seen["after present keys"] == {aisha: None, ben: None, carla: None}
    assert "only apologies can be recorded" in str(seen["note"])
    assert seen["counts"] == "Apologies from 1 · 2 not marked"
    assert stored(session, coordinator, tuesday["first"]) == {aisha: APOLOGIES}


def test_the_day_after_it_is_attendance_again_with_walk_ins(
    qtbot, context, session, coordinator, tuesday
):
    view = MeetingsView(context, coordinator, today=date(2026, 3, 4))
    qtbot.addWidget(view)
    view.show()
    view.load_meetings(tuesday["first"])
    assert view.attendance_button.text().replace("&", "") == "Take attendance…"
    dialog = open_entry(qtbot, context, coordinator, tuesday["first"], today=date(2026, 3, 4))
    assert not dialog.mode_line.isVisible() and dialog.walk_in.isVisible()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.model.state_at(0) is PRESENT


def test_opened_straight_for_a_meeting_next_year_it_is_apologies_only(
    qtbot, context, session, coordinator, tuesday
):
    """Without a given day (the cohort sessions open it so) the laptop's date decides."""
    aisha = tuesday["ids"][0]
    dialog = open_entry(qtbot, context, coordinator, tuesday["ahead"])
    assert dialog.apologies_only and dialog.windowTitle().startswith("Apologies")
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.model.state_at(0) is None
    qtbot.keyClick(dialog.table, Qt.Key.Key_A)
    assert dialog.save() and stored(session, coordinator, tuesday["ahead"]) == {aisha: APOLOGIES}


def test_a_cancelled_meeting_still_cannot_be_opened(qtbot, context, session, coordinator, tuesday):
    meetings.cancel_meeting(session, coordinator, tuesday["first"], "Venue closed")
    view = MeetingsView(context, coordinator, today=TODAY)
    qtbot.addWidget(view)
    view.load_meetings(tuesday["first"])
    assert view.current_meeting().cancelled and not view.attendance_button.isEnabled()


def test_marks_put_back_as_they_were_close_without_a_question(
    qtbot, context, session, coordinator, tuesday, unanswered_questions
):
    aisha, ben, _carla = tuesday["ids"]
    meetings_attendance.set_attendance(
        session, coordinator, tuesday["first"], {ben: APOLOGIES}, today=TODAY
    )
    session.commit()
    dialog = open_entry(qtbot, context, coordinator, tuesday["first"], today=date(2026, 3, 4))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # Aisha present, on to Ben
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # Ben present (was apologies)
    assert dialog.model.dirty
    go_to(dialog, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)  # Aisha: back to not marked
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_A)  # Ben: apologies again, as saved
    assert not dialog.model.dirty
    dialog.reject()
    assert unanswered_questions == [] and not dialog.isVisible()
    # A real change still asks.
    again = open_entry(qtbot, context, coordinator, tuesday["first"], today=date(2026, 3, 4))
    qtbot.keyClick(again.table, Qt.Key.Key_Space)
    again.reject()
    assert unanswered_questions == [SAVE_QUESTION]
    assert stored(session, coordinator, tuesday["first"]) == {ben: APOLOGIES}
    assert aisha not in stored(session, coordinator, tuesday["first"])


def test_an_erased_person_on_the_list_is_named_and_the_others_save_once_cleared(
    qtbot, monkeypatch, context, session, coordinator, tuesday
):
    """The list was opened before Ben was erased (on another laptop, say)."""
    aisha, ben, _carla = tuesday["ids"]
    errors: list[str] = []
    monkeypatch.setattr(
        "involve_desktop.ui.operations.show_error",
        lambda parent, error, title="": errors.append(str(error)),
    )
    dialog = open_entry(qtbot, context, coordinator, tuesday["first"], today=date(2026, 3, 4))
    gdpr_erasure.erase_member(
        session, coordinator, ben, "Ben Morris", now=datetime(2026, 3, 4, 9, 0)
    )
    session.commit()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # Aisha
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # Ben (as the list still shows him)
    assert not dialog.save()
    assert errors == [
        f"Erased person {ben}'s record was erased, so they cannot be recorded at a meeting. "
        "Clear their mark (Delete on their row), then save the others."
    ]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    go_to(dialog, 1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.save()
    assert stored(session, coordinator, tuesday["first"]) == {aisha: PRESENT}


def test_the_keys_line_offers_only_apologies_before_the_day(
    qtbot, context, session, coordinator, tuesday
):
    dialog = open_entry(qtbot, context, coordinator, tuesday["first"], today=TODAY)
    assert dialog.keys.text() == attendance_table.APOLOGIES_KEYS_HELP
    assert "Space" not in dialog.keys.text() and "walk-in" not in dialog.keys.text()
