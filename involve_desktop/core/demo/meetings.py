"""The meetings demo seeder: four groups, six months of meetings and attendance, two to come.

Runs after the members seeder and uses its people, through the meetings services (every
rule applied, every change audited). Standard: a management council (last Wednesday of
the month, closed, mostly members with lived experience — at one meeting they were not the
majority), a weekly open peer support group, a fortnightly open forum and a monthly closed
workshop (first Monday, each meeting with a topic). Six months of past meetings have
attendance with apologies and newcomers (open groups draw people who came once or twice);
one meeting was cancelled with a reason; the next two months are generated. The demo
facilitator accounts are linked to groups: the first runs the peer support group and the
forum, the second the workshop.

Large (benchmarks): four sets of the four groups with bigger lists, from the 10,000
members. The same data every run: choices come from a seeded ``random.Random``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import select

from involve_desktop.core.dates import add_months
from involve_desktop.core.demo.context import SEED, DemoContext, DemoSize
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.models.people import Member, MemberRole, RoleType
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import (
    meetings_attendance,
    meetings_generate,
    meetings_groups,
    meetings_meetings,
)
from involve_desktop.core.services.meetings_dto import (
    LAST_WEEK,
    AttendanceState,
    GroupInput,
    GroupKind,
    MeetingInput,
    ScheduleInput,
    ScheduleKind,
)

_RANDOM_SEED = SEED + 50
SETS = {DemoSize.STANDARD: 1, DemoSize.LARGE: 4}
LIST_SIZES = {DemoSize.STANDARD: 9, DemoSize.LARGE: 24}
SET_NAMES = ("", " North", " South", " East")
PAST_MONTHS = 6
FUTURE_MONTHS = 2
CANCELLED_REASON = "Venue closed: a burst pipe flooded the hall."
TOPICS = (
    "Collage and conversation",
    "Writing for wellbeing",
    "Printmaking",
    "Photography walk",
    "Clay and calm",
    "Zine making",
    "Poetry and tea",
    "Drawing from life",
    "Music and rhythm",
)
P, A = AttendanceState.PRESENT, AttendanceState.APOLOGIES


@dataclass(frozen=True)
class GroupPlan:
    """One demo group: its details and how people come."""

    name: str
    kind: GroupKind
    venue: str
    open_membership: bool
    schedule: ScheduleInput
    comes: float  # chance a listed member is present
    apologies: float  # chance they send apologies instead


def _plans(start: date, suffix: str) -> list[GroupPlan]:
    anchor = start + timedelta(days=(3 - start.weekday()) % 7)  # first Thursday from start
    return [
        GroupPlan(
            f"Management Council{suffix}",
            GroupKind.MANAGEMENT_COUNCIL,
            "Riverside Voices office, 3 Mill Lane, RV1 3GH",
            False,
            ScheduleInput(ScheduleKind.MONTHLY, time(18), time(20), 2, LAST_WEEK, valid_from=start),
            0.8,
            0.15,
        ),
        GroupPlan(
            f"Tuesday Peer Support{suffix}",
            GroupKind.PEER_SUPPORT,
            "Oak Street Community Centre, 12 Oak Street, RV2 7CD",
            True,
            ScheduleInput(ScheduleKind.WEEKLY, time(14), time(16), 1, valid_from=start),
            0.7,
            0.12,
        ),
        GroupPlan(
            f"Riverside Voices Forum{suffix}",
            GroupKind.FORUM,
            "Riverside Central Library, Market Square, RV1 2EF",
            True,
            ScheduleInput(
                ScheduleKind.FORTNIGHTLY, time(10), time(12), anchor_on=anchor, valid_from=start
            ),
            0.65,
            0.1,
        ),
        GroupPlan(
            f"Creative Wellbeing Workshop{suffix}",
            GroupKind.WORKSHOP,
            "The Arts Hub, 5 Canal Street, RV3 1JK",
            False,
            ScheduleInput(ScheduleKind.MONTHLY, time(18), time(20), 0, 1, valid_from=start),
            0.75,
            0.1,
        ),
    ]


@dataclass
class _People:
    """Active members by what the council needs, and facilitators, in id order."""

    lived: list[int]
    without: list[int]
    unknown: list[int]
    facilitators: list[int]

    @property
    def everyone(self) -> list[int]:
        return sorted(self.lived + self.without + self.unknown)


def _people(ctx: DemoContext) -> _People:
    rows = ctx.session.execute(
        select(Member.id, Member.lived_experience)
        .where(Member.status == "active")
        .order_by(Member.id)
    ).all()
    facilitators = set(
        ctx.session.scalars(
            select(MemberRole.member_id)
            .join(RoleType, RoleType.id == MemberRole.role_type_id)
            .where(RoleType.code == "facilitator", MemberRole.end_on.is_(None))
        )
    )
    active = {id_ for id_, _ in rows}
    return _People(
        [id_ for id_, lived in rows if lived is True],
        [id_ for id_, lived in rows if lived is False],
        [id_ for id_, lived in rows if lived is None],
        sorted(facilitators & active),
    )


def _council_list(people: _People, size: int, rng: random.Random) -> list[int]:
    """Mostly members with lived experience: two thirds, then staff/allies and one unknown."""
    lived = rng.sample(people.lived, min(len(people.lived), size * 2 // 3))
    without = rng.sample(people.without, min(len(people.without), size - len(lived) - 1))
    unknown = people.unknown[:1]
    return lived + without + unknown


def _attend(
    plan: GroupPlan,
    regulars: list[int],
    drop_ins: list[int],
    rng: random.Random,
) -> dict[int, AttendanceState]:
    states: dict[int, AttendanceState] = {}
    for member_id in regulars:
        roll = rng.random()
        if roll < plan.comes:
            states[member_id] = P
        elif roll < plan.comes + plan.apologies:
            states[member_id] = A
    if plan.open_membership and drop_ins:
        for member_id in rng.sample(drop_ins, min(len(drop_ins), rng.randint(0, 3))):
            states[member_id] = P
    return states


def _council_states(
    members: list[int], lived: set[int], index: int, rng: random.Random
) -> dict[int, AttendanceState]:
    """Council attendance: lived experience in the majority, except at the third meeting."""
    with_lived = [m for m in members if m in lived]
    others = [m for m in members if m not in lived]
    if index == 2:  # the meeting where members with lived experience were not the majority
        present = with_lived[:2] + others
        return {m: P for m in present} | {m: A for m in with_lived[2:4]}
    coming = [m for m in with_lived if rng.random() < 0.85]
    if len(coming) < len(others) + 1:
        coming = with_lived[: len(others) + 1]
    states = {m: P for m in coming} | {m: P for m in others if rng.random() < 0.8}
    return states | {m: A for m in with_lived if m not in states and rng.random() < 0.5}


def _seed_set(
    ctx: DemoContext, people: _People, suffix: str, rng: random.Random, accounts: list[int]
) -> None:
    session, actor, today = ctx.session, ctx.coordinator, ctx.today
    start = add_months(today, -PAST_MONTHS)
    size = LIST_SIZES[ctx.size]
    lived = set(people.lived)
    for index, plan in enumerate(_plans(start, suffix)):
        data = GroupInput(plan.name, plan.kind, plan.venue, plan.open_membership, plan.schedule)
        group_id = meetings_groups.create_group(session, actor, data, today=start).id
        if plan.kind is GroupKind.MANAGEMENT_COUNCIL:
            regulars = _council_list(people, size, rng)
        else:
            regulars = rng.sample(people.everyone, size)
        meetings_groups.set_group_members(session, actor, group_id, regulars, today=start)
        runs = [m for m in people.facilitators if m not in regulars][:1] or regulars[:1]
        meetings_groups.set_group_facilitators(session, actor, group_id, runs)
        linked = [a for a, groups in accounts if index in groups] if suffix == "" else []
        if linked:
            meetings_groups.set_group_accounts(session, actor, group_id, linked)
        meetings_generate.generate_meetings(
            session,
            actor,
            start,
            add_months(today, FUTURE_MONTHS),
            group_id=group_id,
            today=today,
            include_past=True,
        )
        meetings = meetings_meetings.list_meetings(session, actor, group_id)
        drop_ins = [m for m in rng.sample(people.everyone, size * 2) if m not in regulars]
        past = [m for m in meetings if m.day < today]
        for number, meeting in enumerate(past):
            if plan.kind is GroupKind.WORKSHOP:
                topic = TOPICS[number % len(TOPICS)]
                meetings_meetings.update_meeting(
                    session, actor, meeting.id, MeetingInput(meeting.day, topic=topic), today=today
                )
            if plan.kind is GroupKind.PEER_SUPPORT and number == len(past) // 3:
                meetings_meetings.cancel_meeting(session, actor, meeting.id, CANCELLED_REASON)
                continue
            if plan.kind is GroupKind.MANAGEMENT_COUNCIL:
                states = _council_states(regulars, lived, number, rng)
            else:
                # newcomers: drop-ins come from later meetings on, a few at a time
                pool = drop_ins[: 1 + number * len(drop_ins) // max(len(past), 1)]
                states = _attend(plan, regulars, pool, rng)
            meetings_attendance.set_attendance(session, actor, meeting.id, states, today=today)


def _facilitator_accounts(ctx: DemoContext) -> list[tuple[int, set[int]]]:
    """The demo facilitator accounts and the groups (by index in the plans) each runs."""
    ids = list(
        ctx.session.scalars(
            select(Account.id).where(Account.role == Role.FACILITATOR.value).order_by(Account.id)
        )
    )
    runs = [{1, 2}, {3}]
    return list(zip(ids, runs, strict=False))


def seed_meetings(ctx: DemoContext) -> None:
    """Add the demo groups, meetings and attendance (see the module docstring)."""
    rng = random.Random(_RANDOM_SEED)
    people = _people(ctx)
    accounts = _facilitator_accounts(ctx)
    for suffix in SET_NAMES[: SETS[ctx.size]]:
        _seed_set(ctx, people, suffix, rng, accounts)
