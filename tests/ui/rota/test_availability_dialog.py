"""Availability dialog: choose a peer supporter, save weekly times, a period away, limits."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QInputDialog, QMessageBox

from involve_desktop.core.services import rota_assign, rota_availability
from involve_desktop.core.services.rota_dto import AvailabilitySlot
from involve_desktop.ui.rota.availability_dialog import AvailabilityDialog
from involve_desktop.ui.rota.setup_widgets import month_name, next_month, to_qdate
from tests.core.rota.helpers import peer, shift, site
from tests.ui.typing import type_text


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """Fail loudly if an unexpected message box opens."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[2] if len(args) > 2 else args}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture
def people(session, coordinator):
    """Aisha (regular, no weekly times yet) and Ben (bank)."""
    aisha = peer(session, coordinator, "Aisha Khan", weekly=[])
    ben = peer(session, coordinator, "Ben Jones", bank=True)
    return aisha, ben


def open_dialog(qtbot, context, actor, member_id=None) -> AvailabilityDialog:
    dialog = AvailabilityDialog(context, actor, member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_people_listed_with_bank_marked(qtbot, context, coordinator, people):
    dialog = open_dialog(qtbot, context, coordinator)
    names = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert names == ["Aisha Khan", "Ben Jones (bank)"]


def test_save_weekly_unavailable_and_limits(qtbot, context, coordinator, people):
    aisha, _ben = people
    dialog = open_dialog(qtbot, context, coordinator, aisha)
    assert dialog.member_id() == aisha
    assert dialog.weekly.table.rowCount() == 0
    qtbot.mouseClick(dialog.weekly.add_button, Qt.MouseButton.LeftButton)
    row = dialog.weekly.add_row()
    dialog.weekly.table.cellWidget(row, 0).setCurrentIndex(2)
    dialog.weekly.table.cellWidget(row, 1).setTime(QTime(22, 0))
    dialog.weekly.table.cellWidget(row, 2).setTime(QTime(6, 0))
    type_text(qtbot, dialog.max_shifts, "2")
    type_text(qtbot, dialog.max_hours, "30")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in dialog.saved_note.text()

    start = date.today() + timedelta(days=14)
    dialog.un_from.setDate(to_qdate(start))
    dialog.un_to.setDate(to_qdate(start + timedelta(days=6)))
    qtbot.mouseClick(dialog.add_un_button, Qt.MouseButton.LeftButton)
    assert dialog.un_list.count() == 1

    with context.session() as session:
        got = rota_availability.availability(session, coordinator, aisha)
    assert got.weekly == (
        AvailabilitySlot(0, time(9), time(17)),
        AvailabilitySlot(2, time(22), time(6)),
    )
    assert [(u.start_on, u.end_on) for u in got.unavailable] == [(start, start + timedelta(days=6))]
    assert (got.max_shifts_per_week, got.max_hours_per_month) == (2, 30)

    dialog.max_hours.clear()
    dialog.weekly.table.setCurrentCell(0, 0)
    dialog.weekly.remove_row()
    dialog.save()
    dialog.un_list.setCurrentRow(0)
    dialog.remove_unavailable()
    with context.session() as session:
        got = rota_availability.availability(session, coordinator, aisha)
    assert got.weekly == (AvailabilitySlot(2, time(22), time(6)),)
    assert got.unavailable == ()
    assert (got.max_shifts_per_week, got.max_hours_per_month) == (2, None)


def test_bad_input_beside_fields(qtbot, context, coordinator, people):
    aisha, _ben = people
    dialog = open_dialog(qtbot, context, coordinator, aisha)
    row = dialog.weekly.add_row()
    dialog.weekly.table.cellWidget(row, 2).setTime(QTime(9, 0))
    dialog.save()
    assert dialog.labels["to_time"].isVisible()
    dialog.weekly.remove_row()
    type_text(qtbot, dialog.max_shifts, "40")
    dialog.save()
    assert dialog.labels["max_shifts_per_week"].isVisible()
    start = date.today() + timedelta(days=5)
    dialog.un_from.setDate(to_qdate(start))
    dialog.un_to.setDate(to_qdate(start - timedelta(days=1)))
    dialog.add_unavailable()
    assert dialog.labels["end_on"].isVisible()
    assert dialog.un_list.count() == 0


def test_switching_person_and_upcoming_shifts(qtbot, context, coordinator, session, people):
    aisha, ben = people
    day = date.today() + timedelta(days=3)
    shift_id = shift(session, coordinator, site(session, coordinator, "Ward 4"), day)
    rota_assign.assign(session, coordinator, shift_id, ben)
    dialog = open_dialog(qtbot, context, coordinator, aisha)
    assert dialog.upcoming.item(0, 0).text() == "No shifts booked."
    dialog.person.setCurrentIndex(dialog.person.findData(ben))
    assert dialog.weekly.table.rowCount() == 7
    assert dialog.upcoming.rowCount() == 1
    assert dialog.upcoming.item(0, 1).text() == "Ward 4"
    assert dialog.upcoming.item(0, 2).text() == "Upcoming"


def test_person_view_saves_calendar_file(
    qtbot, context, coordinator, session, people, tmp_path, monkeypatch
):
    import icalendar
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    aisha, ben = people
    day = date.today() + timedelta(days=3)
    shift_id = shift(session, coordinator, site(session, coordinator, "Ward 4"), day)
    rota_assign.assign(session, coordinator, shift_id, ben)
    dialog = open_dialog(qtbot, context, coordinator, ben)
    target = tmp_path / "ben"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    dialog.save_calendar()
    saved = tmp_path / "ben.ics"
    calendar = icalendar.Calendar.from_ical(saved.read_bytes())
    events = [e for e in calendar.walk("VEVENT")]
    assert len(events) == 1 and "Ward 4" in str(events[0]["SUMMARY"])
    assert str(saved) in shown[0]


def test_person_view_print_month_hands_over_member_number(
    qtbot, context, coordinator, session, people, monkeypatch
):
    from involve_desktop.core.sheets.params import SheetField
    from involve_desktop.ui.rota.availability_dialog import AvailabilityDialog

    aisha, _ = people
    offered = []

    def pick(parent, title, label, items, current, editable):
        offered.append((list(items), current))
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    asked = []
    dialog = AvailabilityDialog(
        context, coordinator, aisha, print_sheet=lambda key, values: asked.append((key, values))
    )
    qtbot.addWidget(dialog)
    dialog.print_month()
    this_month = month_name(date.today())
    assert offered[0][0][offered[0][1]] == this_month  # no shifts ahead: this month first
    assert asked == [
        (
            "rota-schedule",
            {SheetField.PERSON: str(aisha), SheetField.MONTH: date.today().strftime("%Y-%m")},
        )
    ]


def test_print_month_offers_the_month_of_their_next_shift(
    qtbot, context, coordinator, session, people, monkeypatch
):
    from involve_desktop.core.sheets.params import SheetField
    from involve_desktop.ui.rota.availability_dialog import AvailabilityDialog

    _, ben = people
    first_next_month, _ = next_month(date.today())
    ward = site(session, coordinator, "Ward 4")
    rota_assign.assign(
        session, coordinator, shift(session, coordinator, ward, first_next_month), ben
    )
    offered = []

    def pick(parent, title, label, items, current, editable):
        offered.append((list(items), current, label))
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    asked = []
    dialog = AvailabilityDialog(
        context, coordinator, ben, print_sheet=lambda key, values: asked.append((key, values))
    )
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    items, current, label = offered[0]
    assert items[current] == month_name(first_next_month) and "Ben Jones" in label
    assert month_name(date.today()) in items  # other months can still be chosen
    assert asked[0][1][SheetField.MONTH] == first_next_month.strftime("%Y-%m")
