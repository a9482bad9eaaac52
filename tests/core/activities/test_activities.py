"""4PI activity records: validation naming the field, the completeness check, versions,
permissions refused and audited, and the member-days the spread reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import activities, you_said
from involve_desktop.core.services.activities_dto import (
    ActivityFilter,
    ActivityInput,
    ActivityKind,
    ImpactStatus,
    PaymentOffered,
    YouSaidInput,
)
from involve_desktop.core.services.activities_involvement import activity_involvement

TODAY = date(2026, 6, 1)
DAY = date(2026, 5, 1)


def _input(**kw) -> ActivityInput:
    base = ActivityInput("Crisis line consultation", ActivityKind.CONSULTATION, DAY)
    return replace(base, **kw)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": "  "}, "title", "Title is needed"),
        ({"staff_count": -1}, "staff_count", "Staff must be a whole number"),
        ({"staff_count": 1, "others_lived_experience": 2}, "others_lived_experience", "no more"),
        ({"payment": PaymentOffered.NO}, "payment_note", "say why"),
        ({"feedback_on": date(2026, 4, 1), "feedback_how": "Email"}, "feedback_on", "after"),
        ({"feedback_on": date(2026, 7, 1), "feedback_how": "Email"}, "feedback_on", "future"),
        ({"feedback_on": date(2026, 5, 8)}, "feedback_how", "Say how feedback"),
        ({"feedback_how": "Email"}, "feedback_on", "Give the date"),
        ({"impact_status": ImpactStatus.CHANGED}, "impact_services", "Say what changed"),
        ({"impact_status": ImpactStatus.NO_CHANGE}, "impact_reason", "say why"),
        ({"member_ids": (999,)}, "member_ids", "Pick again"),
        ({"missing_groups": ("x" * 101,)}, "missing_groups", "under 100"),
        ({"day": date(2026, 6, 2)}, "day", "after today: record an activity once"),
        (
            {"carers_count": 1, "missing_groups": ("young people", "Carers and families")},
            "missing_groups",
            "1 carer or family member came, yet “Carers and families” is listed as missing",
        ),
        ({"carers_count": 2, "missing_groups": ("families",)}, "missing_groups", "set carers"),
    ],
)
def test_validation_names_the_field_and_the_fix(session, coordinator, changes, field, words):
    with pytest.raises(ValidationError) as raised:
        activities.create_activity(session, coordinator, _input(**changes), today=TODAY)
    assert raised.value.field == field
    assert words.lower() in raised.value.message.lower()


def test_a_bare_activity_lists_every_gap_then_none_when_complete(session, coordinator, people):
    bare = activities.create_activity(session, coordinator, _input(), today=TODAY)
    assert bare.gaps == (
        "Purpose not recorded yet",
        "Presence not recorded yet",
        "Impact not recorded yet",
        "No feedback given back yet",
    )
    assert bare.complete_text == "⚠ purpose not recorded yet"
    full = activities.update_activity(
        session,
        coordinator,
        bare.id,
        _input(
            purpose="Hear what people need from the crisis line.",
            member_ids=(people[0], people[1]),
            staff_count=2,
            others_lived_experience=1,
            missing_groups=("young people", "Young  people", "men"),
            feedback_on=date(2026, 5, 20),
            feedback_how="Letter",
            impact_status=ImpactStatus.CHANGED,
            impact_services="Open until 2am at weekends.",
            version=bare.version,
        ),
        today=TODAY,
    )
    assert full.gaps == ()
    assert full.complete_text == "✓ complete"
    assert [p.name for p in full.members] == ["Alan Wright", "Bea Jones"]
    assert full.people_present == 4 and full.lived_experience_present == 3
    assert full.missing_groups == ("young people", "men")  # duplicates folded


def test_only_impact_missing_is_flagged_as_such(session, coordinator, people):
    info = activities.create_activity(
        session,
        coordinator,
        _input(
            purpose="p", member_ids=(people[0],), feedback_on=DAY, feedback_how="At the meeting"
        ),
        today=TODAY,
    )
    assert info.complete_text == "⚠ impact not recorded yet"
    no_change = activities.update_activity(
        session,
        coordinator,
        info.id,
        _input(
            purpose="p",
            member_ids=(people[0],),
            feedback_on=DAY,
            feedback_how="At the meeting",
            impact_status=ImpactStatus.NO_CHANGE,
            impact_reason="Set nationally.",
        ),
        today=TODAY,
    )
    assert no_change.gaps == ()


def test_an_older_copy_cannot_overwrite_a_newer_save(session, coordinator):
    info = activities.create_activity(session, coordinator, _input(), today=TODAY)
    activities.update_activity(
        session, coordinator, info.id, _input(title="First", version=info.version), today=TODAY
    )
    with pytest.raises(ValidationError, match="Someone else changed"):
        activities.update_activity(
            session, coordinator, info.id, _input(title="Second", version=info.version), today=TODAY
        )
    assert activities.get_activity(session, coordinator, info.id).title == "First"


def test_list_filters_and_delete_keeps_linked_entries(session, coordinator, people):
    a = activities.create_activity(session, coordinator, _input(title="Alpha"), today=TODAY)
    b = activities.create_activity(
        session,
        coordinator,
        _input(title="Beta", kind=ActivityKind.PANEL, day=date(2026, 3, 1), purpose="p"),
        today=TODAY,
    )
    assert [i.title for i in activities.list_activities(session, coordinator)] == ["Alpha", "Beta"]
    panels = activities.list_activities(
        session, coordinator, ActivityFilter(kind=ActivityKind.PANEL)
    )
    assert [i.id for i in panels] == [b.id]
    april = ActivityFilter(start=date(2026, 4, 1), end=date(2026, 5, 31), text="alp")
    assert [i.id for i in activities.list_activities(session, coordinator, april)] == [a.id]
    entry = you_said.create_entry(
        session, coordinator, YouSaidInput(DAY, "Open later", activity_id=a.id), today=TODAY
    )
    assert entry.activity_title == "Alpha"
    activities.delete_activity(session, coordinator, a.id)
    assert you_said.get_entry(session, coordinator, entry.id).activity_id is None
    actions = session.scalars(
        select(AuditEntry.action).where(AuditEntry.entity == "involvement_activity")
    ).all()
    assert sorted(actions) == ["create", "create", "delete"]


def test_activity_involvement_gives_one_member_day_per_member_present(session, coordinator, people):
    alan, bea, chris = people
    activities.create_activity(
        session, coordinator, _input(member_ids=(alan, bea), staff_count=3), today=TODAY
    )
    activities.create_activity(
        session, coordinator, _input(day=date(2026, 5, 20), member_ids=(bea,)), today=TODAY
    )
    activities.create_activity(
        session, coordinator, _input(day=date(2026, 1, 5), member_ids=(chris,)), today=TODAY
    )
    got = activity_involvement(session, date(2026, 4, 1), date(2026, 5, 20))
    assert sorted(got) == [(alan, DAY), (bea, DAY), (bea, date(2026, 5, 20))]
    assert activity_involvement(session, date(2026, 5, 2), date(2026, 5, 19)) == []


def test_facilitators_are_refused_and_the_refusal_is_on_the_trail(
    session, coordinator, facilitator
):
    info = activities.create_activity(session, coordinator, _input(), today=TODAY)
    calls = [
        lambda: activities.list_activities(session, facilitator),
        lambda: activities.get_activity(session, facilitator, info.id),
        lambda: activities.create_activity(session, facilitator, _input(), today=TODAY),
        lambda: activities.update_activity(session, facilitator, info.id, _input(), today=TODAY),
        lambda: activities.delete_activity(session, facilitator, info.id),
        lambda: you_said.list_entries(session, facilitator),
        lambda: you_said.create_entry(session, facilitator, YouSaidInput(DAY, "x"), today=TODAY),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied, match="coordinator"):
            call()
        session.rollback()
    denied = session.scalars(
        select(AuditEntry.entity).where(
            AuditEntry.action == "denied", AuditEntry.account_id == facilitator.account_id
        )
    ).all()
    assert sorted(denied) == ["manage_involvement"] * 4 + ["view_involvement"] * 3


def test_carers_missing_with_none_present_and_an_activity_today_are_fine(session, coordinator):
    none_came = _input(carers_count=0, missing_groups=("Carers and families",))
    assert activities.create_activity(session, coordinator, none_came, today=TODAY).id
    others_missing = _input(day=TODAY, carers_count=2, missing_groups=("young people",))
    assert activities.create_activity(session, coordinator, others_missing, today=TODAY).id
