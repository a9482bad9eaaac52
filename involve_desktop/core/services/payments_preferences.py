"""How each person wants to be paid for their involvement, and benefits advice offered.

Some people are paid by bank transfer, cash or voucher; some decline payment or take
expenses only (often because of benefits rules); their involvement is still recorded.
Changing a preference brings that person's lines not yet approved in line with it (a line
for someone who now declines becomes recorded-not-paid, and back). Approved lines not yet
paid follow too: a preference that does not pay for time takes them out of the finance
batch (recorded, not paid, approval cleared — set back, they wait for approval again); one
that does keeps them approved, paid the new way. Paid lines never change. Coordinators only.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.models.payments import PayLine, PaymentPreference
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import refuse_erased
from involve_desktop.core.services.meetings_people import name_order, names_of
from involve_desktop.core.services.payments_common import (
    MANAGE,
    SEE,
    apply_method,
    take_out_of_batch,
)
from involve_desktop.core.services.payments_dto import (
    PaymentMethod,
    PayStatus,
    PreferenceInfo,
    PreferenceInput,
)
from involve_desktop.core.services.transaction import require, transaction


def _info(member_id: int, name: str, row: PaymentPreference | None) -> PreferenceInfo:
    if row is None:
        return PreferenceInfo(member_id, name, None, None, None, None, None)
    return PreferenceInfo(
        member_id,
        name,
        PaymentMethod(row.method),
        row.benefits_advice_offered_on,
        row.note,
        row.updated_by,
        row.updated_at,
    )


def _name(session: Session, member_id: int) -> str:
    names = names_of(session, [member_id])
    if member_id not in names:
        raise NotFound("That person is no longer in the members list. Refresh and try again.")
    return names[member_id]


def get_preference(session: Session, actor: Actor, member_id: int) -> PreferenceInfo:
    """A person's payment preference (``method`` None when not recorded yet)."""
    require(session, actor, Permission.VIEW_PAYMENTS, SEE)
    name = _name(session, member_id)
    return _info(member_id, name, session.get(PaymentPreference, member_id))


def list_preferences(session: Session, actor: Actor) -> list[PreferenceInfo]:
    """Every recorded preference, alphabetical by the name people go by."""
    require(session, actor, Permission.VIEW_PAYMENTS, SEE)
    rows = list(session.scalars(select(PaymentPreference)))
    names = names_of(session, {r.member_id for r in rows})
    infos = [_info(r.member_id, names.get(r.member_id, ""), r) for r in rows]
    return sorted(infos, key=lambda p: name_order(p.name, p.member_id))


def set_preference(
    session: Session,
    actor: Actor,
    member_id: int,
    data: PreferenceInput,
    *,
    today: date | None = None,
) -> PreferenceInfo:
    """Record how a person wants to be paid; their lines not yet paid follow it (see the
    module text); ``taken_out`` on the result counts approved lines taken out of the batch."""
    require(session, actor, Permission.MANAGE_PAYMENTS, MANAGE)
    try:
        method = PaymentMethod(data.method)
    except ValueError:
        raise ValidationError("method", "Choose how this person wants to be paid.") from None
    offered = validation.not_in_future(
        data.benefits_advice_offered_on,
        "benefits_advice_offered_on",
        "The day benefits advice was offered",
        today or date.today(),
    )
    note = validation.optional_text(data.note, 500, "note", "Note")
    with transaction(session):
        if session.get(Member, member_id) is None:
            raise NotFound("That person is no longer in the members list. Refresh and try again.")
        refuse_erased(session, [member_id], "member_id", "given a payment preference")
        row = session.get(PaymentPreference, member_id)
        values = {
            "method": method.value,
            "benefits_advice_offered_on": offered,
            "note": note,
        }
        if row is None:
            row = PaymentPreference(member_id=member_id, updated_by=actor.display_name, **values)
            session.add(row)
            audit.record(
                session,
                actor,
                "create",
                "payment_preference",
                member_id,
                audit.created_fields(values),
            )
        else:
            before = {k: getattr(row, k) for k in values}
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_by = actor.display_name
            changes = audit.changes_between(before, values)
            if changes:
                audit.record(session, actor, "update", "payment_preference", member_id, changes)
        lines = session.scalars(
            select(PayLine)
            .where(
                PayLine.member_id == member_id,
                PayLine.status.in_(
                    [
                        PayStatus.PENDING.value,
                        PayStatus.NOT_PAYABLE.value,
                        PayStatus.APPROVED.value,
                    ]
                ),
            )
            .order_by(PayLine.id)
            .with_for_update()  # a "Mark paid" on another laptop is taken first, or after
            .execution_options(populate_existing=True)
        )
        moved = taken_out = 0
        for line in lines:
            if line.status != PayStatus.APPROVED.value:
                moved += apply_method(line, method)
            elif not method.pays_time:
                take_out_of_batch(session, actor, line, method)
                taken_out += 1
            elif line.method != method.value:
                line.method = method.value  # still approved; paid the new way
                moved += 1
        if moved:
            audit.record(
                session,
                actor,
                "update",
                "member",
                member_id,
                {"payment_lines_following_preference": moved},
            )
        session.flush()
        info = replace(_info(member_id, _name(session, member_id), row), taken_out=taken_out)
    return info
