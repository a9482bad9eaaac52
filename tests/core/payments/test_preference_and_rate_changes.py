"""Changing a preference or a rate after lines exist: nobody is paid for time they do not
take payment for; a removed rate leaves no waiting line payable at it; an approved line at
an older rate is pointed out; waiting and recorded-not-paid lines are counted apart."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.panels import Panel
from involve_desktop.core.models.payments import PaymentPreference
from involve_desktop.core.services import (
    payments_batch,
    payments_expenses,
    payments_lines,
    payments_preferences,
    payments_rates,
)
from involve_desktop.core.services.payments_dto import (
    Activity,
    ExpenseInput,
    ExpenseKind,
    PaymentMethod,
    PaymentRefused,
    PayStatus,
    PreferenceInput,
    RateBasis,
)
from tests.core.payments.helpers import (
    MARCH,
    TODAY,
    panel,
    person,
    prefer,
    rate,
    shift,
    standard_rates,
)

SHIFT_DAYS = (date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 20))


def generate(session, actor):
    return payments_lines.generate_pay_lines(session, actor, *MARCH, today=TODAY)


def lines(session, actor, **kw):
    return payments_lines.list_pay_lines(session, actor, *MARCH, **kw)


def save(session, actor, member_id, method):
    return payments_preferences.set_preference(
        session, actor, member_id, PreferenceInput(method), today=TODAY
    )


@pytest.fixture
def alan(session, coordinator) -> int:
    """Alan (bank transfer): three 4-hour shifts in March, two approved, one paid, and an
    approved £4.60 travel claim."""
    standard_rates(session, coordinator)
    member = person(session, coordinator, "Alan Wright")
    prefer(session, coordinator, member, PaymentMethod.BANK_TRANSFER)
    for day in SHIFT_DAYS:
        shift(session, member, day)
    generate(session, coordinator)
    ids = [x.id for x in lines(session, coordinator)]
    payments_lines.approve_lines(session, coordinator, ids)
    payments_lines.mark_lines_paid(session, coordinator, ids[:1], date(2026, 4, 1), today=TODAY)
    payments_expenses.add_claim(
        session,
        coordinator,
        ExpenseInput(member, ExpenseKind.TRAVEL, date(2026, 3, 9), 460, True, None),
        today=TODAY,
    )
    claim = payments_expenses.list_claims(session, coordinator, *MARCH)[0]
    payments_expenses.approve_claims(session, coordinator, [claim.id])
    return member


def by_status(session, actor) -> dict[PayStatus, list]:
    found: dict[PayStatus, list] = {}
    for line in lines(session, actor):
        found.setdefault(line.status, []).append(line)
    return found


# -- 1. a preference that does not pay for time ------------------------------------------


@pytest.mark.parametrize("method", [PaymentMethod.DECLINED, PaymentMethod.EXPENSES_ONLY])
def test_declining_takes_approved_lines_out_of_the_batch(
    session, coordinator, alan, method
) -> None:
    saved = save(session, coordinator, alan, method)
    assert saved.taken_out == 2
    assert "2 approved lines for Alan Wright's time were taken out" in saved.taken_out_words
    # nothing records which batches went to finance: the coordinator is asked to tell them
    assert "already gone to finance, tell them not to pay the time" in saved.taken_out_words
    now = by_status(session, coordinator)
    assert PayStatus.APPROVED not in now
    assert len(now[PayStatus.PAID]) == 1  # paid is final
    assert now[PayStatus.PAID][0].amount_pence == 4800
    out = now[PayStatus.NOT_PAYABLE]
    assert [(x.amount_pence, x.method, x.approved_by) for x in out] == [(0, method, None)] * 2
    batch = payments_batch.finance_batch(session, coordinator, *MARCH)
    (row,) = batch.people
    assert (row.time_pence, row.expenses_pence, row.total_pence) == (0, 460, 460)
    assert batch.held_back == ()
    csv = payments_batch.finance_batch_csv(batch)
    assert "Peer support shift" not in csv and "Expenses: Travel" in csv
    entries = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "pay_line", AuditEntry.entity_id == out[0].id)
    ).all()
    assert entries[-1].changes["status"] == ["approved", "not_payable"]
    assert entries[-1].changes["amount_pence"] == [4800, 0]


def test_set_back_to_paying_the_lines_wait_for_approval_again(session, coordinator, alan) -> None:
    save(session, coordinator, alan, PaymentMethod.DECLINED)
    again = save(session, coordinator, alan, PaymentMethod.CASH)
    assert again.taken_out == 0 and again.taken_out_words == ""
    now = by_status(session, coordinator)
    assert [(x.amount_pence, x.method) for x in now[PayStatus.PENDING]] == [
        (4800, PaymentMethod.CASH)
    ] * 2
    assert payments_batch.finance_batch(session, coordinator, *MARCH).people[0].time_pence == 0


def test_another_paying_method_keeps_lines_approved_paid_the_new_way(
    session, coordinator, alan
) -> None:
    saved = save(session, coordinator, alan, PaymentMethod.VOUCHER)
    assert saved.taken_out == 0
    approved = by_status(session, coordinator)[PayStatus.APPROVED]
    assert [(x.amount_pence, x.method) for x in approved] == [(4800, PaymentMethod.VOUCHER)] * 2
    paid = by_status(session, coordinator)[PayStatus.PAID][0]
    assert paid.method is PaymentMethod.BANK_TRANSFER  # paid the way it was paid


# -- 1. guards, for data changed some other way ------------------------------------------


def _decline_behind_its_back(session, member_id) -> None:
    """The preference row changed without the service (older data, another tool)."""
    session.get(PaymentPreference, member_id).method = PaymentMethod.DECLINED.value
    session.commit()


def test_the_batch_and_csv_leave_out_time_for_someone_who_declines(
    session, coordinator, alan
) -> None:
    _decline_behind_its_back(session, alan)
    batch = payments_batch.finance_batch(session, coordinator, *MARCH)
    (row,) = batch.people
    assert (row.time_pence, row.expenses_pence, row.lines) == (0, 460, ())
    assert batch.total_pence == 460
    assert len(batch.held_back) == 2
    assert "Peer support shift" not in payments_batch.finance_batch_csv(batch)
    paid = payments_batch.finance_batch(
        session, coordinator, *MARCH, statuses=[PayStatus.PAID]
    ).people[0]
    assert paid.time_pence == 4800  # what was paid stays on record


def test_mark_paid_refuses_time_for_someone_who_declines(session, coordinator, alan) -> None:
    _decline_behind_its_back(session, alan)
    approved = [x.id for x in by_status(session, coordinator)[PayStatus.APPROVED]]
    with pytest.raises(PaymentRefused) as refused:
        payments_lines.mark_lines_paid(
            session, coordinator, approved, date(2026, 4, 10), today=TODAY
        )
    assert "“Declined payment”" in refused.value.message
    assert "Nothing was changed" in refused.value.message
    assert len(by_status(session, coordinator)[PayStatus.APPROVED]) == 2


def test_sent_back_for_someone_who_declines_a_line_is_recorded_not_paid(
    session, coordinator, alan
) -> None:
    _decline_behind_its_back(session, alan)
    approved = [x.id for x in by_status(session, coordinator)[PayStatus.APPROVED]]
    payments_lines.unapprove_lines(session, coordinator, approved)
    out = by_status(session, coordinator)[PayStatus.NOT_PAYABLE]
    assert [(x.amount_pence, x.method) for x in out] == [(0, PaymentMethod.DECLINED)] * 2
    with pytest.raises(PaymentRefused):
        payments_lines.approve_lines(session, coordinator, approved[:1])


def test_approve_refuses_a_waiting_line_for_someone_who_declines(session, coordinator) -> None:
    standard_rates(session, coordinator)
    member = person(session, coordinator, "Ann Able")
    prefer(session, coordinator, member, PaymentMethod.BANK_TRANSFER)
    shift(session, member, SHIFT_DAYS[0])
    generate(session, coordinator)
    _decline_behind_its_back(session, member)
    (line,) = lines(session, coordinator)
    with pytest.raises(PaymentRefused) as refused:
        payments_lines.approve_lines(session, coordinator, [line.id])
    assert "cannot be approved" in refused.value.message


# -- 2. a removed rate ---------------------------------------------------------------------


@pytest.fixture
def waiting(session, coordinator) -> int:
    """Bea (bank transfer) and Dee (declined): a shift each on 2 and 20 March, Bea's 2 March
    line approved; the rest wait (Dee's recorded, not paid)."""
    standard_rates(session, coordinator)
    bea = person(session, coordinator, "Bea Bold")
    dee = person(session, coordinator, "Dee Clined")
    prefer(session, coordinator, bea, PaymentMethod.BANK_TRANSFER)
    prefer(session, coordinator, dee, PaymentMethod.DECLINED)
    for member in (bea, dee):
        for day in (SHIFT_DAYS[0], SHIFT_DAYS[2]):
            shift(session, member, day)
    generate(session, coordinator)
    first = next(x for x in lines(session, coordinator) if x.member_id == bea)
    payments_lines.approve_lines(session, coordinator, [first.id])
    return bea


def _shift_rates(session, actor):
    return [
        r for r in payments_rates.list_rates(session, actor) if r.activity is Activity.ROTA_SHIFT
    ]


def test_with_no_rate_left_waiting_lines_are_withdrawn_and_named(
    session, coordinator, waiting
) -> None:
    payments_lines.set_line_note(
        session, coordinator, lines(session, coordinator, statuses=[PayStatus.PENDING])[0].id, "x"
    )
    for info in _shift_rates(session, coordinator):
        payments_rates.remove_rate(session, coordinator, info.id)
    result = generate(session, coordinator)
    assert result.no_rate == ["Peer support shift"]
    assert result.withdrawn_no_rate == 3
    assert (result.updated, result.updated_not_payable, result.withdrawn) == (0, 0, 0)
    assert "3 lines not yet approved were withdrawn because no rate is set" in result.summary
    assert "No rate is set for: Peer support shift." in result.summary
    # Bea's approved line stays, but is pointed out: it would be paid at the removed rate
    assert result.approved_no_rate == 1
    assert "1 approved line in this period is at a rate that has since been removed" in (
        result.summary
    )
    left = lines(session, coordinator)
    assert [(x.status, x.amount_pence) for x in left] == [(PayStatus.APPROVED, 4800)]
    kept = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "pay_line", AuditEntry.action == "delete")
    ).all()
    assert len(kept) == 3 and any(e.changes.get("note") == "x" for e in kept)
    rate(session, coordinator, Activity.ROTA_SHIFT, RateBasis.PER_HOUR, 1300)
    again = generate(session, coordinator)
    assert (again.created, again.not_payable, again.no_rate) == (3, 2, [])
    assert (again.approved_no_rate, again.approved_old_rate) == (0, 1)
    assert sorted(x.amount_pence for x in lines(session, coordinator)) == [0, 0, 4800, 5200]


