"""The shift panel from the grid: assigning by keyboard and mouse, refusals, limits, calls."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from involve_desktop.core.services import rota_assign, rota_coverage, rota_shifts
from involve_desktop.core.services.rota_dto import CallAnswer
from involve_desktop.ui.rota.rota_view import RotaView
from involve_desktop.ui.rota.shift_assign import MEMBER_ROLE, AssignDialog
from involve_desktop.ui.rota.shift_calldown import CallDialog
from involve_desktop.ui.rota.shift_panel import ShiftDialog
from tests.core.rota.conftest import facilitator  # noqa: F401 - fixture
from tests.core.rota.helpers import peer
from tests.ui.rota.scripting import scripted

MONDAY = date(2026, 3, 2)
TUE = date(2026, 3, 3)
WED = date(2026, 3, 4)


def who_is_on(session, coordinator, shift_id: int) -> list[str]:
    session.expire_all()
    return [a.name for a in rota_shifts.shift_view(session, coordinator, shift_id).assignees]


def make_view(qtbot, context, actor) -> RotaView:
    view = RotaView(context, actor)
    qtbot.addWidget(view)
    view.show()
    view.show_week(MONDAY)
    return view


def test_assign_by_keyboard_from_the_grid(qtbot, context, coordinator, session, rota, monkeypatch):
    view = make_view(qtbot, context, coordinator)

    def in_assign(dialog: AssignDialog) -> None:
        assert dialog.people.currentItem().text().startswith("Ben Morris — 0 shifts")
        qtbot.keyClick(dialog.people, Qt.Key.Key_Return)

    def in_shift(dialog: ShiftDialog) -> None:
        assert "No one" in dialog.state_label.text()
        dialog.assign_button.setFocus()
        qtbot.keyClick(dialog.assign_button, Qt.Key.Key_Space)
        assert "Ben Morris" in dialog.people.item(0).text()

    shifts = scripted(monkeypatch, ShiftDialog, in_shift)
    assigns = scripted(monkeypatch, AssignDialog, in_assign)
    view.grid.setFocus()
    view.grid.setCurrentIndex(view.grid.grid_model.index(0, 0))
    qtbot.keyClick(view.grid, Qt.Key.Key_Right)
    qtbot.keyClick(view.grid, Qt.Key.Key_Right)
    assert view.grid.currentIndex().column() == 2
    qtbot.keyClick(view.grid, Qt.Key.Key_Return)
    assert len(shifts) == 1 and len(assigns) == 1
    assert who_is_on(session, coordinator, rota["wednesday"]) == ["Ben Morris"]
    assert "Ben M.\n⚠ ALONE" in view.grid.grid_model.index(0, 2).data()  # grid refreshed


def test_assign_by_mouse_choosing_one_of_two_shifts(
    qtbot, context, coordinator, session, rota, monkeypatch
):
    view = make_view(qtbot, context, coordinator)
    offered: list[list[str]] = []

    def pick(parent, title, label, items, current, editable):
        offered.append(list(items))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)

    def in_assign(dialog: AssignDialog) -> None:
        texts = [dialog.people.item(i).text() for i in range(dialog.people.count())]
        assert "Cannot do this shift:" in texts
        assert any(t.startswith("✗ Carla Diaz") and "training" in t for t in texts)
        ben = next(i for i in range(dialog.people.count()) if "Ben Morris" in texts[i])
        rect = dialog.people.visualItemRect(dialog.people.item(ben))
        qtbot.mouseClick(dialog.people.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)

    scripted(monkeypatch, AssignDialog, in_assign)
    scripted(
        monkeypatch,
        ShiftDialog,
        lambda d: qtbot.mouseClick(d.assign_button, Qt.MouseButton.LeftButton),
    )
    cell = view.grid.grid_model.index(0, 1)
    rect = view.grid.visualRect(cell)
    qtbot.mouseClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.grid.currentIndex() == cell
    qtbot.mouseDClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(offered[0]) == 2 and "09:00–13:00" in offered[0][0]
    assert who_is_on(session, coordinator, rota["morning"]) == ["Aisha Khan", "Ben Morris"]
    assert "✓ Covered" in view.grid.grid_model.index(0, 1).data()


def test_hard_refusal_shows_the_reason(qtbot, context, coordinator, session, rota, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    found = rota_coverage.suggestions(session, coordinator, rota["afternoon"])
    dialog = CallDialog(context, coordinator, found)
    qtbot.addWidget(dialog)
    dialog.person.setCurrentIndex(dialog.person.findData(rota["carla"]))
    dialog.answer_buttons[CallAnswer.YES].setChecked(True)
    dialog.save()
    assert len(warnings) == 1 and "Carla" in warnings[0] and "training" in warnings[0]
    assert who_is_on(session, coordinator, rota["afternoon"]) == []
    assert rota_coverage.call_log(session, coordinator, rota["afternoon"]) == []


def test_going_over_a_limit_asks_for_a_reason_and_records_it(
    qtbot, context, coordinator, session, rota, monkeypatch
):
    dee = peer(session, coordinator, "Dee Evans", limits=(1, None))
    rota_assign.assign(session, coordinator, rota["morning"], dee)
    asked: list[str] = []

    def reason(parent, title, label, *args, **kwargs):
        asked.append((title, label))
        return "She offered; ward short-staffed", True

    monkeypatch.setattr(QInputDialog, "getText", reason)
    dialog = AssignDialog(context, coordinator, rota["wednesday"])
    qtbot.addWidget(dialog)
    row = next(
        i for i in range(dialog.people.count()) if dialog.people.item(i).data(MEMBER_ROLE) == dee
    )
    assert "needs a reason: would be over their limit of 1 shift a week" in (
        dialog.people.item(row).text()
    )
    dialog.people.setCurrentRow(row)
    dialog.assign_selected()
    assert len(asked) == 1
    assert asked[0][0] == "Put them on over their limit of shifts a week?"
    assert "Dee Evans would be over their limit of 1 shift a week" in " ".join(asked[0][1].split())
    assert all(len(line) <= 80 for line in asked[0][1].splitlines())  # fits the screen
    session.expire_all()
    view = rota_shifts.shift_view(session, coordinator, rota["wednesday"])
    assert [(a.name, a.override_reason) for a in view.assignees] == [
        ("Dee Evans", "She offered; ward short-staffed")
    ]


def test_declining_the_override_assigns_no_one(
    qtbot, context, coordinator, session, rota, monkeypatch
):
    dee = peer(session, coordinator, "Dee Evans", limits=(1, None))
    rota_assign.assign(session, coordinator, rota["morning"], dee)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    dialog = AssignDialog(context, coordinator, rota["wednesday"])
    qtbot.addWidget(dialog)
    row = next(
        i for i in range(dialog.people.count()) if dialog.people.item(i).data(MEMBER_ROLE) == dee
    )
    dialog.people.setCurrentRow(row)
    dialog.assign_selected()
    assert who_is_on(session, coordinator, rota["wednesday"]) == []


def test_call_down_entries_appear_and_yes_assigns(
    qtbot, context, coordinator, session, rota, monkeypatch
):
    answers = iter([(CallAnswer.NO, "away that week"), (CallAnswer.YES, "")])

    def in_call(dialog: CallDialog) -> None:
        answer, note = next(answers)
        dialog.person.setCurrentIndex(dialog.person.findData(rota["ben"]))
        dialog.answer_buttons[answer].setChecked(True)
        dialog.note.setText(note)
        dialog.save()

    scripted(monkeypatch, CallDialog, in_call)
    panel = ShiftDialog(context, coordinator, rota["afternoon"])
    qtbot.addWidget(panel)
    assert panel.calls.item(0).text() == "No calls recorded yet."
    qtbot.mouseClick(panel.call_button, Qt.MouseButton.LeftButton)
    assert (
        "asked Ben Morris · No · by Sam Coordinator · away that week" in panel.calls.item(0).text()
    )
    qtbot.mouseClick(panel.call_button, Qt.MouseButton.LeftButton)
    assert "asked Ben Morris · Yes" in panel.calls.item(1).text()
    assert "Ben Morris" in panel.people.item(0).text()
    assert panel.changed


def test_unassign_and_cancel_with_a_reason(qtbot, context, coordinator, session, rota, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ward closed for cleaning", True))
    panel = ShiftDialog(context, coordinator, rota["morning"])
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.unassign_button, Qt.MouseButton.LeftButton)
    assert who_is_on(session, coordinator, rota["morning"]) == []
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert panel.state_label.text() == "Coverage: Cancelled: Ward closed for cleaning"
    assert not panel.assign_button.isEnabled()


def test_facilitator_reads_the_shift_only(qtbot, context, facilitator, rota):  # noqa: F811
    panel = ShiftDialog(context, facilitator, rota["morning"])
    qtbot.addWidget(panel)
    panel.show()
    assert "Aisha Khan" in panel.people.item(0).text()
    for button in (panel.assign_button, panel.unassign_button, panel.call_button):
        assert not button.isVisible()


def test_yes_on_the_phone_outside_weekly_availability_goes_through_with_a_reason(
    qtbot, context, coordinator, session, rota, monkeypatch
):
    from involve_desktop.core.services.rota_dto import AvailabilitySlot

    wed_only = [AvailabilitySlot(2, time(7), time(23))]
    eve = peer(session, coordinator, "Eve Stone", weekly=wed_only)
    asked: list[tuple[str, str]] = []

    def reason(parent, title, label, *args, **kwargs):
        asked.append((title, label))
        return "Rang her; she can do this Tuesday", True

    monkeypatch.setattr(QInputDialog, "getText", reason)

    def in_call(dialog: CallDialog) -> None:
        index = dialog.person.findData(eve)
        assert "needs a reason: is not available Tuesdays" in dialog.person.itemText(index)
        dialog.person.setCurrentIndex(index)
        dialog.answer_buttons[CallAnswer.YES].setChecked(True)
        assert dialog.save_button.text() == "Save and put them on the shift"
        assert dialog.yes_note.isVisible()
        dialog.save()

    scripted(monkeypatch, CallDialog, in_call)
    panel = ShiftDialog(context, coordinator, rota["afternoon"])
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.call_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0][0] == "Put them on outside their weekly availability?"
    assert "outside their weekly availability" in " ".join(asked[0][1].split())
    assert who_is_on(session, coordinator, rota["afternoon"]) == ["Eve Stone"]
    assert "asked Eve Stone · Yes" in panel.calls.item(0).text()
    assert panel.notice.isVisible()
    assert panel.notice.text() == "✓ Eve Stone said yes and is now on this shift."
    assert "put on despite a limit: Rang her" in panel.people.item(0).text()


def test_assigning_says_who_is_now_on_the_shift(
    qtbot, context, coordinator, session, rota, monkeypatch
):
    def in_assign(dialog: AssignDialog) -> None:
        row = next(
            i
            for i in range(dialog.people.count())
            if dialog.people.item(i).data(MEMBER_ROLE) == rota["ben"]
        )
        dialog.people.setCurrentRow(row)
        dialog.assign_selected()

    scripted(monkeypatch, AssignDialog, in_assign)
    panel = ShiftDialog(context, coordinator, rota["wednesday"])
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)
    assert panel.notice.text() == "✓ Ben Morris is now on this shift."


def test_time_off_stays_a_refusal_on_the_phone_too(
    qtbot, context, coordinator, session, rota, monkeypatch
):
    from involve_desktop.core.services import rota_availability

    rota_availability.add_unavailable(session, coordinator, rota["ben"], TUE, TUE)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    found = rota_coverage.suggestions(session, coordinator, rota["afternoon"])
    dialog = CallDialog(context, coordinator, found)
    qtbot.addWidget(dialog)
    dialog.person.setCurrentIndex(dialog.person.findData(rota["ben"]))
    dialog.answer_buttons[CallAnswer.YES].setChecked(True)
    dialog.save()  # no reason is asked: QInputDialog would fail the test
    assert len(warnings) == 1 and "Ben Morris is unavailable" in warnings[0]
    assert who_is_on(session, coordinator, rota["afternoon"]) == []


def test_a_shift_nobody_can_be_listed_for_says_why(qtbot, context, coordinator, session):
    from tests.core.rota.helpers import shift, site

    ward = site(session, coordinator, "Ward 9")
    old = shift(session, coordinator, ward, day=date(2024, 1, 2))  # before anyone's role
    peer(session, coordinator, "Aisha Khan")
    dialog = AssignDialog(context, coordinator, old)
    qtbot.addWidget(dialog)
    texts = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    assert len(texts) == 1
    assert texts[0].startswith("No one held the peer supporter role on Tue 2 Jan 2024")
    assert "see the reasons below" not in texts[0]
