"""Who may see or change which cohort, and loading cohort rows for the other services.

Coordinators (MANAGE_COHORTS) act for every cohort. Facilitators (VIEW_COHORTS) see only
the cohorts whose meeting group their account is linked to (``meetings_groups.
set_group_accounts``, or ``cohorts_cohorts.set_cohort_accounts``), and take attendance at
those cohorts' sessions through the meetings services (RUN_MEETINGS + the same link). A
refusal is written to the audit trail, like ``transaction.require``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import NotFound, PermissionDenied
from involve_desktop.core.models.cohorts import Cohort, CohortFacilitator, Enrolment, Programme
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_access import linked_group_ids
from involve_desktop.core.services.transaction import permitted, require

MANAGE = "change leadership programmes"
SEE = "see leadership programmes"
# the one line a screen shows when what it lists is limited to a facilitator's own cohorts
# (the same words whatever was left out, so nothing is given away by them)
OWN_COHORTS_ONLY = "Limited to the cohorts you run: a coordinator sees every cohort."


def all_cohorts(session: Session, actor: Actor) -> bool:
    """Whether the account acts for every cohort (coordinators)."""
    return permitted(session, actor, Permission.MANAGE_COHORTS)


def visible_cohort_ids(session: Session, actor: Actor) -> set[int] | None:
    """The cohorts the account may see: None means every cohort."""
    if all_cohorts(session, actor):
        return None
    groups = linked_group_ids(session, actor)
    if not groups:
        return set()
    return set(session.scalars(select(Cohort.id).where(Cohort.meeting_group_id.in_(groups))))


def people_on(session: Session, cohort_ids: set[int]) -> set[int]:
    """The members with a place (in any state) on, or facilitating, any of these cohorts."""
    if not cohort_ids:
        return set()
    return set(
        session.scalars(select(Enrolment.member_id).where(Enrolment.cohort_id.in_(cohort_ids)))
    ) | set(
        session.scalars(
            select(CohortFacilitator.member_id).where(
                CohortFacilitator.cohort_id.in_(cohort_ids),
                CohortFacilitator.member_id.is_not(None),
            )
        )
    )


def load_cohort(session: Session, cohort_id: int) -> Cohort:
    """The cohort row, or NotFound."""
    row = session.get(Cohort, cohort_id)
    if row is None:
        raise NotFound("That cohort is no longer in the records. Refresh the list.")
    return row


def load_programme(session: Session, programme_id: int) -> Programme:
    """The programme row, or NotFound."""
    row = session.get(Programme, programme_id)
    if row is None:
        raise NotFound("That programme is no longer in the records. Refresh the list.")
    return row


def require_cohort(
    session: Session, actor: Actor, cohort_id: int, permission: Permission, what: str
) -> Cohort:
    """Refuse (and record it) unless the account may do ``permission`` for this cohort;
    returns the cohort (NotFound if it is gone). ``what`` completes "Your account cannot …"."""
    require(session, actor, permission, what)
    cohort = load_cohort(session, cohort_id)
    if all_cohorts(session, actor) or cohort.meeting_group_id in linked_group_ids(session, actor):
        return cohort
    session.rollback()
    audit.record(
        session,
        actor,
        "denied",
        permission.value,
        cohort_id,
        {"attempted": what, "cohort": cohort.name},
    )
    session.commit()
    raise PermissionDenied(
        f"Your account is not one of those running {cohort.name}, so it cannot {what}. "
        "Ask a coordinator to link your account to the cohort."
    )
