"""Payment rates per activity, each from a day on until the next rate for that activity.

A rise from April does not change March lines: a line takes the rate valid on its day.
Setting a rate for an activity and start day that already has one replaces it.
Coordinators only; ``rate_on`` is the internal look-up used when lines are made.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_pence
from involve_desktop.core.models.payments import PaymentRate
from involve_desktop.core.money import MAX_PENCE
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.payments_common import MANAGE, SEE
from involve_desktop.core.services.payments_dto import (
    Activity,
    RateBasis,
    RateInfo,
    RateInput,
    rate_text,
)
from involve_desktop.core.services.transaction import require, transaction


def _infos(rows: list[PaymentRate]) -> list[RateInfo]:
    """Rates (one activity's or all) as DTOs with ``valid_to`` worked out."""
    ordered = sorted(rows, key=lambda r: (r.activity, r.valid_from))
    infos = []
    for index, row in enumerate(ordered):
        after = ordered[index + 1] if index + 1 < len(ordered) else None
        valid_to = (
            after.valid_from - timedelta(days=1)
            if after is not None and after.activity == row.activity
            else None
        )
        basis = RateBasis(row.basis)
        infos.append(
            RateInfo(
                row.id,
                Activity(row.activity),
                basis,
                row.amount_pence,
                row.valid_from,
                valid_to,
                rate_text(basis, row.amount_pence),
            )
        )
    return infos


def _activity_order(info: RateInfo) -> tuple[int, date]:
    return list(Activity).index(info.activity), info.valid_from


def list_rates(session: Session, actor: Actor) -> list[RateInfo]:
    """Every rate, by activity, oldest first within each."""
    require(session, actor, Permission.VIEW_PAYMENTS, SEE)
    return sorted(_infos(list(session.scalars(select(PaymentRate)))), key=_activity_order)


def rate_on(session: Session, activity: Activity, day: date) -> RateInfo | None:
    """The rate valid for ``activity`` on ``day`` (None if none starts on or before it)."""
    rows = list(session.scalars(select(PaymentRate).where(PaymentRate.activity == activity.value)))
    for info in reversed(_infos(rows)):
        if info.valid_from <= day:
            return info
    return None


class RateBook:
    """Every rate read once, for making many lines: ``on(activity, day)``."""

    def __init__(self, session: Session) -> None:
        self._by_activity: dict[Activity, list[RateInfo]] = {}
        for info in _infos(list(session.scalars(select(PaymentRate)))):
            self._by_activity.setdefault(info.activity, []).append(info)

    def on(self, activity: Activity, day: date) -> RateInfo | None:
        """The rate valid for ``activity`` on ``day``."""
        found = None
        for info in self._by_activity.get(activity, []):
            if info.valid_from <= day:
                found = info
        return found


def _check(data: RateInput) -> tuple[Activity, RateBasis]:
    try:
        activity = Activity(data.activity)
    except ValueError:
        raise ValidationError("activity", "Choose the activity this rate is for.") from None
    try:
        basis = RateBasis(data.basis)
    except ValueError:
        raise ValidationError("basis", "Choose per hour or per session.") from None
    amount = data.amount_pence
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValidationError("amount_pence", "Give the rate in pounds — for example 12.50.")
    if amount > MAX_PENCE:
        raise ValidationError(
            "amount_pence", f"{format_pence(amount)} is more than {format_pence(MAX_PENCE)}."
        )
    if not isinstance(data.valid_from, date):
        raise ValidationError("valid_from", "Give the first day this rate applies.")
    validation.within_years(
        data.valid_from, "valid_from", "The first day of the rate", date.today(), back=10, ahead=5
    )
    return activity, basis


def set_rate(session: Session, actor: Actor, data: RateInput) -> RateInfo:
    """Add a rate from a day on (replacing the rate for that activity and day if any)."""
    require(session, actor, Permission.MANAGE_PAYMENTS, MANAGE)
    activity, basis = _check(data)
    with transaction(session):
        row = session.scalars(
            select(PaymentRate).where(
                PaymentRate.activity == activity.value,
                PaymentRate.valid_from == data.valid_from,
            )
        ).one_or_none()
        values = {
            "activity": activity.value,
            "basis": basis.value,
            "amount_pence": data.amount_pence,
            "valid_from": data.valid_from,
        }
        if row is None:
            row = PaymentRate(created_by=actor.display_name, **values)
            session.add(row)
            session.flush()
            audit.record(
                session, actor, "create", "payment_rate", row.id, audit.created_fields(values)
            )
        else:
            before = {k: getattr(row, k) for k in values}
            row.basis, row.amount_pence = basis.value, data.amount_pence
            row.created_by = actor.display_name
            audit.record(
                session,
                actor,
                "update",
                "payment_rate",
                row.id,
                audit.changes_between(before, values),
            )
        session.flush()
        rate_id = row.id
        infos = _infos(
            list(session.scalars(select(PaymentRate).where(PaymentRate.activity == activity)))
        )
    return next(i for i in infos if i.id == rate_id)


def remove_rate(session: Session, actor: Actor, rate_id: int) -> None:
    """Remove a rate. Approved and paid lines keep their amounts; lines waiting for approval
    take the rate left for their day the next time pay lines are made, or are withdrawn
    when none is left (``generate_pay_lines``)."""
    require(session, actor, Permission.MANAGE_PAYMENTS, MANAGE)
    with transaction(session):
        row = session.get(PaymentRate, rate_id)
        if row is None:
            raise NotFound("That rate is no longer in the records. Refresh the list.")
        audit.record(
            session,
            actor,
            "delete",
            "payment_rate",
            row.id,
            {
                "activity": row.activity,
                "amount_pence": row.amount_pence,
                "valid_from": row.valid_from.isoformat(),
            },
        )
        session.delete(row)
