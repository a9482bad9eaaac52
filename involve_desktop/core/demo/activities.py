"""Demo: a year of 4PI involvement activities with impact records (issue 9).

Runs after the members seeder and uses its people, through the activity services (every
rule applied, every change audited). Standard: 15 activities over the past 12 months, of
every kind, with purpose, presence (three to eight demo members plus staff, carers and
others), process and, for most, impact and feedback; the last few still wait to hear, so
the "impact not recorded" flag shows. Then 10 you said, we did entries, some linked to an
activity, in every status. Large: the same list three times over. The principles the
group agreed are saved too.

The same data every run: choices come from a seeded ``random.Random``.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select

from involve_desktop.core.demo.context import SEED, DemoContext, DemoSize
from involve_desktop.core.models.people import Member
from involve_desktop.core.services import activities, activities_principles, you_said
from involve_desktop.core.services.activities_dto import (
    ActivityInput,
    ActivityKind,
    ImpactStatus,
    PaymentOffered,
    Principles,
    YouSaidInput,
    YouSaidStatus,
)

_RANDOM_SEED = SEED + 120
K = ActivityKind
# (title, kind, asked by, purpose, missing groups, what changed for services, for people)
ACTIVITIES = (
    (
        "Crisis line opening hours consultation",
        K.CONSULTATION,
        "Riverside NHS Trust",
        "Hear what people who have used the crisis line need from its opening hours.",
        ("young people", "men"),
        "The crisis line now stays open until 2am at weekends.",
        "Members saw their words quoted in the Trust's decision paper.",
    ),
    (
        "Discharge leaflet co-production workshop",
        K.WORKSHOP,
        "Acute Inpatient Wards",
        "Rewrite the discharge leaflet together so it makes sense on the day you leave.",
        ("people from Black and minority ethnic communities",),
        "The new leaflet is given out on every ward.",
        "Two members now review all ward leaflets and are paid for it.",
    ),
    (
        "Members' council: choosing next year's priorities",
        K.COUNCIL_DECISION,
        "Riverside Voices members' council",
        "Agree the three things the group will push for next year.",
        ("carers and families",),
        "The council's three priorities went into the group's plan.",
        "Members chose the priorities themselves, not staff.",
    ),
    (
        "Peer Support Worker interviews",
        K.PANEL,
        "Community Mental Health Team",
        "Make sure people with lived experience choose who is appointed.",
        (),
        "The person appointed was the lived-experience panel members' first choice.",
        "Panel members said they felt listened to in the scoring.",
    ),
    (
        "Moving the drop-in to the library",
        K.SERVICE_CHANGE,
        "Riverside Council",
        "Ask members before the Tuesday drop-in moves to the library building.",
        ("men", "older people"),
        "A quiet room was added at the library before the move.",
        "",
    ),
    (
        "Waiting list letters consultation",
        K.CONSULTATION,
        "Talking Therapies service",
        "Make the waiting list letters less frightening and say what support there is.",
        ("young people",),
        "",
        "",
    ),
    (
        "Recovery College course design day",
        K.WORKSHOP,
        "Riverside Recovery College",
        "Design a new course on living with voices with people who hear them.",
        ("people from Black and minority ethnic communities", "men"),
        "The course runs from next term, co-taught by two members.",
        "Members gained tutor training.",
    ),
    (
        "Council vote on the peer support fund",
        K.COUNCIL_DECISION,
        "Riverside Voices members' council",
        "Decide how the small peer support fund is shared between groups.",
        (),
        "",
        "",
    ),
    (
        "Senior Peer Support Worker interviews",
        K.PANEL,
        "Crisis Resolution Team",
        "Lived-experience members on the panel for a senior peer post.",
        ("young people",),
        "",
        "",
    ),
    (
        "Community mental health team reorganisation",
        K.SERVICE_CHANGE,
        "Riverside NHS Trust",
        "Say what matters to people when teams are merged.",
        ("people from Black and minority ethnic communities", "young people"),
        "",
        "",
    ),
    (
        "Ward mealtimes survey design",
        K.OTHER,
        "Acute Inpatient Wards",
        "Write the questions for the ward mealtimes survey with people who have stayed there.",
        ("men",),
        "",
        "",
    ),
    (
        "Website accessibility review",
        K.CONSULTATION,
        "Riverside NHS Trust",
        "Test the Trust's new website with members who use screen readers or easy read.",
        ("older people",),
        "",
        "",
    ),
)
NO_CHANGE = (
    "Talking Therapies service",
    "The service said letters are set nationally; they added a local support sheet instead.",
)
YOU_SAID = (
    ("The drop-in room is too noisy to talk.", "We moved to the library's quiet room.", "done"),
    ("Letters from the ward are hard to read.", "We rewrote them with members.", "done"),
    ("We want to be paid for panels on the day.", "Payment now goes out within a week.", "done"),
    ("Crisis line closes too early at weekends.", "Open until 2am at weekends.", "done"),
    ("More sessions in the evening for people who work.", "", "planned"),
    ("A men's peer group.", "", "planned"),
    ("Easy read versions of every leaflet.", "Easy read for the discharge leaflet.", "planned"),
    ("Free parking at the hospital for meetings.", "", "not_possible"),
    ("Reimburse travel on the same day in cash.", "", "not_possible"),
    (
        "Tell us what happened after we gave our views.",
        "Feedback letters after each activity.",
        "done",
    ),
)
# Which activity (index in ACTIVITIES) each you said, we did entry came from, where known.
LINKS = {0: 4, 1: 1, 3: 0, 6: 11}
PRINCIPLES = (
    "We are led by people with lived experience.\n"
    "Everyone's voice counts, and we go looking for those we do not hear.\n"
    "We are paid fairly and supported to take part.\n"
    "We always hear back what changed."
)


def _members(ctx: DemoContext) -> list[int]:
    return list(ctx.session.scalars(select(Member.id).order_by(Member.id).limit(60)))


def seed_activities(ctx: DemoContext) -> None:
    """Add a year of 4PI involvement activities with impact records to the demo group."""
    rng = random.Random(_RANDOM_SEED)
    people = _members(ctx)
    actor, today = ctx.coordinator, ctx.today
    activities_principles.save_principles(
        ctx.session, actor, Principles(PRINCIPLES, today - timedelta(days=400)), today=today
    )
    rounds = 3 if ctx.size is DemoSize.LARGE else 1
    made: list[int] = []
    for r in range(rounds):
        plan = ACTIVITIES + ACTIVITIES[:3]  # 15 a year
        for i, (title, kind, asked, purpose, missing, services, changed) in enumerate(plan):
            day = today - timedelta(days=360 - i * 24 - r)
            status = ImpactStatus.CHANGED if services or changed else ImpactStatus.WAITING
            reason = None
            if asked == NO_CHANGE[0]:
                status, reason = ImpactStatus.NO_CHANGE, NO_CHANGE[1]
            fresh = day > today - timedelta(days=40)
            if fresh:
                status, services, changed = ImpactStatus.WAITING, "", ""
            staff = rng.randint(1, 4)
            data = ActivityInput(
                title=title if i < len(ACTIVITIES) else f"{title} (follow-up)",
                kind=kind,
                day=day,
                asked_by=asked,
                purpose=purpose,
                member_ids=tuple(rng.sample(people, min(len(people), rng.randint(3, 8)))),
                staff_count=staff,
                # none present where carers and families are noted as missing (the same
                # random draws either way, so the rest of the demo is unchanged)
                carers_count=rng.randint(0, 3) * ("carers and families" not in missing),
                others_count=rng.randint(0, 2),
                others_lived_experience=rng.randint(0, 1),
                missing_groups=missing,
                roles="Members chaired and took notes; staff answered questions.",
                preparation="A briefing pack went out a week before, in easy read too.",
                accessibility="Step-free room, hearing loop, large print; online link offered.",
                support="A peer supporter on hand; a quiet room; travel booked for anyone "
                "who asked.",
                payment=PaymentOffered.YES
                if kind is not K.COUNCIL_DECISION
                else PaymentOffered.NOT_APPLICABLE,
                payment_note=None
                if kind is K.COUNCIL_DECISION
                else "Paid at the involvement rate, plus travel.",
                feedback_on=None if fresh or i % 5 == 4 else day + timedelta(days=14),
                feedback_how=None
                if fresh or i % 5 == 4
                else "A letter and an email to each person.",
                impact_services=services or None,
                impact_people=changed or None,
                impact_status=status,
                impact_reason=reason,
            )
            made.append(activities.create_activity(ctx.session, actor, data, today=today).id)
    for i, (said, did, status) in enumerate(YOU_SAID):
        you_said.create_entry(
            ctx.session,
            actor,
            YouSaidInput(
                day=today - timedelta(days=330 - i * 30),
                you_said=said,
                we_did=did or None,
                status=YouSaidStatus(status),
                reason="Outside what the Trust can change; we raised it with the Council."
                if status == "not_possible"
                else None,
                responsible=("Involvement lead", "Ward manager", "Members' council")[i % 3],
                activity_id=made[LINKS[i]] if i in LINKS else None,
            ),
            today=today,
        )
