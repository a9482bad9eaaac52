"""On screen: declining payment tells the coordinator how many approved lines left the
finance batch; the Remove rate question says what really happens to waiting lines."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services import payments_lines
from involve_desktop.core.services.payments_dto import (
    Activity,
    PaymentMethod,
    PayStatus,
    RateBasis,
    RateInfo,
)
from involve_desktop.ui.payments.preference_dialog import PreferenceDialog
from involve_desktop.ui.payments.rates_tab import remove_question
from tests.ui.payments.conftest import MARCH, TODAY
from tests.ui.payments.screens import open_view, select, shown
from tests.ui.rota.scripting import scripted


def _rate(rate_id: int, pence: int, valid_from: date) -> RateInfo:
    return RateInfo(
        rate_id,
        Activity.ROTA_SHIFT,
        RateBasis.PER_HOUR,
        pence,
        valid_from,
        None,
        f"£{pence // 100}.00 per hour",
    )


def test_removing_the_only_rate_says_waiting_lines_are_withdrawn() -> None:
    only = _rate(1, 1200, date(2025, 4, 1))
    words = remove_question(only, [only])
    assert "No rate is then left for peer support shift" in words
    assert "lines waiting for approval are withdrawn the next time you make pay lines" in words
    assert "Approved and paid lines keep their amounts." in words
    assert "Pay lines already made keep their amounts" not in words


def test_removing_a_rise_says_waiting_lines_take_the_rate_before() -> None:
    first, rise = _rate(1, 1200, date(2025, 4, 1)), _rate(2, 1300, date(2026, 3, 15))
    words = remove_question(rise, [first, rise])
    assert "take the rate before it (£12.00 per hour)" in words
    assert "change to it the next time you make pay lines" in words
    earliest = remove_question(first, [first, rise])
    assert "No rate is then set for peer support shift before Sun 15 Mar 2026" in earliest


def test_declining_says_how_many_approved_lines_left_the_batch(
    qtbot, context, session, coordinator, march, boxes, monkeypatch
) -> None:
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    view = open_view(qtbot, context, coordinator)
    select(view.lines.table, lambda r: r["Person"] == "Aisha Khan")
    view.lines.approve()
    session.expire_all()
    approved = payments_lines.list_pay_lines(
        session, coordinator, *MARCH, statuses=[PayStatus.APPROVED]
    )
    assert len(approved) == 2

    def decline(dialog: PreferenceDialog) -> None:
        dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.DECLINED))
        dialog.save()

    scripted(monkeypatch, PreferenceDialog, decline)
    view.set_preference(march["aisha"])
    assert (
        "2 approved lines for Aisha Khan's time were taken out of the finance batch"
        in (boxes["information"][-1])
    )
    aisha = [r for r in shown(view.lines.table) if r["Person"] == "Aisha Khan"]
    assert {r["Status"] for r in aisha} == {"Recorded, not paid"}
