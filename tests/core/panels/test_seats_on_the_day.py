"""Who may be recorded on a held panel is judged on the panel's day: someone who had not
yet joined the group then cannot have sat on it as a member."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.services import panels, panels_seats
from involve_desktop.core.services.panels_dto import PanelRefused, SeatInput, SeatKind
from tests.core.panels.helpers import panel, seat, trained

HELD_DAY = date(2026, 2, 2)
AFTER = date(2026, 3, 2)


def test_someone_who_joined_after_a_held_panel_cannot_be_recorded_as_sitting_on_it(
    session, coordinator
):
    """Before, with no status on the panel's day their status today (active) was used, so
    a member who joined a fortnight later could be seated (the training limit overridden)."""
    sat = trained(session, coordinator, "Ivy Lee")
    late = trained(
        session, coordinator, "Late Joiner", joined=date(2026, 2, 16), completed=date(2026, 2, 20)
    )
    panel_id = panel(session, coordinator, day=HELD_DAY)
    seat(session, coordinator, panel_id, sat)
    panels.mark_held(session, coordinator, panel_id, today=AFTER)
    with pytest.raises(PanelRefused) as refused:
        seat(session, coordinator, panel_id, late, override=True, override_reason="Was there")
    assert refused.value.code == "not_joined" and not refused.value.overridable
    assert refused.value.message == (
        "Late Joiner joined on Mon 16 Feb 2026, after this panel's day (Mon 2 Feb 2026), "
        "so cannot have sat on it as a member: check their Date joined or the panel's day, "
        "or add them as someone from outside."
    )
    session.rollback()
    with pytest.raises(PanelRefused, match="Late Joiner joined on"):
        panels_seats.add_seat(
            session,
            coordinator,
            panel_id,
            SeatInput(SeatKind.STAFF, late, job_title="Peer Support Worker"),
        )
    session.rollback()
    assert [s.name for s in panels.get_panel(session, coordinator, panel_id).seats] == ["Ivy Lee"]
