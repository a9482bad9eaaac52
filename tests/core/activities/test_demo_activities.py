"""The demo seeder makes a year of activities of every kind and a you said, we did log."""

from __future__ import annotations

from datetime import date, timedelta

from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.services import activities, activities_principles, you_said
from involve_desktop.core.services.activities_dto import ActivityKind, YouSaidStatus

TODAY = date(2026, 11, 27)


def test_demo_year_of_activities(session):
    coordinator = seed_demo(session, today=TODAY)
    listed = activities.list_activities(session, coordinator)
    assert 12 <= len(listed) <= 18
    assert {a.kind for a in listed} == set(ActivityKind)
    assert all(TODAY - timedelta(days=366) <= a.day <= TODAY for a in listed)
    assert all(a.purpose and a.members for a in listed)
    assert sum(1 for a in listed if not a.gaps) >= 6
    assert any("Impact not recorded yet" in a.gaps for a in listed)
    log = you_said.list_entries(session, coordinator)
    assert len(log) == 10 and {e.status for e in log} == set(YouSaidStatus)
    assert activities_principles.get_principles(session, coordinator).agreed_on is not None
