"""The annual report's 4PI activity figures, hand-checked on a small year."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services import activities, you_said
from involve_desktop.core.services.activities_dto import (
    ActivityInput,
    ActivityKind,
    ImpactStatus,
    YouSaidInput,
    YouSaidStatus,
)
from involve_desktop.core.services.activities_summary import activities_summary

TODAY = date(2026, 12, 31)


def test_summary_figures(session, coordinator, people):
    alan, bea, chris = people
    make = lambda data: activities.create_activity(session, coordinator, data, today=TODAY)  # noqa: E731
    # 1: consultation, 2 members + 2 staff (1 with lived experience); changed; feedback given.
    make(
        ActivityInput(
            "Crisis line",
            ActivityKind.CONSULTATION,
            date(2026, 2, 1),
            purpose="p",
            member_ids=(alan, bea),
            staff_count=2,
            others_lived_experience=1,
            missing_groups=("young people", "men"),
            feedback_on=date(2026, 2, 10),
            feedback_how="Letter",
            impact_status=ImpactStatus.CHANGED,
            impact_services="Open until 2am.",
        )
    )
    # 2: consultation, 1 member + 1 carer + 1 other; no change with reason; no feedback.
    make(
        ActivityInput(
            "Letters",
            ActivityKind.CONSULTATION,
            date(2026, 5, 1),
            member_ids=(chris,),
            carers_count=1,
            others_count=1,
            missing_groups=("Young people",),
            impact_status=ImpactStatus.NO_CHANGE,
            impact_reason="Set nationally.",
        )
    )
    # 3: workshop, 3 members; waiting, nothing recorded.
    make(
        ActivityInput(
            "Leaflet",
            ActivityKind.WORKSHOP,
            date(2026, 9, 1),
            member_ids=(alan, bea, chris),
            missing_groups=("older people",),
        )
    )
    # Outside the year: not counted.
    make(ActivityInput("Old", ActivityKind.PANEL, date(2025, 12, 31), member_ids=(alan,)))
    for status, we_did, reason in (
        (YouSaidStatus.DONE, "Moved", None),
        (YouSaidStatus.DONE, "Rewrote", None),
        (YouSaidStatus.NOT_POSSIBLE, None, "Not ours"),
    ):
        you_said.create_entry(
            session,
            coordinator,
            YouSaidInput(date(2026, 3, 1), "x", we_did, status, reason),
            today=TODAY,
        )
    s = activities_summary(session, coordinator, date(2026, 1, 1), date(2026, 12, 31))
    assert s.activities == 3
    assert s.by_kind == ((ActivityKind.CONSULTATION, 2), (ActivityKind.WORKSHOP, 1))
    assert (s.members_present, s.others_present, s.people_present) == (6, 4, 10)
    # Chris is an ally (no lived experience on his record), so he is not counted.
    assert s.lived_experience_present == 5 and s.lived_share == 50
    assert s.missing_groups == (("young people", 2), ("men", 1), ("older people", 1))
    assert (s.impact_recorded, s.changed, s.feedback_given) == (2, 1, 1)
    assert s.you_said_by_status == (
        (YouSaidStatus.PLANNED, 0),
        (YouSaidStatus.DONE, 2),
        (YouSaidStatus.NOT_POSSIBLE, 1),
    )
    assert s.impact_examples == ("Open until 2am.",)
    assert "Alan" not in repr(s) and "Wright" not in repr(s)


def test_an_empty_year_has_no_share(session, coordinator):
    s = activities_summary(session, coordinator, date(2026, 1, 1), date(2026, 12, 31))
    assert s.activities == 0 and s.lived_share is None and s.missing_groups == ()
