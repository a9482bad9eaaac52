"""Attendance on a small screen: the dialog fits, the list scrolls, Walk-in and Save show."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from involve_desktop.core.services import meetings_groups
from involve_desktop.core.services import meetings_meetings as meetings
from involve_desktop.core.services.meetings_dto import MeetingInput
from involve_desktop.ui.meetings.attendance_entry import AttendanceDialog
from tests.core.meetings.helpers import group, person

SMALL = QRect(0, 0, 1092, 500)  # 1366×768 at 1.25, with a tall task bar


@pytest.fixture
def big_meeting(session, coordinator) -> int:
    """A closed group of 60 members and one meeting: more rows than a small screen holds."""
    group_id = group(session, coordinator, open_membership=False)
    ids = [person(session, coordinator, f"Person {i:02d} Example") for i in range(60)]
    meetings_groups.set_group_members(session, coordinator, group_id, set(ids))
    info = meetings.add_meeting(
        session, coordinator, group_id, MeetingInput(date(2026, 3, 3), time(14), time(16))
    )
    return info.id


def inside(dialog: QWidget, widget: QWidget) -> bool:
    """Whether ``widget`` is shown and lies wholly within the dialog's own rectangle."""
    top_left = widget.mapTo(dialog, QPoint(0, 0))
    return widget.isVisible() and dialog.rect().contains(QRect(top_left, widget.size()))


def test_on_a_short_screen_save_and_walk_in_stay_in_view(
    qtbot, monkeypatch, context, coordinator, big_meeting
):
    monkeypatch.setattr(AttendanceDialog, "available_area", lambda self: SMALL)
    dialog = AttendanceDialog(context, coordinator, big_meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.frameGeometry().height() <= SMALL.height()
    assert dialog.width() <= SMALL.width()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert inside(dialog, save)
    assert inside(dialog, dialog.walk_in)
    assert dialog.table.verticalScrollBar().maximum() > 0  # the list scrolls instead


def test_resized_to_a_short_window_the_list_gives_up_the_height(
    qtbot, context, coordinator, big_meeting
):
    dialog = AttendanceDialog(context, coordinator, big_meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.setMaximumSize(16777215, 16777215)
    dialog.resize(1366, 600)
    qtbot.waitUntil(lambda: dialog.height() <= 600)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert inside(dialog, save)
    assert inside(dialog, dialog.walk_in)
    assert dialog.table.height() < 600
