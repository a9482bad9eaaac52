"""The panels demo: 12 months of panels where a few people sit often, the same every run."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.demo import panels as demo_panels
from involve_desktop.core.demo.members import seed_members
from involve_desktop.core.demo.seed import AREA_SEEDERS, DemoSize, seed_demo
from involve_desktop.core.services import panels, panels_people, panels_policy
from involve_desktop.core.services.panels_dto import PanelStatus, PolicyKind

TODAY = date(2026, 11, 26)


def test_the_panels_seeder_runs_after_the_members_seeder() -> None:
    assert AREA_SEEDERS.index(demo_panels.seed_panels) > AREA_SEEDERS.index(seed_members)


def test_twelve_months_of_panels_with_the_indicator_showing_something(session) -> None:
    actor = seed_demo(session, DemoSize.STANDARD, today=TODAY)
    listed = panels.list_panels(session, actor)
    held = [p for p in listed if p.status is PanelStatus.HELD]
    assert len(held) >= 20 and min(p.day for p in held) >= date(2025, 11, 26)
    assert [p.cancelled_reason for p in listed if p.status is PanelStatus.CANCELLED] == [
        demo_panels.CANCELLED_REASON
    ]
    planned = [p for p in listed if p.status is PanelStatus.PLANNED]
    assert len(planned) == 3 and all(p.day > TODAY for p in planned)
    assert any(not p.meets_policy for p in held) and any(not p.meets_policy for p in planned)
    assert panels_policy.get_policy(session, actor).kind is PolicyKind.EQUAL
    assert any(p.debrief_on is None for p in held) and any(p.feedback_given for p in held)
    assert any(p.online for p in listed) and all(p.staff_count for p in held)
    figures = panels_people.over_reliance(session, actor, today=TODAY)
    assert figures.distinct_people >= 5 and figures.warning  # a few people sit often
    assert 50 < figures.share_percent < 100
    first = panels_people.suggestions(session, actor, planned[-1].id)
    assert first and ("not sat" in first[0].reason or "Last sat" in first[0].reason)


def test_the_demo_panels_are_the_same_every_run(session, tmp_path) -> None:
    from involve_desktop import paths
    from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
    from involve_desktop.core.db.migrate import migrate

    def shape(s, actor) -> list[tuple]:
        return [
            (p.day, p.post_title, p.status, tuple(x.name for x in p.seats))
            for p in panels.list_panels(s, actor)
        ]

    actor = seed_demo(session, DemoSize.STANDARD, today=TODAY)
    other = create_engine_for(sqlite_url(tmp_path / "second.sqlite3"))
    migrate(other, paths.migrations_dir(), tmp_path)
    with session_factory(other)() as second:
        again = seed_demo(second, DemoSize.STANDARD, today=TODAY)
        assert shape(second, again) == shape(session, actor)
    other.dispose()
