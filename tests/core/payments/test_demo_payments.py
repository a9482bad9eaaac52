"""The payments demo: rates, a mix of preferences, paid / approved / waiting months, claims."""

from __future__ import annotations

from collections import Counter
from datetime import date

from involve_desktop.core.demo.payments import months_back
from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.services import (
    payments_batch,
    payments_expenses,
    payments_lines,
    payments_preferences,
    payments_rates,
)
from involve_desktop.core.services.payments_dto import (
    Activity,
    ExpenseKind,
    PaymentMethod,
    PayStatus,
)

TODAY = date(2026, 11, 26)


def test_demo_payments_show_every_state(session) -> None:
    actor = seed_demo(session, today=TODAY)
    assert [r.text for r in payments_rates.list_rates(session, actor)] == [
        "£25.00 per session",
        "£12.00 per hour",
        "£20.00 per session",
        "£30.00 per session",
    ]
    methods = Counter(p.method for p in payments_preferences.list_preferences(session, actor))
    assert methods[PaymentMethod.BANK_TRANSFER] > methods[PaymentMethod.CASH]
    assert 2 <= methods[PaymentMethod.DECLINED] <= 3
    assert 1 <= methods[PaymentMethod.EXPENSES_ONLY] <= 2
    (aug, sep, octo) = months_back(TODAY)
    assert aug == (date(2026, 8, 1), date(2026, 8, 31))
    for period, state in ((aug, PayStatus.PAID), (sep, PayStatus.PAID), (octo, PayStatus.APPROVED)):
        found = payments_lines.list_pay_lines(session, actor, *period)
        assert state in {x.status for x in found}
        # Only lines of people not asked yet still wait: they cannot be approved.
        assert all(x.method is None for x in found if x.status is PayStatus.PENDING)
    this_month = payments_lines.list_pay_lines(session, actor, date(2026, 11, 1), TODAY)
    assert PayStatus.PENDING in {x.status for x in this_month}
    everything = payments_lines.list_pay_lines(session, actor, aug[0], TODAY)
    assert {x.activity for x in everything} == set(Activity)  # cohort sessions too
    assert any(x.status is PayStatus.NOT_PAYABLE and x.amount_pence == 0 for x in everything)
    claims = payments_expenses.list_claims(session, actor, aug[0], TODAY)
    assert any(c.kind is ExpenseKind.CARE for c in claims)
    assert all(c.receipt_held for c in claims if c.kind is ExpenseKind.TRAVEL)
    batch = payments_batch.finance_batch(session, actor, *octo)
    assert batch.total_pence > 0
    # Last month's finance batch pays rota shifts too (the demo rota starts by then).
    paid_for = {x.activity for person in batch.people for x in person.lines}
    assert Activity.ROTA_SHIFT in paid_for
    assert batch.total_pence == sum(batch.by_method.values())
