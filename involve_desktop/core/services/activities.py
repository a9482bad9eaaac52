"""4PI involvement activity records: create, change, delete, list and read one.

Coordinators only (MANAGE_INVOLVEMENT to change, VIEW_INVOLVEMENT to see); every change is
audited (entity ``involvement_activity``). Each returned activity carries ``gaps``, the
4PI completeness check ("Impact not recorded yet", "No feedback given back yet"…), so any
list can flag what is still to do. An activity is recorded once it has taken place (a date
after today is refused: who came and what changed are not known yet), and it cannot count
carers or families present while listing them among the groups missing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.activities import (
    InvolvementActivity,
    InvolvementActivityMember,
    YouSaidEntry,
)
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.activities_dto import (
    ActivityFilter,
    ActivityInfo,
    ActivityInput,
    ActivityKind,
    ImpactStatus,
    PaymentOffered,
    PersonPresent,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_people import name_order, names_of
from involve_desktop.core.services.transaction import require, transaction

MANAGE = "change involvement activity records"
SEE = "see involvement activity records"
ENTITY = "involvement_activity"
MAX_COUNT = 10_000
LONG = 4000
STALE = (
    "Someone else changed this record since you opened it. Close it and open it again to "
    "see their changes, then make yours."
)
COUNT_LABELS = {
    "staff_count": "Staff",
    "carers_count": "Carers and families",
    "others_count": "Other people",
    "others_lived_experience": "Others with lived experience",
}


def gaps_of(row: InvolvementActivity, members_present: int) -> tuple[str, ...]:
    """What the 4PI record still lacks, in the order a coordinator would fill it in."""
    gaps = []
    if not (row.purpose or "").strip():
        gaps.append("Purpose not recorded yet")
    if members_present + row.staff_count + row.carers_count + row.others_count == 0:
        gaps.append("Presence not recorded yet")
    if row.impact_status == ImpactStatus.WAITING.value and not (
        (row.impact_services or "").strip() or (row.impact_people or "").strip()
    ):
        gaps.append("Impact not recorded yet")
    if row.feedback_on is None:
        gaps.append("No feedback given back yet")
    return tuple(gaps)


def _missing(text: str | None) -> tuple[str, ...]:
    return tuple(line for line in (text or "").splitlines() if line.strip())


def activity_infos(session: Session, rows: Sequence[InvolvementActivity]) -> list[ActivityInfo]:
    """DTOs for activity rows (members present read in one query)."""
    ids = [row.id for row in rows]
    present: dict[int, list[int]] = {i: [] for i in ids}
    if ids:
        for activity_id, member_id in session.execute(
            select(
                InvolvementActivityMember.activity_id, InvolvementActivityMember.member_id
            ).where(InvolvementActivityMember.activity_id.in_(ids))
        ):
            present[activity_id].append(member_id)
    everyone = {m for ms in present.values() for m in ms}
    names = names_of(session, everyone)
    lived = set(
        session.scalars(
            select(Member.id).where(Member.id.in_(everyone), Member.lived_experience.is_(True))
        )
        if everyone
        else ()
    )
    infos = []
    for row in rows:
        people = sorted(
            (PersonPresent(m, names.get(m, "")) for m in present[row.id]),
            key=lambda p: name_order(p.name, p.member_id),
        )
        infos.append(
            ActivityInfo(
                id=row.id,
                title=row.title,
                kind=ActivityKind(row.kind),
                day=row.day,
                asked_by=row.asked_by,
                purpose=row.purpose,
                members=tuple(people),
                staff_count=row.staff_count,
                carers_count=row.carers_count,
                others_count=row.others_count,
                others_lived_experience=row.others_lived_experience,
                missing_groups=_missing(row.missing_groups),
                roles=row.roles,
                preparation=row.preparation,
                accessibility=row.accessibility,
                support=row.support,
                payment=PaymentOffered(row.payment),
                payment_note=row.payment_note,
                feedback_on=row.feedback_on,
                feedback_how=row.feedback_how,
                impact_services=row.impact_services,
                impact_people=row.impact_people,
                impact_status=ImpactStatus(row.impact_status),
                impact_reason=row.impact_reason,
                version=row.version,
                gaps=gaps_of(row, len(people)),
                members_lived_experience=sum(1 for m in present[row.id] if m in lived),
            )
        )
    return infos


def load_activity(session: Session, activity_id: int) -> InvolvementActivity:
    """The activity row, or NotFound."""
    row = session.get(InvolvementActivity, activity_id)
    if row is None:
        raise NotFound("That activity is no longer in the records. Refresh the list.")
    return row


def _count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise ValidationError(
            name, f"{COUNT_LABELS[name]} must be a whole number from 0 to {MAX_COUNT:,}."
        )
    return value


def _text(data: ActivityInput, name: str, label: str, limit: int = LONG) -> str | None:
    return validation.optional_text(getattr(data, name), limit, name, label)


def _missing_groups(groups: Sequence[str]) -> str | None:
    kept: list[str] = []
    for group in groups:
        text = " ".join((group or "").split())
        if len(text) > 100:
            raise ValidationError("missing_groups", "Keep each missing group under 100 characters.")
        if text and text.casefold() not in {k.casefold() for k in kept}:
            kept.append(text)
    return "\n".join(kept) or None


# A group written under "Groups missing" that names carers or families (any spelling).
_CARERS = re.compile(r"\b(carers?|famil(y|ies))\b", re.IGNORECASE)


def _check_presence(data: ActivityInput, carers: int, today: date) -> None:
    """An activity record is of something that took place, and it cannot say carers came
    and that carers were missing."""
    if data.day > today:
        raise ValidationError(
            "day",
            f"{format_date(data.day)} is after today: record an activity once it has taken "
            "place, when you know who came and what changed.",
        )
    named = [g.strip() for g in data.missing_groups if _CARERS.search(g or "")]
    if carers and named:
        raise ValidationError(
            "missing_groups",
            f"{carers} carer{'s' if carers != 1 else ''} or family member"
            f"{'s' if carers != 1 else ''} came, yet “{named[0]}” is listed as missing. "
            "Take it off the missing groups, or set Carers and families present to 0.",
        )


def _values(data: ActivityInput, today: date) -> dict[str, object]:
    title = validation.required_text("title", "Title", data.title, 200)
    try:
        kind = ActivityKind(data.kind)
    except ValueError:
        raise ValidationError("kind", "Choose what kind of activity it was.") from None
    if not isinstance(data.day, date):
        raise ValidationError("day", "Give the date of the activity — for example 3 Mar 2026.")
    counts = {name: _count(name, getattr(data, name)) for name in COUNT_LABELS}
    _check_presence(data, counts["carers_count"], today)
    others = counts["staff_count"] + counts["carers_count"] + counts["others_count"]
    if counts["others_lived_experience"] > others:
        raise ValidationError(
            "others_lived_experience",
            f"Only {others} staff, carers and other people were present, so no more than "
            f"{others} of them can have lived experience.",
        )
    payment = PaymentOffered(data.payment)
    note = _text(data, "payment_note", "Payment note", 500)
    if payment is PaymentOffered.NO and not note:
        raise ValidationError(
            "payment_note", "Payment was not offered: say why in the payment note."
        )
    feedback_how = _text(data, "feedback_how", "How feedback was given", 500)
    if data.feedback_on is not None:
        if data.feedback_on < data.day:
            raise ValidationError(
                "feedback_on",
                f"Feedback is given back after the activity ({format_date(data.day)}) — "
                "check the date.",
            )
        validation.not_in_future(data.feedback_on, "feedback_on", "The feedback date", today)
        if not feedback_how:
            raise ValidationError(
                "feedback_how", "Say how feedback was given back — for example by email."
            )
    elif feedback_how:
        raise ValidationError(
            "feedback_on", "Give the date feedback was given back, or clear how it was given."
        )
    status = ImpactStatus(data.impact_status)
    services = _text(data, "impact_services", "What changed for services")
    people = _text(data, "impact_people", "What changed for the people involved")
    reason = _text(data, "impact_reason", "Reason", 500)
    if status is ImpactStatus.CHANGED and not (services or people):
        raise ValidationError(
            "impact_services",
            "Say what changed — for services, for the people involved, or both.",
        )
    if status is ImpactStatus.NO_CHANGE and not reason:
        raise ValidationError("impact_reason", "Nothing changed: say why, as far as you know.")
    return {
        "title": title,
        "kind": kind.value,
        "day": data.day,
        "asked_by": _text(data, "asked_by", "Who asked for it", 200),
        "purpose": _text(data, "purpose", "Purpose"),
        **counts,
        "missing_groups": _missing_groups(data.missing_groups),
        "roles": _text(data, "roles", "Roles"),
        "preparation": _text(data, "preparation", "Preparation"),
        "accessibility": _text(data, "accessibility", "Accessibility"),
        "support": _text(data, "support", "Support offered"),
        "payment": payment.value,
        "payment_note": note,
        "feedback_on": data.feedback_on,
        "feedback_how": feedback_how,
        "impact_services": services,
        "impact_people": people,
        "impact_status": status.value,
        "impact_reason": reason if status is ImpactStatus.NO_CHANGE else None,
    }


def _member_ids(session: Session, ids: Sequence[int]) -> list[int]:
    wanted = sorted(set(ids))
    if wanted:
        found = set(session.scalars(select(Member.id).where(Member.id.in_(wanted))))
        if found != set(wanted):
            raise ValidationError(
                "member_ids", "Someone picked is no longer in the records. Pick again."
            )
    return wanted


def _set_members(session: Session, row: InvolvementActivity, ids: list[int]) -> None:
    current = {m.member_id: m for m in row.members}
    for member_id, link in current.items():
        if member_id not in ids:
            row.members.remove(link)
    for member_id in ids:
        if member_id not in current:
            row.members.append(InvolvementActivityMember(member_id=member_id))
    session.flush()


def create_activity(
    session: Session, actor: Actor, data: ActivityInput, *, today: date | None = None
) -> ActivityInfo:
    """Record a new involvement activity."""
    require(session, actor, Permission.MANAGE_INVOLVEMENT, MANAGE)
    values = _values(data, today or date.today())
    with transaction(session):
        ids = _member_ids(session, data.member_ids)
        row = InvolvementActivity(**values)
        session.add(row)
        session.flush()
        _set_members(session, row, ids)
        audit.record(
            session,
            actor,
            "create",
            ENTITY,
            row.id,
            audit.created_fields({**values, "members": ids}),
        )
        info = activity_infos(session, [row])[0]
    return info


def update_activity(
    session: Session,
    actor: Actor,
    activity_id: int,
    data: ActivityInput,
    *,
    today: date | None = None,
) -> ActivityInfo:
    """Change an activity record (refused if someone else saved it since ``data.version``)."""
    require(session, actor, Permission.MANAGE_INVOLVEMENT, MANAGE)
    values = _values(data, today or date.today())
    with transaction(session):
        row = load_activity(session, activity_id)
        if data.version is not None and data.version != row.version:
            raise ValidationError("version", STALE)
        ids = _member_ids(session, data.member_ids)
        before = {name: getattr(row, name) for name in values}
        before["members"] = sorted(m.member_id for m in row.members)
        for name, value in values.items():
            setattr(row, name, value)
        _set_members(session, row, ids)
        changes = audit.changes_between(before, {**values, "members": ids})
        if changes:
            audit.record(session, actor, "update", ENTITY, row.id, changes)
        session.flush()
        info = activity_infos(session, [row])[0]
    return info


def delete_activity(session: Session, actor: Actor, activity_id: int) -> None:
    """Delete an activity record; you said, we did entries linked to it are kept, unlinked."""
    require(session, actor, Permission.MANAGE_INVOLVEMENT, MANAGE)
    with transaction(session):
        row = load_activity(session, activity_id)
        session.execute(
            update(YouSaidEntry).where(YouSaidEntry.activity_id == row.id).values(activity_id=None)
        )
        audit.record(
            session,
            actor,
            "delete",
            ENTITY,
            row.id,
            audit.created_fields({"title": row.title, "day": row.day}),
        )
        session.delete(row)


def get_activity(session: Session, actor: Actor, activity_id: int) -> ActivityInfo:
    """One activity record."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, SEE)
    return activity_infos(session, [load_activity(session, activity_id)])[0]


def list_activities(
    session: Session, actor: Actor, chosen: ActivityFilter | None = None
) -> list[ActivityInfo]:
    """Activities, newest first, narrowed by ``chosen`` (dates, kind, text, incomplete)."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, SEE)
    chosen = chosen or ActivityFilter()
    query = select(InvolvementActivity)
    if chosen.start is not None:
        query = query.where(InvolvementActivity.day >= chosen.start)
    if chosen.end is not None:
        query = query.where(InvolvementActivity.day <= chosen.end)
    if chosen.kind is not None:
        query = query.where(InvolvementActivity.kind == ActivityKind(chosen.kind).value)
    rows = session.scalars(
        query.order_by(InvolvementActivity.day.desc(), InvolvementActivity.id.desc())
    ).all()
    infos = activity_infos(session, rows)
    text = chosen.text.strip().casefold()
    if text:
        infos = [
            i for i in infos if text in i.title.casefold() or text in (i.asked_by or "").casefold()
        ]
    if chosen.incomplete_only:
        infos = [i for i in infos if i.gaps]
    return infos
