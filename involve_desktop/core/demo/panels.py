"""The recruitment panels demo seeder: 12 months of panels, a few people sitting often.

Runs after the members seeder and uses its people, through the panel services (every rule
applied, every change audited). The policy is set to equal numbers, so a panel short of
lived-experience members is flagged. Standard: two panels a month for the past 12 months
(held, one cancelled with a reason), each with two staff (outside people with job titles,
sometimes a staff member from the list) and usually two lived-experience members, the
briefing, shortlisting, question-setting, scoring, debrief and feedback mostly recorded;
then three panels planned in the next two months, one not yet staffed. Who sits is drawn
with weights, so three people take most seats and the over-reliance warning shows, as it
would in many real groups. Large (benchmarks): four times as many panels.

The same data every run: choices come from a seeded ``random.Random``.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from sqlalchemy import select

from involve_desktop.core.dates import add_months
from involve_desktop.core.demo.context import SEED, DemoContext, DemoSize
from involve_desktop.core.models.people import Member, MemberRole, RoleType
from involve_desktop.core.services import (
    member_records,
    panels,
    panels_policy,
    panels_seats,
    reference_lists,
)
from involve_desktop.core.services.panels_dto import (
    PanelInput,
    PanelPolicy,
    PanelProcessInput,
    PolicyKind,
    SeatInput,
    SeatKind,
)
from involve_desktop.core.services.panels_seats import training_expiry, training_problem

_RANDOM_SEED = SEED + 60
PANELS_A_MONTH = {DemoSize.STANDARD: 2, DemoSize.LARGE: 8}
NEWLY_TRAINED = {DemoSize.STANDARD: 6, DemoSize.LARGE: 40}
PAST_MONTHS = 12
CANCELLED_REASON = "The post was frozen while the service is reviewed."
POSTS = (
    ("Peer Support Worker", "Community Mental Health Team"),
    ("Senior Peer Support Worker", "Crisis Resolution Team"),
    ("Occupational Therapist", "Acute Inpatient Wards"),
    ("Involvement and Co-production Lead", "Riverside NHS Trust"),
    ("Community Psychiatric Nurse", "Early Intervention in Psychosis"),
    ("Recovery College Tutor", "Riverside Recovery College"),
    ("Team Manager", "Home Treatment Team"),
    ("Clinical Psychologist", "Community Mental Health Team"),
)
STAFF = (
    ("Helen Marsh", "Service Manager"),
    ("Raj Bhatt", "Team Manager"),
    ("Claire Dunn", "Head of Nursing"),
    ("Tom Okoro", "HR Business Partner"),
    ("Anna Wiśniewska", "Consultant Psychiatrist"),
    ("Gareth Price", "Recovery College Manager"),
)
VENUES = ("Trust Headquarters, Meeting Room 2", "Riverside Voices office, 3 Mill Lane, RV1 3GH")
QUESTIONS = (
    "What does recovery mean to you, and how would it shape your work?",
    "Tell us about a time you changed your practice after feedback from someone using services.",
    "How would you make sure people with lived experience lead, not just attend?",
)


def _people(ctx: DemoContext, day: date) -> list[int]:
    """Active members trained for panels (current on ``day``) who had joined by then, in id
    order."""
    active = set(
        ctx.session.scalars(
            select(Member.id).where(
                Member.status == "active",
                Member.lived_experience.is_not(False),
                Member.date_joined <= day,
            )
        )
    )
    expiry = training_expiry(ctx.session, None, day)
    return sorted(m for m in expiry if m in active and not training_problem("", expiry, m, day))


def _train_more(ctx: DemoContext, rng: random.Random) -> None:
    """A few more active members trained for panels over the past 18 months (some only
    recently, so they have had little chance to sit yet)."""
    type_id = reference_lists.training_type_id(ctx.session, "recruitment_panel")
    have = set(training_expiry(ctx.session, None, ctx.today))
    others = [m for m in _lived_active(ctx) if m not in have]
    joined = dict(ctx.session.execute(select(Member.id, Member.date_joined)).all())
    for member_id in rng.sample(others, min(len(others), NEWLY_TRAINED[ctx.size])):
        # Never trained before they joined.
        completed = max(ctx.today - timedelta(days=rng.randint(20, 540)), joined[member_id])
        member_records.record_training(
            ctx.session, ctx.coordinator, member_id, type_id, completed, today=ctx.today
        )


def _lived_active(ctx: DemoContext) -> list[int]:
    return list(
        ctx.session.scalars(
            select(Member.id)
            .where(Member.status == "active", Member.lived_experience.is_(True))
            .order_by(Member.id)
        )
    )


def _staff_members(ctx: DemoContext) -> dict[int, date]:
    """Members with the staff role now, in id order, and the day each joined."""
    return dict(
        ctx.session.execute(
            select(MemberRole.member_id, Member.date_joined)
            .join(RoleType, RoleType.id == MemberRole.role_type_id)
            .join(Member, Member.id == MemberRole.member_id)
            .where(RoleType.code == "staff", MemberRole.end_on.is_(None))
            .order_by(MemberRole.member_id)
        ).all()
    )


def _choose(pool: list[int], frequent: list[int], count: int, rng: random.Random) -> list[int]:
    """``count`` people, the frequent few far likelier to be asked than anyone else (four
    times in a small group; in the large demo's long list, in proportion to its length)."""
    chosen: list[int] = []
    left = list(pool)
    heavy = max(4, len(pool) // 8)
    while left and len(chosen) < count:
        weights = [heavy if m in frequent else 1 for m in left]
        pick = rng.choices(left, weights)[0]
        chosen.append(pick)
        left.remove(pick)
    return chosen


def _panel_days(today: date, per_month: int, rng: random.Random) -> list[date]:
    days = []
    for months_back in range(PAST_MONTHS, 0, -1):
        first = add_months(today, -months_back)
        for _ in range(per_month):
            day = first + timedelta(days=rng.randint(0, 27))
            days.append(day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() > 4 else 0))
    return sorted(d for d in days if d < today)


def _seat_staff(
    ctx: DemoContext,
    panel_id: int,
    day: date,
    staff_ids: dict[int, date],
    busy: set[int],
    rng: random.Random,
) -> None:
    outside = rng.sample(STAFF, 2)
    # nobody on two panels in a day, nor on one from before they joined
    free = [m for m, joined in staff_ids.items() if m not in busy and joined <= day]
    if free and rng.random() < 0.3:
        member = rng.choice(free)
        busy.add(member)
        data = SeatInput(SeatKind.STAFF, member, job_title="Involvement Manager")
        panels_seats.add_seat(ctx.session, ctx.coordinator, panel_id, data)
        outside = outside[:1]
    for number, (name, job) in enumerate(outside):
        role = "Chair" if number == 0 else None
        data = SeatInput(SeatKind.STAFF, outside_name=name, job_title=job, panel_role=role)
        panels_seats.add_seat(ctx.session, ctx.coordinator, panel_id, data)


def _add_panel(ctx: DemoContext, day: date, number: int, rng: random.Random) -> int:
    post, team = POSTS[number % len(POSTS)]
    online = number % 5 == 3
    data = PanelInput(
        post,
        day,
        team=team,
        start_time=time(9, 30),
        end_time=time(13 if number % 2 else 16),
        venue=None if online else VENUES[number % len(VENUES)],
        online=online,
        online_link="Microsoft Teams — link in the calendar invite" if online else None,
        candidates=rng.randint(3, 6),
    )
    return panels.create_panel(ctx.session, ctx.coordinator, data).id


def seed_panels(ctx: DemoContext) -> None:
    """Add the demo panels (see the module docstring)."""
    rng = random.Random(_RANDOM_SEED)
    session, actor, today = ctx.session, ctx.coordinator, ctx.today
    panels_policy.save_policy(session, actor, PanelPolicy(PolicyKind.EQUAL))
    frequent = _people(ctx, today)[:3]  # trained before the new ones below
    _train_more(ctx, rng)
    staff_ids = _staff_members(ctx)
    days = _panel_days(today, PANELS_A_MONTH[ctx.size], rng)
    busy: dict[date, set[int]] = {}  # who is on a panel each day already
    for number, day in enumerate(days):
        panel_id = _add_panel(ctx, day, number, rng)
        if number == len(days) // 2:
            panels.cancel_panel(session, actor, panel_id, CANCELLED_REASON)
            continue
        taken = busy.setdefault(day, set())
        _seat_staff(ctx, panel_id, day, staff_ids, taken, rng)
        wanted = 1 if number % 7 == 4 else 2  # now and then only one could come: flagged
        pool = [m for m in _people(ctx, day) if m not in taken]
        for member_id in _choose(pool, frequent, wanted, rng):
            taken.add(member_id)
            panels_seats.add_seat(
                session, actor, panel_id, SeatInput(SeatKind.LIVED_EXPERIENCE, member_id)
            )
        panels.mark_held(session, actor, panel_id, today=today)
        debriefed = number % 6 != 5
        process = PanelProcessInput(
            briefing_on=day - timedelta(days=7),
            shortlisting=number % 4 != 1,
            question_setting=True,
            scoring=True,
            questions_contributed=QUESTIONS[number % len(QUESTIONS)],
            debrief_on=min(day + timedelta(days=2), today) if debriefed else None,
            feedback_given=debriefed and number % 3 != 0,
        )
        panels.record_process(session, actor, panel_id, process, today=today)
    for number, weeks in enumerate((2, 5, 8)):
        day = today + timedelta(weeks=weeks)
        day += timedelta(days=(1 - day.weekday()) % 7)  # a Tuesday
        panel_id = _add_panel(ctx, day, len(days) + number, rng)
        if number == 2:
            continue  # not staffed yet: flagged until people are seated
        _seat_staff(ctx, panel_id, day, staff_ids, set(), rng)
        for member_id in _choose(_people(ctx, day), frequent, 2 - number, rng):
            panels_seats.add_seat(
                session, actor, panel_id, SeatInput(SeatKind.LIVED_EXPERIENCE, member_id)
            )
        panels.record_process(
            session, actor, panel_id, PanelProcessInput(briefing_on=day - timedelta(days=7))
        )
