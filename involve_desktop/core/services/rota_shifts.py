"""Reading shifts with who is on them and their coverage; one-off shifts; cancelling.

A cancelled shift stays on the rota (with its reason) so people see it was cancelled; it is
never a gap and nobody can be put on it. Coverage counts assignments not recorded as "did
not attend" or "cancelled".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import Member, MemberRole, RoleType, TrainingType
from involve_desktop.core.models.rota import (
    RotaAssignment,
    RotaClosedDate,
    RotaShift,
    RotaSite,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.names_apart import telling_apart
from involve_desktop.core.services.record_version import check_version
from involve_desktop.core.services.reference_lists import training_type_id
from involve_desktop.core.services.rota_attendance import pay_line_status
from involve_desktop.core.services.rota_dto import (
    AssigneeInfo,
    Attendance,
    Refusal,
    ShiftView,
    hhmm,
    plural,
)
from involve_desktop.core.services.rota_rules import (
    RotaRefused,
    coverage_state,
    outside_availability,
    person_refusal,
)
from involve_desktop.core.services.rota_sites import check_peers
from involve_desktop.core.services.rota_world import (
    away_on_shifts,
    counts,
    load_world,
    person_name,
    slot_of,
    which_shifts,
)
from involve_desktop.core.services.transaction import require, transaction
from involve_desktop.core.text import natural_sort_key


def _bank_days(
    session: Session, member_ids: set[int], start: date, end: date
) -> Callable[[int, date], bool]:
    """A test "is this person only a bank peer supporter on this day?" for the range."""
    rows = session.execute(
        select(MemberRole.member_id, RoleType.code, MemberRole.start_on, MemberRole.end_on)
        .join(RoleType, RoleType.id == MemberRole.role_type_id)
        .where(
            MemberRole.member_id.in_(member_ids),
            RoleType.code.in_(("peer_supporter", "bank_peer_supporter")),
            MemberRole.start_on <= end,
            (MemberRole.end_on.is_(None)) | (MemberRole.end_on >= start),
        )
    ).all()
    roles: dict[int, list[tuple[str, date, date | None]]] = defaultdict(list)
    for member_id, code, first, last in rows:
        roles[member_id].append((code, first, last))

    def bank_only(member_id: int, day: date) -> bool:
        codes = {
            c
            for c, first, last in roles.get(member_id, ())
            if first <= day and (last is None or day <= last)
        }
        return codes == {"bank_peer_supporter"}

    return bank_only


def shift_views(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    *,
    site_id: int | None = None,
    shift_ids: list[int] | None = None,
    today: date | None = None,
) -> list[ShiftView]:
    """Shifts from ``start`` to ``end`` (or just ``shift_ids``) in time order, with who is on
    each (names in order) and its coverage state. On shifts from ``today`` (default: today)
    on, someone who has left, is stepping back or has time off that day is listed with
    ``away`` saying so and does not count toward cover."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    today = today or date.today()
    query = (
        select(RotaShift, RotaSite.name, TrainingType.name)
        .join(RotaSite, RotaSite.id == RotaShift.site_id)
        .outerjoin(TrainingType, TrainingType.id == RotaShift.required_training_type_id)
        .order_by(RotaShift.day, RotaShift.start_time, RotaSite.name, RotaShift.id)
    )
    rows = session.execute(which_shifts(query, start, end, shift_ids, site_id)).all()
    # Sites at the same time in natural order ("Venue 3" before "Venue 12"), as list_sites.
    rows.sort(key=lambda r: (r[0].day, r[0].start_time, natural_sort_key(r[1]), r[0].id))
    ids = [row.id for row, _, _ in rows]
    people: dict[int, list[tuple]] = defaultdict(list)
    members: set[int] = set()
    for a, full, preferred in session.execute(
        select(RotaAssignment, Member.full_name, Member.preferred_name)
        .join(Member, Member.id == RotaAssignment.member_id)
        .where(RotaAssignment.shift_id.in_(ids))
        .order_by(Member.sort_name, Member.id)
    ):
        people[a.shift_id].append((a, display_name(full, preferred)))
        members.add(a.member_id)
    if members:
        first = min((row.day for row, _, _ in rows), default=start)
        last = max((row.day for row, _, _ in rows), default=end)
        bank = _bank_days(session, members, first, last)
        away = away_on_shifts(session, start, end, today=today, shift_ids=ids)
    else:
        bank = lambda member_id, day: False  # noqa: E731
        away = {}
    # Two people of the same name on these shifts (the week shown) are told apart.
    apart = telling_apart(session, {a.member_id: name for on in people.values() for a, name in on})
    views = []
    for row, site, training in rows:
        slot = slot_of(row, site, training)
        assignees = tuple(
            AssigneeInfo(
                a.id,
                a.member_id,
                name,
                bank(a.member_id, row.day),
                a.override_reason,
                Attendance(a.attendance) if a.attendance else None,
                a.actual_minutes,
                away.get(row.id, {}).get(a.member_id),
                apart.get(a.member_id),
            )
            for a, name in people.get(row.id, ())
        )
        count = sum(1 for a in assignees if counts(a.attendance) and a.away is None)
        views.append(
            ShiftView(
                slot,
                assignees,
                coverage_state(count, row.min_peers, row.max_peers),
                row.cancelled_reason,
                version=row.version,
            )
        )
    return views


