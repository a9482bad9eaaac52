"""A member's roles, training and consent records, and the rules for training expiry."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.dates import add_months
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import (
    Consent,
    Member,
    MemberRole,
    RoleType,
    TrainingRecord,
    TrainingType,
)
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.erased_people import ERASED_RECORD
from involve_desktop.core.services.member_dto import (
    ConsentHow,
    ConsentInfo,
    RoleHeld,
    TrainingInfo,
    TrainingState,
)
from involve_desktop.core.services.transaction import require, transaction

TRAINING_DUE_DAYS = 60  # "due for renewal" this many days before it expires
CONSENT_REVIEW_MONTHS = 12
CONSENT_DUE_DAYS = 30


def training_state(
    expires_on: date | None, today: date, due_days: int = TRAINING_DUE_DAYS
) -> TrainingState:
    """Current, due (expires within ``due_days``), expired, or does not expire."""
    if expires_on is None:
        return TrainingState.NO_EXPIRY
    if expires_on < today:
        return TrainingState.EXPIRED
    if expires_on <= today + timedelta(days=due_days):
        return TrainingState.DUE
    return TrainingState.CURRENT


def role_held(row: MemberRole) -> RoleHeld:
    """DTO for a role row."""
    return RoleHeld(row.id, row.role_type_id, row.role_type.name, row.start_on, row.end_on)


def training_info(row: TrainingRecord, today: date) -> TrainingInfo:
    """DTO for a training row, with its state today."""
    return TrainingInfo(
        row.id,
        row.training_type_id,
        row.training_type.name,
        row.completed_on,
        row.expires_on,
        training_state(row.expires_on, today),
    )


def consent_info(row: Consent) -> ConsentInfo:
    """DTO for a consent row."""
    return ConsentInfo(
        row.id,
        row.given_on,
        ConsentHow(row.how),
        row.keeping_records,
        row.contact_email,
        row.contact_phone,
        row.contact_post,
        row.photos,
        row.review_on,
    )


def _member(session: Session, member_id: int) -> Member:
    """The member a role, training or consent is recorded, changed or removed for; never an
    erased person."""
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound("That member is no longer in the records. Refresh the list.")
    if member.erased_at is not None:
        raise ValidationError("member", ERASED_RECORD)
    return member


def add_role(
    session: Session,
    actor: Actor,
    member_id: int,
    role_type_id: int,
    start_on: date,
    end_on: date | None = None,
    *,
    today: date | None = None,
) -> None:
    """Record that a member holds a role from ``start_on`` (to ``end_on``, if it ended)."""
    require(session, actor, Permission.MANAGE_MEMBER_RECORDS, "change members' roles")
    day = today or date.today()
    validation.not_in_future(start_on, "start_on", "Start date", day)
    if end_on is not None and end_on < start_on:
        raise ValidationError("end_on", "End date must be on or after the start date.")
    with transaction(session):
        member = _member(session, member_id)
        role = session.get(RoleType, role_type_id)
        if role is None:
            raise ValidationError("role_type", "Choose a role from the list.")
        row = MemberRole(
            member_id=member.id, role_type_id=role.id, start_on=start_on, end_on=end_on
        )
        session.add(row)
        session.flush()
        change = f"{role.name} from {format_date(start_on)}"
        if end_on:
            change += f" to {format_date(end_on)}"
        audit.record(session, actor, "update", "member", member.id, {"role added": change})


def end_role(
    session: Session, actor: Actor, member_role_id: int, end_on: date, *, today: date | None = None
) -> None:
    """End a role someone held (the history stays)."""
    require(session, actor, Permission.MANAGE_MEMBER_RECORDS, "change members' roles")
    with transaction(session):
        row = session.get(MemberRole, member_role_id)
        if row is None:
            raise NotFound("That role is no longer in the records. Refresh the page.")
        _member(session, row.member_id)
        if end_on < row.start_on:
            raise ValidationError("end_on", "End date must be on or after the start date.")
        before = row.end_on
        row.end_on = end_on
        audit.record(
            session,
            actor,
            "update",
            "member",
            row.member_id,
            {f"role {row.role_type.name} ended": [_iso(before), end_on.isoformat()]},
        )


def remove_role(session: Session, actor: Actor, member_role_id: int) -> None:
    """Delete a role entered by mistake (to record that a role ended, use ``end_role``)."""
    require(session, actor, Permission.MANAGE_MEMBER_RECORDS, "change members' roles")
    with transaction(session):
        row = session.get(MemberRole, member_role_id)
        if row is None:
            return
        _member(session, row.member_id)
        description = f"{row.role_type.name} from {format_date(row.start_on)}"
        audit.delete_member_detail(session, row, actor, "role removed", description)


def record_training(
    session: Session,
    actor: Actor,
    member_id: int,
    training_type_id: int,
    completed_on: date,
    expires_on: date | None = None,
    *,
    no_expiry: bool = False,
    today: date | None = None,
) -> None:
    """Record completed training; the expiry defaults to the training's validity period.

    ``no_expiry`` records training that will not need renewing even though its kind usually
    does (e.g. a lifetime certificate).
    """
    require(session, actor, Permission.MANAGE_MEMBER_RECORDS, "record training")
    day = today or date.today()
    validation.not_in_future(completed_on, "completed_on", "Date completed", day)
    with transaction(session):
        member = _member(session, member_id)
        kind = session.get(TrainingType, training_type_id)
        if kind is None:
            raise ValidationError("training_type", "Choose a training from the list.")
        if no_expiry:
            expires_on = None
        elif expires_on is None and kind.validity_months:
            expires_on = add_months(completed_on, kind.validity_months)
        if expires_on is not None and expires_on < completed_on:
            raise ValidationError("expires_on", "Expiry date must be after the date completed.")
        session.add(
            TrainingRecord(
                member_id=member.id,
                training_type_id=kind.id,
                completed_on=completed_on,
                expires_on=expires_on,
            )
        )
        audit.record(
            session,
            actor,
            "update",
            "member",
            member.id,
            {"training added": f"{kind.name} completed {format_date(completed_on)}"},
        )


def remove_training(session: Session, actor: Actor, record_id: int) -> None:
    """Delete a training record entered by mistake."""
    require(session, actor, Permission.MANAGE_MEMBER_RECORDS, "record training")
    with transaction(session):
        row = session.get(TrainingRecord, record_id)
        if row is None:
            return
        _member(session, row.member_id)
        description = f"{row.training_type.name}, {format_date(row.completed_on)}"
        audit.delete_member_detail(session, row, actor, "training removed", description)


def record_consent(
    session: Session,
    actor: Actor,
    member_id: int,
    given_on: date,
    how: ConsentHow,
    *,
    keeping_records: bool,
    contact_email: bool = False,
    contact_phone: bool = False,
    contact_post: bool = False,
    photos: bool = False,
    review_on: date | None = None,
    today: date | None = None,
) -> None:
    """Record what someone consented to; the newest record replaces the old (which stays)."""
    require(session, actor, Permission.EDIT_MEMBERS, "record consent")
    day = today or date.today()
    validation.not_in_future(given_on, "given_on", "Date consent given", day)
    review = review_on or add_months(given_on, CONSENT_REVIEW_MONTHS)
    if review < given_on:
        raise ValidationError("review_on", "Review date must be after the date consent was given.")
    with transaction(session):
        member = _member(session, member_id)
        row = Consent(
            member_id=member.id,
            given_on=given_on,
            how=ConsentHow(how).value,
            keeping_records=keeping_records,
            contact_email=contact_email,
            contact_phone=contact_phone,
            contact_post=contact_post,
            photos=photos,
            review_on=review,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "update",
            "member",
            member.id,
            {"consent recorded": f"{consent_info(row).describe()} ({format_date(given_on)})"},
        )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
