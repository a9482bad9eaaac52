"""The Meetings area driven as a coordinator or facilitator would: groups, meetings, printing,
summaries and the council majority."""

from __future__ import annotations

import io
from datetime import date, time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, meetings_attendance, meetings_groups
from involve_desktop.core.services import meetings_meetings as meetings
from involve_desktop.core.services.meetings_dto import (
    AttendanceState,
    GroupKind,
    MeetingInput,
    ScheduleInput,
    ScheduleKind,
)
from involve_desktop.ui.meetings.attendance_entry import AttendanceDialog
from involve_desktop.ui.meetings.generate_dialog import GenerateMeetingsDialog
from involve_desktop.ui.meetings.group_dialog import GroupDialog
from involve_desktop.ui.meetings.meeting_dialogs import CancelDialog
from involve_desktop.ui.meetings.meetings_view import MeetingsView
from involve_desktop.ui.meetings.sign_in_print import SignInPrintDialog
from involve_desktop.ui.print_preview import PrintPreviewDialog
from tests.core.meetings.helpers import group, person
from tests.ui.rota.scripting import scripted
from tests.ui.typing import type_text

TODAY = date(2026, 3, 2)  # a Monday; the screens are given this as today
PRESENT, APOLOGIES = AttendanceState.PRESENT, AttendanceState.APOLOGIES


