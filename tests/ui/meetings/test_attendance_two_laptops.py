"""The attendance screen when another laptop typed in the same meeting meanwhile.

Its ticks are kept (and the person is told), and someone marked differently on both gets the
edit dialogs' three choices: keep editing, save mine over theirs, or load theirs.
"""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from involve_desktop.core.services import meetings_attendance, meetings_groups
from involve_desktop.core.services import meetings_meetings as meetings
from involve_desktop.core.services.meetings_dto import AttendanceState, MeetingInput
from involve_desktop.ui import conflict
from involve_desktop.ui.conflict import ConflictChoice
from involve_desktop.ui.meetings import attendance_entry
from involve_desktop.ui.meetings.attendance_entry import KEPT_TITLE, AttendanceDialog
from involve_desktop.ui.meetings.walk_in import NewcomerDialog
from tests.core.meetings.helpers import group, person
from tests.ui.rota.scripting import scripted
from tests.ui.typing import type_text

P, A = AttendanceState.PRESENT, AttendanceState.APOLOGIES
ALI, BEA, ZOE = 0, 1, 2  # rows: the sheet's order, by name


@pytest.fixture
def meeting(session, coordinator) -> dict[str, int]:
    """A past meeting of a closed group: Ali Khan, Bea Jones and Zoë Adams (rows 0, 1, 2)."""
    g = group(session, coordinator, open_membership=False)
    people = {n: person(session, coordinator, n) for n in ("Ali Khan", "Bea Jones", "Zoë Adams")}
    meetings_groups.set_group_members(session, coordinator, g, set(people.values()))
    people["meeting"] = meetings.add_meeting(
        session, coordinator, g, MeetingInput(date(2026, 3, 3), time(14), time(16))
    ).id
    session.commit()
    return people


@pytest.fixture
def told(monkeypatch) -> list[tuple[str, str]]:
    """Information boxes shown (title, text), answered at once."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "information",
        lambda parent, title, message, *a, **k: shown.append((title, message)),
    )
    return shown


def open_entry(qtbot, context, actor, meeting_id) -> AttendanceDialog:
    dialog = AttendanceDialog(context, actor, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def other_laptop_saves(context, actor, meeting_id, marks) -> None:
    """Another laptop, opened before this one saved, saves ``marks`` on top."""
    with context.session() as s:
        loaded = meetings_attendance.current_states(s, meeting_id)
        meetings_attendance.set_attendance(s, actor, meeting_id, {**loaded, **marks}, loaded=loaded)


def stored(context, meeting_id) -> dict[int, AttendanceState]:
    with context.session() as s:
        return meetings_attendance.current_states(s, meeting_id)


def mark(qtbot, dialog: AttendanceDialog, row: int, key: Qt.Key) -> None:
    dialog.table.selectRow(row)
    dialog.table.setCurrentIndex(dialog.model.index(row, 1))
    qtbot.keyClick(dialog.table, key)


def test_ticks_saved_on_another_laptop_are_kept_and_the_person_is_told(
    qtbot, context, coordinator, meeting, told
) -> None:
    dialog = open_entry(qtbot, context, coordinator, meeting["meeting"])
    other_laptop_saves(context, coordinator, meeting["meeting"], {meeting["Ali Khan"]: P})
    mark(qtbot, dialog, ZOE, Qt.Key.Key_Space)
    assert dialog.save()
    assert stored(context, meeting["meeting"]) == {meeting["Ali Khan"]: P, meeting["Zoë Adams"]: P}
    assert told == [
        (
            KEPT_TITLE,
            "Attendance for this meeting was changed on another laptop while you were typing. "
            "Your ticks were saved, and theirs were kept: Ali Khan (present).",
        )
    ]


def test_a_save_with_nobody_else_typing_says_nothing_more(
    qtbot, context, coordinator, meeting, told
) -> None:
    dialog = open_entry(qtbot, context, coordinator, meeting["meeting"])
    mark(qtbot, dialog, ALI, Qt.Key.Key_Space)
    assert dialog.save() and told == []


def answer_conflict(button: str, seen: list[str]) -> None:
    """When the conflict box opens, note its text and buttons and press ``button``."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "editConflict":
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        seen.extend(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, press)