def test_cleared_times_withdraw_a_waiting_per_hour_line_in_their_own_words(
    session, coordinator
) -> None:
    rate(session, coordinator, Activity.PANEL, RateBasis.PER_HOUR, 1200)
    sitter = person(session, coordinator, "Sid Sitter")
    prefer(session, coordinator, sitter, PaymentMethod.CASH)
    panel_id = panel(session, date(2026, 3, 10), [sitter])
    assert generate(session, coordinator).created == 1
    row = session.get(Panel, panel_id)
    row.start_time = row.end_time = None
    session.commit()
    result = generate(session, coordinator)
    assert (result.withdrawn_no_times, result.withdrawn_no_rate, result.no_rate) == (1, 0, [])
    assert result.no_times == ["Interview panel: Peer Support Worker on Tue 10 Mar 2026"]
    assert "no rate" not in result.summary.casefold()
    assert "withdrawn because the start and end times are no longer recorded" in result.summary
    assert "Paid per hour, but no start and end times are recorded for: " in result.summary
    gone = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "pay_line", AuditEntry.action == "delete")
    ).one()
    assert "start and end times are no longer recorded" in gone.changes["withdrawn"]
    assert "no rate" not in gone.changes["withdrawn"]


def test_removing_a_rise_re_prices_waiting_lines_at_the_rate_before(
    session, coordinator, waiting
) -> None:
    rise = rate(
        session, coordinator, Activity.ROTA_SHIFT, RateBasis.PER_HOUR, 1300, date(2026, 3, 15)
    )
    generate(session, coordinator)
    payments_rates.remove_rate(session, coordinator, rise.id)
    result = generate(session, coordinator)
    assert (result.updated, result.updated_not_payable, result.withdrawn_no_rate) == (1, 1, 0)
    pending = lines(session, coordinator, statuses=[PayStatus.PENDING])
    assert [(x.rate_pence, x.amount_pence) for x in pending] == [(1200, 4800)]


