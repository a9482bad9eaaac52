"""Who sits on a panel: adding and removing people, with the rules checked here.

Decisions (like the rota's hard rules and limits):

- **Hard refusals** (``PanelRefused``, never overridden): the panel is cancelled (no seat
  is added, removed or given a role until it is reinstated); the person is already on it;
  the last person is taken off a held panel (a held panel needs at least one person, as
  ``mark_held`` does); a member must have joined by the panel's day; a lived-experience
  seat needs a member who is active (not stepping back, not left: on a held panel, on its
  day) and whose record does not say they have no lived experience;
  an outside staff member needs a name and job title.
- **Overridable limits** (``PanelRefused(overridable=True)``, ``codes`` naming each;
  all named at once): anyone already on another panel that day (not cancelled) — two
  interviews in a day is a lot, but sometimes agreed; and a lived-experience member
  needs recruitment-panel training current on the panel day (completed on or before it,
  and no expiry or expiring on or after it). A coordinator may seat them anyway with a
  reason — e.g. a refresher booked the week before — which is kept on the seat and in
  the audit trail. Training often lapses by weeks, and the coordinator knows the person;
  a refusal with no way round would push them to record it falsely.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.models.people import Member, StatusChange, TrainingRecord
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit, reference_lists
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import refuse_erased
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.panels import MANAGE, load_panel, panel_info
from involve_desktop.core.services.panels_dto import (
    PanelInfo,
    PanelRefused,
    PanelStatus,
    SeatInput,
    SeatKind,
)
from involve_desktop.core.services.rota_rules import STATUS_WORDS
from involve_desktop.core.services.transaction import require, transaction
from involve_desktop.core.text import sort_key

PANEL_TRAINING = "recruitment_panel"


def training_expiry(
    session: Session, member_ids: set[int] | None, day: date
) -> dict[int, date | None]:
    """Each member's latest recruitment-panel training expiry (None: does not expire), of
    training completed on or before ``day``; members with no such training are left out.
    ``member_ids`` None reads everyone's."""
    if member_ids is not None and not member_ids:
        return {}
    type_id = reference_lists.training_type_id(session, PANEL_TRAINING)
    query = select(TrainingRecord.member_id, TrainingRecord.expires_on).where(
        TrainingRecord.training_type_id == type_id, TrainingRecord.completed_on <= day
    )
    if member_ids is not None:
        query = query.where(TrainingRecord.member_id.in_(sorted(member_ids)))
    found: dict[int, date | None] = {}
    for member_id, expires in session.execute(query):
        known = found.get(member_id, date.min)
        if member_id not in found or (known is not None and (expires is None or expires > known)):
            found[member_id] = expires
    return found


def training_problem(name: str, expiry: dict[int, date | None], member_id: int, day: date) -> str:
    """Why the member's recruitment-panel training is not current on ``day`` ("" if it is)."""
    if member_id not in expiry:
        return f"{name} has no recruitment panel training recorded by {format_date(day)}."
    expires = expiry[member_id]
    if expires is not None and expires < day:
        return f"{name}'s recruitment panel training expired on {format_date(expires)}."
    return ""


def _member(session: Session, member_id: int | None) -> Member:
    if member_id is None:
        raise ValidationError("member", "Choose who is sitting on the panel.")
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound("That member is no longer in the records. Refresh the list.")
    refuse_erased(session, [member_id], "member", "given a panel seat")
    return member


def _status_for(session: Session, panel: Panel, member: Member) -> str:
    """The member's status that decides whether they may sit: today's for a panel to come;
    for a held panel, the one they had on its day (recording who really sat is a
    correction, and someone who has stepped back since did sit then)."""
    if panel.status != PanelStatus.HELD.value:
        return member.status
    then = session.scalar(
        select(StatusChange.status)
        .where(StatusChange.member_id == member.id, StatusChange.effective_on <= panel.day)
        .order_by(StatusChange.effective_on.desc(), StatusChange.id.desc())
        .limit(1)
    )
    return then or member.status


