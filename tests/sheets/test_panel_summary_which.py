"""The participation summary names the held panels that broke the policy (issue #6
walk-through: it said "3" and a coordinator could not tell which panels to look into)."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services import panels, panels_people, panels_policy
from involve_desktop.core.services.panels_dto import PanelPolicy, PolicyKind
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.panel_data import panel_summary_pdf
from tests.core.panels.helpers import TODAY, panel, seat, staff, trained
from tests.sheets.pdfread import all_text


def _held(session, actor, post: str, day: date, lived: list[int], staff_count: int) -> None:
    panel_id = panel(session, actor, post, day)
    for member_id in lived:
        seat(session, actor, panel_id, member_id)
    for n in range(staff_count):
        staff(session, actor, panel_id, f"Manager {n}")
    panels.mark_held(session, actor, panel_id, today=TODAY)


def test_the_summary_lists_which_held_panels_broke_the_policy(session, coordinator) -> None:
    panels_policy.save_policy(session, coordinator, PanelPolicy(PolicyKind.EQUAL))
    ivy = trained(session, coordinator, "Ivy Lee")
    jon = trained(session, coordinator, "Jon Park")
    _held(session, coordinator, "Nurse", date(2026, 1, 29), [ivy], 2)  # short
    _held(session, coordinator, "Peer Worker", date(2026, 2, 3), [ivy, jon], 2)  # fine
    _held(session, coordinator, "Team Leader", date(2025, 11, 4), [jon], 3)  # short
    summary = panels_people.participation_summary(
        session, coordinator, date(2025, 3, 1), date(2026, 2, 28)
    )
    assert summary.held_not_meeting_policy == 2
    assert summary.broke_policy == ("Tue 4 Nov 2025 Team Leader", "Thu 29 Jan 2026 Nurse")
    pdf = panel_summary_pdf(
        session,
        coordinator,
        date(2025, 3, 1),
        date(2026, 2, 28),
        SheetOptions(privacy=PrivacyMode.FULL),
    )
    text = " ".join(all_text(pdf).split())
    assert (
        "Held panels that did not meet the panel policy: 2 — Tue 4 Nov 2025 Team Leader; "
        "Thu 29 Jan 2026 Nurse." in text
    )