# -- 3. a rate from the middle of the month --------------------------------------------


def test_a_mid_month_rise_re_prices_waiting_lines_and_counts_the_approved_ones(
    session, coordinator, waiting
) -> None:
    everyone = lines(session, coordinator)
    payments_lines.approve_lines(
        session,
        coordinator,
        [x.id for x in everyone if x.status is PayStatus.PENDING and x.day == SHIFT_DAYS[2]],
    )
    rate(session, coordinator, Activity.ROTA_SHIFT, RateBasis.PER_HOUR, 1300, date(2026, 3, 15))
    result = generate(session, coordinator)
    # Bea's 20 March line is approved at £12: pointed out, not changed; Dee's 20 March
    # line is recorded, not paid, and follows the new rate (still £0)
    assert (result.approved_old_rate, result.updated, result.updated_not_payable) == (1, 0, 1)
    assert (
        "1 approved line in this period is at an older rate than the one now set for its day"
        in result.summary
    )
    assert "1 line recorded but not paid changed" in result.summary
    assert "waiting line" not in result.summary
    approved = lines(session, coordinator, statuses=[PayStatus.APPROVED])
    assert sorted(x.rate_pence for x in approved) == [1200, 1200]  # 2 March stays at £12
    late = next(x for x in approved if x.day == SHIFT_DAYS[2])
    payments_lines.unapprove_lines(session, coordinator, [late.id])
    again = generate(session, coordinator)
    assert (again.approved_old_rate, again.updated) == (0, 1)
    assert "1 waiting line changed" in again.summary
    back = next(x for x in lines(session, coordinator) if x.id == late.id)
    assert (back.status, back.rate_pence, back.amount_pence) == (PayStatus.PENDING, 1300, 5200)


def test_a_rise_before_waiting_lines_counts_them_as_waiting(session, coordinator) -> None:
    standard_rates(session, coordinator)
    ann = person(session, coordinator, "Ann Able")
    prefer(session, coordinator, ann, PaymentMethod.CASH)
    shift(session, ann, date(2026, 3, 20), time(9), time(11))
    generate(session, coordinator)
    rate(session, coordinator, Activity.ROTA_SHIFT, RateBasis.PER_HOUR, 1300, date(2026, 3, 15))
    result = generate(session, coordinator)
    assert (result.updated, result.updated_not_payable, result.approved_old_rate) == (1, 0, 0)
    assert lines(session, coordinator)[0].amount_pence == 2600
