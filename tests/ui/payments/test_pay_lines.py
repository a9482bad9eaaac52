"""The Pay lines tab driven as a coordinator would at month end: generate, check,
approve, mark paid, and the people with no payment preference."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from involve_desktop.core.services import payments_lines
from involve_desktop.core.services.payments_dto import PaymentMethod, PayStatus
from involve_desktop.ui.members.dialog_widgets import to_qdate
from involve_desktop.ui.payments.paid_date_dialog import PaidDateDialog
from involve_desktop.ui.payments.preference_dialog import PreferenceDialog
from tests.ui.payments.conftest import MARCH, TODAY
from tests.ui.payments.screens import LEFT, open_view, select, shown
from tests.ui.rota.scripting import scripted
from tests.ui.typing import type_text


def test_the_period_starts_at_last_month_and_generating_lists_the_lines(
    qtbot, context, coordinator, march
):
    view = open_view(qtbot, context, coordinator)
    assert view.start_end() == MARCH
    assert view.period.text() == "March 2026"
    assert not view.lines.ask_row.isVisible()
    qtbot.mouseClick(view.lines.generate_button, LEFT)
    assert "March 2026: 4 new lines made, 1 of them recorded but not paid." in (
        view.lines.result.text()
    )
    assert "Nora Asked" not in view.lines.result.text()  # named once, in the row below
    assert view.lines.ask_label.text().startswith("No payment preference recorded for Nora Asked")
    rows = shown(view.lines.table)
    assert [(r["Person"], r["Date"], r["Amount"], r["Status"]) for r in rows] == [
        ("Aisha Khan", "Tue 3 Mar 2026", "£48.00", "Waiting for approval"),
        ("Aisha Khan", "Tue 10 Mar 2026", "£25.00", "Waiting for approval"),
        ("Ben Morris", "Tue 10 Mar 2026", "—", "Recorded, not paid"),
        ("Nora Asked", "Tue 17 Mar 2026", "£20.00", "Waiting for approval"),
    ]
    assert rows[0]["Time"] == "4 h" and rows[0]["Rate"] == "£12.00 per hour"
    assert rows[2]["Paid by"] == "Declined payment"
    assert rows[3]["Paid by"] == "Not asked yet"
    assert view.lines.totals.text() == (
        "Waiting for approval £93.00 · Approved £0.00 · Paid £0.00 · Recorded, not paid: 1 line"
    )
    assert view.lines.ask_row.isVisible()
    assert view.lines.ask_person.currentText() == "Nora Asked"

    qtbot.mouseClick(view.lines.generate_button, LEFT)  # again: nothing new
    assert "0 new lines made. 4 were already there." in view.lines.result.text()
    assert len(shown(view.lines.table)) == 4


def test_approve_selected_then_mark_paid_with_a_date(
    qtbot, context, coordinator, march, boxes, monkeypatch
):
    view = open_view(qtbot, context, coordinator)
    view.lines.generate()
    select(view.lines.table, lambda r: r["Person"] in ("Aisha Khan", "Nora Asked"))
    qtbot.mouseClick(view.lines.approve_button, LEFT)
    rows = {(r["Person"], r["Date"]): r for r in shown(view.lines.table)}
    for key in (("Aisha Khan", "Tue 3 Mar 2026"), ("Aisha Khan", "Tue 10 Mar 2026")):
        assert rows[key]["Status"] == "Approved"
        assert rows[key]["Approved by"] == "Sam Coordinator"
    # Nora has no preference yet: left waiting, and the coordinator is told why
    assert rows[("Nora Asked", "Tue 17 Mar 2026")]["Status"] == "Waiting for approval"
    assert "no payment preference recorded for Nora Asked" in boxes["information"][-1]
    assert view.lines.totals.text().startswith(
        "Waiting for approval £20.00 · Approved £73.00 · Paid £0.00"
    )

    def pay(dialog: PaidDateDialog) -> None:
        assert "2 lines (£73.00)" in dialog.intro.text()
        dialog.paid_on.setDate(to_qdate(date(2026, 4, 30)))  # still to come: refused
        dialog.save()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert "Thu 30 Apr 2026 is in the future" in dialog.general_error.text()
        dialog.paid_on.setDate(to_qdate(date(2026, 4, 10)))
        dialog.save()

    opened = scripted(monkeypatch, PaidDateDialog, pay)
    select(view.lines.table, lambda r: r["Person"] == "Aisha Khan")
    qtbot.mouseClick(view.lines.paid_button, LEFT)
    assert len(opened) == 1
    statuses = [(r["Person"], r["Status"]) for r in shown(view.lines.table)]
    assert statuses.count(("Aisha Khan", "Paid Fri 10 Apr 2026")) == 2
    assert view.lines.totals.text().startswith(
        "Waiting for approval £20.00 · Approved £0.00 · Paid £73.00"
    )

    # a paid line cannot go back to pending: the button says so instead of trying
    select(view.lines.table, lambda r: r["Person"] == "Aisha Khan")
    assert not view.lines.unapprove_button.isEnabled()


def test_a_refusal_from_the_service_is_shown_plainly(qtbot, context, coordinator, march, boxes):
    view = open_view(qtbot, context, coordinator)
    view.lines.generate()
    select(view.lines.table, lambda r: r["Person"] == "Aisha Khan")
    view.lines.approve()
    with context.session() as session:  # someone else marks one paid meanwhile
        ids = [x.id for x in payments_lines.list_pay_lines(session, coordinator, *MARCH)]
        first = min(ids)
        payments_lines.mark_lines_paid(session, coordinator, [first], date(2026, 4, 1), today=TODAY)
    view.lines.unapprove()  # the list still shows both approved
    assert "already been paid; it cannot go back to pending" in boxes["warning"][-1]
    statuses = {r["Status"] for r in shown(view.lines.table) if r["Person"] == "Aisha Khan"}
    assert statuses == {"Approved", "Paid Wed 1 Apr 2026"}  # read again: what is stored


def test_the_status_filter_and_the_find_box_narrow_the_lines(qtbot, context, coordinator, march):
    view = open_view(qtbot, context, coordinator)
    view.lines.generate()
    status = view.lines.status_filter
    status.setCurrentIndex(status.findData(PayStatus.NOT_PAYABLE))
    assert [r["Person"] for r in shown(view.lines.table)] == ["Ben Morris"]
    status.setCurrentIndex(0)
    view.focus_search()
    assert view.focusWidget() is view.lines.search
    type_text(qtbot, view.lines.search, "aisha")
    assert {r["Person"] for r in shown(view.lines.table)} == {"Aisha Khan"}


def test_setting_nora_s_preference_from_the_lines_tab(
    qtbot, context, coordinator, march, monkeypatch
):
    view = open_view(qtbot, context, coordinator)
    view.lines.generate()

    def choose_cash(dialog: PreferenceDialog) -> None:
        assert dialog.windowTitle() == "Payment preference — Nora Asked"
        dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CASH))
        qtbot.mouseClick(dialog.today_button, LEFT)
        dialog.save()

    opened = scripted(monkeypatch, PreferenceDialog, choose_cash)
    qtbot.mouseClick(view.lines.ask_button, LEFT)
    assert len(opened) == 1
    nora = [r for r in shown(view.lines.table) if r["Person"] == "Nora Asked"]
    assert nora[0]["Paid by"] == "Cash"
    assert not view.lines.ask_row.isVisible()
    view.tabs.setCurrentWidget(view.people)
    people = {r["Person"]: r for r in shown(view.people.table)}
    assert people["Nora Asked"]["How they are paid"] == "Cash"
    assert people["Nora Asked"]["Benefits advice offered"] == "Wed 15 Apr 2026"
    assert people["Ben Morris"]["How they are paid"] == "Declined payment"


def test_the_lists_sort_by_date_and_amount_and_pass_the_model_checks(
    qtbot, qtmodeltester, context, coordinator, march
):
    view = open_view(qtbot, context, coordinator)
    view.lines.generate()
    qtmodeltester.check(view.lines.model)
    table = view.lines.table
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # Date, newest first
    assert [r["Date"] for r in shown(table)] == [
        "Tue 17 Mar 2026",
        "Tue 10 Mar 2026",
        "Tue 10 Mar 2026",
        "Tue 3 Mar 2026",
    ]
    table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # Amount
    assert [r["Amount"] for r in shown(table)] == ["£48.00", "£25.00", "£20.00", "—"]
    row = view.lines.model.index(0, 2)
    assert view.lines.model.data(row, Qt.ItemDataRole.ToolTipRole)  # the whole description


def test_an_activity_with_no_rate_says_to_set_one_and_goes_to_rates(
    qtbot, context, session, coordinator
):
    from datetime import time

    from tests.core.payments.helpers import person, prefer, shift

    aisha = person(session, coordinator, "Aisha Khan")
    prefer(session, coordinator, aisha, PaymentMethod.CASH)
    shift(session, aisha, date(2026, 3, 3), time(9), time(13))
    view = open_view(qtbot, context, coordinator)
    view.lines.generate()
    assert "Set a rate for Peer support shift first (Rates tab)." in view.lines.result.text()
    assert "No rate is set for" not in view.lines.result.text()  # said once
    assert view.lines.message.text().startswith("No pay lines in this period yet")
    qtbot.mouseClick(view.lines.no_rate_button, LEFT)
    assert view.tabs.currentWidget() is view.rates
    assert view.rates.message.isVisible()


def test_a_note_is_kept_on_a_line_and_shown_in_its_tooltip(
    qtbot, context, coordinator, march, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog

    view = open_view(qtbot, context, coordinator)
    view.lines.generate()
    select(view.lines.table, lambda r: r["Person"] == "Nora Asked")
    asked: list[str] = []

    def answer(_parent, _title, label, _mode, text):
        asked.append(label)
        return "Facilitated on her own: the co-facilitator was off sick", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    qtbot.mouseClick(view.lines.note_button, LEFT)
    assert asked == ["Nora Asked, Facilitating: Tuesday Peer Support:"]
    proxy = view.lines.table.model()
    row = next(r for r, x in enumerate(shown(view.lines.table)) if x["Person"] == "Nora Asked")
    tip = proxy.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "Note: Facilitated on her own" in tip


def test_coming_back_to_payments_reads_again(qtbot, context, session, coordinator, march):
    view = open_view(qtbot, context, coordinator)
    assert shown(view.lines.table) == []
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)  # elsewhere
    view.hide()  # another area shown in the main window…
    view.show()  # …and back
    assert len(shown(view.lines.table)) == 4


def test_generating_with_nothing_recorded_says_what_is_missing(qtbot, context, coordinator):
    view = open_view(qtbot, context, coordinator)
    assert view.lines.message.text().startswith("No pay lines in this period yet")
    view.lines.generate()
    assert view.lines.result.text() == "March 2026: 0 new lines made."
    assert view.lines.message.text().startswith("Nothing to pay for in March 2026: no held")