def open_view(qtbot, context, actor) -> MeetingsView:
    view = MeetingsView(context, actor, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def shown_meetings(view: MeetingsView) -> list[list[str]]:
    proxy = view.meeting_table.model()
    return [
        [str(proxy.index(r, c).data()) for c in range(proxy.columnCount())]
        for r in range(proxy.rowCount())
    ]


def choose_group(view: MeetingsView, name: str) -> None:
    proxy = view.group_table.model()
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data() == name:
            view.group_table.selectRow(row)
            return
    raise AssertionError(f"{name} is not listed")


def test_a_group_is_added_through_the_dialog_and_a_mistake_keeps_what_was_typed(
    qtbot, context, session, coordinator
):
    aisha = person(session, coordinator, "Aisha Khan")
    person(session, coordinator, "Ben Morris")
    dialog = GroupDialog(context, coordinator, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.venue, "Oak Street Community Centre")
    dialog.closed_radio.setChecked(True)
    dialog.schedule.kind.setCurrentIndex(dialog.schedule.kind.findData(ScheduleKind.MONTHLY))
    dialog.schedule.weekday.setCurrentIndex(0)
    assert dialog.schedule.words.text() == "First Monday of the month 14:00–16:00"
    dialog.members.set_checked(aisha)
    dialog.save()  # no name yet
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Group name" in dialog.labels["name"].text()
    assert dialog.labels["name"].isVisible()
    assert dialog.venue.text() == "Oak Street Community Centre"  # nothing typed is lost
    assert dialog.members.checked_ids() == {aisha}
    type_text(qtbot, dialog.name, "Monday Art Group")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted

    session.commit()  # a fresh read: the dialog saved through its own session
    [saved] = meetings_groups.list_groups(session, coordinator)
    assert (saved.name, saved.open_membership, saved.venue) == (
        "Monday Art Group",
        False,
        "Oak Street Community Centre",
    )
    assert saved.description == "First Monday of the month 14:00–16:00"
    detail = meetings_groups.get_group(session, coordinator, saved.id)
    assert [p.name for p in detail.members] == ["Aisha Khan"]


def test_schedule_problem_is_shown_beside_its_field(qtbot, context, coordinator):
    dialog = GroupDialog(context, coordinator, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "Tuesday Group")
    dialog.schedule.end.setTime(dialog.schedule.start.time().addSecs(-3600))
    dialog.save()
    assert "End time must be after the start time" in dialog.labels["end_time"].text()
    assert dialog.tabs.currentIndex() == 0


def test_generate_names_the_bank_holiday_and_the_closed_day(
    qtbot, monkeypatch, context, session, coordinator
):
    mondays = ScheduleInput(
        ScheduleKind.WEEKLY, time(18), time(20), weekday=0, valid_from=date(2027, 1, 1)
    )
    group_id = group(session, coordinator, "Monday Group", schedule=mondays)
    meetings_groups.add_closed_day(
        session, coordinator, group_id, date(2027, 3, 15), "Hall booked for an election"
    )
    view = open_view(qtbot, context, coordinator)

    def script(dialog: GenerateMeetingsDialog) -> None:
        dialog.period.set_dates(date(2027, 3, 1), date(2027, 3, 31))
        dialog.include_past.setChecked(True)
        dialog.generate_button.click()
        script.outcome = dialog.outcome.text()
        dialog.generate_button.click()  # again: nothing made twice
        script.again = dialog.outcome.text()
        dialog.reject()

    scripted(monkeypatch, GenerateMeetingsDialog, script)
    view.generate_button.click()
    assert "Made 3 meetings." in script.outcome
    assert "Skipped Mon 29 Mar 2027: Easter Monday (bank holiday)." in script.outcome
    assert "Skipped Mon 15 Mar 2027: Monday Group does not meet that day" in script.outcome
    assert "Made 0 meetings." in script.again and "3 meetings were already there" in script.again
    view.show_combo.setCurrentIndex(2)  # all
    assert [row[0] for row in shown_meetings(view)] == [
        "Mon 1 Mar 2027",
        "Mon 8 Mar 2027",
        "Mon 22 Mar 2027",
    ]


@pytest.fixture
def tuesday(session, coordinator) -> dict:
    """Tuesday Peer Support with Aisha, Ben and Carla, and meetings on 3 and 10 March."""
    group_id = group(session, coordinator, open_membership=False)
    ids = [person(session, coordinator, n) for n in ("Aisha Khan", "Ben Morris", "Carla Diaz")]
    meetings_groups.set_group_members(session, coordinator, group_id, ids)
    first = meetings.add_meeting(session, coordinator, group_id, MeetingInput(date(2026, 3, 3)))
    second = meetings.add_meeting(session, coordinator, group_id, MeetingInput(date(2026, 3, 10)))
    return {"group": group_id, "ids": ids, "first": first.id, "second": second.id}


def test_cancel_needs_a_reason_and_shows_it_in_words_then_reinstate(
    qtbot, monkeypatch, context, session, coordinator, tuesday
):
    view = open_view(qtbot, context, coordinator)
    assert [row[3] for row in shown_meetings(view)] == ["Upcoming", "Upcoming"]
    seen: list[str] = []

    def script(dialog: CancelDialog) -> None:
        dialog.save()  # blank reason: refused beside the box
        seen.append(dialog.error.text())
        type_text(qtbot, dialog.reason, "Venue closed: burst pipe")
        dialog.save()

    scripted(monkeypatch, CancelDialog, script)
    view.cancel_button.click()
    assert seen and "Reason" in seen[0]
    rows = shown_meetings(view)
    assert rows[0][0] == "Tue 3 Mar 2026"
    assert rows[0][3] == "Cancelled: Venue closed: burst pipe"
    assert view.cancel_button.text().replace("&", "") == "Reinstate meeting"
    assert not view.attendance_button.isEnabled()
    view.cancel_button.click()
    assert shown_meetings(view)[0][3] == "Upcoming"


def test_enter_on_a_meeting_takes_attendance_and_the_list_shows_the_counts(
    qtbot, monkeypatch, context, session, coordinator, tuesday
):
    view = MeetingsView(context, coordinator, today=date(2026, 3, 4))
    qtbot.addWidget(view)
    view.show()
    aisha, ben, carla = tuesday["ids"]

    def script(dialog: AttendanceDialog) -> None:
        # What saving in the dialog does, done through the service as the dialog would.
        with context.session() as s:
            meetings_attendance.set_attendance(
                s, coordinator, dialog.meeting_id, {aisha: PRESENT, ben: PRESENT, carla: APOLOGIES}
            )
        dialog.accept()

    opened = scripted(monkeypatch, AttendanceDialog, script)
    view.meeting_table.setFocus()
    qtbot.keyClick(view.meeting_table, Qt.Key.Key_Return)
    assert [d.meeting_id for d in opened] == [tuesday["first"]]
    first = shown_meetings(view)[0]
    assert (first[3], first[4], first[5]) == ("Attendance taken", "2", "1")


def test_past_meeting_without_attendance_says_so(qtbot, context, session, coordinator, tuesday):
    view = MeetingsView(context, coordinator, today=date(2026, 3, 20))
    qtbot.addWidget(view)
    view.show_combo.setCurrentIndex(1)  # past, newest first
    rows = shown_meetings(view)
    assert [r[0] for r in rows] == ["Tue 10 Mar 2026", "Tue 3 Mar 2026"]
    assert {r[3] for r in rows} == {"Attendance not yet taken"}
    assert {r[4] for r in rows} == {"—"}


def test_print_sign_in_sheets_for_the_next_meetings_makes_a_pdf_of_the_group(
    qtbot, monkeypatch, context, session, coordinator, tuesday
):
    view = open_view(qtbot, context, coordinator)
    previews = scripted(monkeypatch, PrintPreviewDialog, lambda d: d.reject())
    made: list[bytes] = []

    def script(dialog: SignInPrintDialog) -> None:
        assert dialog.this_radio.isChecked()  # the chosen meeting is offered first
        dialog.count.setValue(2)  # "the next 2 meetings"
        assert dialog.next_radio.isChecked()
        dialog.rows.setValue(3)
        dialog.privacy.setCurrentIndex(0)  # full names
        dialog.preview()
        made.append(dialog.pdf)

    scripted(monkeypatch, SignInPrintDialog, script)
    view.print_button.click()
    assert len(previews) == 1 and made and made[0]
    reader = PdfReader(io.BytesIO(made[0]))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 2  # one page a meeting
    assert "Tuesday Peer Support" in text
    assert "Tue 3 Mar 2026" in text and "Tue 10 Mar 2026" in text
    assert text.index("Aisha Khan") < text.index("Ben Morris") < text.index("Carla Diaz")


def test_print_with_no_meetings_to_come_says_what_to_do(
    qtbot, monkeypatch, context, session, coordinator
):
    group(session, coordinator)
    view = open_view(qtbot, context, coordinator)
    messages: list[str] = []

    def script(dialog: SignInPrintDialog) -> None:
        dialog.preview()
        messages.append(dialog.meetings_error.text())
        dialog.reject()

    scripted(monkeypatch, SignInPrintDialog, script)
    view.print_sign_in()
    assert "no meetings from today on" in messages[0]


def test_facilitator_sees_only_linked_groups_and_no_group_buttons(
    qtbot, context, session, coordinator, tuesday
):
    group(session, coordinator, "Thursday Forum", kind=GroupKind.FORUM)
    fran_id = accounts.create_account(
        session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR
    ).id
    meetings_groups.set_group_accounts(session, coordinator, tuesday["group"], [fran_id])
    fran = accounts.sign_in(session, "fran", "tuesday group")
    view = open_view(qtbot, context, fran)
    assert [g.name for g in view.groups] == ["Tuesday Peer Support"]
    assert not view.new_group_button.isVisible()
    assert not view.edit_group_button.isVisible()
    assert view.attendance_button.isVisible() and view.print_button.isVisible()
    assert len(shown_meetings(view)) == 2


def test_summary_shows_hand_counted_figures(qtbot, context, session, coordinator, tuesday):
    aisha, ben, carla = tuesday["ids"]
    group_id = tuesday["group"]
    extra = meetings.add_meeting(session, coordinator, group_id, MeetingInput(date(2026, 2, 24)))
    gone = meetings.add_meeting(session, coordinator, group_id, MeetingInput(date(2026, 2, 17)))
    meetings.cancel_meeting(session, coordinator, gone.id, "Snow")
    marks = {
        extra.id: {aisha: PRESENT, ben: PRESENT},
        tuesday["first"]: {aisha: PRESENT, carla: APOLOGIES},
        tuesday["second"]: {aisha: PRESENT, ben: PRESENT, carla: PRESENT},
    }
    for meeting_id, states in marks.items():
        meetings_attendance.set_attendance(
            session, coordinator, meeting_id, states, today=date(2026, 3, 20)
        )
    view = MeetingsView(context, coordinator, today=date(2026, 3, 20))
    qtbot.addWidget(view)
    view.tabs.setCurrentWidget(view.summary)
    view.summary.period.set_dates(date(2026, 2, 1), date(2026, 3, 31))
    view.summary.period.show_button.click()
    words = view.summary.words.text()
    # Held: 24 Feb, 3 Mar, 10 Mar (17 Feb cancelled); present 2 + 1 + 3 = 6; Aisha, Ben, Carla.
    assert "3 meetings held, 1 meeting cancelled" in words
    assert "3 people came at least once; 3 newcomers" in words
    assert "Average attendance: 2.0 people per meeting (6 attendances in all)" in words
    table = view.summary.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows == [["February 2026", "1", "2", "2.0"], ["March 2026", "2", "4", "2.0"]]
    assert not view.tabs.isTabVisible(view.council_index)  # not a council


def test_council_warns_in_words_when_lived_experience_is_not_the_majority(
    qtbot, context, session, coordinator
):
    council = group(session, coordinator, "Management Council", kind=GroupKind.MANAGEMENT_COUNCIL)
    lived = [person(session, coordinator, f"Lived {n}", lived=True) for n in "AB"]
    staff = [person(session, coordinator, f"Staff {n}", lived=False) for n in "AB"]
    good = meetings.add_meeting(session, coordinator, council, MeetingInput(date(2026, 2, 3)))
    short = meetings.add_meeting(session, coordinator, council, MeetingInput(date(2026, 2, 10)))
    meetings_attendance.set_attendance(
        session, coordinator, good.id, {lived[0]: PRESENT, lived[1]: PRESENT, staff[0]: PRESENT}
    )
    meetings_attendance.set_attendance(
        session, coordinator, short.id, {lived[0]: PRESENT, staff[0]: PRESENT, staff[1]: PRESENT}
    )
    view = MeetingsView(context, coordinator, today=date(2026, 3, 20))
    qtbot.addWidget(view)
    view.show()
    assert view.tabs.isTabVisible(view.council_index)
    view.tabs.setCurrentWidget(view.council)
    view.council.period.set_dates(date(2026, 2, 1), date(2026, 2, 28))
    view.council.period.show_button.click()
    assert view.council.banner.isVisible()
    assert view.council.banner.text().startswith("⚠")
    assert "Tue 10 Feb 2026" in view.council.banner.text()
    table = view.council.table
    assert [table.item(r, 5).text() for r in range(2)] == ["Yes", "No — not the majority"]


def test_main_window_meetings_area_has_its_own_new_print_and_search(
    qtbot, monkeypatch, context, coordinator, tuesday
):
    from involve_desktop.ui.main_window import MainWindow

    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show()
    window.show_area("meetings")
    assert window.current_area() == "meetings"
    assert window.new_action.text().replace("&", "") == "New meeting…"
    assert window.print_action.text().replace("&", "") == "Print sign-in sheets…"
    opened = scripted(monkeypatch, SignInPrintDialog, lambda d: d.reject())
    window.print_action.trigger()
    assert [d.group.name for d in opened] == ["Tuesday Peer Support"]
    window.search_action.trigger()
    assert window.focusWidget() is window.meetings_view.search


def test_a_one_off_meeting_is_added_with_a_topic_and_esc_asks_before_losing_edits(
    qtbot, monkeypatch, context, session, coordinator, tuesday, unanswered_questions
):
    from involve_desktop.ui.meetings.meeting_dialogs import MeetingDialog
    from involve_desktop.ui.rota.setup_widgets import to_qdate

    view = open_view(qtbot, context, coordinator)

    def script(dialog: MeetingDialog) -> None:
        dialog.day.setDate(to_qdate(date(2026, 3, 19)))
        type_text(qtbot, dialog.topic, "Summer outing plans")
        dialog.save()

    scripted(monkeypatch, MeetingDialog, script)
    view.add_button.click()
    rows = {row[0]: row for row in shown_meetings(view)}
    assert rows["Thu 19 Mar 2026"][2] == "Summer outing plans"
    assert rows["Thu 19 Mar 2026"][1] == "14:00–16:00"  # the group's times

    def escape(dialog: MeetingDialog) -> None:
        type_text(qtbot, dialog.topic, "Changed my mind")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    scripted(monkeypatch, MeetingDialog, escape)
    view.edit_button.click()
    assert unanswered_questions and "not saved" in unanswered_questions[-1]


def test_typing_a_name_and_enter_ticks_them_without_saving_the_group(
    qtbot, context, session, coordinator
):
    person(session, coordinator, "Aisha Khan")
    ben = person(session, coordinator, "Ben Morris")
    dialog = GroupDialog(context, coordinator, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.members.filter_edit, "morr")
    qtbot.keyClick(dialog.members.filter_edit, Qt.Key.Key_Return)
    assert dialog.members.checked_ids() == {ben}
    assert dialog.members.filter_edit.text() == ""
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted


def test_a_meeting_just_held_is_in_view_and_chosen_for_typing_in_its_sheet(
    qtbot, context, session, coordinator, tuesday
):
    view = MeetingsView(context, coordinator, today=date(2026, 3, 12))
    qtbot.addWidget(view)
    rows = shown_meetings(view)
    assert [(r[0], r[3]) for r in rows] == [
        ("Tue 3 Mar 2026", "Attendance not yet taken"),
        ("Tue 10 Mar 2026", "Attendance not yet taken"),
    ]
    assert view.current_meeting().day == date(2026, 3, 3)  # the oldest still to type in


def test_sign_in_sheet_for_next_month_in_initials_and_large_print(
    qtbot, monkeypatch, context, session, coordinator, tuesday
):
    from involve_desktop.core.sheets.names import PrivacyMode

    scripted(monkeypatch, PrintPreviewDialog, lambda d: d.reject())
    made: list[bytes] = []

    def script(dialog: SignInPrintDialog) -> None:
        dialog.month_radio.setChecked(True)  # every meeting in April 2026: none yet
        dialog.preview()
        made.append(dialog.meetings_error.text())
        dialog.this_radio.setChecked(True)
        dialog.privacy.setCurrentIndex(dialog.privacy.findData(PrivacyMode.INITIALS))
        dialog.large_print.setChecked(True)
        dialog.new_here.setChecked(False)
        dialog.preview()
        made.append(dialog.pdf)

    view = MeetingsView(context, coordinator, today=date(2026, 3, 20))
    qtbot.addWidget(view)
    scripted(monkeypatch, SignInPrintDialog, script)
    view.print_sign_in()
    assert "no meetings in April 2026 yet" in made[0]
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(made[1])).pages)
    assert "A. K." in text and "Aisha" not in text
    assert "New here" not in text


