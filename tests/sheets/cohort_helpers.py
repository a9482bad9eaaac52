"""A finished leadership cohort for the cohort sheet tests, built through the real services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from involve_desktop.core.services import cohorts_facilitators, cohorts_progress
from involve_desktop.core.services.cohorts_dto import FacilitatorInput
from involve_desktop.core.services.dto import Actor
from tests.core.cohorts.helpers import attend, cohort, enrolled, person, plan, programme

LAST = date(2026, 3, 10)  # the tenth and last session (a Tuesday)
ZOE = "Zoë Ní Bhriain"  # the name she goes by; her full name has "Bridget" in it


@dataclass(frozen=True)
class SeededCohort:
    """Ids of what ``seed_cohort`` made."""

    programme_id: int
    cohort_id: int
    zoe: int
    ben: int


def seed_cohort(session: Session, coordinator: Actor) -> SeededCohort:
    """Peer Leadership Programme, Cohort 4: ten Tuesday sessions from Tue 6 Jan 2026 (the
    first two titled); Zoë came to all and graduated on ``LAST``, Ben came to two and did
    not; Dr Priya Shah (Clinical Lead) facilitates."""
    prog = programme(session, coordinator)
    c = cohort(session, coordinator, prog, "Cohort 4")
    cohorts_facilitators.add_facilitator(
        session,
        coordinator,
        c,
        FacilitatorInput(outside_name="Dr Priya Shah", job_title="Clinical Lead"),
    )
    sessions = plan(session, coordinator, c, 10, topics=("Welcome", "Our stories"))
    zoe = person(session, coordinator, "Zoë Bridget Ní Bhriain", preferred=ZOE)
    ben = person(session, coordinator, "Ben Okafor")
    for member in (zoe, ben):
        enrolled(session, coordinator, c, member)
    who = {n: {zoe} for n in range(1, 11)} | {1: {zoe, ben}, 2: {zoe, ben}}
    attend(session, coordinator, sessions, who, LAST)
    result = cohorts_progress.graduate(session, coordinator, c, [zoe], LAST, today=LAST)
    assert len(result.graduated) == 1
    return SeededCohort(prog, c, zoe, ben)
