"""The rota demo seeder: three sites, twelve supporters, four weeks with gaps, alike each run."""

from __future__ import annotations

import time
from datetime import date, timedelta

from sqlalchemy.orm import Session

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.db.migrate import migrate
from involve_desktop.core.demo import rota as demo_rota
from involve_desktop.core.demo.members import seed_members
from involve_desktop.core.demo.seed import AREA_SEEDERS, seed_demo
from involve_desktop.core.services import rota_coverage, rota_patterns, rota_shifts, rota_sites
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import Attendance, CoverageState
from involve_desktop.core.services.rota_world import load_people

TODAY = date(2026, 11, 26)  # a Thursday
MONDAY = date(2026, 11, 23)
LAST = MONDAY + timedelta(days=27)


def _rota(session: Session, actor: Actor) -> list[tuple]:
    """Everything the rota shows, by value (no ids): site, day, times, names, state."""
    return [
        (
            v.slot.site_name,
            v.slot.day,
            v.slot.start,
            v.slot.end,
            [a.name for a in v.assignees],
            v.state,
        )
        for v in rota_shifts.shift_views(session, actor, MONDAY, LAST)
    ]


def test_the_rota_seeder_runs_after_the_members_seeder() -> None:
    assert AREA_SEEDERS.index(demo_rota.seed_rota) > AREA_SEEDERS.index(seed_members)


def test_standard_demo_rota_has_sites_shifts_gaps_and_one_alone(session: Session) -> None:
    actor = seed_demo(session, today=TODAY)
    sites = rota_sites.list_sites(session, actor)
    assert sorted(s.name for s in sites) == [
        "Library Wellbeing Café",
        "Oak Street Community Centre",
        "Ward 4",
    ]
    assert {s.kind.value for s in sites} == {"ward", "community_venue"}
    assert len(rota_patterns.list_patterns(session, actor)) == 17
    views = rota_shifts.shift_views(session, actor, MONDAY, LAST)
    assert len(views) == 17 * 4  # no bank holidays in these four weeks
    assert min(v.slot.day for v in views) == MONDAY and max(v.slot.day for v in views) <= LAST
    states = {v.state for v in views}
    assert CoverageState.ALONE in states and CoverageState.NO_ONE in states
    assert sum(v.covered for v in views) > len(views) // 2  # auto-fill did most of it
    gaps = rota_coverage.gaps(session, actor, MONDAY, LAST)
    assert 0 < len(gaps) < len(views)
    people = load_people(session)
    with_availability = [p for p in people.values() if p.weekly]
    assert len(with_availability) == demo_rota.SUPPORTERS[demo_rota.DemoSize.STANDARD]
    assert any(p.max_shifts_per_week for p in with_availability)
    assert any(p.unavailable for p in with_availability)
    assert any(any(period.bank for period in p.peer_periods) for p in with_availability)
    past = rota_shifts.shift_views(
        session, actor, MONDAY - timedelta(days=14), MONDAY - timedelta(days=1)
    )
    recorded = [a.attendance for v in past for a in v.assignees]
    assert len(past) == 17 * 2 and recorded
    assert Attendance.DID_NOT_ATTEND in recorded
    assert recorded.count(Attendance.WORKED) > len(recorded) * 0.8


def test_standard_demo_rota_is_the_same_every_run(session: Session, tmp_path) -> None:
    actor = seed_demo(session, today=TODAY)
    other = create_engine_for(sqlite_url(tmp_path / "again.sqlite3"))
    migrate(other, paths.migrations_dir(), tmp_path)
    with session_factory(other)() as second:
        second_actor = seed_demo(second, today=TODAY)
        assert _rota(second, second_actor) == _rota(session, actor)
    other.dispose()


def test_the_rota_adds_little_to_the_standard_demo(session: Session, monkeypatch) -> None:
    spent: list[float] = []

    def timed(ctx) -> None:  # noqa: ANN001 - a DemoContext
        started = time.perf_counter()
        demo_rota.seed_rota(ctx)
        spent.append(time.perf_counter() - started)

    monkeypatch.setattr(
        "involve_desktop.core.demo.seed.AREA_SEEDERS",
        [timed if s is demo_rota.seed_rota else s for s in AREA_SEEDERS],
    )
    seed_demo(session, today=TODAY)
    assert spent and spent[0] < 3
