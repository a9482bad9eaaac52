"""Pay lines: made from recorded involvement, then approved, and marked paid.

``generate_pay_lines`` makes one line per source (``payments_sources``) in a period, at the
rate valid on its day; running it again adds only what is new, brings lines not yet approved
in line with their source, rate and the person's preference, and withdraws lines not yet
approved whose involvement is no longer recorded, whose rate was removed with none left for
their day, or (paid per hour) whose times were cleared — not payable until the rate or times
are set: the next generate makes them again. Approved and paid lines are never touched;
approved ones at a rate no longer valid on their day, or whose rate was removed with none
left, are counted, so the coordinator can send them back to be re-priced. Lines are not
deleted by hand: a wrong line is fixed at its source (e.g. the shift's attendance) and the
next generate follows. Coordinators only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.payments import PayLine
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import erased_among
from involve_desktop.core.services.meetings_people import names_of
from involve_desktop.core.services.payments_common import (
    MANAGE,
    SEE,
    apply_method,
    by_day_then_name,
    check_period,
    line_infos,
    methods_of,
    move_by_ids,
    rows_in,
)
from involve_desktop.core.services.payments_dto import (
    OPEN_STATUSES,
    GenerateResult,
    PayLineInfo,
    PayStatus,
    RateBasis,
    RateInfo,
)
from involve_desktop.core.services.payments_rates import RateBook
from involve_desktop.core.services.payments_sources import Source, sources_in
from involve_desktop.core.services.transaction import require, transaction
from involve_desktop.core.text import sort_key

OPEN = OPEN_STATUSES  # not yet approved


def _fields(source: Source, basis: RateBasis, rate_pence: int) -> dict[str, object]:
    per_hour = basis is RateBasis.PER_HOUR
    return {
        "member_id": source.member_id,
        "day": source.day,
        "activity": source.activity.value,
        "description": source.description[:300],
        "basis": basis.value,
        "minutes": source.minutes if per_hour else None,
        "sessions": None if per_hour else 1,
        "rate_pence": rate_pence,
    }


def _at_older_rate(line: PayLine, rate: RateInfo | None) -> bool:
    """An approved line (not paid) made at another rate than the one now valid on its day
    (e.g. a rise from the middle of the month set after it was approved)."""
    return (
        line.status == PayStatus.APPROVED.value
        and rate is not None
        and (line.basis, line.rate_pence) != (rate.basis.value, rate.amount_pence)
    )


def _at_removed_rate(line: PayLine, rate: RateInfo | None) -> bool:
    """An approved line (not paid) whose rate was removed with none left for its day: it
    would otherwise be paid, unnoticed, at a rate that no longer exists."""
    return line.status == PayStatus.APPROVED.value and rate is None


def withdraw_line(session: Session, actor: Actor, line: PayLine, why: str) -> None:
    """Delete a line not yet approved, keeping what it was (and any note) in the audit."""
    changes: dict[str, object] = {
        "withdrawn": f"{line.description} on {line.day.isoformat()}: {why}",
        "amount_pence": line.amount_pence,
    }
    if line.note:
        changes["note"] = line.note
    audit.record(session, actor, "delete", "pay_line", line.id, changes)
    session.delete(line)


def generate_pay_lines(
    session: Session, actor: Actor, start: date, end: date, *, today: date | None = None
) -> GenerateResult:
    """Make pay lines for the involvement recorded in [start, end] (see the module text)."""
    require(session, actor, Permission.MANAGE_PAYMENTS, MANAGE)
    check_period(start, end)
    now_day = today or date.today()
    with transaction(session):
        sources = sources_in(session, start, end, now_day)
        keys = {(s.kind, s.id) for s in sources}
        existing = {
            (line.source_kind, line.source_id): line
            for line in session.scalars(
                select(PayLine)
                .where(
                    PayLine.day.between(start, end) | PayLine.source_id.in_([s.id for s in sources])
                )
                .with_for_update()  # a line approved on another laptop meanwhile is seen so
                .execution_options(populate_existing=True)
            )
        }
        book = RateBook(session)
        methods = methods_of(session, {s.member_id for s in sources})
        erased = erased_among(session, {s.member_id for s in sources})  # no new lines for them
        created = not_payable = already = updated = updated_np = withdrawn = 0
        unpriced = untimed = old_rate = removed_rate = 0
        no_rate: list[str] = []
        no_times: list[str] = []
        asks: set[int] = set()
        for source in sorted(sources, key=lambda s: (s.day, s.kind, s.id)):
            line = existing.get((source.kind, source.id))
            rate = book.on(source.activity, source.day)
            if line is not None and line.status not in OPEN:
                already += 1
                old_rate += _at_older_rate(line, rate)
                removed_rate += _at_removed_rate(line, rate)
                continue
            if line is None and source.member_id in erased:
                continue
            if rate is None:
                if source.activity.label not in no_rate:
                    no_rate.append(source.activity.label)
                if line is not None:  # its rate was removed: not payable until one is set
                    unpriced += 1
                    withdraw_line(
                        session,
                        actor,
                        line,
                        f"no rate is set for {source.activity.label} on its day",
                    )
                continue
            if rate.basis is RateBasis.PER_HOUR and source.minutes is None:
                no_times.append(f"{source.description} on {format_date(source.day)}")
                if line is not None:  # its times were cleared: not payable until they are back
                    untimed += 1
                    withdraw_line(
                        session,
                        actor,
                        line,
                        "it is paid per hour and its start and end times are no longer recorded",
                    )
                continue
            method = methods.get(source.member_id)
            fields = _fields(source, rate.basis, rate.amount_pence)
            if line is None:
                line = PayLine(
                    source_kind=source.kind,
                    source_id=source.id,
                    created_by=actor.display_name,
                    status=PayStatus.PENDING.value,
                    amount_pence=0,
                    **fields,
                )
                apply_method(line, method)
                line.method = method.value if method else None
                session.add(line)
                created += 1
                not_payable += line.status == PayStatus.NOT_PAYABLE.value
            else:
                before = {
                    k: getattr(line, k) for k in (*fields, "method", "status", "amount_pence")
                }
                for key, value in fields.items():
                    setattr(line, key, value)
                apply_method(line, method)
                after = {k: getattr(line, k) for k in before}
                if after != before:
                    if line.status == PayStatus.NOT_PAYABLE.value:
                        updated_np += 1
                    else:
                        updated += 1
                    audit.record(
                        session,
                        actor,
                        "update",
                        "pay_line",
                        line.id,
                        audit.changes_between(before, after),
                    )
                else:
                    already += 1
            if line.status == PayStatus.PENDING.value and method is None:
                asks.add(source.member_id)
        for key, line in existing.items():
            if key not in keys and line.status in OPEN and start <= line.day <= end:
                withdrawn += 1
                withdraw_line(session, actor, line, "is no longer recorded")
        audit.record(
            session,
            actor,
            "generate",
            "pay_line",
            None,
            {
                "start": start.isoformat(),
                "end": end.isoformat(),
                "created": created,
                "not_payable": not_payable,
                "updated": updated,
                "updated_not_payable": updated_np,
                "withdrawn": withdrawn,
                "withdrawn_no_rate": unpriced,
                "withdrawn_no_times": untimed,
                "approved_at_older_rate": old_rate,
                "approved_at_removed_rate": removed_rate,
            },
        )
        names = names_of(session, asks)
    return GenerateResult(
        created=created,
        not_payable=not_payable,
        already_there=already,
        no_rate=no_rate,
        no_preference=sorted(names.values(), key=sort_key),
        updated=updated,
        withdrawn=withdrawn,
        updated_not_payable=updated_np,
        withdrawn_no_rate=unpriced,
        approved_old_rate=old_rate,
        no_times=no_times,
        withdrawn_no_times=untimed,
        approved_no_rate=removed_rate,
    )


def list_pay_lines(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    *,
    member_id: int | None = None,
    statuses: Iterable[PayStatus] | None = None,
) -> list[PayLineInfo]:
    """Lines in [start, end] by day then name, optionally one person's or some statuses."""
    require(session, actor, Permission.VIEW_PAYMENTS, SEE)
    check_period(start, end)
    return lines_in(session, start, end, member_id=member_id, statuses=statuses)


