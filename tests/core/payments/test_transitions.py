"""Pending → approved (who, when) → paid (on a day); paid is final; refusals in words."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import payments_lines
from involve_desktop.core.services.payments_dto import PaymentMethod, PaymentRefused, PayStatus
from tests.core.payments.helpers import MARCH, TODAY, panel, person, prefer, standard_rates


@pytest.fixture
def line_ids(session, coordinator) -> dict[str, int]:
    """Two pending panel lines (Ann, Bea) and a not-payable one (Dee, declined)."""
    standard_rates(session, coordinator)
    ann = person(session, coordinator, "Ann Able")
    bea = person(session, coordinator, "Bea Bold")
    dee = person(session, coordinator, "Dee Clined")
    prefer(session, coordinator, ann, PaymentMethod.BANK_TRANSFER)
    prefer(session, coordinator, bea, PaymentMethod.CASH)
    prefer(session, coordinator, dee, PaymentMethod.DECLINED)
    panel(session, date(2026, 3, 10), [ann, bea, dee])
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    return {x.name: x.id for x in payments_lines.list_pay_lines(session, coordinator, *MARCH)}


def one(session, actor, line_id):
    return next(x for x in payments_lines.list_pay_lines(session, actor, *MARCH) if x.id == line_id)


def test_approve_records_who_and_when(session, coordinator, line_ids) -> None:
    count = payments_lines.approve_lines(session, coordinator, [line_ids["Ann Able"]])
    line = one(session, coordinator, line_ids["Ann Able"])
    assert count == 1
    assert (line.status, line.approved_by) == (PayStatus.APPROVED, "Sam Coordinator")
    assert line.approved_at is not None
    entry = session.scalars(
        select(AuditEntry).where(
            AuditEntry.entity == "pay_line", AuditEntry.entity_id == line_ids["Ann Able"]
        )
    ).one()
    assert entry.changes == {"status": ["pending", "approved"]}


def test_paid_on_a_day_after_approval(session, coordinator, line_ids) -> None:
    ann = line_ids["Ann Able"]
    payments_lines.approve_lines(session, coordinator, [ann])
    payments_lines.mark_lines_paid(session, coordinator, [ann], date(2026, 4, 10), today=TODAY)
    line = one(session, coordinator, ann)
    assert (line.status, line.paid_on) == (PayStatus.PAID, date(2026, 4, 10))


def test_paying_before_approval_is_refused_and_nothing_changes(
    session, coordinator, line_ids
) -> None:
    ann, bea = line_ids["Ann Able"], line_ids["Bea Bold"]
    payments_lines.approve_lines(session, coordinator, [ann])
    with pytest.raises(PaymentRefused) as refused:
        payments_lines.mark_lines_paid(
            session, coordinator, [ann, bea], date(2026, 4, 10), today=TODAY
        )
    assert "not approved yet" in refused.value.message
    assert "Nothing was changed" in refused.value.message
    assert one(session, coordinator, ann).status is PayStatus.APPROVED


def test_a_future_paid_date_is_refused_naming_it(session, coordinator, line_ids) -> None:
    ann = line_ids["Ann Able"]
    payments_lines.approve_lines(session, coordinator, [ann])
    with pytest.raises(PaymentRefused) as refused:
        payments_lines.mark_lines_paid(session, coordinator, [ann], date(2026, 4, 16), today=TODAY)
    assert "Thu 16 Apr 2026" in refused.value.message
    assert one(session, coordinator, ann).status is PayStatus.APPROVED


def test_paid_is_final(session, coordinator, line_ids) -> None:
    ann = line_ids["Ann Able"]
    payments_lines.approve_lines(session, coordinator, [ann])
    payments_lines.mark_lines_paid(session, coordinator, [ann], TODAY, today=TODAY)
    with pytest.raises(PaymentRefused, match="already been paid; it cannot go back to pending"):
        payments_lines.unapprove_lines(session, coordinator, [ann])
    with pytest.raises(PaymentRefused, match="already been paid"):
        payments_lines.approve_lines(session, coordinator, [ann])
    with pytest.raises(PaymentRefused, match="already been paid"):
        payments_lines.mark_lines_paid(session, coordinator, [ann], TODAY, today=TODAY)


def test_unapprove_sends_back_to_pending(session, coordinator, line_ids) -> None:
    bea = line_ids["Bea Bold"]
    payments_lines.approve_lines(session, coordinator, [bea])
    payments_lines.unapprove_lines(session, coordinator, [bea])
    line = one(session, coordinator, bea)
    assert (line.status, line.approved_by, line.approved_at) == (PayStatus.PENDING, None, None)
    with pytest.raises(PaymentRefused, match="not approved yet"):
        payments_lines.unapprove_lines(session, coordinator, [bea])


def test_not_payable_lines_are_never_approved(session, coordinator, line_ids) -> None:
    with pytest.raises(PaymentRefused, match="recorded but not paid"):
        payments_lines.approve_lines(session, coordinator, [line_ids["Dee Clined"]])


def test_a_line_without_a_method_waits_for_the_preference(session, coordinator) -> None:
    standard_rates(session, coordinator)
    nora = person(session, coordinator, "Nora Asked")
    panel(session, date(2026, 3, 10), [nora])
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    (line,) = payments_lines.list_pay_lines(session, coordinator, *MARCH)
    with pytest.raises(PaymentRefused, match="record how this person wants to be paid"):
        payments_lines.approve_lines(session, coordinator, [line.id])
    prefer(session, coordinator, nora, PaymentMethod.VOUCHER)
    assert payments_lines.approve_lines(session, coordinator, [line.id]) == 1


def test_note_on_a_line(session, coordinator, line_ids) -> None:
    info = payments_lines.set_line_note(
        session, coordinator, line_ids["Ann Able"], "  Stayed on for the debrief  "
    )
    assert info.note == "Stayed on for the debrief"
    assert payments_lines.set_line_note(session, coordinator, info.id, "").note is None


def test_list_filters_by_person_and_status(session, coordinator, line_ids) -> None:
    payments_lines.approve_lines(session, coordinator, [line_ids["Ann Able"]])
    approved = payments_lines.list_pay_lines(
        session, coordinator, *MARCH, statuses=[PayStatus.APPROVED]
    )
    assert [x.name for x in approved] == ["Ann Able"]
    mine = payments_lines.list_pay_lines(
        session, coordinator, *MARCH, member_id=approved[0].member_id
    )
    assert [x.id for x in mine] == [line_ids["Ann Able"]]
    assert [x.name for x in payments_lines.list_pay_lines(session, coordinator, *MARCH)] == [
        "Ann Able",
        "Bea Bold",
        "Dee Clined",
    ]


def test_a_period_ending_before_it_starts_is_refused(session, coordinator) -> None:
    with pytest.raises(ValidationError) as refused:
        payments_lines.list_pay_lines(session, coordinator, date(2026, 3, 31), date(2026, 3, 1))
    assert refused.value.field == "end"


def test_a_line_that_has_gone_is_named(session, coordinator, line_ids) -> None:
    with pytest.raises(NotFound, match="no longer in the records"):
        payments_lines.approve_lines(session, coordinator, [line_ids["Ann Able"], 9999])
    assert one(session, coordinator, line_ids["Ann Able"]).status is PayStatus.PENDING


def test_a_paid_date_before_the_work_is_refused_naming_the_earliest_day(
    session, coordinator, line_ids
) -> None:
    ann = line_ids["Ann Able"]
    payments_lines.approve_lines(session, coordinator, [ann])
    with pytest.raises(ValidationError) as refused:
        payments_lines.mark_lines_paid(session, coordinator, [ann], date(2001, 1, 1), today=TODAY)
    assert refused.value.field == "paid_on"
    message = refused.value.message
    assert message.startswith("Paid on: Mon 1 Jan 2001 is before the day it pays for")
    assert "The earliest allowed paid date is Tue 10 Mar 2026" in message
    assert one(session, coordinator, ann).status is PayStatus.APPROVED
    # The day of the work itself is allowed.
    payments_lines.mark_lines_paid(session, coordinator, [ann], date(2026, 3, 10), today=TODAY)
    assert one(session, coordinator, ann).paid_on == date(2026, 3, 10)
