"""The leadership programmes demo seeder: two programmes, three past cohorts and one running.

Runs after the members, meetings and panels seeders and uses their people, through the
cohort and meetings services (every rule applied, every change audited):

- **Peer Leadership Programme** (10 weekly sessions, 80 %, sessions 1 and 10 required):
  Cohort 1 about two years ago, Cohort 2 about 14 months ago (a graduate of Cohort 1
  co-facilitates; one person withdraws after three sessions), Cohort 3 running now, about
  half-way (graduates of Cohorts 1 and 2 co-facilitate; full, with two on the waiting list;
  one person missed the required first session; the first demo facilitator account is
  linked to it and takes its attendance).
- **Co-production Champions** (6 weekly sessions, 80 %): Cohort 1 about nine months ago,
  co-facilitated by a graduate of the other programme.

Past cohorts: most people come to nearly every session (a few apologies), a few miss
enough not to complete, everyone who met the rule graduated on the last day. Some Cohort 1
and 2 graduates are people who later sat on recruitment panels or joined the management
council, so the pathway view has something to show. Three alumni actions are logged. The
same data every run: choices come from a seeded ``random.Random``; dates count back from
``ctx.today``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import select

from involve_desktop.core.dates import add_months
from involve_desktop.core.demo.context import SEED, DemoContext
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.models.meetings import MeetingGroup, MeetingGroupMember
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import (
    cohorts_alumni,
    cohorts_cohorts,
    cohorts_enrolment,
    cohorts_facilitators,
    cohorts_programmes,
    cohorts_progress,
    cohorts_sessions,
    meetings_attendance,
)
from involve_desktop.core.services.cohorts_dto import (
    AlumniActionInput,
    CohortInput,
    CohortStatus,
    FacilitatorInput,
    ProgrammeInput,
    SessionInfo,
    SessionPattern,
)
from involve_desktop.core.services.meetings_dto import AttendanceState, GroupKind

_RANDOM_SEED = SEED + 70
VENUE = "Riverside Voices office, 3 Mill Lane, RV1 3GH"
PLP_TOPICS = (
    "Welcome: why lived experience leads",
    "Our stories as expertise",
    "Power, influence and how organisations work",
    "Co-production in practice",
    "Speaking up in meetings",
    "Facilitating groups",
    "Looking after ourselves and each other",
    "Sitting on recruitment panels",
    "Planning a project together",
    "Presentations and celebration",
)
CPC_TOPICS = (
    "What co-production is (and is not)",
    "Equal partners: sharing power",
    "Designing a service together",
    "Measuring what matters",
    "Feedback that changes things",
    "Showcase",
)
STAFF = (("Dr Priya Shah", "Clinical Lead, Riverside NHS Trust"),)
WITHDREW_REASON = "Started a new job with daytime hours."
ALUMNI_ACTIONS = (
    (
        "Peer-led crisis café pilot",
        -10,
        "Ran for 12 Friday evenings; the trust agreed to fund a second year.",
    ),
    (
        "Co-designed the ward welcome pack",
        -7,
        "Now given to everyone admitted to the acute wards.",
    ),
    (
        "Lived experience session in new staff induction",
        -3,
        "Graduates deliver it every month; staff feedback was very good.",
    ),
)
P, A = AttendanceState.PRESENT, AttendanceState.APOLOGIES


@dataclass(frozen=True)
class _Plan:
    """One demo cohort."""

    programme: str
    name: str
    start: date
    weekday: int
    sessions: int
    topics: tuple[str, ...]
    size: int
    capacity: int | None = None
    waiting: int = 0


def _first_on(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _active(ctx: DemoContext) -> list[int]:
    return list(
        ctx.session.scalars(select(Member.id).where(Member.status == "active").order_by(Member.id))
    )


def _onward(ctx: DemoContext, active: set[int]) -> tuple[list[int], list[int]]:
    """Active council members, and active people who sat on held panels (lived experience)."""
    council = ctx.session.scalars(
        select(MeetingGroupMember.member_id)
        .join(MeetingGroup, MeetingGroup.id == MeetingGroupMember.group_id)
        .where(MeetingGroup.kind == GroupKind.MANAGEMENT_COUNCIL.value)
        .order_by(MeetingGroupMember.member_id)
    )
    sat = ctx.session.scalars(
        select(PanelSeat.member_id)
        .join(Panel, Panel.id == PanelSeat.panel_id)
        .where(PanelSeat.kind == "lived_experience", Panel.status == "held")
        .distinct()
        .order_by(PanelSeat.member_id)
    )
    return [m for m in council if m in active], [m for m in sat if m in active]


def _place(ctx: DemoContext, cohort_id: int, member_id: int, start: date) -> int:
    session, actor = ctx.session, ctx.coordinator
    e = cohorts_enrolment.apply(session, actor, cohort_id, member_id, on=start - timedelta(42))
    cohorts_enrolment.offer(session, actor, e.id, on=start - timedelta(28))
    cohorts_enrolment.enrol(session, actor, e.id, on=start - timedelta(21))
    return e.id


def _attendance(
    ctx: DemoContext,
    sessions: list[SessionInfo],
    people: list[int],
    rng: random.Random,
    *,
    withdraws: int | None = None,
    misses_first: int | None = None,
    struggles: int | None = None,
) -> None:
    """Most people come nearly every time; ``struggles`` misses a lot; ``misses_first``
    misses session 1; ``withdraws`` stops after session 3."""
    for s in sessions:
        if s.meeting.day >= ctx.today:
            break
        states: dict[int, AttendanceState] = {}
        for m in people:
            if m == withdraws and s.number > 3:
                continue
            if m == misses_first and s.number == 1:
                states[m] = A
                continue
            chance = 0.5 if m == struggles else 0.93
            if s.number in (1, len(sessions)) and m != struggles:
                chance = 1.0
            roll = rng.random()
            if roll < chance:
                states[m] = P
            elif roll < chance + 0.04:
                states[m] = A
        meetings_attendance.set_attendance(
            ctx.session, ctx.coordinator, s.meeting.id, states, today=ctx.today
        )


def _cohort(
    ctx: DemoContext,
    programmes: dict[str, int],
    plan: _Plan,
    facilitators: list[FacilitatorInput],
    status: CohortStatus,
) -> tuple[int, list[SessionInfo]]:
    """A cohort with its facilitators and a weekly plan; returns it and its sessions."""
    session, actor = ctx.session, ctx.coordinator
    start = _first_on(plan.start, plan.weekday)
    cohort_id = cohorts_cohorts.create_cohort(
        session,
        actor,
        CohortInput(
            programmes[plan.programme], plan.name, start, None, VENUE, plan.capacity, status
        ),
    ).id
    for facilitator in facilitators:
        cohorts_facilitators.add_facilitator(session, actor, cohort_id, facilitator, today=start)
    pattern = SessionPattern(plan.weekday, time(10), time(13), plan.sessions, topics=plan.topics)
    made = cohorts_sessions.plan_sessions(session, actor, cohort_id, pattern, today=ctx.today)
    return cohort_id, list(made.sessions)


def _graduate_all(ctx: DemoContext, cohort_id: int, people: list[int], last: date) -> list[int]:
    """Graduate everyone who met the rule on the last day; returns who graduated."""
    result = cohorts_progress.graduate(
        ctx.session, ctx.coordinator, cohort_id, people, last, today=ctx.today
    )
    return [p.member_id for p in result.graduated]


def _pick(
    pool: list[int], wanted: list[int], size: int, used: set[int], rng: random.Random
) -> list[int]:
    """``size`` people not used yet: up to half from ``wanted``, the rest at random."""
    first = [m for m in dict.fromkeys(wanted) if m not in used][: size // 2]
    rest = [m for m in pool if m not in used and m not in first]
    chosen = first + rng.sample(rest, size - len(first))
    used.update(chosen)
    return chosen


def seed_cohorts(ctx: DemoContext) -> None:
    """Add the demo programmes, cohorts, attendance, graduates and alumni actions."""
    rng = random.Random(_RANDOM_SEED)
    session, actor, today = ctx.session, ctx.coordinator, ctx.today
    programmes = {
        "plp": cohorts_programmes.create_programme(
            session,
            actor,
            ProgrammeInput(
                "Peer Leadership Programme",
                10,
                "Ten sessions for members who want to lead: using lived experience as "
                "expertise, facilitating, influencing services and sitting on panels.",
                80,
                (1, 10),
            ),
        ).id,
        "cpc": cohorts_programmes.create_programme(
            session,
            actor,
            ProgrammeInput(
                "Co-production Champions",
                6,
                "Six sessions on designing and checking services together with staff.",
            ),
        ).id,
    }
    active = _active(ctx)
    council, sat = _onward(ctx, set(active))
    used: set[int] = set()
    staff = [FacilitatorInput(outside_name=n, job_title=j) for n, j in STAFF]

    # Peer Leadership Programme, Cohort 1: about two years ago
    plan1 = _Plan("plp", "Cohort 1", add_months(today, -26), 1, 10, PLP_TOPICS, 8)
    people1 = _pick(active, council[:2] + sat[:2], 8, used, rng)
    c1, s1 = _cohort(ctx, programmes, plan1, staff, CohortStatus.RUNNING)
    for m in people1:
        _place(ctx, c1, m, s1[0].meeting.day)
    _attendance(ctx, s1, people1, rng, struggles=people1[-1])
    grads1 = _graduate_all(ctx, c1, people1, s1[-1].meeting.day)

    # Co-production Champions, Cohort 1: a Cohort 1 graduate co-facilitates
    plan_c = _Plan("cpc", "Cohort 1", add_months(today, -9), 3, 6, CPC_TOPICS, 7)
    people_c = _pick(active, [], 7, used, rng)
    cc, sc = _cohort(
        ctx, programmes, plan_c, [FacilitatorInput(grads1[1]), *staff], CohortStatus.RUNNING
    )
    for m in people_c:
        _place(ctx, cc, m, sc[0].meeting.day)
    _attendance(ctx, sc, people_c, rng)
    _graduate_all(ctx, cc, people_c, sc[-1].meeting.day)

    # Peer Leadership Programme, Cohort 2: one withdraws
    plan2 = _Plan("plp", "Cohort 2", add_months(today, -14), 2, 10, PLP_TOPICS, 8)
    people2 = _pick(active, council[2:3] + sat[2:3], 8, used, rng)
    c2, s2 = _cohort(
        ctx, programmes, plan2, [FacilitatorInput(grads1[0]), *staff], CohortStatus.RUNNING
    )
    places2 = {m: _place(ctx, c2, m, s2[0].meeting.day) for m in people2}
    _attendance(ctx, s2, people2, rng, withdraws=people2[2])
    cohorts_enrolment.withdraw(
        session,
        actor,
        places2[people2[2]],
        on=s2[3].meeting.day,
        reason=WITHDREW_REASON,
    )
    grads2 = _graduate_all(ctx, c2, people2, s2[-1].meeting.day)

    # Peer Leadership Programme, Cohort 3: running, about half-way, full with a waiting list
    plan3 = _Plan("plp", "Cohort 3", today - timedelta(days=36), 1, 10, PLP_TOPICS, 10, 10, 2)
    people3 = _pick(active, [], plan3.size + plan3.waiting, used, rng)
    facilitators3 = [FacilitatorInput(grads2[0]), FacilitatorInput(grads1[0]), *staff]
    c3, s3 = _cohort(ctx, programmes, plan3, facilitators3, CohortStatus.RUNNING)
    for m in people3:
        _place(ctx, c3, m, s3[0].meeting.day)
    taking_part = people3[: plan3.size]
    _attendance(ctx, s3, taking_part, rng, misses_first=taking_part[4], struggles=taking_part[7])
    accounts = list(
        session.scalars(
            select(Account.id).where(Account.role == Role.FACILITATOR.value).order_by(Account.id)
        )
    )
    if accounts:
        cohorts_cohorts.set_cohort_accounts(session, actor, c3, accounts[:1])

    for finished in (c1, cc, c2):
        cohorts_cohorts.set_cohort_status(session, actor, finished, CohortStatus.FINISHED)
    for title, months, outcome in ALUMNI_ACTIONS:
        cohorts_alumni.add_action(
            session,
            actor,
            AlumniActionInput(
                title,
                add_months(today, months),
                tuple(grads1[:2] + grads2[:1]) if months < -5 else tuple(grads2[:3]),
                outcome,
                programmes["plp"],
            ),
        )
