"""The rest of the Payments area: expense claims, people and preferences, rates, the period
bar, the finance batch CSV, and keyboard letters."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from involve_desktop.core.services.payments_dto import PaymentMethod
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.members.dialog_widgets import to_qdate
from involve_desktop.ui.payments import payments_print
from involve_desktop.ui.payments.expense_dialog import ExpenseDialog
from involve_desktop.ui.payments.payments_view import PaymentsView
from involve_desktop.ui.payments.preference_dialog import PreferenceDialog
from involve_desktop.ui.payments.rate_dialog import RateDialog
from tests.ui.payments.conftest import TODAY
from tests.ui.payments.screens import LEFT, open_view, select, shown
from tests.ui.rota.scripting import scripted
from tests.ui.typing import type_text


def test_a_bad_amount_is_refused_beside_amount_and_the_claim_keeps_what_was_typed(
    qtbot, context, coordinator, march, monkeypatch
):
    view = open_view(qtbot, context, coordinator)

    def claim(dialog: ExpenseDialog) -> None:
        type_text(qtbot, dialog.person.find, "ben")
        assert dialog.person.chosen_name() == "Ben Morris"
        dialog.day.setDate(to_qdate(date(2026, 3, 10)))
        type_text(qtbot, dialog.amount, "12.5.0")
        dialog.receipt.setChecked(True)
        type_text(qtbot, dialog.description, "Bus to the panel and back")
        dialog.save()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.labels["amount"].isVisible()
        assert "not an amount in pounds" in dialog.labels["amount"].text()
        assert dialog.focusWidget() is dialog.amount
        assert dialog.person.chosen_name() == "Ben Morris"  # nothing typed is lost
        assert dialog.description.text() == "Bus to the panel and back"
        assert dialog.receipt.isChecked()
        dialog.amount.clear()
        assert not dialog.labels["amount"].isVisible()  # fixing it clears the warning
        type_text(qtbot, dialog.amount, "£12.50")
        dialog.save()

    opened = scripted(monkeypatch, ExpenseDialog, claim)
    view.new_item()  # Ctrl+N
    assert len(opened) == 1
    assert view.tabs.currentWidget() is view.expenses
    rows = shown(view.expenses.table)
    assert [(r["Person"], r["Kind"], r["Amount"], r["Receipt"], r["Status"]) for r in rows] == [
        ("Ben Morris", "Travel", "£12.50", "Held", "Waiting for approval")
    ]
    # a declined person's expenses are still paid: approve and it counts
    select(view.expenses.table, lambda r: True)
    view.expenses.approve()
    assert shown(view.expenses.table)[0]["Status"] == "Approved"
    assert view.expenses.totals.text() == (
        "Waiting for approval £0.00 · Approved £12.50 · Paid £0.00   —   chosen: 1 claim, £12.50"
    )


def test_a_rate_is_added_and_a_mistyped_amount_shown_beside_it(
    qtbot, context, coordinator, monkeypatch
):
    view = open_view(qtbot, context, coordinator)
    view.tabs.setCurrentWidget(view.rates)
    assert view.rates.message.isVisible()  # no rates yet: says what to do

    def add(dialog: RateDialog) -> None:
        dialog.activity.setCurrentIndex(dialog.activity.findText("Peer support shift"))
        assert dialog.basis.currentText() == "Per hour"
        type_text(qtbot, dialog.amount, "abc")
        dialog.save()
        assert "not an amount in pounds" in dialog.labels["amount"].text()
        dialog.amount.clear()
        type_text(qtbot, dialog.amount, "12.00")
        dialog.valid_from.setDate(to_qdate(date(2026, 4, 1)))
        dialog.save()

    scripted(monkeypatch, RateDialog, add)
    qtbot.mouseClick(view.rates.add_button, LEFT)
    rows = shown(view.rates.table)
    assert [(r["Activity"], r["Rate"], r["From"], r["Until"]) for r in rows] == [
        ("Peer support shift", "£12.00 per hour", "Wed 1 Apr 2026", "Still current")
    ]
    assert "Recruitment panel" in view.rates.missing.text()


def test_finance_batch_csv_is_written_with_a_bom_header_and_rows(
    qtbot, context, coordinator, march, monkeypatch, tmp_path, boxes
):
    view = open_view(qtbot, context, coordinator)
    view.lines.generate()
    select(view.lines.table, lambda r: r["Person"] == "Aisha Khan")
    view.lines.approve()
    asked: list = []

    def choose(_parent, suggested):
        asked.append(suggested.name)
        return tmp_path / "batch.csv"

    monkeypatch.setattr(payments_print, "choose_csv_path", choose)
    qtbot.mouseClick(view.csv_button, LEFT)
    assert asked == ["finance-batch-2026-03.csv"]
    data = (tmp_path / "batch.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the £ and accents right
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("member_id,name,method,date,item")
    assert any("Aisha Khan,Bank transfer,2026-03-03" in row and ",48.00," in row for row in lines)
    assert not any("Ben Morris" in row for row in lines)  # declined: never in a batch
    assert str(tmp_path / "batch.csv") in boxes["information"][-1]


def test_a_pending_claim_is_changed_and_removed_but_an_approved_one_is_not(
    qtbot, context, session, coordinator, march, monkeypatch, boxes
):
    from involve_desktop.core.services import payments_expenses
    from involve_desktop.core.services.payments_dto import ExpenseInput, ExpenseKind

    for pence, kind in ((460, ExpenseKind.TRAVEL), (1500, ExpenseKind.CARE)):
        payments_expenses.add_claim(
            session,
            coordinator,
            ExpenseInput(march["aisha"], kind, date(2026, 3, 3), pence, True, None),
            today=TODAY,
        )
    view = open_view(qtbot, context, coordinator)
    view.tabs.setCurrentWidget(view.expenses)
    tab = view.expenses
    select(tab.table, lambda r: r["Kind"] == "Care costs")
    tab.approve()

    def change(dialog: ExpenseDialog) -> None:
        assert dialog.windowTitle() == "Change expense claim"
        assert dialog.person.chosen_name() == "Aisha Khan"
        assert dialog.amount.text() == "4.60"
        dialog.amount.setText("5.20")
        dialog.save()

    scripted(monkeypatch, ExpenseDialog, change)
    select(tab.table, lambda r: r["Kind"] == "Travel")
    assert tab.edit_button.isEnabled() and tab.remove_button.isEnabled()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter opens the claim
    assert [r["Amount"] for r in shown(tab.table) if r["Kind"] == "Travel"] == ["£5.20"]

    select(tab.table, lambda r: r["Kind"] == "Care costs")  # approved: no change or removal
    assert not tab.edit_button.isEnabled() and not tab.remove_button.isEnabled()
    tab.edit_claim()
    assert "only a claim waiting for approval can be changed" in boxes["information"][-1]

    select(tab.table, lambda r: r["Kind"] == "Travel")
    qtbot.mouseClick(tab.remove_button, LEFT)
    assert "Remove Aisha Khan's travel claim of £5.20" in boxes["question"][-1]
    assert [r["Kind"] for r in shown(tab.table)] == ["Care costs"]


def test_esc_asks_before_losing_a_typed_claim(
    qtbot, context, coordinator, march, boxes, monkeypatch
):
    dialog = ExpenseDialog(context, coordinator, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing typed: closes without asking
    assert boxes["question"] == []
    dialog = ExpenseDialog(context, coordinator, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.amount, "3.40")
    asked = []
    monkeypatch.setattr(dialog_keys, "ask_discard", lambda parent: asked.append(parent) or False)
    dialog.reject()  # "Discard your changes?" answered Keep editing
    assert asked == [dialog] and dialog.isVisible() and dialog.amount.text() == "3.40"


MENU_LETTERS = ["f", "g", "h"]  # the main window's &File, &Go and &Help


def _mnemonics(view: PaymentsView) -> list[str]:
    """The Alt+letter of every visible button, labelled box and tab title."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    texts += [b.text() for b in view.findChildren(QAbstractButton) if b.isVisible()]
    texts += [label.text() for label in view.findChildren(QLabel) if label.isVisible()]
    letters = []
    for text in texts:
        at = text.replace("&&", "").find("&")
        if at >= 0:
            letters.append(text.replace("&&", "")[at + 1].lower())
    return letters