def test_typing_in_the_find_box_narrows_the_groups(qtbot, context, session, coordinator):
    group(session, coordinator, "Tuesday Peer Support")
    group(session, coordinator, "Thursday Forum", kind=GroupKind.FORUM)
    view = open_view(qtbot, context, coordinator)
    assert view.group_table.model().rowCount() == 2
    view.focus_search()
    type_text(qtbot, view.search, "forum")
    proxy = view.group_table.model()
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Thursday Forum"]


def test_closed_days_are_added_with_a_note_refused_twice_and_removed(
    qtbot, context, session, coordinator, tuesday
):
    from involve_desktop.ui.rota.setup_widgets import to_qdate

    dialog = GroupDialog(context, coordinator, tuesday["group"], today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(2)
    dialog.closed_day.setDate(to_qdate(date(2026, 4, 7)))
    type_text(qtbot, dialog.closed_note, "Hall repainted")
    dialog.add_closed_button.click()
    assert [dialog.closed_list.item(i).text() for i in range(dialog.closed_list.count())] == [
        "Tue 7 Apr 2026 — Hall repainted"
    ]
    dialog.add_closed_button.click()  # the same day again
    assert "already does not meet on Tue 7 Apr 2026" in dialog.closed_error.text()
    dialog.closed_list.setCurrentRow(0)
    dialog.remove_closed_button.click()
    assert dialog.closed_list.count() == 0
