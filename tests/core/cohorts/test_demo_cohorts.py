"""The leadership programmes demo: two programmes, three past cohorts and one running, with
graduates co-facilitating later cohorts and onward roles to show; the same every run."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.db.migrate import migrate
from involve_desktop.core.demo import cohorts as demo_cohorts
from involve_desktop.core.demo.meetings import seed_meetings
from involve_desktop.core.demo.panels import seed_panels
from involve_desktop.core.demo.seed import AREA_SEEDERS, DEMO_PASSWORD, seed_demo
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.services import (
    accounts,
    cohorts_alumni,
    cohorts_cohorts,
    cohorts_enrolment,
    cohorts_facilitators,
    cohorts_pathways,
    cohorts_programmes,
    cohorts_progress,
)
from involve_desktop.core.services.cohorts_dto import CohortStatus, EnrolmentState, Standing

TODAY = date(2026, 11, 26)


def _snapshot(session, actor) -> list[tuple]:
    return [
        (c.title, c.start_on, p.name, p.attended, p.text)
        for c in cohorts_cohorts.list_cohorts(session, actor)
        for p in cohorts_progress.progress(session, actor, c.id, today=TODAY).people
    ]


def test_the_cohorts_seeder_runs_after_meetings_and_panels() -> None:
    index = AREA_SEEDERS.index(demo_cohorts.seed_cohorts)
    assert index > AREA_SEEDERS.index(seed_meetings) and index > AREA_SEEDERS.index(seed_panels)


def test_demo_has_two_programmes_three_past_cohorts_and_one_running(session) -> None:
    actor = seed_demo(session, today=TODAY)
    programmes = cohorts_programmes.list_programmes(session, actor)
    assert [p.name for p in programmes] == ["Co-production Champions", "Peer Leadership Programme"]
    cohorts = cohorts_cohorts.list_cohorts(session, actor)
    assert [(c.title, c.status) for c in cohorts] == [
        ("Peer Leadership Programme, Cohort 3", CohortStatus.RUNNING),
        ("Co-production Champions, Cohort 1", CohortStatus.FINISHED),
        ("Peer Leadership Programme, Cohort 2", CohortStatus.FINISHED),
        ("Peer Leadership Programme, Cohort 1", CohortStatus.FINISHED),
    ]
    running = cohorts[0]
    assert (running.enrolled, running.waiting, running.places_left) == (10, 2, 0)
    progress = cohorts_progress.progress(session, actor, running.id, today=TODAY)
    assert 4 <= progress.held <= 6  # about half-way through ten sessions
    texts = [p.text for p in progress.people]
    assert "Cannot now complete: missed required session 1" in texts
    assert sum(t.startswith("Needs ") for t in texts) >= 7
    for past in cohorts[1:]:
        people = cohorts_progress.progress(session, actor, past.id, today=TODAY).people
        graduated = [p for p in people if p.standing is Standing.COMPLETED]
        assert len(graduated) >= len(people) // 2 + 1  # most complete
        assert all(p.held == p.total for p in people)
    withdrawn = [
        e
        for e in cohorts_enrolment.list_enrolments(session, actor, cohorts[2].id)
        if e.state is EnrolmentState.WITHDRAWN
    ]
    assert len(withdrawn) == 1 and withdrawn[0].withdrawn_reason == demo_cohorts.WITHDREW_REASON


def test_demo_graduates_co_facilitate_and_go_on(session) -> None:
    actor = seed_demo(session, today=TODAY)
    cohorts = {c.title: c for c in cohorts_cohorts.list_cohorts(session, actor)}
    running = cohorts["Peer Leadership Programme, Cohort 3"]
    facilitators = cohorts_facilitators.list_facilitators(session, actor, running.id)
    assert [f.graduate_cofacilitator for f in facilitators] == [True, True, False]
    assert facilitators[-1].job_title  # the staff facilitator from the trust
    plp = next(p for p in cohorts_programmes.list_programmes(session, actor) if p.cohorts == 3)
    pathways = cohorts_pathways.pathways(session, actor, plp.id)
    assert pathways.cofacilitated >= 2
    assert pathways.sat_panels and pathways.joined_council
    assert len(cohorts_alumni.list_actions(session, actor)) == 3
    suggestions = cohorts_facilitators.suggest_cofacilitators(session, actor, plp.id, today=TODAY)
    assert suggestions and suggestions[0].same_programme
    assert suggestions[0].last_cofacilitated is None


def test_demo_facilitator_account_runs_the_running_cohort(session) -> None:
    seed_demo(session, today=TODAY)
    first = session.scalars(
        select(Account.username).where(Account.role == "facilitator").order_by(Account.id)
    ).first()
    fran = accounts.sign_in(session, first, DEMO_PASSWORD)
    assert [c.name for c in cohorts_cohorts.list_cohorts(session, fran)] == ["Cohort 3"]


def test_demo_cohorts_are_the_same_every_run(session, tmp_path) -> None:
    actor = seed_demo(session, today=TODAY)
    other = create_engine_for(sqlite_url(tmp_path / "again.sqlite3"))
    migrate(other, paths.migrations_dir(), tmp_path)
    with session_factory(other)() as second:
        again = seed_demo(second, today=TODAY)
        assert _snapshot(second, again) == _snapshot(session, actor)
    other.dispose()
