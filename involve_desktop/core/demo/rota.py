"""The rota demo seeder: sites, weekly patterns, availability and shifts, through the services.

Runs after the members seeder and uses its peer supporters (regulars and bank). Standard: 3
sites (a hospital ward and two community venues), 12 supporters with weekly availability
(some with limits, one away for a week), the weeks since the start of last month (at
least 2; worked, with what happened recorded, so month-end payments have shifts to pay)
and 4 weeks from the Monday of this week, generated and auto-filled.
A Sunday evening shift nobody is free for stays "No one", and one shift is left with a peer
"alone", so the gaps view and the sheets have something to show.

Large (for benchmarks): 30 sites with three shifts a day every day, 300 supporters (people
from the 10,000 members are given the peer supporter role and training in bulk if the
members seeder made too few), a year of shifts generated; only the first 4 weeks are
auto-filled (auto-filling a whole year is a benchmark of its own, not a demo start-up).
The same data every run: choices come from a seeded ``random.Random``.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from sqlalchemy import insert, select

from involve_desktop.core.demo.context import SEED, DemoContext, DemoSize
from involve_desktop.core.models.people import Member, MemberRole, RoleType, TrainingRecord
from involve_desktop.core.services import (
    member_records,
    reference_lists,
    rota_assign,
    rota_attendance,
    rota_autofill,
    rota_availability,
    rota_patterns,
    rota_shifts,
    rota_sites,
)
from involve_desktop.core.services.member_search import PEER_ROLE_CODES
from involve_desktop.core.services.rota_dto import (
    Attendance,
    AvailabilitySlot,
    CoverageState,
    PatternInput,
    PersonFacts,
    SiteInput,
    SiteKind,
)
from involve_desktop.core.services.rota_world import load_people
from involve_desktop.core.services.transaction import transaction

_RANDOM_SEED = SEED + 40
SUPPORTERS = {DemoSize.STANDARD: 12, DemoSize.LARGE: 300}
LARGE_SITES = 30
WEEKS_FILLED = 4
PAST_WEEKS = 2  # standard demo: two weeks already worked, with what happened recorded

# (name, kind, address, min together, max) and its weekly shifts (weekday, start, end, min).
STANDARD_SITES: list[tuple[SiteInput, list[tuple[int, time, time, int | None]]]] = [
    (
        SiteInput(
            name="Ward 4",
            kind=SiteKind.WARD,
            address="Riverside General Hospital\nWard 4, Level 2\nRiver Road, RV1 4AB",
            accessibility_notes="Lift from the main entrance; ask at the nurses' station.",
            contact="Ward manager, 01632 960 104",
            min_together=2,
            max_peers=3,
        ),
        [(d, time(10), time(14), None) for d in range(5)]
        + [(d, time(14), time(18), None) for d in range(5)]
        + [(5, time(11), time(15), None)],
    ),
    (
        SiteInput(
            name="Oak Street Community Centre",
            kind=SiteKind.COMMUNITY_VENUE,
            address="12 Oak Street, Riverside, RV2 7CD",
            accessibility_notes="Step-free; accessible toilet on the ground floor.",
            min_together=2,
            max_peers=4,
        ),
        [(1, time(13), time(16), None), (3, time(13), time(16), None), (5, time(10), time(13), 3)],
    ),
    (
        SiteInput(
            name="Library Wellbeing Café",
            kind=SiteKind.COMMUNITY_VENUE,
            address="Riverside Central Library, Market Square, RV1 2EF",
            min_together=2,
        ),
        [
            (2, time(10), time(13), None),
            (4, time(18), time(21), None),
            (6, time(18), time(21), None),
        ],
    ),
]
LARGE_TIMES = [(time(8), time(12)), (time(12), time(16)), (time(16), time(20))]
# Windows people give: (from, to) on the days they are free.
WINDOWS = [(time(8), time(20)), (time(9), time(15)), (time(13), time(21)), (time(8), time(22))]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _eligible(people: dict[int, PersonFacts], training_id: int, day: date) -> list[PersonFacts]:
    """Active people holding a peer role now, with peer support training current on ``day``."""
    found = []
    for person in sorted(people.values(), key=lambda p: p.member_id):
        holds = any(
            p.start_on <= day and (p.end_on is None or p.end_on >= day) for p in person.peer_periods
        )
        expiry = person.training.get(training_id, date.min)
        trained = training_id in person.training and (expiry is None or expiry >= day)
        if person.status == "active" and holds and trained:
            found.append(person)
    return found


def _make_peers(ctx: DemoContext, count: int, training_id: int) -> None:
    """Give ``count`` active members with no peer role yet the peer supporter role and current
    training: through the services for the standard demo, in bulk for the large one."""
    session = ctx.session
    role_id = reference_lists.role_type_id(session, "peer_supporter")
    holders = set(
        session.scalars(
            select(MemberRole.member_id)
            .join(RoleType, RoleType.id == MemberRole.role_type_id)
            .where(RoleType.code.in_(PEER_ROLE_CODES))
        )
    )
    chosen = [
        member_id
        for member_id in session.scalars(
            select(Member.id).where(Member.status == "active").order_by(Member.id)
        )
        if member_id not in holders
    ][:count]
    joined = ctx.today - timedelta(days=200)
    if ctx.size is DemoSize.STANDARD:
        for member_id in chosen:
            member_records.add_role(
                session, ctx.coordinator, member_id, role_id, joined, today=ctx.today
            )
            member_records.record_training(
                session, ctx.coordinator, member_id, training_id, joined, today=ctx.today
            )
        return
    with transaction(session):
        session.execute(
            insert(MemberRole.__table__),
            [{"member_id": m, "role_type_id": role_id, "start_on": joined} for m in chosen],
        )
        session.execute(
            insert(TrainingRecord.__table__),
            [
                {
                    "member_id": m,
                    "training_type_id": training_id,
                    "completed_on": joined,
                    "expires_on": ctx.today + timedelta(days=700),
                }
                for m in chosen
            ],
        )


def _supporters(ctx: DemoContext, training_id: int) -> list[PersonFacts]:
    wanted = SUPPORTERS[ctx.size]
    people = _eligible(load_people(ctx.session), training_id, ctx.today)
    if len(people) < wanted:
        _make_peers(ctx, wanted - len(people), training_id)
        people = _eligible(load_people(ctx.session), training_id, ctx.today)
    return people[:wanted]


def _availability(ctx: DemoContext, people: list[PersonFacts], rng: random.Random) -> None:
    """Weekly availability (never Sundays), limits for every third, one person away."""
    session, actor = ctx.session, ctx.coordinator
    for index, person in enumerate(people):
        days = sorted(rng.sample(range(6), rng.randint(3, 5)))
        start, end = rng.choice(WINDOWS)
        slots = [AvailabilitySlot(day, start, end) for day in days]
        rota_availability.set_weekly_availability(session, actor, person.member_id, slots)
        if index % 3 == 1:
            rota_availability.set_limits(session, actor, person.member_id, 2, 24)
    if people:
        away = people[len(people) // 2].member_id
        first = _monday(ctx.today) + timedelta(days=14)
        rota_availability.add_unavailable(session, actor, away, first, first + timedelta(days=6))


def _standard_sites(ctx: DemoContext, monday: date) -> None:
    for site, shifts in STANDARD_SITES:
        site_id = rota_sites.create_site(ctx.session, ctx.coordinator, site).id
        for weekday, start, end, min_peers in shifts:
            data = PatternInput(site_id, weekday, start, end, monday, min_peers=min_peers)
            rota_patterns.create_pattern(ctx.session, ctx.coordinator, data)


def _large_sites(ctx: DemoContext, monday: date, rng: random.Random) -> None:
    for number in range(1, LARGE_SITES + 1):
        kind = SiteKind.WARD if number % 3 else SiteKind.COMMUNITY_VENUE
        name = f"Ward {number}" if kind is SiteKind.WARD else f"Community venue {number}"
        site = SiteInput(
            name=name, kind=kind, address=f"{rng.randint(1, 200)} {ctx.fake.street_name()}"
        )
        site_id = rota_sites.create_site(ctx.session, ctx.coordinator, site).id
        for weekday in range(7):
            for start, end in LARGE_TIMES:
                data = PatternInput(site_id, weekday, start, end, monday)
                rota_patterns.create_pattern(ctx.session, ctx.coordinator, data)


def _leave_one_alone(ctx: DemoContext, monday: date) -> None:
    """If no shift has a peer alone, take one person off a covered shift in week two."""
    views = rota_shifts.shift_views(
        ctx.session, ctx.coordinator, monday, monday + timedelta(days=7 * WEEKS_FILLED - 1)
    )
    if any(v.state is CoverageState.ALONE for v in views):
        return
    week_two = [
        v
        for v in views
        if v.slot.day >= monday + timedelta(days=7)
        and len(v.assignees) == 2
        and v.slot.min_peers == 2
    ]
    if week_two:
        view = week_two[0]
        rota_assign.unassign(
            ctx.session, ctx.coordinator, view.slot.id, view.assignees[-1].member_id
        )


def seed_rota(ctx: DemoContext) -> None:
    """Add the demo rota (see the module docstring); the same rota every run."""
    rng = random.Random(_RANDOM_SEED)
    session, actor = ctx.session, ctx.coordinator
    training_id = reference_lists.training_type_id(session, "peer_support")
    monday = _monday(ctx.today)
    people = _supporters(ctx, training_id)
    _availability(ctx, people, rng)
    first = monday
    if ctx.size is DemoSize.STANDARD:
        # Back to the start of last month at least, so month-end payments have shifts.
        last_month = (ctx.today.replace(day=1) - timedelta(days=1)).replace(day=1)
        first = min(monday - timedelta(days=7 * PAST_WEEKS), _monday(last_month))
        _standard_sites(ctx, first)
        last = monday + timedelta(days=7 * WEEKS_FILLED - 1)
    else:
        _large_sites(ctx, monday, rng)
        last = monday + timedelta(days=364)
    rota_patterns.generate_shifts(session, actor, first, last, today=first)
    fill_to = monday + timedelta(days=7 * WEEKS_FILLED - 1)
    proposal = rota_autofill.propose_autofill(session, actor, first, fill_to, today=first)
    if proposal.assignments:
        rota_autofill.commit_autofill(session, actor, proposal, today=first)
    _leave_one_alone(ctx, monday)
    if first < monday:
        _record_past(ctx, first, rng)


def _record_past(ctx: DemoContext, first: date, rng: random.Random) -> None:
    """What happened on the shifts before today: nearly all worked as planned, a few longer
    or shorter, one person who did not come; yesterday's shifts are left to record."""
    views = rota_shifts.shift_views(
        ctx.session, ctx.coordinator, first, ctx.today - timedelta(days=2)
    )
    outcomes: dict[int, tuple[Attendance | None, float | None]] = {}
    for view in views:
        for person in view.assignees:
            roll = rng.random()
            if roll < 0.04:
                outcomes[person.assignment_id] = (Attendance.DID_NOT_ATTEND, None)
            elif roll < 0.15:
                planned = view.slot.minutes / 60
                outcomes[person.assignment_id] = (
                    Attendance.WORKED,
                    planned + rng.choice((-1, 0.5, 1)),
                )
            else:
                outcomes[person.assignment_id] = (Attendance.WORKED, None)
    # One did-not-attend in the last fortnight whatever the dice say, so the rota screens
    # that look at recent weeks show one.
    recent = [
        person.assignment_id
        for view in views
        if view.slot.day >= _monday(ctx.today) - timedelta(days=14)
        for person in view.assignees
    ]
    if recent and not any(outcomes[a][0] is Attendance.DID_NOT_ATTEND for a in recent):
        outcomes[recent[len(recent) // 2]] = (Attendance.DID_NOT_ATTEND, None)
    if outcomes:
        rota_attendance.record_shift_outcomes(
            ctx.session, ctx.coordinator, outcomes, today=ctx.today
        )
