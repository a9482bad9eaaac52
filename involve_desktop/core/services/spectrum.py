"""Leadership spectrum self-assessments: create, change, finish, delete a draft, list, read.

Coordinators only (MANAGE_INVOLVEMENT to change, VIEW_INVOLVEMENT to see); every change is
audited (entity ``spectrum_assessment``). The stage reached is worked out from the answers
by ``spectrum_statements.stage_reached`` (the rule is in that module's docstring).

Who took part: members, with their lived experience as recorded on their member record
(read again at each save while the assessment is a draft, then kept as it was when it was
finished), and other people by name and role. A draft may be saved with anyone or no one,
but **not with nothing at all**: a form with only its date (no statement answered, no one
taking part, no leader or notes) is refused, naming what to fill in, rather than kept as an
empty draft in the list. **Finishing is refused unless at least one member with lived
experience took part**, and a finished assessment cannot be changed so that none is left.
Only drafts can be deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import Member
from involve_desktop.core.models.spectrum import (
    SpectrumAnswer,
    SpectrumAssessment,
    SpectrumMember,
    SpectrumOther,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_people import checked_members, name_order, names_of
from involve_desktop.core.services.spectrum_dto import (
    AnswerInfo,
    AssessmentInfo,
    AssessmentInput,
    AssessmentRow,
    AssessmentStatus,
    OtherPerson,
    Participant,
)
from involve_desktop.core.services.spectrum_statements import BY_KEY, Answer, stage_reached
from involve_desktop.core.services.transaction import require, transaction

MANAGE = "change leadership spectrum self-assessments"
SEE = "see leadership spectrum self-assessments"
ENTITY = "spectrum_assessment"
LONG = 4000
ERASED = "(member record removed)"
STALE = (
    "Someone else changed this self-assessment since you opened it. Close it and open it "
    "again to see their changes, then make yours."
)
NEEDS_LIVED_EXPERIENCE = (
    "A self-assessment can only be finished when members with lived experience took part. "
    "Add at least one member whose record says they have lived experience (or check their "
    "member record). Until then it can be kept as a draft."
)
NOTHING_FILLED_IN = (
    "Nothing is filled in yet, so there is nothing to save. Answer at least one statement "
    "(tabs 1 to 3) or list who took part (the Who took part tab), then save it as a draft "
    "or finish it."
)


def _participants(session: Session, row: SpectrumAssessment) -> tuple[Participant, ...]:
    names = names_of(session, {p.member_id for p in row.members if p.member_id is not None})
    members = [
        Participant(
            names.get(p.member_id, ERASED) if p.member_id is not None else ERASED,
            None,
            p.member_id,
            True,
            p.lived_experience,
        )
        for p in row.members
    ]
    members.sort(key=lambda p: name_order(p.name, p.member_id or 0))
    others = sorted(
        (Participant(p.name, p.role, None, False, None) for p in row.others),
        key=lambda p: name_order(p.name, 0),
    )
    return tuple(members + others)


def assessment_info(session: Session, row: SpectrumAssessment) -> AssessmentInfo:
    """The DTO of one assessment row."""
    answers = tuple(
        AnswerInfo(a.statement_key, Answer(a.answer), a.comment, a.evidence)
        for a in sorted(row.answers, key=lambda a: list(BY_KEY).index(a.statement_key))
        if a.statement_key in BY_KEY
    )
    return AssessmentInfo(
        id=row.id,
        day=row.day,
        status=AssessmentStatus(row.status),
        led_by=row.led_by,
        notes=row.notes,
        answers=answers,
        participants=_participants(session, row),
        result=stage_reached({a.statement_key: a.answer for a in answers}),
        version=row.version,
    )


def load_assessment(session: Session, assessment_id: int) -> SpectrumAssessment:
    """The assessment row, or NotFound."""
    row = session.get(SpectrumAssessment, assessment_id)
    if row is None:
        raise NotFound("That self-assessment is no longer in the records. Refresh the list.")
    return row


def _values(data: AssessmentInput, today: date) -> dict[str, object]:
    if not isinstance(data.day, date):
        raise ValidationError("day", "Give the date of the self-assessment — e.g. 3 Mar 2026.")
    validation.not_in_future(data.day, "day", "The date of the self-assessment", today)
    return {
        "day": data.day,
        "led_by": validation.optional_text(data.led_by, 200, "led_by", "Who led it"),
        "notes": validation.optional_text(data.notes, LONG, "notes", "Notes"),
    }


def _answers(data: AssessmentInput) -> dict[str, tuple[str, str | None, str | None]]:
    out: dict[str, tuple[str, str | None, str | None]] = {}
    for item in data.answers:
        if item.statement_key not in BY_KEY:
            raise ValidationError("answers", f"There is no statement {item.statement_key!r}.")
        if item.statement_key in out:
            raise ValidationError("answers", "A statement was answered twice.")
        comment = validation.optional_text(item.comment, LONG, "comment", "A comment")
        evidence = validation.optional_text(item.evidence, LONG, "evidence", "The evidence")
        out[item.statement_key] = (Answer(item.answer).value, comment, evidence)
    return out


def _check_not_empty(data: AssessmentInput) -> None:
    """Refuse a self-assessment with nothing in it but its date."""
    written = (data.led_by or "").strip() or (data.notes or "").strip()
    if not (data.answers or data.member_ids or data.others or written):
        raise ValidationError("answers", NOTHING_FILLED_IN)


def _others(people: Sequence[OtherPerson]) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for person in people:
        name = validation.required_text("others", "The other person's name", person.name, 200)
        role = validation.optional_text(person.role, 200, "others", "Their role")
        if (name, role) not in out:
            out.append((name, role))
    return out


def _set_answers(row: SpectrumAssessment, wanted: dict[str, tuple]) -> None:
    current = {a.statement_key: a for a in row.answers}
    for key, link in current.items():
        if key not in wanted:
            row.answers.remove(link)
    for key, (answer, comment, evidence) in wanted.items():
        link = current.get(key)
        if link is None:
            row.answers.append(SpectrumAnswer(statement_key=key, answer=answer))
            link = row.answers[-1]
        link.answer, link.comment, link.evidence = answer, comment, evidence


def _lived(session: Session, ids: Sequence[int]) -> dict[int, bool | None]:
    if not ids:
        return {}
    rows = session.execute(select(Member.id, Member.lived_experience).where(Member.id.in_(ids)))
    return {id_: lived for id_, lived in rows}


def _set_participants(
    session: Session,
    row: SpectrumAssessment,
    member_ids: Sequence[int],
    others: list[tuple[str, str | None]],
    refresh: bool,
) -> None:
    """Members (lived experience read now when ``refresh`` or new) and other people."""
    ids = sorted(set(member_ids))
    checked_members(session, ids, "member_ids")
    lived = _lived(session, ids)
    current = {p.member_id: p for p in row.members}
    for member_id, link in current.items():
        if member_id not in ids and member_id is not None:
            row.members.remove(link)
    for member_id in ids:
        link = current.get(member_id)
        if link is None:
            row.members.append(
                SpectrumMember(member_id=member_id, lived_experience=lived[member_id])
            )
        elif refresh:
            link.lived_experience = lived[member_id]
    wanted = list(others)
    for link in list(row.others):
        if (link.name, link.role) in wanted:
            wanted.remove((link.name, link.role))
        else:
            row.others.remove(link)
    for name, role in wanted:
        row.others.append(SpectrumOther(name=name, role=role))
    session.flush()


def _audit_view(row: SpectrumAssessment) -> dict[str, object]:
    return {
        "day": row.day,
        "status": row.status,
        "led_by": row.led_by,
        "notes": row.notes,
        "answers": "; ".join(f"{a.statement_key}={a.answer}" for a in row.answers),
        "members": ",".join(str(p.member_id) for p in row.members),
        "others": "; ".join(f"{p.name} ({p.role or ''})" for p in row.others),
    }


def _check_lived_experience(row: SpectrumAssessment) -> None:
    if not any(p.lived_experience for p in row.members):
        raise ValidationError("member_ids", NEEDS_LIVED_EXPERIENCE)


def create_assessment(
    session: Session, actor: Actor, data: AssessmentInput, *, today: date | None = None
) -> AssessmentInfo:
    """Save a new self-assessment as a draft."""
    require(session, actor, Permission.MANAGE_INVOLVEMENT, MANAGE)
    values = _values(data, today or date.today())
    _check_not_empty(data)
    answers, others = _answers(data), _others(data.others)
    with transaction(session):
        row = SpectrumAssessment(status=AssessmentStatus.DRAFT.value, **values)
        session.add(row)
        session.flush()
        _set_answers(row, answers)
        _set_participants(session, row, data.member_ids, others, refresh=True)
        audit.record(
            session, actor, "create", ENTITY, row.id, audit.created_fields(_audit_view(row))
        )
        info = assessment_info(session, row)
    return info


def update_assessment(
    session: Session,
    actor: Actor,
    assessment_id: int,
    data: AssessmentInput,
    *,
    today: date | None = None,
) -> AssessmentInfo:
    """Change a self-assessment (refused if someone saved it since ``data.version``).

    A finished one stays finished, so it must still have a member with lived experience.
    """
    require(session, actor, Permission.MANAGE_INVOLVEMENT, MANAGE)
    values = _values(data, today or date.today())
    _check_not_empty(data)
    answers, others = _answers(data), _others(data.others)
    with transaction(session):
        row = load_assessment(session, assessment_id)
        if data.version is not None and data.version != row.version:
            raise ValidationError("version", STALE)
        before = _audit_view(row)
        for name, value in values.items():
            setattr(row, name, value)
        _set_answers(row, answers)
        draft = row.status == AssessmentStatus.DRAFT.value
        _set_participants(session, row, data.member_ids, others, refresh=draft)
        if not draft:
            _check_lived_experience(row)
        changes = audit.changes_between(before, _audit_view(row))
        if changes:
            audit.record(session, actor, "update", ENTITY, row.id, changes)
        session.flush()
        info = assessment_info(session, row)
    return info


def finish_assessment(
    session: Session, actor: Actor, assessment_id: int, version: int | None = None
) -> AssessmentInfo:
    """Mark a draft finished; refused unless a member with lived experience took part."""
    require(session, actor, Permission.MANAGE_INVOLVEMENT, MANAGE)
    with transaction(session):
        row = load_assessment(session, assessment_id)
        if version is not None and version != row.version:
            raise ValidationError("version", STALE)
        if row.status == AssessmentStatus.FINISHED.value:
            raise ValidationError("status", "This self-assessment is already finished.")
        members = [p for p in row.members if p.member_id is not None]
        lived = _lived(session, [p.member_id for p in members if p.member_id is not None])
        for p in members:
            p.lived_experience = lived.get(p.member_id or 0, p.lived_experience)
        _check_lived_experience(row)
        row.status = AssessmentStatus.FINISHED.value
        session.flush()
        info = assessment_info(session, row)
        audit.record(
            session,
            actor,
            "update",
            ENTITY,
            row.id,
            {"status": ["draft", "finished"], "stage": info.stage.label},
        )
    return info


def delete_assessment(session: Session, actor: Actor, assessment_id: int) -> None:
    """Delete a draft self-assessment (finished ones are the group's record: kept)."""
    require(session, actor, Permission.MANAGE_INVOLVEMENT, MANAGE)
    with transaction(session):
        row = load_assessment(session, assessment_id)
        if row.status != AssessmentStatus.DRAFT.value:
            raise ValidationError(
                "status",
                f"The self-assessment of {format_date(row.day)} is finished, so it is kept as "
                "part of the group's record. Only drafts can be deleted.",
            )
        audit.record(
            session, actor, "delete", ENTITY, row.id, audit.created_fields({"day": row.day})
        )
        session.delete(row)


def get_assessment(session: Session, actor: Actor, assessment_id: int) -> AssessmentInfo:
    """One self-assessment with its answers and who took part."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, SEE)
    return assessment_info(session, load_assessment(session, assessment_id))


def assessments_between(
    session: Session,
    start: date | None = None,
    end: date | None = None,
    *,
    finished_only: bool = False,
) -> list[AssessmentInfo]:
    """Assessments (oldest first) dated within ``start``–``end``; no permission check —
    callers check it."""
    query = select(SpectrumAssessment)
    if start is not None:
        query = query.where(SpectrumAssessment.day >= start)
    if end is not None:
        query = query.where(SpectrumAssessment.day <= end)
    if finished_only:
        query = query.where(SpectrumAssessment.status == AssessmentStatus.FINISHED.value)
    query = query.order_by(SpectrumAssessment.day, SpectrumAssessment.id)
    return [assessment_info(session, row) for row in session.scalars(query)]


def list_assessments(session: Session, actor: Actor) -> list[AssessmentRow]:
    """Every self-assessment, newest first, with the stage each reached."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, SEE)
    return [
        AssessmentRow(
            id=info.id,
            day=info.day,
            status=info.status,
            led_by=info.led_by,
            stage=info.stage,
            next_stage=info.result.next_stage,
            missing_count=len(info.result.missing),
            participants=len(info.participants),
            members_with_lived_experience=info.members_with_lived_experience,
        )
        for info in reversed(assessments_between(session))
    ]
