"""Graduate co-facilitators (worked out, suggested and ranked), the pathway view, the
involvement history and alumni actions."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import (
    cohorts_alumni,
    cohorts_cohorts,
    cohorts_facilitators,
    cohorts_pathways,
    cohorts_progress,
    involvement,
    meetings_groups,
    members,
    panels,
)
from involve_desktop.core.services.cohorts_dto import AlumniActionInput, FacilitatorInput
from involve_desktop.core.services.cohorts_programmes import get_programme, list_programmes
from involve_desktop.core.services.cohorts_sessions import list_sessions
from involve_desktop.core.services.meetings_dto import GroupKind
from involve_desktop.core.services.member_dto import MemberStatus
from tests.core.cohorts.helpers import attend, cohort, enrolled, plan, programme
from tests.core.meetings.helpers import group
from tests.core.panels.helpers import panel, seat, trained

TODAY = date(2026, 3, 2)


def _graduates(session, actor, programme_id, name, start, people) -> int:
    """A one-session cohort on ``start`` whose ``people`` all came and graduated."""
    c = cohort(session, actor, programme_id, name, start=start)
    sessions = plan(session, actor, c, 1, weekday=start.weekday())
    for m in people:
        enrolled(session, actor, c, m, on=start)
    attend(session, actor, sessions, {1: set(people)}, start)
    result = cohorts_progress.graduate(session, actor, c, people, start, today=start)
    assert len(result.graduated) == len(people)
    return c


@pytest.fixture
def world(session, coordinator):
    """Two programmes; Aisha, Ben and Dan graduated from Cohort 1, Cara from another
    programme; Aisha co-facilitated Cohort 2; Dan is stepping back."""
    prog = programme(session, coordinator, sessions=1)
    other = programme(session, coordinator, "Recovery Leaders", sessions=1)
    aisha = trained(session, coordinator, "Aisha Khan")
    ben = trained(session, coordinator, "Ben Okafor")
    cara = trained(session, coordinator, "Cara Nwosu")
    dan = trained(session, coordinator, "Dan Hughes")
    first = _graduates(session, coordinator, prog, "Cohort 1", date(2025, 1, 7), [aisha, ben, dan])
    _graduates(session, coordinator, other, "Cohort A", date(2025, 2, 4), [cara])
    second = cohort(session, coordinator, prog, "Cohort 2", start=date(2025, 6, 3))
    cohorts_facilitators.add_facilitator(
        session, coordinator, second, FacilitatorInput(aisha), today=date(2025, 5, 1)
    )
    plan(session, coordinator, second, 1)
    members.change_status(
        session, coordinator, dan, MemberStatus.STEPPING_BACK, date(2026, 1, 1), today=TODAY
    )
    return {
        "prog": prog,
        "other": other,
        "first": first,
        "second": second,
        "aisha": aisha,
        "ben": ben,
        "cara": cara,
        "dan": dan,
    }


def test_graduate_cofacilitator_is_worked_out(session, coordinator, world) -> None:
    staff = cohorts_facilitators.add_facilitator(
        session,
        coordinator,
        world["second"],
        FacilitatorInput(outside_name="Dr Priya Shah", job_title="Clinical Lead"),
    )
    listed = cohorts_facilitators.list_facilitators(session, coordinator, world["second"])
    assert [(f.name, f.graduate_cofacilitator, f.graduated_from) for f in listed] == [
        ("Aisha Khan", True, "Peer Leadership Programme, Cohort 1"),
        ("Dr Priya Shah", False, None),
    ]
    assert staff.job_title == "Clinical Lead"
    # Aisha is copied onto the cohort's sessions
    [only] = list_sessions(session, coordinator, world["second"])
    assert [p.name for p in only.meeting.facilitators] == ["Aisha Khan"]
    # in her own first cohort she was not yet a graduate
    with pytest.raises(ValidationError, match="cannot facilitate their own cohort"):
        third = cohort(session, coordinator, world["prog"], "Cohort 3", start=date(2026, 4, 7))
        enrolled(session, coordinator, third, world["ben"], on=date(2026, 4, 7))
        cohorts_facilitators.add_facilitator(
            session, coordinator, third, FacilitatorInput(world["ben"])
        )


def test_suggestions_rank_own_programme_first_then_least_recently(
    session, coordinator, world
) -> None:
    third = cohort(session, coordinator, world["prog"], "Cohort 3", start=date(2026, 4, 7))
    found = cohorts_facilitators.suggest_cofacilitators(
        session, coordinator, world["prog"], cohort_id=third
    )
    assert [s.name for s in found] == ["Ben Okafor", "Aisha Khan", "Cara Nwosu"]  # not Dan
    ben, aisha, cara = found
    assert ben.reason == (
        "Graduated from Peer Leadership Programme, Cohort 1 (Tue 7 Jan 2025); has not "
        "co-facilitated a cohort yet"
    )
    assert aisha.reason == (
        "Graduated from Peer Leadership Programme, Cohort 1 (Tue 7 Jan 2025); last "
        "co-facilitated Peer Leadership Programme, Cohort 2 (from Tue 3 Jun 2025), 1 cohort in all"
    )
    assert not cara.same_programme and cara.graduated_from == "Recovery Leaders, Cohort A"
    cohorts_facilitators.add_facilitator(
        session, coordinator, third, FacilitatorInput(world["ben"])
    )
    again = cohorts_facilitators.suggest_cofacilitators(
        session, coordinator, world["prog"], cohort_id=third
    )
    assert [s.name for s in again] == ["Aisha Khan", "Cara Nwosu"]


def test_pathways_show_onward_roles_after_graduating(session, coordinator, world) -> None:
    before = panel(session, coordinator, "Support Worker", date(2024, 11, 5))
    seat(session, coordinator, before, world["ben"])
    panels.mark_held(session, coordinator, before, today=TODAY)
    after = panel(session, coordinator, "Peer Support Worker", date(2025, 9, 9))
    seat(session, coordinator, after, world["ben"])
    panels.mark_held(session, coordinator, after, today=TODAY)
    council = group(session, coordinator, "Management Council", kind=GroupKind.MANAGEMENT_COUNCIL)
    meetings_groups.set_group_members(
        session, coordinator, council, [world["cara"], world["aisha"]], today=date(2025, 10, 1)
    )
    result = cohorts_pathways.pathways(session, coordinator, world["prog"])
    rows = {r.name: r for r in result.graduates}
    assert set(rows) == {"Aisha Khan", "Ben Okafor", "Dan Hughes"}  # not Cara: other programme
    assert rows["Aisha Khan"].cofacilitated == ("Peer Leadership Programme, Cohort 2",)
    assert rows["Aisha Khan"].council == (("Management Council", date(2025, 10, 1)),)
    assert [(p.day, p.post_title) for p in rows["Ben Okafor"].panels] == [
        (date(2025, 9, 9), "Peer Support Worker")
    ]
    assert not rows["Dan Hughes"].went_on
    assert (result.cofacilitated, result.sat_panels, result.joined_council) == (1, 1, 1)


def test_pathways_leave_panels_out_for_facilitators(session, coordinator, facilitator, world):
    cohorts_cohorts.set_cohort_accounts(
        session, coordinator, world["first"], [facilitator.account_id]
    )
    result = cohorts_pathways.pathways(session, facilitator, world["prog"])
    assert result.graduates and result.limited
    assert result.sat_panels is None and all(r.panels is None for r in result.graduates)


def test_involvement_history_names_graduation_and_sessions(session, coordinator, world) -> None:
    [only] = list_sessions(session, coordinator, world["second"])
    attend(session, coordinator, [only], {1: set()}, only.meeting.day)
    items = [i.description for i in involvement.history(session, coordinator, world["aisha"])]
    assert "Graduated: Peer Leadership Programme, Cohort 1" in items
    assert "Co-facilitated Cohort 2 session: Peer Leadership Programme" in items
    assert "Attended Cohort 1 session: Peer Leadership Programme" in items
    assert not [i for i in items if i.startswith(("Attended: ", "Facilitated: "))]


def test_alumni_actions_log(session, coordinator, facilitator, world) -> None:
    action = cohorts_alumni.add_action(
        session,
        coordinator,
        AlumniActionInput(
            "Peer-led crisis café pilot",
            date(2025, 11, 20),
            (world["aisha"], world["ben"]),
            "Trust agreed to fund a second year",
            world["prog"],
        ),
    )
    assert [p.name for p in action.people] == ["Aisha Khan", "Ben Okafor"]
    assert action.programme_name == "Peer Leadership Programme"
    changed = cohorts_alumni.update_action(
        session,
        coordinator,
        action.id,
        AlumniActionInput("Peer-led crisis café", date(2025, 11, 20), (world["ben"],)),
    )
    assert [p.name for p in changed.people] == ["Ben Okafor"] and changed.programme_id is None
    assert cohorts_alumni.list_actions(session, facilitator) == []  # runs no cohort yet
    cohorts_cohorts.set_cohort_accounts(
        session, coordinator, world["first"], [facilitator.account_id]
    )
    mine = cohorts_alumni.list_actions(session, facilitator, member_id=world["ben"])
    assert [a.title for a in mine] == ["Peer-led crisis café"]
    assert cohorts_alumni.list_actions(session, coordinator, member_id=world["aisha"]) == []
    with pytest.raises(ValidationError) as error:
        cohorts_alumni.add_action(
            session, coordinator, AlumniActionInput("Nobody", date(2025, 1, 1))
        )
    assert error.value.field == "member_ids"
    cohorts_alumni.delete_action(session, coordinator, action.id)
    assert cohorts_alumni.list_actions(session, coordinator) == []


def test_facilitator_sees_pathways_of_own_cohorts_only(
    session, coordinator, facilitator, world
) -> None:
    everyone = cohorts_pathways.pathways(session, coordinator, world["prog"])
    assert not everyone.limited and len(everyone.graduates) == 3
    assert cohorts_pathways.pathways(session, facilitator, world["prog"]).graduates == ()
    cohorts_cohorts.set_cohort_accounts(
        session, coordinator, world["first"], [facilitator.account_id]
    )
    mine = cohorts_pathways.pathways(session, facilitator, world["prog"])
    assert mine.limited
    assert {r.name for r in mine.graduates} == {"Aisha Khan", "Ben Okafor", "Dan Hughes"}
    # Aisha co-facilitated Cohort 2, which this facilitator does not run
    assert all(not r.cofacilitated for r in mine.graduates) and mine.cofacilitated == 0
    assert cohorts_pathways.pathways(session, facilitator, world["other"]).graduates == ()
    # the programmes' counts are of the same cohorts
    counts = {p.name: (p.cohorts, p.graduates) for p in list_programmes(session, facilitator)}
    assert counts == {"Peer Leadership Programme": (1, 3), "Recovery Leaders": (0, 0)}
    assert get_programme(session, coordinator, world["prog"]).cohorts == 2


def test_facilitator_sees_alumni_actions_of_own_cohorts_only(
    session, coordinator, facilitator, world
) -> None:
    both = AlumniActionInput("Crisis café", date(2025, 11, 20), (world["aisha"], world["cara"]))
    cohorts_alumni.add_action(session, coordinator, both)
    cohorts_alumni.add_action(
        session, coordinator, AlumniActionInput("Walk group", date(2025, 12, 1), (world["ben"],))
    )
    assert cohorts_alumni.list_actions(session, facilitator) == []
    other = cohorts_cohorts.list_cohorts(session, coordinator, world["other"])[0].id
    cohorts_cohorts.set_cohort_accounts(session, coordinator, other, [facilitator.account_id])
    [seen] = cohorts_alumni.list_actions(session, facilitator)
    assert seen.title == "Crisis café"
    assert [p.name for p in seen.people] == ["Cara Nwosu"]  # not Aisha: not on their cohort
    assert len(cohorts_alumni.list_actions(session, coordinator)) == 2
