"""Expense claims: added, changed or removed while pending, approved and paid; people who
decline payment or take expenses only still get their expenses."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import payments_batch, payments_expenses, payments_lines
from involve_desktop.core.services.payments_dto import (
    ExpenseInput,
    ExpenseKind,
    PaymentMethod,
    PaymentRefused,
    PayStatus,
)
from tests.core.payments.helpers import MARCH, TODAY, panel, person, prefer, standard_rates


def claim(session, actor, member_id, pence=460, day=date(2026, 3, 10), kind=ExpenseKind.TRAVEL):
    return payments_expenses.add_claim(
        session,
        actor,
        ExpenseInput(member_id, kind, day, pence, True, "Bus to the office"),
        today=TODAY,
    )


def test_add_and_list_a_claim(session, coordinator) -> None:
    ann = person(session, coordinator, "Ann Able")
    info = claim(session, coordinator, ann)
    assert (info.name, info.kind, info.amount_pence, info.status, info.created_by) == (
        "Ann Able",
        ExpenseKind.TRAVEL,
        460,
        PayStatus.PENDING,
        "Sam Coordinator",
    )
    assert info.item == "Travel: Bus to the office"
    assert payments_expenses.list_claims(session, coordinator, *MARCH) == [info]


@pytest.mark.parametrize(
    ("pence", "day", "field"),
    [
        (0, date(2026, 3, 10), "amount_pence"),
        (-5, date(2026, 3, 10), "amount_pence"),
        (100, date(2026, 4, 16), "day"),
    ],
)
def test_bad_claims_refused_naming_the_field(session, coordinator, pence, day, field) -> None:
    ann = person(session, coordinator, "Ann Able")
    with pytest.raises(ValidationError) as refused:
        claim(session, coordinator, ann, pence, day)
    assert refused.value.field == field


def test_claim_for_someone_not_in_the_list_refused(session, coordinator) -> None:
    with pytest.raises(ValidationError) as refused:
        claim(session, coordinator, 9999)
    assert refused.value.field == "member_id"


def test_only_pending_claims_change_or_go(session, coordinator) -> None:
    ann = person(session, coordinator, "Ann Able")
    info = claim(session, coordinator, ann)
    changed = payments_expenses.update_claim(
        session,
        coordinator,
        info.id,
        ExpenseInput(ann, ExpenseKind.CARE, date(2026, 3, 11), 1500, False, "Childminder"),
        today=TODAY,
    )
    assert (changed.kind, changed.amount_pence, changed.day) == (
        ExpenseKind.CARE,
        1500,
        date(2026, 3, 11),
    )
    payments_expenses.approve_claims(session, coordinator, [info.id])
    with pytest.raises(PaymentRefused, match="only a claim waiting for approval"):
        payments_expenses.remove_claim(session, coordinator, info.id)
    other = claim(session, coordinator, ann)
    payments_expenses.remove_claim(session, coordinator, other.id)
    assert [c.id for c in payments_expenses.list_claims(session, coordinator, *MARCH)] == [info.id]


def test_claim_transitions_match_lines(session, coordinator) -> None:
    ann = person(session, coordinator, "Ann Able")
    info = claim(session, coordinator, ann)
    with pytest.raises(PaymentRefused, match="approve it before marking it paid"):
        payments_expenses.mark_claims_paid(session, coordinator, [info.id], TODAY, today=TODAY)
    payments_expenses.approve_claims(session, coordinator, [info.id])
    with pytest.raises(PaymentRefused, match="in the future"):
        payments_expenses.mark_claims_paid(
            session, coordinator, [info.id], date(2026, 5, 1), today=TODAY
        )
    with pytest.raises(ValidationError, match="earliest allowed paid date is Tue 10 Mar 2026"):
        payments_expenses.mark_claims_paid(
            session, coordinator, [info.id], date(2026, 3, 9), today=TODAY
        )
    payments_expenses.mark_claims_paid(session, coordinator, [info.id], TODAY, today=TODAY)
    (paid,) = payments_expenses.list_claims(session, coordinator, *MARCH)
    assert (paid.status, paid.approved_by, paid.paid_on) == (
        PayStatus.PAID,
        "Sam Coordinator",
        TODAY,
    )
    with pytest.raises(PaymentRefused, match="cannot go back to pending"):
        payments_expenses.unapprove_claims(session, coordinator, [info.id])


def test_expenses_only_and_declined_still_get_expenses(session, coordinator) -> None:
    standard_rates(session, coordinator)
    ed = person(session, coordinator, "Ed Spenses")
    dee = person(session, coordinator, "Dee Clined")
    prefer(session, coordinator, ed, PaymentMethod.EXPENSES_ONLY)
    prefer(session, coordinator, dee, PaymentMethod.DECLINED)
    panel(session, date(2026, 3, 10), [ed, dee])
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    ids = [claim(session, coordinator, ed, 700).id, claim(session, coordinator, dee, 300).id]
    payments_expenses.approve_claims(session, coordinator, ids)
    batch = payments_batch.finance_batch(session, coordinator, *MARCH)
    assert [(p.name, p.time_pence, p.expenses_pence) for p in batch.people] == [
        ("Dee Clined", 0, 300),
        ("Ed Spenses", 0, 700),
    ]
    assert batch.by_method == {PaymentMethod.EXPENSES_ONLY: 700, PaymentMethod.DECLINED: 300}
    assert batch.total_pence == 1000


def test_a_typing_slip_in_the_year_is_refused_with_the_range(session, coordinator) -> None:
    from involve_desktop.core.errors import ValidationError
    from involve_desktop.core.services import payments_rates
    from involve_desktop.core.services.payments_dto import Activity, RateBasis, RateInput

    ann = person(session, coordinator, "Ann Able")
    slip = ExpenseInput(ann, ExpenseKind.TRAVEL, date(1900, 3, 10), 460, True, "Bus")
    with pytest.raises(ValidationError, match="looks like a typing slip") as error:
        payments_expenses.add_claim(session, coordinator, slip, today=TODAY)
    assert error.value.field == "day"
    far = RateInput(Activity.PANEL, RateBasis.PER_SESSION, 2500, date(9999, 1, 1))
    with pytest.raises(ValidationError, match="looks like a typing slip") as error:
        payments_rates.set_rate(session, coordinator, far)
    assert error.value.field == "valid_from"
