"""Rota sites (wards, community venues) and the days each is closed.

Sites are archived, never deleted, so old shifts keep their place; an archived site gets no
new shifts from ``generate_shifts``. Names are unique (ignoring case). Every change is
audited; coordinators manage sites, facilitators can only read them.

Marking a site closed on a day that already has shifts there is refused
(:class:`ShiftsOnClosedDay`, naming how many and how many have people on them) unless the
caller asks to cancel them: they are cancelled through ``rota_shifts.cancel_shift`` (they
stay on the rota marked cancelled, are never a gap, and nobody can be put on them), with
the closed day's note as the reason. A closed day never silently leaves shifts behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import Member
from involve_desktop.core.models.rota import RotaAssignment, RotaClosedDate, RotaShift, RotaSite
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.record_version import check_version
from involve_desktop.core.services.rota_dto import (
    ClosedDateInfo,
    SiteInfo,
    SiteInput,
    SiteKind,
    plural,
)
from involve_desktop.core.services.rota_world import counts
from involve_desktop.core.services.transaction import require, transaction
from involve_desktop.core.text import natural_sort_key

MAX_PEERS_LIMIT = 50


def site_info(row: RotaSite) -> SiteInfo:
    """DTO for a site row."""
    return SiteInfo(
        row.id,
        row.name,
        SiteKind(row.kind),
        row.address,
        row.accessibility_notes,
        row.contact,
        row.min_together,
        row.max_peers,
        row.archived,
        version=row.version,
    )


def check_peers(min_peers: int, max_peers: int | None, min_field: str, max_field: str) -> None:
    """Refuse a minimum below 1 or a maximum below the minimum."""
    if not 1 <= min_peers <= MAX_PEERS_LIMIT:
        raise ValidationError(
            min_field, f"Minimum peers together must be between 1 and {MAX_PEERS_LIMIT}."
        )
    if max_peers is not None and not min_peers <= max_peers <= MAX_PEERS_LIMIT:
        raise ValidationError(
            max_field,
            f"Maximum peers must be at least the minimum ({min_peers}), or blank for no maximum.",
        )


def _values(session: Session, data: SiteInput, site_id: int | None) -> dict:
    name = validation.required_text("name", "Site name", data.name, 100)
    query = select(RotaSite.id).where(func.lower(RotaSite.name) == name.lower())
    if site_id is not None:
        query = query.where(RotaSite.id != site_id)
    if session.scalar(query) is not None:
        raise ValidationError(
            "name", f"There is already a site called {name!r} — use another name."
        )
    try:
        kind = SiteKind(data.kind)
    except ValueError:
        raise ValidationError("kind", "Choose ward, community venue or other.") from None
    check_peers(data.min_together, data.max_peers, "min_together", "max_peers")
    return {
        "name": name,
        "kind": kind.value,
        "address": validation.optional_text(data.address, 2000, "address", "Address"),
        "accessibility_notes": validation.optional_text(
            data.accessibility_notes, 2000, "accessibility_notes", "Accessibility notes"
        ),
        "contact": validation.optional_text(data.contact, 500, "contact", "Contact"),
        "min_together": data.min_together,
        "max_peers": data.max_peers,
    }


def _site(session: Session, site_id: int) -> RotaSite:
    row = session.get(RotaSite, site_id)
    if row is None:
        raise NotFound("That site is no longer in the rota. Refresh the list.")
    return row


def create_site(session: Session, actor: Actor, data: SiteInput) -> SiteInfo:
    """Add a site."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        values = _values(session, data, None)
        row = RotaSite(**values)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "rota_site", row.id, audit.created_fields(values))
    return site_info(row)


def update_site(
    session: Session,
    actor: Actor,
    site_id: int,
    data: SiteInput,
    *,
    expected_version: int | None = None,
) -> SiteInfo:
    """Change a site's details (existing shifts keep their own minimum and maximum).

    ``expected_version``: the version the edit started from (RecordChanged if it moved on).
    """
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        row = _site(session, site_id)
        check_version(row, expected_version, what=f"the site {row.name}", by=actor)
        values = _values(session, data, site_id)
        before = {k: getattr(row, k) for k in values}
        for key, value in values.items():
            setattr(row, key, value)
        changes = audit.changes_between(before, values)
        if changes:
            audit.record(session, actor, "update", "rota_site", row.id, changes)
    return site_info(row)


def archive_site(session: Session, actor: Actor, site_id: int, archived: bool = True) -> SiteInfo:
    """Archive a site (no new shifts are generated there) or bring it back."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        row = _site(session, site_id)
        if row.archived != archived:
            audit.record(
                session,
                actor,
                "update",
                "rota_site",
                row.id,
                {"archived": [row.archived, archived]},
            )
            row.archived = archived
    return site_info(row)


def list_sites(session: Session, actor: Actor, include_archived: bool = False) -> list[SiteInfo]:
    """Sites in natural name order ("Venue 3" before "venue 12"), the same on every database:
    sorted here, as SQL cannot order numbers inside names portably (a few dozen sites)."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    query = select(RotaSite)
    if not include_archived:
        query = query.where(RotaSite.archived.is_(False))
    rows = sorted(session.scalars(query), key=lambda row: (natural_sort_key(row.name), row.id))
    return [site_info(row) for row in rows]


@dataclass(frozen=True)
class ShiftsThatDay:
    """The shifts (not already cancelled) at a site on one day, and who is on them."""

    site_name: str
    day: date
    shift_ids: tuple[int, ...]
    staffed: int  # how many of them have someone on
    people: tuple[str, ...]  # who is on them, by name, each once

    def sentence(self) -> str:
        """ "Ward 4 has 3 shifts on Mon 30 Nov 2026 (2 with people on them)."."""
        count = len(self.shift_ids)
        if self.staffed == 0:
            on = "nobody on them yet" if count > 1 else "nobody on it yet"
        elif count == 1:
            on = "with people on it" if len(self.people) > 1 else "with someone on it"
        else:
            on = f"{self.staffed} with people on them"
        return f"{self.site_name} has {plural(count, 'shift')} on {format_date(self.day)} ({on})."


