"""Peer supporters' weekly availability, unavailable periods and personal limits.

Who counts as a peer supporter: anyone holding the "peer_supporter" or "bank_peer_supporter"
role on the day in question; someone holding only the bank role is a bank supporter.
Unavailable periods take no reason (none is asked or stored). Limits protect wellbeing:
max shifts per Monday–Sunday week and max hours per calendar month, blank for none.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import Member
from involve_desktop.core.models.rota import RotaAvailability, RotaLimits, RotaUnavailable
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import (
    AvailabilitySlot,
    PersonAvailability,
    UnavailableInfo,
    hhmm,
)
from involve_desktop.core.services.rota_rules import WEEKDAYS
from involve_desktop.core.services.rota_world import load_people
from involve_desktop.core.services.transaction import require, transaction


def _member(session: Session, member_id: int) -> Member:
    row = session.get(Member, member_id)
    if row is None:
        raise NotFound("That member is no longer in the records. Refresh the list.")
    return row


def _slot_text(slot: AvailabilitySlot) -> str:
    return f"{WEEKDAYS[slot.weekday]} {hhmm(slot.from_time)}–{hhmm(slot.to_time)}"


def set_weekly_availability(
    session: Session, actor: Actor, member_id: int, slots: list[AvailabilitySlot]
) -> None:
    """Replace someone's weekly availability with ``slots``."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    for slot in slots:
        if not 0 <= slot.weekday <= 6:
            raise ValidationError("weekday", "Choose a day of the week for each time.")
        if slot.from_time == slot.to_time:
            raise ValidationError(
                "to_time", f"{_slot_text(slot)}: the end must differ from the start."
            )
    ordered = sorted(set(slots), key=lambda s: (s.weekday, s.from_time, s.to_time))
    with transaction(session):
        _member(session, member_id)
        before = [
            _slot_text(AvailabilitySlot(r.weekday, r.from_time, r.to_time))
            for r in session.scalars(
                select(RotaAvailability)
                .where(RotaAvailability.member_id == member_id)
                .order_by(RotaAvailability.weekday, RotaAvailability.from_time)
            )
        ]
        session.execute(delete(RotaAvailability).where(RotaAvailability.member_id == member_id))
        for slot in ordered:
            session.add(
                RotaAvailability(
                    member_id=member_id,
                    weekday=slot.weekday,
                    from_time=slot.from_time,
                    to_time=slot.to_time,
                )
            )
        after = [_slot_text(s) for s in ordered]
        if before != after:
            audit.record(
                session,
                actor,
                "update",
                "member",
                member_id,
                {"weekly availability": ["; ".join(before), "; ".join(after)]},
            )


def add_unavailable(
    session: Session, actor: Actor, member_id: int, start_on: date, end_on: date
) -> UnavailableInfo:
    """Record that someone is unavailable from ``start_on`` to ``end_on`` (inclusive)."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    if end_on < start_on:
        raise ValidationError("end_on", "The last day must be on or after the first day.")
    with transaction(session):
        _member(session, member_id)
        row = RotaUnavailable(member_id=member_id, start_on=start_on, end_on=end_on)
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "update",
            "member",
            member_id,
            {"unavailable": f"{format_date(start_on)} to {format_date(end_on)}"},
        )
    return UnavailableInfo(row.id, row.start_on, row.end_on)


def remove_unavailable(session: Session, actor: Actor, unavailable_id: int) -> None:
    """Delete an unavailable period."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        row = session.get(RotaUnavailable, unavailable_id)
        if row is None:
            return
        description = f"{format_date(row.start_on)} to {format_date(row.end_on)}"
        audit.delete_member_detail(session, row, actor, "unavailable removed", description)


def set_limits(
    session: Session,
    actor: Actor,
    member_id: int,
    max_shifts_per_week: int | None,
    max_hours_per_month: int | None,
) -> None:
    """Set someone's own limits (None: no limit)."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    if max_shifts_per_week is not None and not 0 <= max_shifts_per_week <= 21:
        below = " cannot be below 0" if max_shifts_per_week < 0 else " cannot be over 21"
        raise ValidationError(
            "max_shifts_per_week",
            f"Shifts a week{below}: type a number from 0 to 21, or leave it blank for no limit.",
        )
    if max_hours_per_month is not None and not 0 <= max_hours_per_month <= 400:
        below = " cannot be below 0" if max_hours_per_month < 0 else " cannot be over 400"
        raise ValidationError(
            "max_hours_per_month",
            f"Hours a month{below}: type a number from 0 to 400, or leave it blank for no limit.",
        )
    with transaction(session):
        _member(session, member_id)
        row = session.get(RotaLimits, member_id)
        if row is None:
            row = RotaLimits(member_id=member_id)
            session.add(row)
        before = {
            "max_shifts_per_week": row.max_shifts_per_week,
            "max_hours_per_month": row.max_hours_per_month,
        }
        after = {
            "max_shifts_per_week": max_shifts_per_week,
            "max_hours_per_month": max_hours_per_month,
        }
        row.max_shifts_per_week = max_shifts_per_week
        row.max_hours_per_month = max_hours_per_month
        changes = audit.changes_between(before, after)
        if changes:
            audit.record(session, actor, "update", "member", member_id, changes)


def availability(
    session: Session, actor: Actor, member_id: int, *, today: date | None = None
) -> PersonAvailability:
    """Someone's weekly availability, unavailable periods and limits."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    _member(session, member_id)
    facts = load_people(session, {member_id})[member_id]
    rows = session.scalars(
        select(RotaUnavailable)
        .where(RotaUnavailable.member_id == member_id)
        .order_by(RotaUnavailable.start_on)
    )
    return PersonAvailability(
        member_id,
        facts.name,
        facts.is_bank_on(today or date.today()),
        facts.weekly,
        tuple(UnavailableInfo(r.id, r.start_on, r.end_on) for r in rows),
        facts.max_shifts_per_week,
        facts.max_hours_per_month,
    )
