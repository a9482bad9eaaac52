"""Mark held, Cancel and Reinstate refuse when someone else saved the panel since it was
read (``expected_version``), so a dialog that then takes the new version cannot later save
its stale fields over the other person's change."""

from __future__ import annotations

from dataclasses import replace

import pytest

from involve_desktop.core.errors import RecordChanged
from involve_desktop.core.services import panels
from involve_desktop.core.services.panels_dto import PanelStatus
from tests.core.panels.helpers import PANEL_DAY, panel, seat, trained
from tests.core.panels.test_changes_kept_whole import details


def moved_on(session, coordinator, panel_id: int) -> int:
    """The version read, then someone else's save (a new venue); returns the one read."""
    seen = panels.get_panel(session, coordinator, panel_id).version
    panels.update_panel(
        session,
        coordinator,
        panel_id,
        replace(details(session, coordinator, panel_id, PANEL_DAY), venue="Town Hall"),
    )
    assert panels.get_panel(session, coordinator, panel_id).version > seen
    return seen


def test_mark_held_on_a_panel_changed_since_is_refused(session, coordinator):
    panel_id = panel(session, coordinator)
    seat(session, coordinator, panel_id, trained(session, coordinator, "Ivy Lee"))
    seen = moved_on(session, coordinator, panel_id)
    with pytest.raises(RecordChanged):
        panels.mark_held(session, coordinator, panel_id, today=PANEL_DAY, expected_version=seen)
    assert panels.get_panel(session, coordinator, panel_id).status is PanelStatus.PLANNED
    now = panels.get_panel(session, coordinator, panel_id).version
    info = panels.mark_held(session, coordinator, panel_id, today=PANEL_DAY, expected_version=now)
    assert info.status is PanelStatus.HELD


def test_cancel_and_reinstate_on_a_panel_changed_since_are_refused(session, coordinator):
    panel_id = panel(session, coordinator)
    seen = moved_on(session, coordinator, panel_id)
    with pytest.raises(RecordChanged):
        panels.cancel_panel(session, coordinator, panel_id, "Post withdrawn", expected_version=seen)
    assert panels.get_panel(session, coordinator, panel_id).status is PanelStatus.PLANNED
    panels.cancel_panel(session, coordinator, panel_id, "Post withdrawn")
    seen = panels.get_panel(session, coordinator, panel_id).version
    panels.cancel_panel(session, coordinator, panel_id, "Post withdrawn for now")  # someone else
    with pytest.raises(RecordChanged):
        panels.reinstate_panel(session, coordinator, panel_id, expected_version=seen)
    assert panels.get_panel(session, coordinator, panel_id).status is PanelStatus.CANCELLED