def lines_in(
    session: Session,
    start: date,
    end: date,
    *,
    member_id: int | None = None,
    statuses: Iterable[PayStatus] | None = None,
) -> list[PayLineInfo]:
    """``list_pay_lines`` without the permission check, for other payment services."""
    rows = rows_in(session, PayLine, start, end, member_id=member_id, statuses=statuses)
    return by_day_then_name(line_infos(session, rows))


def approve_lines(session: Session, actor: Actor, ids: Sequence[int]) -> int:
    """Approve pending lines (records who and when); PaymentRefused if any cannot be."""
    return move_by_ids(session, actor, PayLine, ids, "approve")


def unapprove_lines(session: Session, actor: Actor, ids: Sequence[int]) -> int:
    """Send approved lines back to pending; paid lines are refused (paid is final)."""
    return move_by_ids(session, actor, PayLine, ids, "unapprove")


def mark_lines_paid(
    session: Session,
    actor: Actor,
    ids: Sequence[int],
    paid_on: date,
    *,
    today: date | None = None,
) -> int:
    """Mark approved lines paid on ``paid_on`` (not in the future); pending ones refused."""
    return move_by_ids(session, actor, PayLine, ids, "pay", paid_on=paid_on, today=today)


def set_line_note(session: Session, actor: Actor, line_id: int, note: str | None) -> PayLineInfo:
    """Keep a note on a line (any status); a blank note clears it."""
    require(session, actor, Permission.MANAGE_PAYMENTS, MANAGE)
    text = validation.optional_text(note, 500, "note", "Note")
    with transaction(session):
        line = session.get(PayLine, line_id)
        if line is None:
            raise NotFound("That pay line is no longer in the records. Refresh the list.")
        if line.note != text:
            audit.record(session, actor, "update", "pay_line", line.id, {"note": [line.note, text]})
            line.note = text
        session.flush()
        info = line_infos(session, [line])[0]
    return info