def test_marked_differently_on_both_asks_and_keep_editing_saves_nothing(
    qtbot, context, coordinator, meeting
) -> None:
    dialog = open_entry(qtbot, context, coordinator, meeting["meeting"])
    other_laptop_saves(context, coordinator, meeting["meeting"], {meeting["Ali Khan"]: A})
    mark(qtbot, dialog, ALI, Qt.Key.Key_Space)
    mark(qtbot, dialog, ZOE, Qt.Key.Key_Space)
    seen: list[str] = []
    answer_conflict(conflict.KEEP_EDITING, seen)
    assert not dialog.save()
    assert seen[0] == (
        "Attendance for this meeting was changed on another laptop while you were typing, "
        "and this person was marked differently there: Ali Khan: apologies there, present "
        "here. Nothing of yours has been saved yet."
    )
    assert {conflict.KEEP_EDITING, conflict.SAVE_MINE, conflict.LOAD_THEIRS} <= set(seen)
    assert dialog.isVisible() and dialog.model.dirty and not dialog.saved
    assert dialog.model.state_at(ALI) is P and dialog.model.state_at(ZOE) is P  # typing kept
    assert "Nothing saved yet" in dialog.note.text()
    assert stored(context, meeting["meeting"]) == {meeting["Ali Khan"]: A}


def test_save_mine_over_theirs_keeps_their_other_ticks(
    qtbot, monkeypatch, context, coordinator, meeting, told
) -> None:
    dialog = open_entry(qtbot, context, coordinator, meeting["meeting"])
    other_laptop_saves(
        context, coordinator, meeting["meeting"], {meeting["Ali Khan"]: A, meeting["Bea Jones"]: P}
    )
    mark(qtbot, dialog, ALI, Qt.Key.Key_Space)
    asked = []
    monkeypatch.setattr(
        attendance_entry,
        "ask_what_to_do",
        lambda parent, error: asked.append(error.message) or ConflictChoice.SAVE_MINE,
    )
    assert dialog.save()
    assert len(asked) == 1 and "Ali Khan: apologies there, present here" in asked[0]
    assert stored(context, meeting["meeting"]) == {meeting["Ali Khan"]: P, meeting["Bea Jones"]: P}
    assert told and "Bea Jones (present)" in told[0][1]


def test_load_theirs_reloads_the_list_and_keeps_my_other_ticks(
    qtbot, monkeypatch, context, coordinator, meeting, told
) -> None:
    dialog = open_entry(qtbot, context, coordinator, meeting["meeting"])
    other_laptop_saves(
        context, coordinator, meeting["meeting"], {meeting["Ali Khan"]: A, meeting["Bea Jones"]: P}
    )
    mark(qtbot, dialog, ALI, Qt.Key.Key_Space)
    mark(qtbot, dialog, ZOE, Qt.Key.Key_A)
    monkeypatch.setattr(
        attendance_entry, "ask_what_to_do", lambda parent, error: ConflictChoice.LOAD_THEIRS
    )
    assert not dialog.save()
    assert dialog.isVisible() and not dialog.saved
    model = dialog.model
    assert [model.state_at(r) for r in (ALI, BEA, ZOE)] == [A, P, A]  # theirs, theirs, mine
    assert model.dirty
    assert dialog.note.text() == (
        "Reloaded with the other laptop's marks for Ali Khan. "
        "Your other ticks are kept on the list: save to keep them."
    )
    assert stored(context, meeting["meeting"]) == {meeting["Ali Khan"]: A, meeting["Bea Jones"]: P}
    assert dialog.save()
    assert told == []  # the list already showed theirs
    assert stored(context, meeting["meeting"]) == {
        meeting["Ali Khan"]: A,
        meeting["Bea Jones"]: P,
        meeting["Zoë Adams"]: A,
    }


def test_a_newcomer_unticked_after_being_added_is_not_left_present(
    qtbot, monkeypatch, context, coordinator, meeting
) -> None:
    """Adding a newcomer saves them present at once; clearing the mark afterwards counts."""
    dialog = open_entry(qtbot, context, coordinator, meeting["meeting"])

    def newcomer(new: NewcomerDialog) -> None:
        new.consent_no.setChecked(True)
        new.save()

    scripted(monkeypatch, NewcomerDialog, newcomer)
    type_text(qtbot, dialog.walk_in, "Priya Shah")
    qtbot.keyClick(dialog.walk_in, Qt.Key.Key_Return)
    last = dialog.model.rowCount() - 1
    priya = dialog.model.member_at(last).member_id
    assert stored(context, meeting["meeting"]) == {priya: P}
    mark(qtbot, dialog, last, Qt.Key.Key_Delete)  # typed in the wrong meeting's sheet
    mark(qtbot, dialog, ALI, Qt.Key.Key_Space)
    assert dialog.save()
    assert stored(context, meeting["meeting"]) == {meeting["Ali Khan"]: P}