def test_every_alt_letter_on_screen_is_used_once(qtbot, context, coordinator, march):
    view = open_view(qtbot, context, coordinator)
    view.lines.generate()  # shows the "set preference" row too
    for tab in (view.lines, view.expenses, view.people, view.rates):
        view.tabs.setCurrentWidget(tab)
        letters = _mnemonics(view) + MENU_LETTERS
        assert len(letters) == len(set(letters)), (tab, sorted(letters))


def test_someone_not_listed_gets_a_preference_from_the_people_tab(
    qtbot, context, session, coordinator, march, monkeypatch
):
    from involve_desktop.ui.payments.person_chooser import ChoosePersonDialog
    from tests.core.payments.helpers import person

    person(session, coordinator, "Priya Shah")  # nothing in March yet
    view = open_view(qtbot, context, coordinator)
    view.tabs.setCurrentWidget(view.people)
    # The button sits in the tab, never as a window of its own.
    assert not view.people.other_button.isWindow()
    assert view.people.other_button.isVisible()
    assert "Priya Shah" not in {r["Person"] for r in shown(view.people.table)}

    def choose(dialog: ChoosePersonDialog) -> None:
        type_text(qtbot, dialog.chooser.find, "priya")
        qtbot.keyClick(dialog.chooser.find, Qt.Key.Key_Return)  # picks, does not close
        assert dialog.isVisible() and dialog.chooser.chosen_name() == "Priya Shah"
        dialog.accept()

    def voucher(dialog: PreferenceDialog) -> None:
        dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.VOUCHER))
        dialog.save()

    scripted(monkeypatch, ChoosePersonDialog, choose)
    scripted(monkeypatch, PreferenceDialog, voucher)
    qtbot.mouseClick(view.people.other_button, LEFT)
    view.people.everyone.setChecked(True)
    rows = {r["Person"]: r for r in shown(view.people.table)}
    assert rows["Priya Shah"]["How they are paid"] == "Voucher"


def test_the_period_bar_steps_by_month_and_says_when_a_month_is_not_over(
    qtbot, context, coordinator
):
    view = open_view(qtbot, context, coordinator)
    bar = view.period
    qtbot.mouseClick(bar.next_button, LEFT)
    assert view.start_end() == (date(2026, 4, 1), date(2026, 4, 30))
    assert bar.text() == "April 2026 — not over yet: only what is recorded so far is paid"
    qtbot.mouseClick(bar.next_button, LEFT)
    assert bar.text().startswith("May 2026 — still to come")
    qtbot.mouseClick(bar.last_month_button, LEFT)
    assert bar.text() == "March 2026"
    bar.start_edit.setDate(to_qdate(date(2026, 3, 10)))  # any two dates
    assert view.start_end() == (date(2026, 3, 10), date(2026, 3, 31))
    assert bar.text() == "Tue 10 Mar 2026 to Tue 31 Mar 2026"
    assert payments_print.csv_file_name(*view.start_end()) == (
        "finance-batch-2026-03-10-to-2026-03-31.csv"
    )
