"""The demo seeder makes two finished self-assessments showing progress."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.services import spectrum
from involve_desktop.core.services.spectrum_dto import AssessmentStatus
from involve_desktop.core.services.spectrum_statements import Stage

TODAY = date(2026, 11, 27)


def test_demo_has_two_past_assessments_moving_up_the_spectrum(session):
    coordinator = seed_demo(session, today=TODAY)
    rows = spectrum.list_assessments(session, coordinator)  # newest first
    assert len(rows) == 2
    assert all(r.status is AssessmentStatus.FINISHED for r in rows)
    later, earlier = rows
    assert 500 <= (TODAY - earlier.day).days <= 580 and 150 <= (TODAY - later.day).days <= 210
    assert (earlier.stage, later.stage) == (Stage.BEGINNINGS, Stage.GOOD_INVOLVEMENT)
    for row in rows:
        info = spectrum.get_assessment(session, coordinator, row.id)
        assert info.members_with_lived_experience >= 3
        assert any(not p.is_member and p.role == "Trustee" for p in info.participants)
        assert sum(1 for a in info.answers if a.comment and a.evidence) >= 5
