"""What the coordinator sees when someone on the rota can no longer work a shift: the grid and
the shift panel mark them ("Zoë C. (left)") and show the gap; leaving or stepping back says
how many shifts from today they are on; taking off someone whose outcome is recorded says
why not and what to do instead; overnight shifts say "(next day)"."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import members, rota_assign, rota_shifts
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.rota_attendance import record_attendance
from involve_desktop.core.services.rota_dto import Attendance
from involve_desktop.ui.members.dialog_widgets import to_qdate
from involve_desktop.ui.members.record_dialogs import StatusDialog
from involve_desktop.ui.rota.availability_dialog import AvailabilityDialog
from involve_desktop.ui.rota.shift_panel import ShiftDialog
from involve_desktop.ui.rota.week_grid import shift_block, shift_line
from tests.core.rota.helpers import peer, shift, site

# A shift next week, so "from today on" holds whenever the tests run.
SOON = date.today() + timedelta(days=7 - date.today().weekday() + 1)


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[str, str]]:
    """Every message box shown, as (kind, text); none waits for a click."""
    shown: list[tuple[str, str]] = []

    def record(kind: str, answer=QMessageBox.StandardButton.Ok):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.No))
    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    return shown


@pytest.fixture
def ward(session, coordinator) -> dict[str, int]:
    """Ward 4 next Tuesday 09–13 (needs 2) with Aisha and Zoë on it."""
    ward = site(session, coordinator, "Ward 4", min_together=2)
    tue = shift(session, coordinator, ward, SOON)
    aisha = peer(session, coordinator, "Aisha Khan")
    zoe = peer(session, coordinator, "Zoë Clarke")
    rota_assign.assign(session, coordinator, tue, aisha)
    rota_assign.assign(session, coordinator, tue, zoe)
    return {"site": ward, "shift": tue, "aisha": aisha, "zoe": zoe}


def test_status_dialog_says_how_many_shifts_need_cover(
    qtbot, context, coordinator, session, ward, boxes
):
    zoe = members.get_member(session, coordinator, ward["zoe"])
    dialog = StatusDialog(context, coordinator, zoe)
    qtbot.addWidget(dialog)
    dialog.show()
    leave = dialog.choice.button(1)
    qtbot.mouseClick(leave, Qt.MouseButton.LeftButton, pos=QPoint(8, leave.height() // 2))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.saved.status.value == "left"
    assert boxes == [
        (
            "information",
            "Zoë Clarke is on 1 shift from today. They no longer count toward those shifts' "
            "cover, so the shifts now show as gaps if no one else covers them: take Zoë "
            "Clarke off them or find cover in the Rota.",
        )
    ]
    session.rollback()  # read afresh what the dialog saved
    view = rota_shifts.shift_view(session, coordinator, ward["shift"])
    assert "Zoë C. (left)" in shift_block(view)
    assert "⚠ ALONE — needs 1 more" in shift_block(view)


def test_shift_panel_marks_them_and_shows_the_gap(
    qtbot, context, coordinator, session, ward, boxes
):
    members.change_status(session, coordinator, ward["zoe"], MemberStatus.LEFT, date.today())
    dialog = ShiftDialog(context, coordinator, ward["shift"])
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    assert texts[1].startswith("Zoë Clarke · has left the group — not counted")
    assert dialog.state_label.text() == "Coverage: ⚠ ALONE — needs 1 more"


def test_taking_off_someone_whose_outcome_is_recorded_explains_instead(
    qtbot, context, coordinator, session, boxes
):
    ward = site(session, coordinator, "Ward 4", min_together=1)
    past = shift(session, coordinator, ward, date.today() - timedelta(days=1))
    aisha = peer(session, coordinator, "Aisha Khan")
    a = rota_assign.assign(session, coordinator, past, aisha)
    record_attendance(session, coordinator, a, Attendance.WORKED)
    dialog = ShiftDialog(context, coordinator, past)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.people.setCurrentRow(0)
    qtbot.mouseClick(dialog.unassign_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _ in boxes] == ["information"]  # never "Take Aisha Khan off…?"
    assert "cannot be taken off this shift" in boxes[0][1]
    assert "Record outcome" in boxes[0][1] and "payments" in boxes[0][1]
    session.expire_all()
    assert [p.name for p in rota_shifts.shift_view(session, coordinator, past).assignees] == [
        "Aisha Khan"
    ]


def test_overnight_shift_says_next_day_in_grid_and_panel(qtbot, context, coordinator, session):
    ward = site(session, coordinator, "Ward 4")
    night = shift(session, coordinator, ward, SOON, time(22), time(6))
    view = rota_shifts.shift_view(session, coordinator, night)
    assert shift_block(view).startswith("22:00–06:00 (next day)\n")
    assert "22:00–06:00 (next day)" in shift_line(view)
    dialog = ShiftDialog(context, coordinator, night)
    qtbot.addWidget(dialog)
    assert dialog.heading.text().endswith("22:00–06:00 (next day)")


def test_adding_time_off_says_which_shifts_need_cover(
    qtbot, context, coordinator, session, ward, boxes
):
    dialog = AvailabilityDialog(context, coordinator, ward["zoe"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.un_from.setDate(to_qdate(SOON))
    dialog.un_to.setDate(to_qdate(SOON + timedelta(days=2)))
    qtbot.mouseClick(dialog.add_un_button, Qt.MouseButton.LeftButton)
    assert dialog.un_list.count() == 1
    assert len(boxes) == 1 and boxes[0][0] == "information"
    assert boxes[0][1].startswith(f"Zoë Clarke is on 1 shift from {format_date(SOON)} to ")
    session.rollback()
    view = rota_shifts.shift_view(session, coordinator, ward["shift"])
    assert "Zoë C. (time off)" in shift_block(view)


def test_status_dialog_also_says_which_meetings_they_facilitate(
    qtbot, context, coordinator, session, boxes
):
    from involve_desktop.core.services import meetings_groups, meetings_meetings
    from involve_desktop.core.services.meetings_dto import MeetingInput
    from tests.core.meetings.helpers import group

    zoe = peer(session, coordinator, "Zoë Clarke")
    workshop = group(session, coordinator, "Creative Wellbeing Workshop")
    meetings_groups.set_group_facilitators(session, coordinator, workshop, [zoe])
    for day in (SOON, SOON + timedelta(days=7), date.today() - timedelta(days=7)):
        meetings_meetings.add_meeting(session, coordinator, workshop, MeetingInput(day))
    dialog = StatusDialog(context, coordinator, members.get_member(session, coordinator, zoe))
    qtbot.addWidget(dialog)
    dialog.show()
    leave = dialog.choice.button(1)
    qtbot.mouseClick(leave, Qt.MouseButton.LeftButton, pos=QPoint(8, leave.height() // 2))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert boxes == [
        (
            "information",
            "Zoë Clarke facilitates 2 meetings from today (Creative Wellbeing Workshop): "
            "choose someone else with Change meeting… under Meetings. Zoë Clarke is a usual "
            "facilitator of Creative Wellbeing Workshop, so they are put on meetings made from "
            "now on: change the group's facilitators under Meetings.",
        )
    ]


def test_a_cancelled_shift_can_be_put_back_from_its_panel(
    qtbot, context, coordinator, session, ward, boxes
):
    rota_shifts.cancel_shift(session, coordinator, ward["shift"], "Cancelled by mistake")
    dialog = ShiftDialog(context, coordinator, ward["shift"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cancel_button.text() == "Reinstate this shift"
    assert dialog.cancel_button.isEnabled() and not dialog.assign_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert boxes == []
    assert dialog.cancel_button.text() == "Cancel this shift…"
    assert dialog.assign_button.isEnabled()
    session.rollback()
    view = rota_shifts.shift_view(session, coordinator, ward["shift"])
    assert view.cancelled_reason is None and len(view.assignees) == 2
