"""Printing from the Payments area: the finance batch, statements and a claim form, read
back from the PDFs handed to the print preview."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from involve_desktop.core.services import payments_lines
from involve_desktop.ui.payments import payments_print
from involve_desktop.ui.payments.payments_view import PaymentsView
from tests.ui.payments.conftest import MARCH, TODAY

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def previews(monkeypatch) -> list[tuple[str, str, str]]:
    """(title, file name, text of the PDF) for each preview opened."""
    opened: list[tuple[str, str, str]] = []

    def show(_parent, pdf: bytes, title: str, file_name: str) -> None:
        reader = PdfReader(io.BytesIO(pdf))
        text = "\n".join(page.extract_text() for page in reader.pages)
        opened.append((title, file_name, text))

    monkeypatch.setattr(payments_print, "preview", show)
    return opened


def approved_view(qtbot, context, session, coordinator) -> PaymentsView:
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    found = payments_lines.list_pay_lines(session, coordinator, *MARCH)
    payable = [x.id for x in found if x.method is not None and x.amount_pence]
    payments_lines.approve_lines(session, coordinator, payable)
    view = PaymentsView(context, coordinator, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    return view


def test_ctrl_p_previews_the_finance_batch_of_the_period(
    qtbot, context, session, coordinator, march, previews
):
    view = approved_view(qtbot, context, session, coordinator)
    view.print_batch()
    [(title, file_name, text)] = previews
    assert title == "Finance batch — March 2026"
    assert file_name == "finance-batch-2026-03.pdf"
    assert "Aisha Khan" in text and "£73.00" in text
    assert "Ben Morris" not in text  # declined: nothing to pay
    assert "Nora Asked" not in text  # not approved


def test_everyone_s_statements_and_one_person_s(
    qtbot, context, session, coordinator, march, previews
):
    view = approved_view(qtbot, context, session, coordinator)
    qtbot.mouseClick(view.statements_button, LEFT)
    title, _name, text = previews[-1]
    assert title == "Payment statements — March 2026 (everyone)"
    for name in ("Aisha Khan", "Ben Morris", "Nora Asked"):
        assert name in text
    view.tabs.setCurrentWidget(view.people)
    view.people.choose(march["ben"])
    qtbot.mouseClick(view.people.statement_button, LEFT)
    title, _name, text = previews[-1]
    assert title == "Payment statements — March 2026 (one person)"
    assert "Ben Morris" in text and "Aisha Khan" not in text


def test_the_claim_form_is_for_the_person_chosen(
    qtbot, context, session, coordinator, march, previews, monkeypatch
):
    view = approved_view(qtbot, context, session, coordinator)
    from involve_desktop.ui.payments.person_chooser import ChoosePersonDialog
    from tests.ui.rota.scripting import scripted

    asked: list[str] = []

    def cancel(dialog: ChoosePersonDialog) -> None:
        asked.append(dialog.findChildren(QLabel)[0].text())
        dialog.reject()

    scripted(monkeypatch, ChoosePersonDialog, cancel)
    view.tabs.setCurrentWidget(view.rates)
    view.print_claim_form()  # nobody chosen on this tab: asks whose form; cancelled
    assert asked == ["Whose expense claim form? Type part of their name:"]
    assert previews == []
    view.tabs.setCurrentWidget(view.people)
    view.people.choose(march["aisha"])
    view.print_claim_form()
    [(title, _name, text)] = previews
    assert title == "Expense claim form"
    assert "Aisha Khan" in text and "Ben Morris" not in text


def test_with_nobody_chosen_the_claim_form_asks_whose_and_prints_it(
    qtbot, context, session, coordinator, march, previews, monkeypatch
):
    from involve_desktop.ui.payments.person_chooser import ChoosePersonDialog
    from tests.ui.rota.scripting import scripted
    from tests.ui.typing import type_text

    def choose(dialog: ChoosePersonDialog) -> None:
        type_text(qtbot, dialog.chooser.find, "nora")
        qtbot.keyClick(dialog.chooser.find, Qt.Key.Key_Return)
        dialog.accept()

    scripted(monkeypatch, ChoosePersonDialog, choose)
    view = approved_view(qtbot, context, session, coordinator)
    view.tabs.setCurrentWidget(view.rates)
    qtbot.mouseClick(view.claim_form_button, LEFT)
    [(title, _name, text)] = previews
    assert title == "Expense claim form"
    assert "Nora Asked" in text and "Aisha Khan" not in text
