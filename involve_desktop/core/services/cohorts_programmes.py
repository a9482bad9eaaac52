"""Leadership programmes: add, change, archive, delete a mistake, list.

A programme has a name (unique, ignoring case), a description, the number of sessions it
plans, and its completion rule: attend at least ``completion_percent`` of a cohort's
sessions, and every session whose number (1 = the first in a cohort's plan) is required.
Coordinators only (MANAGE_COHORTS); anyone with VIEW_COHORTS may list them. A programme
with cohorts is archived, never deleted. Every change is audited (entity ``programme``).
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, true
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.cohorts import (
    Cohort,
    Enrolment,
    Programme,
    ProgrammeRequiredSession,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.cohorts_access import (
    MANAGE,
    SEE,
    load_programme,
    visible_cohort_ids,
)
from involve_desktop.core.services.cohorts_dto import EnrolmentState, ProgrammeInfo, ProgrammeInput
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.record_version import check_version
from involve_desktop.core.services.transaction import require, transaction
from involve_desktop.core.text import sort_key

MAX_SESSIONS = 100


def required_sessions(session: Session, programme_id: int) -> tuple[int, ...]:
    """The session numbers everyone must attend, in order."""
    return tuple(
        session.scalars(
            select(ProgrammeRequiredSession.session_number)
            .where(ProgrammeRequiredSession.programme_id == programme_id)
            .order_by(ProgrammeRequiredSession.session_number)
        )
    )


def programme_info(
    session: Session, row: Programme, visible: set[int] | None = None
) -> ProgrammeInfo:
    """DTO for a programme row; its cohorts and graduates counted among the ``visible``
    cohorts only (``cohorts_access.visible_cohort_ids``; None: every cohort)."""
    seen = true() if visible is None else Cohort.id.in_(visible)
    cohorts = session.scalar(select(func.count()).where(Cohort.programme_id == row.id, seen)) or 0
    graduates = (
        session.scalar(
            select(func.count())
            .select_from(Enrolment)
            .join(Cohort, Cohort.id == Enrolment.cohort_id)
            .where(
                Cohort.programme_id == row.id,
                Enrolment.state == EnrolmentState.COMPLETED.value,
                seen,
            )
        )
        or 0
    )
    return ProgrammeInfo(
        row.id,
        row.name,
        row.description,
        row.planned_sessions,
        row.completion_percent,
        required_sessions(session, row.id),
        row.archived,
        cohorts,
        graduates,
        version=row.version,
    )


def _number(value: object, field: str, label: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValidationError(field, f"{label} must be a whole number from {low} to {high}.")
    return value


def _values(session: Session, data: ProgrammeInput, programme_id: int | None) -> dict:
    name = validation.required_text("name", "Programme name", data.name, 100)
    query = select(Programme.id).where(func.lower(Programme.name) == name.lower())
    if programme_id is not None:
        query = query.where(Programme.id != programme_id)
    if session.scalar(query) is not None:
        raise ValidationError(
            "name", f"There is already a programme called {name!r} — use another name."
        )
    planned = _number(
        data.planned_sessions, "planned_sessions", "Planned sessions", 1, MAX_SESSIONS
    )
    percent = _number(
        data.completion_percent, "completion_percent", "The share of sessions to attend", 1, 100
    )
    required = sorted(set(data.required_sessions))
    for number in required:
        _number(number, "required_sessions", "Each required session number", 1, planned)
    return {
        "name": name,
        "description": validation.optional_text(
            data.description, 5000, "description", "Description"
        ),
        "planned_sessions": planned,
        "completion_percent": percent,
        "required": required,
    }


def _set_required(session: Session, programme_id: int, numbers: list[int]) -> None:
    session.execute(
        delete(ProgrammeRequiredSession).where(
            ProgrammeRequiredSession.programme_id == programme_id
        )
    )
    session.add_all(
        ProgrammeRequiredSession(programme_id=programme_id, session_number=n) for n in numbers
    )


def create_programme(session: Session, actor: Actor, data: ProgrammeInput) -> ProgrammeInfo:
    """Add a programme with its completion rule."""
    require(session, actor, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        values = _values(session, data, None)
        required = values.pop("required")
        row = Programme(**values)
        session.add(row)
        session.flush()
        _set_required(session, row.id, required)
        audit.record(
            session,
            actor,
            "create",
            "programme",
            row.id,
            audit.created_fields(values) | {"required_sessions": ", ".join(map(str, required))},
        )
        info = programme_info(session, row)
    return info


def update_programme(
    session: Session,
    actor: Actor,
    programme_id: int,
    data: ProgrammeInput,
    *,
    expected_version: int | None = None,
) -> ProgrammeInfo:
    """Change a programme; progress everywhere follows the new rule at once (it is worked out
    from attendance, never stored)."""
    require(session, actor, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        row = load_programme(session, programme_id)
        check_version(row, expected_version, what=f"the programme {row.name}", by=actor)
        values = _values(session, data, programme_id)
        required = values.pop("required")
        before = {key: getattr(row, key) for key in values}
        before["required_sessions"] = ", ".join(map(str, required_sessions(session, row.id)))
        for key, value in values.items():
            setattr(row, key, value)
        _set_required(session, row.id, required)
        after = values | {"required_sessions": ", ".join(map(str, required))}
        changes = audit.changes_between(before, after)
        if changes:
            audit.record(session, actor, "update", "programme", row.id, changes)
        info = programme_info(session, row)
    return info


def archive_programme(
    session: Session, actor: Actor, programme_id: int, archived: bool = True
) -> ProgrammeInfo:
    """Archive a programme no longer run (its cohorts and graduates stay), or bring it back."""
    require(session, actor, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        row = load_programme(session, programme_id)
        if row.archived != archived:
            audit.record(
                session,
                actor,
                "update",
                "programme",
                row.id,
                {"archived": [row.archived, archived]},
            )
            row.archived = archived
        info = programme_info(session, row)
    return info


def delete_programme(session: Session, actor: Actor, programme_id: int) -> None:
    """Delete a programme added by mistake; refused once it has cohorts (archive it)."""
    require(session, actor, Permission.MANAGE_COHORTS, MANAGE)
    with transaction(session):
        row = load_programme(session, programme_id)
        if session.scalar(select(Cohort.id).where(Cohort.programme_id == row.id).limit(1)):
            raise ValidationError(
                "programme", f"{row.name} has cohorts, so it is kept: archive it instead."
            )
        audit.record(session, actor, "delete", "programme", row.id, {"name": row.name})
        session.delete(row)


def get_programme(session: Session, actor: Actor, programme_id: int) -> ProgrammeInfo:
    """One programme (a facilitator's counts are of their own cohorts)."""
    require(session, actor, Permission.VIEW_COHORTS, SEE)
    programme = load_programme(session, programme_id)
    return programme_info(session, programme, visible_cohort_ids(session, actor))


def list_programmes(
    session: Session, actor: Actor, include_archived: bool = False
) -> list[ProgrammeInfo]:
    """Programmes in name order (a facilitator's counts are of their own cohorts)."""
    require(session, actor, Permission.VIEW_COHORTS, SEE)
    query = select(Programme)
    if not include_archived:
        query = query.where(Programme.archived.is_(False))
    rows = sorted(session.scalars(query), key=lambda p: (sort_key(p.name), p.id))
    visible = visible_cohort_ids(session, actor)
    return [programme_info(session, row, visible) for row in rows]