def _joined_by_the_day(panel: Panel, member: Member, name: str) -> None:
    """Refuse a member who joined after the panel's day (only a panel already past can be
    before it): they cannot have sat on it as a member, whatever their status is now."""
    if member.date_joined > panel.day:
        raise PanelRefused(
            f"{name} joined on {format_date(member.date_joined)}, after this panel's day "
            f"({format_date(panel.day)}), so cannot have sat on it as a member: check their "
            "Date joined or the panel's day, or add them as someone from outside.",
            "not_joined",
        )


def _hard_lived_rules(member: Member, name: str, status: str) -> None:
    """The hard rules of a lived-experience seat: active (``status``, see ``_status_for``),
    not recorded as without lived experience."""
    if status != "active":
        words = STATUS_WORDS.get(status, f"is {status}")
        raise PanelRefused(f"{name} {words}, so cannot sit on panels.", "not_active")
    if member.lived_experience is False:
        raise PanelRefused(
            f"{name}'s record says they do not have lived experience: add them as staff, "
            "or correct their record first.",
            "not_lived",
        )


def _same_day(session: Session, panel: Panel, member_id: int, name: str) -> str:
    """ "Aisha Khan is already on the panel for Team Leader that day." ("" if not)."""
    other = session.scalar(
        select(Panel.post_title)
        .join(PanelSeat, PanelSeat.panel_id == Panel.id)
        .where(
            PanelSeat.member_id == member_id,
            Panel.day == panel.day,
            Panel.id != panel.id,
            Panel.status != PanelStatus.CANCELLED.value,
        )
        .limit(1)
    )
    return f"{name} is already on the panel for {other} that day." if other else ""


def _limits(
    session: Session,
    panel: Panel,
    member: Member,
    name: str,
    kind: SeatKind,
    override: bool,
    reason: str | None,
) -> str | None:
    """Check the overridable limits; the sentences overridden, if any (else refuse)."""
    problems = []
    if kind is SeatKind.LIVED_EXPERIENCE:
        expiry = training_expiry(session, {member.id}, panel.day)
        problems.append(("training", training_problem(name, expiry, member.id, panel.day)))
    problems.append(("same_day", _same_day(session, panel, member.id, name)))
    found = [(code, text) for code, text in problems if text]
    if not found:
        return None
    message = " ".join(text for _, text in found)
    if not (override and reason):
        ask = " Give a reason to seat them anyway." if override else ""
        raise PanelRefused(
            f"{message}{ask}", found[0][0], overridable=True, codes=tuple(c for c, _ in found)
        )
    return message


CANCELLED = "This panel was cancelled; reinstate it first to change its seats."


def _not_cancelled(panel: Panel) -> None:
    """Refuse any change to the seats of a cancelled panel."""
    if panel.status == PanelStatus.CANCELLED.value:
        raise PanelRefused(CANCELLED, "cancelled")


def _seat_row(session: Session, seat_id: int) -> PanelSeat:
    row = session.get(PanelSeat, seat_id)
    if row is None:
        raise NotFound("That person is no longer on the panel. Refresh the panel.")
    _not_cancelled(row.panel)
    return row