def shift_view(session: Session, actor: Actor, shift_id: int) -> ShiftView:
    """One shift with who is on it."""
    found = shift_views(session, actor, date.min, date.max, shift_ids=[shift_id])
    if not found:
        raise NotFound("That shift is no longer on the rota. Refresh the rota.")
    return found[0]


def refuse_closed_day(session: Session, site: RotaSite, day: date) -> None:
    """Refuse a shift on a day the site is marked closed, naming the day and its note."""
    closed = session.execute(
        select(RotaClosedDate.id, RotaClosedDate.note).where(
            RotaClosedDate.site_id == site.id, RotaClosedDate.day == day
        )
    ).first()
    if closed is None:
        return
    note = f" ({closed.note})" if closed.note else ""
    raise ValidationError(
        "day",
        f"{site.name} is closed on {format_date(day)}{note}. Choose another day, or first "
        "open the site again that day (Set up sites → Closed days → Open again).",
    )


def add_shift(
    session: Session,
    actor: Actor,
    site_id: int,
    day: date,
    start_time: time,
    end_time: time,
    min_peers: int | None = None,
    max_peers: int | None = None,
    required_training_type_id: int | None = None,
    *,
    no_training_required: bool = False,
) -> int:
    """Add a one-off shift (not from a pattern); peers default to the site's, training to
    peer support unless ``no_training_required``. Returns the shift id."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        site = session.get(RotaSite, site_id)
        if site is None:
            raise ValidationError("site", "Choose a site from the list.")
        if start_time == end_time:
            raise ValidationError("end_time", "End time must differ from the start.")
        refuse_closed_day(session, site, day)
        low = min_peers if min_peers is not None else site.min_together
        high = max_peers if max_peers is not None else site.max_peers
        check_peers(low, high, "min_peers", "max_peers")
        row = RotaShift(
            site_id=site.id,
            day=day,
            start_time=start_time,
            end_time=end_time,
            min_peers=low,
            max_peers=high,
            required_training_type_id=None
            if no_training_required
            else required_training_type_id or training_type_id(session, "peer_support"),
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "create",
            "rota_shift",
            row.id,
            {
                "site": site.name,
                "day": day.isoformat(),
                "start": hhmm(start_time),
                "end": hhmm(end_time),
            },
        )
    return row.id


def refuse_cancel(session: Session, shift_id: int) -> RotaShift:
    """The shift, unless it cannot be cancelled: someone is recorded as having worked it, or
    has a pay line for it (a cancelled shift would leave that line paying)."""
    row = session.get(RotaShift, shift_id)
    if row is None:
        raise NotFound("That shift is no longer on the rota. Refresh the rota.")
    for a in row_assignments(session, shift_id):
        if a.attendance == Attendance.WORKED.value or pay_line_status(session, a.id):
            raise ValidationError(
                "reason",
                f"{person_name(session, a.member_id)} is recorded as having worked the "
                f"{row.site.name} shift on {format_date(row.day)} (or has a pay line for it), "
                "so it cannot be cancelled. If it did not happen, record each person's "
                "outcome as cancelled with Record outcome instead.",
            )
    return row


def cancel_shift(session: Session, actor: Actor, shift_id: int, reason: str) -> None:
    """Cancel a shift with a reason (it stays on the rota, marked cancelled); not once it
    was worked (``refuse_cancel``)."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    clean = validation.required_text("reason", "Reason for cancelling", reason, 500)
    with transaction(session):
        row = refuse_cancel(session, shift_id)
        row.cancelled, row.cancelled_reason = True, clean
        audit.record(session, actor, "update", "rota_shift", row.id, {"cancelled": clean})


