"""The Payments section of a member's page: how they are paid, benefits advice and this
year's totals — for coordinators; facilitators never see it."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.services import payments_lines
from involve_desktop.core.services.payments_dto import PaymentMethod
from involve_desktop.ui.members import member_page
from involve_desktop.ui.members.member_page import MemberPage
from involve_desktop.ui.payments.preference_dialog import PreferenceDialog
from tests.ui.payments.conftest import MARCH, TODAY
from tests.ui.rota.scripting import scripted


class _Today(date):
    @classmethod
    def today(cls) -> date:
        return TODAY


@pytest.fixture(autouse=True)
def page_today(monkeypatch):
    """The page's "this year" is 2026 whenever the tests run."""
    monkeypatch.setattr(member_page, "date", _Today)


def make_page(qtbot, context, actor, member_id: int) -> MemberPage:
    page = MemberPage(context, actor)
    qtbot.addWidget(page)
    page.resize(1180, 680)
    page.show()
    assert page.show_member(member_id)
    return page


def test_the_section_shows_the_preference_and_this_year_s_totals(
    qtbot, context, session, coordinator, march
):
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    aisha = payments_lines.list_pay_lines(session, coordinator, *MARCH, member_id=march["aisha"])
    payments_lines.approve_lines(session, coordinator, [x.id for x in aisha])
    shift = next(x for x in aisha if x.amount_pence == 4800)
    payments_lines.mark_lines_paid(session, coordinator, [shift.id], date(2026, 4, 1), today=TODAY)
    page = make_page(qtbot, context, coordinator, march["aisha"])
    assert page.payments.isVisible()
    assert page.payments.texts() == [
        "Paid by: Bank transfer",
        "Benefits advice offered Mon 5 Jan 2026",
        "2026 so far: £48.00 paid, £25.00 not paid yet (time £73.00, expenses £0.00)",
    ]
    ben = make_page(qtbot, context, coordinator, march["ben"])
    assert "Paid by: Declined payment" in ben.payments.texts()
    assert "Involvement recorded without payment this year: 1 time." in ben.payments.texts()


def test_set_payment_preference_from_the_member_page(
    qtbot, context, coordinator, march, monkeypatch
):
    page = make_page(qtbot, context, coordinator, march["nora"])
    assert page.payments.texts()[0].startswith("Payment preference: not asked yet")
    assert page.payment_button.isVisible()

    def choose_voucher(dialog: PreferenceDialog) -> None:
        assert dialog.method.currentText() == "Choose…"
        dialog.save()  # nothing chosen yet: said beside the box
        assert "Choose how they want to be paid" in dialog.labels["method"].text()
        dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.VOUCHER))
        dialog.note.setText("Vouchers until the benefits review")
        dialog.save()

    opened = scripted(monkeypatch, PreferenceDialog, choose_voucher)
    page.payment_button.click()
    assert len(opened) == 1
    assert page.payments.texts()[:3] == [
        "Paid by: Voucher",
        "Benefits advice: not recorded as offered.",
        "Note: Vouchers until the benefits review",
    ]

    def keep(dialog: PreferenceDialog) -> None:  # opened again: shows what is saved
        assert dialog.method.currentText() == "Voucher"
        assert dialog.note.text() == "Vouchers until the benefits review"
        dialog.reject()

    scripted(monkeypatch, PreferenceDialog, keep)
    page.payment_button.click()


def test_a_facilitator_has_no_payments_section(qtbot, context, facilitator, march):
    page = make_page(qtbot, context, facilitator, march["aisha"])
    assert not page.payments.isVisible()
    assert not page.payment_button.isVisible()
    assert "Payments" not in page.texts()
    assert not any("Paid by" in text for text in page.texts())
