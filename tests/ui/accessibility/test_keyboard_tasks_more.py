"""More main tasks done with the keyboard alone, on the demo group (issue #10).

Like ``test_keyboard_tasks.py``: after the window is shown only key events are sent, to the
widget that has focus (``QApplication.focusWidget()``), dialogs opened on the way are
answered with keys (``keys.scripted_dialogs``), and each task is checked afterwards in the
database.

* approve a waiting pay line — ``test_approve_a_waiting_pay_line`` (the line's person has
  no payment preference yet, as happens: Set preference… first, then Approve selected)
* fill a rota gap — ``test_fill_a_rota_gap`` (Gaps tab, Enter opens the shift, Assign…,
  Enter takes the best suggestion, a reason typed when they are outside their availability)
* seat a member on a panel — ``test_seat_a_member_on_a_panel`` (Enter opens the panel,
  Alt+2 People, Alt+L, Down from the find box into the suggestions, Enter seats them)
* record an expense claim — ``test_record_an_expense_claim`` (Ctrl+N in Payments, type a
  name and Enter, Tab through, Space ticks the receipt, Ctrl+S)
* lock now and unlock — ``test_lock_now_then_unlock_by_typing`` (Ctrl+L, type the password)
* record a meeting's attendance — already in ``test_keyboard_tasks.py``
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from sqlalchemy import select

from involve_desktop.core.demo.context import DEMO_PASSWORD
from involve_desktop.core.models import (
    ExpenseClaim,
    Member,
    PanelSeat,
    PayLine,
    PaymentPreference,
    RotaAssignment,
)
from involve_desktop.core.services.panels_dto import PanelStatus, SeatKind
from involve_desktop.core.services.payments_dto import PayStatus
from tests.ui.accessibility.keys import (
    ALT,
    CTRL,
    focused,
    go_to_area,
    mnemonic,
    press,
    scripted_dialogs,
    tab_to,
    type_keys,
)


def _named(name: str):
    return lambda widget: widget.accessibleName() == name


def _table(name: str):
    return lambda widget: isinstance(widget, QAbstractItemView) and widget.accessibleName() == name


def _move_to(qtbot, view: QAbstractItemView, wanted, limit: int = 400) -> None:
    """Home, then Down until the current row is one ``wanted`` accepts."""
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(limit):
        if wanted():
            return
        press(qtbot, Qt.Key.Key_Down)
    raise AssertionError("no such row")


def test_approve_a_waiting_pay_line(qtbot, window, demo):
    go_to_area(qtbot, window, "payments")
    lines = window.payments_view.lines
    mnemonic(qtbot, "w")  # Sho&w: the status filter
    assert focused() is lines.status_filter
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(lines.status_filter.count()):
        if lines.status_filter.currentData() == PayStatus.PENDING:
            break
        press(qtbot, Qt.Key.Key_Down)
    assert lines.status_filter.currentText() == PayStatus.PENDING.label
    table = tab_to(qtbot, _table("Pay lines"))

    def unasked() -> bool:
        chosen = lines.selected()
        return len(chosen) == 1 and chosen[0].method is None

    _move_to(qtbot, table, unasked)  # last month's lines of someone not asked yet
    line = lines.selected()[0]
    assert line.status == PayStatus.PENDING

    # "No payment preference recorded for …": choose them and Set preference… by keys
    tab_to(qtbot, _named("Person to ask"))
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(lines.ask_person.count()):
        if lines.ask_person.currentData() == line.member_id:
            break
        press(qtbot, Qt.Key.Key_Down)
    assert lines.ask_person.currentData() == line.member_id

    def bank_transfer(dialog) -> None:
        assert focused() is dialog.method
        press(qtbot, Qt.Key.Key_Down)  # "Choose…" → the first way of paying
        assert dialog.method.currentData() is not None
        press(qtbot, Qt.Key.Key_Return)  # Save preference is the default button

    with scripted_dialogs(qtbot, bank_transfer) as opened:
        mnemonic(qtbot, "s")  # &Set preference…
    assert opened[0].startswith("Payment preference")

    # back to the list: the same line, now approvable; Alt+V approves it
    table = tab_to(qtbot, _table("Pay lines"))
    _move_to(qtbot, table, lambda: [i.id for i in lines.selected()] == [line.id])
    assert lines.approve_button.isEnabled()
    assert "Alt+V" in lines.approve_button.toolTip()
    assert "Alt+S" in lines.ask_button.toolTip()  # every button names its key when hovered
    mnemonic(qtbot, "v")  # Appro&ve selected
    with demo.session() as session:
        stored = session.get(PayLine, line.id)
        preference = session.scalars(
            select(PaymentPreference).where(PaymentPreference.member_id == line.member_id)
        ).one()
        assert PayStatus(stored.status) is PayStatus.APPROVED
        assert preference.method is not None


def test_fill_a_rota_gap(qtbot, window, demo):
    go_to_area(qtbot, window, "rota")
    rota = window.rota_view
    mnemonic(qtbot, "a")  # G&aps
    assert rota.tabs.currentWidget() is rota.gaps
    mnemonic(qtbot, "o")  # Peri&od: four weeks, so there are gaps to choose from
    assert focused() is rota.gaps.period
    press(qtbot, Qt.Key.Key_Down)
    assert rota.gaps.period.currentData() == 4
    table = tab_to(qtbot, lambda widget: widget is rota.gaps.table)
    press(qtbot, Qt.Key.Key_Home)
    assert table.currentIndex().isValid()
    gap = rota.gaps.table.gaps_model.row_at(table.currentIndex().row())
    shift_id = gap.view.slot.id
    chosen: list[int] = []
    reason = "Covering so the shift is not left alone"

    def shift(dialog) -> None:
        assert dialog.shift_id == shift_id
        mnemonic(qtbot, "a")  # &Assign…
        press(qtbot, Qt.Key.Key_Escape)  # close the shift once assigned

    def assign(dialog) -> None:
        assert focused() is dialog.search  # type to narrow the list; Enter takes the one shown
        chosen.append(dialog.selected_member())  # the best suggestion comes first
        assert chosen[0] is not None
        press(qtbot, Qt.Key.Key_Return)

    def give_reason(dialog) -> None:  # they are outside their availability: asked why
        type_keys(qtbot, reason)
        press(qtbot, Qt.Key.Key_Return)

    with scripted_dialogs(qtbot, shift, assign, give_reason) as opened:
        press(qtbot, Qt.Key.Key_Return)  # Enter opens the gap's shift
    assert opened[0].startswith("Shift") and opened[1] == "Assign someone"
    with demo.session() as session:
        assignment = session.scalars(
            select(RotaAssignment).where(
                RotaAssignment.shift_id == shift_id, RotaAssignment.member_id == chosen[0]
            )
        ).one()
    if len(opened) == 3:  # the best suggestion was outside their availability or limits
        assert assignment.override_reason == reason


def test_seat_a_member_on_a_panel(qtbot, window, demo):
    go_to_area(qtbot, window, "panels")
    view = window.panels_view
    assert view.period.currentData() == "upcoming"
    table = tab_to(qtbot, _table("Panels"))
    _move_to(
        qtbot,
        table,
        lambda: (panel := view.current_panel()) is not None and panel.status is PanelStatus.PLANNED,
    )
    panel = view.current_panel()
    before = {seat.member_id for seat in panel.seats}
    chosen: list[int] = []

    def panel_dialog(dialog) -> None:
        press(qtbot, Qt.Key.Key_2, ALT)  # the "2 People" tab
        assert dialog.tabs.currentIndex() == dialog.people_index
        mnemonic(qtbot, "l")  # Add &lived-experience member…
        press(qtbot, Qt.Key.Key_Escape)  # close the panel (nothing left unsaved)

    def seat(dialog) -> None:
        assert focused() is dialog.search
        press(qtbot, Qt.Key.Key_Down)  # from the find box into the suggestions
        assert focused() is dialog.list
        press(qtbot, Qt.Key.Key_Home)
        chosen.append(dialog.list.currentItem().data(Qt.ItemDataRole.UserRole))
        press(qtbot, Qt.Key.Key_Return)  # Seat them
        if dialog.isVisible():  # past a limit: "Seat them anyway? Give the reason"
            assert focused() is dialog.reason
            type_keys(qtbot, "Refresher booked for next week")
            press(qtbot, Qt.Key.Key_Return)

    with scripted_dialogs(qtbot, panel_dialog, seat) as opened:
        press(qtbot, Qt.Key.Key_Return)  # Enter opens the chosen panel
    assert opened[0].startswith("Panel — ") and opened[1].startswith("Add lived-experience")
    assert chosen[0] is not None and chosen[0] not in before
    with demo.session() as session:
        seat = session.scalars(
            select(PanelSeat).where(
                PanelSeat.panel_id == panel.id, PanelSeat.member_id == chosen[0]
            )
        ).one()
        assert seat.kind == SeatKind.LIVED_EXPERIENCE.value


def test_record_an_expense_claim(qtbot, window, demo):
    go_to_area(qtbot, window, "payments")

    def claim(dialog) -> None:
        assert focused() is dialog.person.find  # Who: type part of a name, Enter takes it
        type_keys(qtbot, "holly")
        qtbot.wait(50)
        press(qtbot, Qt.Key.Key_Return)
        assert "Holly" in dialog.person.chosen_name()
        tab_to(qtbot, lambda widget: widget is dialog.amount)
        type_keys(qtbot, "12.50")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.receipt
        press(qtbot, Qt.Key.Key_Space)  # receipt held
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.description
        type_keys(qtbot, "Bus to the ward and back")
        press(qtbot, Qt.Key.Key_S, CTRL)

    with scripted_dialogs(qtbot, claim) as opened:
        press(qtbot, Qt.Key.Key_N, CTRL)  # Add expense claim… in Payments
    assert opened == ["Add expense claim"]
    with demo.session() as session:
        stored = session.scalars(
            select(ExpenseClaim).where(ExpenseClaim.description == "Bus to the ward and back")
        ).one()
        who = session.get(Member, stored.member_id)
        assert "Holly" in who.full_name
        assert stored.amount_pence == 1250 and stored.receipt_held
        assert stored.status == PayStatus.PENDING.value


def test_lock_now_then_unlock_by_typing(qtbot, window):
    press(qtbot, Qt.Key.Key_L, CTRL)  # File → Lock now
    assert window.lock_controller.is_locked
    dialog = window.lock_controller.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is dialog.password)
    type_keys(qtbot, "not-the-password")
    press(qtbot, Qt.Key.Key_Return)
    assert window.lock_controller.is_locked  # a wrong password keeps it locked
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, DEMO_PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    assert not window.lock_controller.is_locked