class ShiftsOnClosedDay(ValidationError):
    """Closing the day would leave shifts on it; ``shifts`` says which and who is on them."""

    def __init__(self, shifts: ShiftsThatDay) -> None:
        super().__init__(
            "day",
            f"{shifts.sentence()} Closing the day must cancel them too (they stay on the "
            "rota marked cancelled), or choose another day.",
        )
        self.shifts = shifts


def _shifts_that_day(session: Session, site: RotaSite, day: date) -> ShiftsThatDay:
    shift_ids = tuple(
        session.scalars(
            select(RotaShift.id)
            .where(
                RotaShift.site_id == site.id,
                RotaShift.day == day,
                RotaShift.cancelled.is_(False),
            )
            .order_by(RotaShift.start_time, RotaShift.id)
        )
    )
    staffed: set[int] = set()
    people: dict[int, tuple[str, str]] = {}
    if shift_ids:
        for shift_id, member_id, attendance, full, preferred, sort_name in session.execute(
            select(
                RotaAssignment.shift_id,
                RotaAssignment.member_id,
                RotaAssignment.attendance,
                Member.full_name,
                Member.preferred_name,
                Member.sort_name,
            )
            .join(Member, Member.id == RotaAssignment.member_id)
            .where(RotaAssignment.shift_id.in_(shift_ids))
        ):
            if counts(attendance):
                staffed.add(shift_id)
                people[member_id] = (sort_name or "", display_name(full, preferred))
    names = tuple(name for _key, name in sorted(people.values()))
    return ShiftsThatDay(site.name, day, shift_ids, len(staffed), names)


def shifts_on_day(session: Session, actor: Actor, site_id: int, day: date) -> ShiftsThatDay:
    """The shifts at ``site_id`` on ``day`` not already cancelled, and who is on them."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    return _shifts_that_day(session, _site(session, site_id), day)


def add_closed_date(
    session: Session,
    actor: Actor,
    site_id: int,
    day: date,
    note: str | None = None,
    *,
    cancel_shifts: bool = False,
) -> ClosedDateInfo:
    """Mark a site closed on ``day``: no shift is generated there that day.

    Shifts already there that day are refused with :class:`ShiftsOnClosedDay` unless
    ``cancel_shifts``: then each is cancelled (``rota_shifts.cancel_shift``) with the note as
    the reason (or "<site> closed that day") before the day is marked closed.
    """
    from involve_desktop.core.services import rota_shifts  # it imports this module

    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    clean = validation.optional_text(note, 200, "note", "Note")
    site = _site(session, site_id)
    name = site.name

    def refuse_if_closed() -> None:
        exists = session.scalar(
            select(RotaClosedDate.id).where(
                RotaClosedDate.site_id == site_id, RotaClosedDate.day == day
            )
        )
        if exists is not None:
            raise ValidationError("day", f"{name} is already closed on {format_date(day)}.")

    with transaction(session):  # read only: nothing is written before every check passed
        refuse_if_closed()
        found = _shifts_that_day(session, site, day)
        for shift_id in found.shift_ids if cancel_shifts else ():
            rota_shifts.refuse_cancel(session, shift_id)  # e.g. a past day already worked
    if found.shift_ids and not cancel_shifts:
        raise ShiftsOnClosedDay(found)
    reason = clean or f"{name} closed that day"
    # Each cancel is its own saved change (the shift rule lives in rota_shifts); a failure
    # after some leaves them cancelled and the day open, so trying again finishes the job.
    for shift_id in found.shift_ids:
        rota_shifts.cancel_shift(session, actor, shift_id, reason)
    with transaction(session):
        refuse_if_closed()
        row = RotaClosedDate(site_id=site_id, day=day, note=clean)
        session.add(row)
        session.flush()
        changes: dict[str, object] = {"closed": format_date(day)}
        if found.shift_ids:
            changes["shifts_cancelled"] = len(found.shift_ids)
        audit.record(session, actor, "update", "rota_site", site_id, changes)
    return ClosedDateInfo(row.id, row.site_id, row.day, row.note)


def remove_closed_date(session: Session, actor: Actor, closed_id: int) -> None:
    """Open a site again on a day marked closed; the shifts closing it cancelled (those whose
    reason is still the closing's) are on the rota again, with whoever was on them."""
    from involve_desktop.core.services import rota_shifts  # it imports this module

    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        row = session.get(RotaClosedDate, closed_id)
        if row is None:
            return
        site, day = _site(session, row.site_id), row.day
        reason = row.note or f"{site.name} closed that day"
        cancelled = list(
            session.scalars(
                select(RotaShift.id).where(
                    RotaShift.site_id == site.id,
                    RotaShift.day == day,
                    RotaShift.cancelled.is_(True),
                    RotaShift.cancelled_reason == reason,
                )
            )
        )
        audit.record(
            session, actor, "update", "rota_site", row.site_id, {"reopened": format_date(day)}
        )
        session.delete(row)
    for shift_id in cancelled:
        rota_shifts.reinstate_shift(session, actor, shift_id)


def closed_dates(session: Session, actor: Actor, site_id: int) -> list[ClosedDateInfo]:
    """A site's closed days in date order."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    rows = session.scalars(
        select(RotaClosedDate).where(RotaClosedDate.site_id == site_id).order_by(RotaClosedDate.day)
    )
    return [ClosedDateInfo(r.id, r.site_id, r.day, r.note) for r in rows]
