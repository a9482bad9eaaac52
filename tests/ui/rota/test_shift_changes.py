"""Swapping, recording what happened and changing one shift from the shift panel; the Rota
area's Ctrl+N (add a one-off shift) and Ctrl+P (print the week)."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt

from involve_desktop.core.services import rota_assign, rota_shifts
from involve_desktop.core.services.rota_dto import Attendance
from involve_desktop.core.sheets.params import SheetField
from involve_desktop.ui.rota.rota_view import RotaView
from involve_desktop.ui.rota.shift_edit import ShiftEditDialog
from involve_desktop.ui.rota.shift_outcome import OutcomeDialog
from involve_desktop.ui.rota.shift_panel import ShiftDialog
from involve_desktop.ui.rota.shift_swap import SwapDialog
from tests.ui.rota.scripting import scripted
from tests.ui.rota.test_shift_dialogs import MONDAY


def names(session, actor, shift_id):
    session.expire_all()
    return [p.name for p in rota_shifts.shift_view(session, actor, shift_id).assignees]


def test_swap_by_keyboard_from_the_shift_panel(
    qtbot, monkeypatch, context, session, coordinator, rota
):
    rota_assign.assign(session, coordinator, rota["wednesday"], rota["ben"])

    def choose_ben(dialog: SwapDialog) -> None:
        assert dialog.list.count() == 1
        assert dialog.list.item(0).text().startswith("Ben Morris — Ward 4, Wed 4 Mar 2026")
        qtbot.keyClicks(dialog.filter, "ben")
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
        qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)

    opened = scripted(monkeypatch, SwapDialog, choose_ben)
    panel = ShiftDialog(context, coordinator, rota["morning"])
    qtbot.addWidget(panel)
    panel.people.setCurrentRow(0)
    qtbot.mouseClick(panel.swap_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].swapped and panel.changed
    assert names(session, coordinator, rota["morning"]) == ["Ben Morris"]
    assert names(session, coordinator, rota["wednesday"]) == ["Aisha Khan"]


def test_swap_refused_shows_reason_and_changes_nothing(
    qtbot, monkeypatch, context, session, coordinator, rota
):
    # Carla's training expired: she cannot take Aisha's shift.
    from involve_desktop.core.models.rota import RotaAssignment

    session.add(
        RotaAssignment(shift_id=rota["wednesday"], member_id=rota["carla"], assigned_by="x")
    )
    session.commit()
    errors = []
    monkeypatch.setattr(
        "involve_desktop.ui.operations.show_error",
        lambda parent, error, title="": errors.append(str(error)),
    )
    panel = ShiftDialog(context, coordinator, rota["morning"])
    qtbot.addWidget(panel)
    view = panel.view
    dialog = SwapDialog(context, coordinator, view, view.assignees[0], panel)
    qtbot.addWidget(dialog)
    dialog.swap()
    assert not dialog.swapped
    assert errors and "Carla Diaz's peer support training expired" in errors[0]
    assert names(session, coordinator, rota["morning"]) == ["Aisha Khan"]


def test_record_what_happened(qtbot, monkeypatch, context, session, coordinator, rota):
    rota_assign.assign(session, coordinator, rota["morning"], rota["ben"])
    panel = ShiftDialog(context, coordinator, rota["morning"])
    qtbot.addWidget(panel)
    assert panel.outcome_button.isEnabled()  # March 2026 is in the past

    def record(dialog: OutcomeDialog) -> None:
        qtbot.mouseClick(dialog.all_worked_button, Qt.MouseButton.LeftButton)
        ben = next(r for r in dialog.rows if r.person.name == "Ben Morris")
        ben.state.setCurrentIndex(ben.state.findData(Attendance.DID_NOT_ATTEND.value))
        aisha = next(r for r in dialog.rows if r.person.name == "Aisha Khan")
        aisha.hours.setValue(3.5)
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        if dialog.isVisible():
            dialog.save()

    scripted(monkeypatch, OutcomeDialog, record)
    qtbot.mouseClick(panel.outcome_button, Qt.MouseButton.LeftButton)
    session.expire_all()
    view = rota_shifts.shift_view(session, coordinator, rota["morning"])
    states = {p.name: (p.attendance, p.actual_minutes) for p in view.assignees}
    assert states == {
        "Aisha Khan": (Attendance.WORKED, 210),
        "Ben Morris": (Attendance.DID_NOT_ATTEND, None),
    }
    assert "Worked" in panel.people.item(0).text()


def test_what_happened_waits_for_the_day(qtbot, context, session, coordinator, rota):
    from datetime import timedelta

    from tests.core.rota.helpers import shift

    later = shift(session, coordinator, rota["site"], date.today() + timedelta(days=2))
    rota_assign.assign(session, coordinator, later, rota["aisha"])
    panel = ShiftDialog(context, coordinator, later)
    qtbot.addWidget(panel)
    assert not panel.outcome_button.isEnabled()
    assert "from the day of the shift" in panel.outcome_button.toolTip()


def test_change_one_shift_times(qtbot, monkeypatch, context, session, coordinator, rota):
    def change(dialog: ShiftEditDialog) -> None:
        dialog.start.setTime(dialog.start.time().addSecs(3600))
        dialog.max_peers.setValue(3)
        dialog.save()

    scripted(monkeypatch, ShiftEditDialog, change)
    panel = ShiftDialog(context, coordinator, rota["morning"])
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert panel.changed
    assert panel.heading.text() == "Ward 4, Tue 3 Mar 2026 10:00–13:00"


def test_change_refused_shows_beside_form(qtbot, context, session, coordinator, rota):
    panel = ShiftDialog(context, coordinator, rota["morning"])
    qtbot.addWidget(panel)
    dialog = ShiftEditDialog(context, coordinator, view=panel.view)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.end.setTime(dialog.start.time())
    dialog.save()
    assert dialog.isVisible()
    assert "End time must differ" in dialog.labels["end_time"].text()


def test_ctrl_n_adds_one_off_shift_on_selected_cell(
    qtbot, monkeypatch, context, session, coordinator, rota
):
    view = RotaView(context, coordinator)
    qtbot.addWidget(view)
    view.show_week(MONDAY)
    view.grid.setCurrentIndex(view.grid.grid_model.index(0, 4))  # Friday

    def add(dialog: ShiftEditDialog) -> None:
        assert dialog.site.currentText() == "Ward 4"
        assert dialog.day.date().toPython() == date(2026, 3, 6)
        assert dialog.training.currentText() == "Peer support"
        dialog.start.setTime(dialog.start.time().fromString("18:00", "HH:mm"))
        dialog.end.setTime(dialog.end.time().fromString("21:00", "HH:mm"))
        dialog.save()

    scripted(monkeypatch, ShiftEditDialog, add)
    view.add_shift()
    friday = view.grid.grid_model.shifts_at(0, 4)
    assert [v.slot.when for v in friday] == ["Fri 6 Mar 2026 18:00–21:00"]
    assert friday[0].slot.start.time() == time(18)


def test_print_week_asks_for_weekly_rota_of_site(qtbot, context, coordinator, rota):
    view = RotaView(context, coordinator)
    qtbot.addWidget(view)
    view.show_week(MONDAY)
    asked = []
    view.print_requested.connect(lambda key, values: asked.append((key, values)))
    view.site_filter.setCurrentIndex(view.site_filter.findText("Ward 4"))
    view.print_week()
    assert asked == [("weekly-rota", {SheetField.WEEK: "2026-03-02", SheetField.SITE: "Ward 4"})]


def test_main_window_ctrl_p_in_rota_previews_weekly_rota(
    qtbot, monkeypatch, context, coordinator, rota
):
    from involve_desktop.ui.main_window import MainWindow
    from involve_desktop.ui.sheets.sheets_view import SheetsView

    previewed = []
    monkeypatch.setattr(
        SheetsView,
        "preview",
        lambda self: previewed.append((self.current_spec().key, self.form.week_edit.text())),
    )
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show_area("rota")
    window.rota_view.show_week(MONDAY)
    assert window.print_action.text() == "&Print this week's rota…"
    assert window.new_action.text() == "&Add shift…"
    window.print_action.trigger()
    assert window.current_area() == "sheets"
    assert previewed == [("weekly-rota", "2026-03-02")]