def add_seat(
    session: Session,
    actor: Actor,
    panel_id: int,
    data: SeatInput,
    *,
    override: bool = False,
    override_reason: str | None = None,
) -> PanelInfo:
    """Seat someone on a panel; returns the panel with its new policy check.

    Raises ``PanelRefused`` naming the person and the reason; a training limit can be
    passed with ``override=True`` and a reason (kept on the seat and audited).
    """
    require(session, actor, Permission.MANAGE_PANELS, MANAGE)
    reason = validation.optional_text(override_reason, 500, "override_reason", "Reason")
    role = validation.optional_text(data.panel_role, 100, "panel_role", "Role on the panel")
    try:
        kind = SeatKind(data.kind)
    except ValueError:
        raise ValidationError("kind", "Choose lived-experience panel member or staff.") from None
    with transaction(session):
        panel = load_panel(session, panel_id)
        _not_cancelled(panel)
        outside_name = job_title = overridden = None
        if kind is SeatKind.STAFF and data.member_id is None:
            outside_name = validation.required_text("outside_name", "Name", data.outside_name, 200)
            job_title = validation.required_text("job_title", "Job title", data.job_title, 200)
            name = outside_name
            for seat in panel.seats:
                if seat.member_id is None and sort_key(seat.outside_name or "") == sort_key(name):
                    raise PanelRefused(
                        f"{seat.outside_name} is already on this panel.", "already_on"
                    )
        else:
            member = _member(session, data.member_id)
            name = display_name(member.full_name, member.preferred_name)
            job_title = validation.optional_text(data.job_title, 200, "job_title", "Job title")
            already = session.scalar(
                select(PanelSeat.id).where(
                    PanelSeat.panel_id == panel.id, PanelSeat.member_id == member.id
                )
            )
            if already is not None:
                raise PanelRefused(f"{name} is already on this panel.", "already_on")
            _joined_by_the_day(panel, member, name)
            status = _status_for(session, panel, member)
            if kind is SeatKind.LIVED_EXPERIENCE:
                job_title = None
                _hard_lived_rules(member, name, status)
            elif status == "left":
                raise PanelRefused(
                    f"{name} has left the group, so cannot sit on panels as a member. If they "
                    "sit for another organisation, add them as someone from outside.",
                    "not_active",
                )
            overridden = _limits(session, panel, member, name, kind, override, reason)
        row = PanelSeat(
            panel_id=panel.id,
            kind=kind.value,
            member_id=data.member_id if outside_name is None else None,
            outside_name=outside_name,
            job_title=job_title,
            panel_role=role,
            override_reason=reason if overridden else None,
            added_by=actor.display_name,
        )
        session.add(row)
        session.flush()
        changes: dict[str, object] = {"seated": name, "as": kind.label}
        if role:
            changes["role"] = role
        if overridden:
            changes |= {"over limit": overridden, "override reason": reason}
        audit.record(session, actor, "update", "panel", panel.id, changes)
        info = panel_info(session, panel)
    return info


def remove_seat(session: Session, actor: Actor, seat_id: int) -> PanelInfo:
    """Take someone off a panel (audited on the panel); not on a cancelled panel, nor the
    last person on a held one."""
    require(session, actor, Permission.MANAGE_PANELS, MANAGE)
    with transaction(session):
        row = _seat_row(session, seat_id)
        panel = row.panel
        name = row.outside_name or ""
        if row.member_id is not None:
            member = session.get(Member, row.member_id)
            name = display_name(member.full_name, member.preferred_name) if member else ""
        others = session.scalar(
            select(PanelSeat.id)
            .where(PanelSeat.panel_id == panel.id, PanelSeat.id != row.id)
            .limit(1)
        )
        if panel.status == PanelStatus.HELD.value and others is None:
            raise PanelRefused(
                f"A held panel needs at least one person; {name or 'this person'} is the only "
                "one recorded. Add whoever else sat on it first, then take them off.",
                "last_on_held",
            )
        audit.record(session, actor, "update", "panel", panel.id, {"removed": name})
        session.delete(row)
        session.flush()
        session.expire(panel, ["seats"])
        info = panel_info(session, panel)
    return info


def set_seat_role(
    session: Session, actor: Actor, seat_id: int, panel_role: str | None
) -> PanelInfo:
    """Change someone's role on the panel ("Chair"; blank for none); not on a cancelled
    panel."""
    require(session, actor, Permission.MANAGE_PANELS, MANAGE)
    role = validation.optional_text(panel_role, 100, "panel_role", "Role on the panel")
    with transaction(session):
        row = _seat_row(session, seat_id)
        if row.panel_role != role:
            audit.record(
                session,
                actor,
                "update",
                "panel",
                row.panel_id,
                {"seat role": [row.panel_role, role]},
            )
            row.panel_role = role
        info = panel_info(session, row.panel)
    return info
