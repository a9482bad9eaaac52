"""Finance batch, statement and CSV against figures worked out by hand.

March: Ann (bank transfer) works 4 h + 50 min of shifts (£48.00 + £10.00), sits a panel
(£25.00) and claims £4.60 travel; Bea (cash) facilitates a meeting (£20.00); Dee declines
(panel recorded, not paid) and claims £15.00 care costs.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from involve_desktop.core.services import payments_batch, payments_expenses, payments_lines
from involve_desktop.core.services.payments_dto import (
    ExpenseInput,
    ExpenseKind,
    PaymentMethod,
    PayStatus,
)
from tests.core.payments.helpers import (
    MARCH,
    TODAY,
    meeting,
    panel,
    person,
    prefer,
    shift,
    standard_rates,
)


@pytest.fixture
def march(session, coordinator) -> dict[str, int]:
    standard_rates(session, coordinator)
    ids = {
        "ann": person(session, coordinator, "Ann Able"),
        "bea": person(session, coordinator, "Bea Bold"),
        "dee": person(session, coordinator, "Dee Clined"),
    }
    prefer(session, coordinator, ids["ann"], PaymentMethod.BANK_TRANSFER)
    prefer(session, coordinator, ids["bea"], PaymentMethod.CASH)
    prefer(session, coordinator, ids["dee"], PaymentMethod.DECLINED, date(2026, 2, 3))
    shift(session, ids["ann"], date(2026, 3, 2))
    shift(session, ids["ann"], date(2026, 3, 9), actual_minutes=50)
    panel(session, date(2026, 3, 10), [ids["ann"], ids["dee"]])
    meeting(session, date(2026, 3, 17), [ids["bea"]])
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    for who, kind, pence in (("ann", ExpenseKind.TRAVEL, 460), ("dee", ExpenseKind.CARE, 1500)):
        payments_expenses.add_claim(
            session,
            coordinator,
            ExpenseInput(ids[who], kind, date(2026, 3, 10), pence, True, None),
            today=TODAY,
        )
    return ids


def approve_all(session, actor) -> None:
    pending = [PayStatus.PENDING]
    lines = payments_lines.list_pay_lines(session, actor, *MARCH, statuses=pending)
    payments_lines.approve_lines(session, actor, [x.id for x in lines])
    claims = payments_expenses.list_claims(session, actor, *MARCH, statuses=pending)
    payments_expenses.approve_claims(session, actor, [x.id for x in claims])


def test_batch_totals_per_person_and_method(session, coordinator, march) -> None:
    assert payments_batch.finance_batch(session, coordinator, *MARCH).people == ()
    approve_all(session, coordinator)
    batch = payments_batch.finance_batch(session, coordinator, *MARCH)
    rows = [(p.name, p.method, p.time_pence, p.expenses_pence, p.total_pence) for p in batch.people]
    assert rows == [
        ("Ann Able", PaymentMethod.BANK_TRANSFER, 8300, 460, 8760),
        ("Bea Bold", PaymentMethod.CASH, 2000, 0, 2000),
        ("Dee Clined", PaymentMethod.DECLINED, 0, 1500, 1500),
    ]
    assert batch.total_pence == 12260
    assert batch.by_method == {
        PaymentMethod.BANK_TRANSFER: 8760,
        PaymentMethod.CASH: 2000,
        PaymentMethod.DECLINED: 1500,
    }
    assert batch.people[0].approved_by == "Sam Coordinator"
    # Not-payable lines never count, even when asked for.
    everything = payments_batch.finance_batch(
        session, coordinator, *MARCH, statuses=tuple(PayStatus)
    )
    assert everything.total_pence == 12260
    assert all(line.amount_pence for p in everything.people for line in p.lines)


def test_statement_paid_and_outstanding(session, coordinator, march) -> None:
    approve_all(session, coordinator)
    ann_lines = payments_lines.list_pay_lines(session, coordinator, *MARCH, member_id=march["ann"])
    first = [x.id for x in ann_lines if x.day == date(2026, 3, 2)]
    payments_lines.mark_lines_paid(session, coordinator, first, TODAY, today=TODAY)
    ann = payments_batch.statement(session, coordinator, march["ann"], *MARCH)
    assert (ann.time_pence, ann.expenses_pence, ann.total_pence) == (8300, 460, 8760)
    assert (ann.paid_pence, ann.outstanding_pence) == (4800, 3960)
    assert ann.method is PaymentMethod.BANK_TRANSFER
    assert len(ann.lines) == 3 and ann.not_payable_lines == ()
    dee = payments_batch.statement(session, coordinator, march["dee"], *MARCH)
    assert [x.description for x in dee.not_payable_lines] == [
        "Interview panel: Peer Support Worker"
    ]
    assert (dee.lines, dee.time_pence, dee.total_pence) == ((), 0, 1500)
    assert dee.benefits_advice_offered_on == date(2026, 2, 3)


def test_people_with_statements(session, coordinator, march) -> None:
    person(session, coordinator, "Zoe Nothing")
    ids = payments_batch.people_with_statements(session, coordinator, *MARCH)
    assert ids == [march["ann"], march["bea"], march["dee"]]
    april = (date(2026, 4, 1), date(2026, 4, 30))
    assert payments_batch.people_with_statements(session, coordinator, *april) == []


def test_csv_header_and_rows(session, coordinator, march) -> None:
    approve_all(session, coordinator)
    text = payments_batch.finance_batch_csv(
        payments_batch.finance_batch(session, coordinator, *MARCH)
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(payments_batch.CSV_HEADER)
    assert len(rows) == 1 + 4 + 2  # 4 payable lines, 2 claims, no totals row
    assert rows[1] == [
        str(march["ann"]),
        "Ann Able",
        "Bank transfer",
        "2026-03-02",
        "Peer support shift: Ward 4, 09:00–13:00",
        "Peer support shift",
        "240",
        "",
        "48.00",
        "Approved",
        "Sam Coordinator",
        "",
    ]
    travel = next(r for r in rows if r[5] == "Expenses: Travel")
    assert (travel[1], travel[8]) == ("Ann Able", "4.60")
    assert sum(int(r[8].replace(".", "")) for r in rows[1:]) == 12260


def test_csv_never_lets_a_name_run_as_a_formula(session, coordinator) -> None:
    odd = person(session, coordinator, "=HYPERLINK(1)")
    payments_expenses.add_claim(
        session,
        coordinator,
        ExpenseInput(odd, ExpenseKind.OTHER, date(2026, 3, 3), 100, False, "+1"),
        today=TODAY,
    )
    batch = payments_batch.finance_batch(session, coordinator, *MARCH, statuses=[PayStatus.PENDING])
    rows = list(csv.reader(io.StringIO(payments_batch.finance_batch_csv(batch))))
    assert rows[1][1] == "'=HYPERLINK(1)"
    assert rows[1][4] == "Other: +1"
