"""Panels: set up, validated field by field, edited, held, cancelled, debriefed, listed."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import panels
from involve_desktop.core.services.panels_dto import (
    PanelInput,
    PanelProcessInput,
    PanelStatus,
)
from tests.core.panels.helpers import PANEL_DAY, TODAY, panel, seat, staff, trained


def test_a_new_panel_is_planned_and_flagged_until_someone_with_lived_experience_sits(
    session, coordinator
) -> None:
    panel_id = panel(session, coordinator)
    info = panels.get_panel(session, coordinator, panel_id)
    assert info.status is PanelStatus.PLANNED
    assert info.title == "Peer Support Worker — Community Mental Health Team"
    assert info.when == "Tue 10 Mar 2026, 10:00–13:00"
    assert info.place == "Riverside Voices office" and info.candidates == 4
    assert not info.meets_policy
    assert "add 1 lived-experience member" in info.policy.explanation
    aisha = trained(session, coordinator, "Aisha Khan")
    staff(session, coordinator, panel_id, "Jo Manager")
    info = seat(session, coordinator, panel_id, aisha)
    assert info.meets_policy
    assert info.policy.explanation == (
        "1 lived-experience member and 1 staff member: meets the policy (at least 1 "
        "lived-experience member)."
    )
    created = session.query(AuditEntry).filter_by(entity="panel", action="create").one()
    assert created.changes["post_title"] == "Peer Support Worker"
    assert created.changes["start_time"] == "10:00"


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (PanelInput("  ", PANEL_DAY, venue="Office"), "post_title", "Post title is needed"),
        (PanelInput("Worker", PANEL_DAY), "venue", "tick Online"),
        (
            PanelInput("Worker", PANEL_DAY, venue="Office", online_link="https://meet"),
            "online_link",
            "Tick Online",
        ),
        (
            PanelInput("Worker", PANEL_DAY, venue="Office", start_time=time(13), end_time=time(10)),
            "end_time",
            "after the start",
        ),
        (PanelInput("Worker", PANEL_DAY, venue="Office", end_time=time(10)), "start_time", "start"),
        (PanelInput("Worker", PANEL_DAY, venue="Office", candidates=-1), "candidates", "0 to 200"),
        (PanelInput("Worker", None, venue="Office"), "day", "day of the panel"),  # type: ignore[arg-type]
        (PanelInput("W" * 201, PANEL_DAY, venue="Office"), "post_title", "200 characters"),
    ],
)
def test_bad_details_name_the_field_and_the_fix(session, coordinator, data, field, words) -> None:
    with pytest.raises(ValidationError) as caught:
        panels.create_panel(session, coordinator, data)
    assert caught.value.field == field and words in caught.value.message
    assert panels.list_panels(session, coordinator) == []


def test_an_online_panel_keeps_its_link(session, coordinator) -> None:
    data = PanelInput("Support Worker", PANEL_DAY, online=True, online_link="Teams: link in invite")
    info = panels.create_panel(session, coordinator, data)
    assert info.place == "Online: Teams: link in invite" and info.times == ""


def test_editing_is_audited_and_a_cancelled_panel_must_be_reinstated_first(
    session, coordinator
) -> None:
    panel_id = panel(session, coordinator)
    data = PanelInput("Senior Peer Worker", date(2026, 3, 12), team="Crisis Team", venue="Hub")
    info = panels.update_panel(session, coordinator, panel_id, data, today=TODAY)
    assert (info.post_title, info.day, info.team) == (
        "Senior Peer Worker",
        date(2026, 3, 12),
        "Crisis Team",
    )
    update = session.query(AuditEntry).filter_by(entity="panel", action="update").one()
    assert update.changes["post_title"] == ["Peer Support Worker", "Senior Peer Worker"]
    with pytest.raises(ValidationError, match="Reason for cancelling is needed"):
        panels.cancel_panel(session, coordinator, panel_id, " ")
    info = panels.cancel_panel(session, coordinator, panel_id, "Post frozen by the trust")
    assert info.status is PanelStatus.CANCELLED and info.meets_policy  # never flagged
    assert info.cancelled_reason == "Post frozen by the trust"
    with pytest.raises(ValidationError, match="reinstate it"):
        panels.update_panel(session, coordinator, panel_id, data, today=TODAY)
    info = panels.reinstate_panel(session, coordinator, panel_id)
    assert info.status is PanelStatus.PLANNED and info.cancelled_reason is None
    assert not info.meets_policy


def test_held_only_on_or_after_the_day_and_then_not_cancelled(session, coordinator) -> None:
    panel_id = panel(session, coordinator)
    with pytest.raises(ValidationError, match="mark it held on or after") as caught:
        panels.mark_held(session, coordinator, panel_id, today=TODAY)
    assert caught.value.field == "status"
    with pytest.raises(ValidationError, match="Nobody is recorded on this panel") as empty:
        panels.mark_held(session, coordinator, panel_id, today=PANEL_DAY)
    assert empty.value.field == "status"
    assert panels.get_panel(session, coordinator, panel_id).status is PanelStatus.PLANNED
    staff(session, coordinator, panel_id, "Jo Manager")
    info = panels.mark_held(session, coordinator, panel_id, today=PANEL_DAY)
    assert info.status is PanelStatus.HELD
    with pytest.raises(ValidationError, match="cannot be cancelled"):
        panels.cancel_panel(session, coordinator, panel_id, "Too late")
    with pytest.raises(ValidationError, match="cannot move ahead"):
        panels.update_panel(
            session,
            coordinator,
            panel_id,
            PanelInput("X", date(2026, 4, 1), venue="Hub"),
            today=PANEL_DAY,
        )


def test_recording_briefing_and_debrief(session, coordinator) -> None:
    panel_id = panel(session, coordinator)
    data = PanelProcessInput(
        briefing_on=date(2026, 3, 3),
        shortlisting=True,
        question_setting=True,
        scoring=True,
        questions_contributed="How would you support someone who does not want help?",
        debrief_on=date(2026, 3, 11),
        feedback_given=True,
    )
    with pytest.raises(ValidationError) as caught:
        panels.record_process(session, coordinator, panel_id, data, today=TODAY)
    assert caught.value.field == "debrief_on"  # the debrief is not in the future
    info = panels.record_process(session, coordinator, panel_id, data, today=date(2026, 3, 12))
    assert (info.briefing_on, info.debrief_on) == (date(2026, 3, 3), date(2026, 3, 11))
    assert info.shortlisting and info.question_setting and info.scoring and info.feedback_given
    assert info.questions_contributed.startswith("How would you")
    late_brief = PanelProcessInput(briefing_on=date(2026, 3, 11))
    with pytest.raises(ValidationError, match="briefing comes before") as caught:
        panels.record_process(session, coordinator, panel_id, late_brief, today=TODAY)
    assert caught.value.field == "briefing_on"
    early_debrief = PanelProcessInput(debrief_on=date(2026, 3, 9))
    with pytest.raises(ValidationError, match="on or after the panel"):
        panels.record_process(session, coordinator, panel_id, early_debrief, today=date(2026, 4, 1))
    change = session.query(AuditEntry).filter_by(entity="panel", action="update").one()
    assert change.changes["feedback_given"] == [False, True]


def test_listing_in_date_order_by_period_and_status(session, coordinator) -> None:
    later = panel(session, coordinator, "Later", date(2026, 5, 1))
    first = panel(session, coordinator, "First", date(2026, 2, 1))
    middle = panel(session, coordinator, "Middle", date(2026, 3, 1))
    panels.cancel_panel(session, coordinator, middle, "No candidates")
    assert [p.id for p in panels.list_panels(session, coordinator)] == [first, middle, later]
    spring = panels.list_panels(session, coordinator, date(2026, 2, 15), date(2026, 6, 1))
    assert [p.post_title for p in spring] == ["Middle", "Later"]
    cancelled = panels.list_panels(session, coordinator, status=PanelStatus.CANCELLED)
    assert [p.id for p in cancelled] == [middle]


def test_facilitators_cannot_see_or_change_panels(session, coordinator, facilitator) -> None:
    panel_id = panel(session, coordinator)
    with pytest.raises(PermissionDenied, match="cannot see recruitment panels"):
        panels.list_panels(session, facilitator)
    with pytest.raises(PermissionDenied, match="cannot change recruitment panels"):
        panels.cancel_panel(session, facilitator, panel_id, "no")
    assert session.query(AuditEntry).filter_by(action="denied").count() == 2
    assert panels.get_panel(session, coordinator, panel_id).status is PanelStatus.PLANNED