def reinstate_shift(session: Session, actor: Actor, shift_id: int) -> None:
    """Undo a cancellation: the shift is on the rota again, with whoever was on it."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        row = session.get(RotaShift, shift_id)
        if row is None:
            raise NotFound("That shift is no longer on the rota. Refresh the rota.")
        if row.cancelled:
            audit.record(
                session, actor, "update", "rota_shift", row.id, {"reinstated": row.cancelled_reason}
            )
            row.cancelled, row.cancelled_reason = False, None


def update_shift(
    session: Session,
    actor: Actor,
    shift_id: int,
    start_time: time,
    end_time: time,
    min_peers: int,
    max_peers: int | None,
    required_training_type_id: int | None,
    *,
    expected_version: int | None = None,
) -> None:
    """Change one shift's times, peers or training (its pattern and other shifts stay as
    they are). Refused when someone already on it could no longer do it (training, time
    off, another shift at the new time, or new times outside their weekly availability —
    unless they were put on with a recorded reason) or when more are on it than the new
    maximum: take them off first."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    if start_time == end_time:
        raise ValidationError("end_time", "End time must differ from the start.")
    check_peers(min_peers, max_peers, "min_peers", "max_peers")
    with transaction(session):
        row = session.get(RotaShift, shift_id, with_for_update=True)
        if row is None:
            raise NotFound("That shift is no longer on the rota. Refresh the rota.")
        if row.cancelled:
            raise ValidationError("shift", "This shift is cancelled; it cannot be changed.")
        check_version(row, expected_version, what=f"the shift on {format_date(row.day)}", by=actor)
        before = {
            "start": hhmm(row.start_time),
            "end": hhmm(row.end_time),
            "min_peers": row.min_peers,
            "max_peers": row.max_peers,
            "training": row.required_training_type_id,
        }
        row.start_time, row.end_time = start_time, end_time
        row.min_peers, row.max_peers = min_peers, max_peers
        row.required_training_type_id = required_training_type_id
        session.flush()
        on_it = [a for a in row_assignments(session, shift_id) if counts(a.attendance)]
        if max_peers is not None and len(on_it) > max_peers:
            raise ValidationError(
                "max_peers",
                f"{len(on_it)} people are on this shift; take someone off before lowering "
                f"the maximum to {max_peers}.",
            )
        people = {a.member_id for a in on_it}
        agreed = {a.member_id for a in on_it if a.override_reason}  # put on despite a limit
        moved = (before["start"], before["end"]) != (hhmm(start_time), hhmm(end_time))
        if people:
            world = load_world(session, row.day, row.day, shift_ids=[shift_id], member_ids=people)
            shift = world.shifts[shift_id]
            for member_id in sorted(people, key=lambda m: world.people[m].name):
                person = world.people[member_id]
                refusal = person_refusal(person, shift, world.ledger)
                if refusal is None and moved and member_id not in agreed:
                    refusal = outside_availability(person, shift)
                if refusal is not None:
                    raise RotaRefused(
                        Refusal(
                            refusal.code,
                            f"{refusal.message} Take them off the shift first, or keep the "
                            "old details.",
                        )
                    )
        after = {
            "start": hhmm(start_time),
            "end": hhmm(end_time),
            "min_peers": min_peers,
            "max_peers": max_peers,
            "training": required_training_type_id,
        }
        changes = audit.changes_between(before, after)
        if changes:
            audit.record(session, actor, "update", "rota_shift", row.id, changes)


def row_assignments(session: Session, shift_id: int) -> list[RotaAssignment]:
    """The assignment rows of one shift."""
    return list(session.scalars(select(RotaAssignment).where(RotaAssignment.shift_id == shift_id)))


def person_shifts(
    session: Session, actor: Actor, member_id: int, start: date, end: date
) -> list[ShiftView]:
    """The shifts ``member_id`` is on from ``start`` to ``end``, in time order (with what
    was recorded afterwards)."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    if end < start:
        raise ValidationError("end", "The end date must be on or after the start date.")
    ids = list(
        session.scalars(
            select(RotaAssignment.shift_id)
            .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
            .where(
                RotaAssignment.member_id == member_id,
                RotaShift.day >= start,
                RotaShift.day <= end,
            )
        )
    )
    return shift_views(session, actor, start, end, shift_ids=ids) if ids else []


def shifts_ahead(
    session: Session,
    actor: Actor,
    member_id: int,
    *,
    first: date | None = None,
    last: date | None = None,
    today: date | None = None,
) -> int:
    """How many shifts (not cancelled, nothing recorded yet) ``member_id`` is on from today
    (default: today) on, or from ``first`` to ``last`` (never before today): what needs
    cover when they leave, step back or take time off. Coordinators only."""
    require(session, actor, Permission.MANAGE_ROTA, "see who needs cover on the rota")
    today = today or date.today()
    query = (
        select(func.count(RotaAssignment.id))
        .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
        .where(
            RotaAssignment.member_id == member_id,
            RotaAssignment.attendance.is_(None),
            RotaShift.cancelled.is_(False),
            RotaShift.day >= max(first or today, today),
        )
    )
    if last is not None:
        query = query.where(RotaShift.day <= last)
    return session.scalar(query) or 0


def cover_needed_note(name: str, count: int, during: str = "from today") -> str | None:
    """ "Zoë Clarke is on 9 shifts from today. …" — what to tell a coordinator who has just
    set someone to left or stepping back (or added time off, ``during`` "in that time off");
    None when they are on no shifts."""
    if count == 0:
        return None
    return (
        f"{name} is on {plural(count, 'shift')} {during}. They no longer count toward those "
        f"shifts' cover, so the shifts now show as gaps if no one else covers them: take "
        f"{name} off them or find cover in the Rota."
    )
