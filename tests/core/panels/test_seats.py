"""Seating people: hard refusals, the training limit overridden with a recorded reason."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import members, panels, panels_policy, panels_seats
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.panels_dto import (
    PanelPolicy,
    PanelRefused,
    PolicyKind,
    SeatInput,
    SeatKind,
)
from tests.core.panels.helpers import TODAY, panel, person, seat, staff, trained


def test_training_must_be_current_on_the_panel_day_unless_overridden(session, coordinator) -> None:
    panel_id = panel(session, coordinator)  # Tue 10 Mar 2026
    lapsed = trained(session, coordinator, "Ben Okafor", completed=date(2023, 3, 1))  # to 1 Mar
    with pytest.raises(PanelRefused) as caught:
        seat(session, coordinator, panel_id, lapsed)
    assert caught.value.overridable and caught.value.code == "training"
    assert caught.value.message == (
        "Ben Okafor's recruitment panel training expired on Sun 1 Mar 2026."
    )
    with pytest.raises(PanelRefused, match="Give a reason to seat them anyway"):
        seat(session, coordinator, panel_id, lapsed, override=True)
    info = seat(
        session,
        coordinator,
        panel_id,
        lapsed,
        override=True,
        override_reason="Refresher booked for 9 March",
    )
    (only,) = info.seats
    assert only.override_reason == "Refresher booked for 9 March"
    entry = session.query(AuditEntry).filter_by(entity="panel", action="update").one()
    assert entry.changes["override reason"] == "Refresher booked for 9 March"
    assert "expired on Sun 1 Mar 2026" in entry.changes["over limit"]


def test_training_expiring_on_the_day_is_current_and_none_recorded_is_named(
    session, coordinator
) -> None:
    panel_id = panel(session, coordinator, day=date(2026, 3, 1))
    on_the_day = trained(session, coordinator, "Cat Jones", completed=date(2023, 3, 1))
    assert seat(session, coordinator, panel_id, on_the_day).seats[0].override_reason is None
    untrained = person(session, coordinator, "Dev Patel", lived=True)
    with pytest.raises(PanelRefused, match="Dev Patel has no recruitment panel training"):
        seat(session, coordinator, panel_id, untrained)
    # training done after the panel day did not count on the day
    later = trained(session, coordinator, "Kit Later", completed=date(2026, 3, 2))
    with pytest.raises(PanelRefused) as caught:
        seat(session, coordinator, panel_id, later)
    assert caught.value.message == (
        "Kit Later has no recruitment panel training recorded by Sun 1 Mar 2026."
    )


def test_only_active_members_sit_and_that_is_never_overridden(session, coordinator) -> None:
    panel_id = panel(session, coordinator)
    eve = trained(session, coordinator, "Eve Brown")
    members.change_status(session, coordinator, eve, MemberStatus.STEPPING_BACK, TODAY, today=TODAY)
    with pytest.raises(PanelRefused) as caught:
        seat(session, coordinator, panel_id, eve, override=True, override_reason="Asked to")
    assert not caught.value.overridable
    assert caught.value.message == "Eve Brown is stepping back, so cannot sit on panels."
    assert panels.get_panel(session, coordinator, panel_id).seats == ()


def test_lived_experience_seat_refused_for_a_record_saying_none(session, coordinator) -> None:
    panel_id = panel(session, coordinator)
    finn = trained(session, coordinator, "Finn Staff", lived=False)
    with pytest.raises(PanelRefused, match="add them as staff"):
        seat(session, coordinator, panel_id, finn)
    info = panels_seats.add_seat(
        session,
        coordinator,
        panel_id,
        SeatInput(SeatKind.STAFF, finn, job_title="Deputy Manager", panel_role="Chair"),
    )
    assert info.seats[0].role_text == "Chair — Staff (Deputy Manager)"
    unknown = trained(session, coordinator, "Gus Unknown", lived=None)
    assert seat(session, coordinator, panel_id, unknown).lived_count == 1


def test_no_one_sits_twice_and_outside_staff_need_a_name_and_job(session, coordinator) -> None:
    panel_id = panel(session, coordinator)
    aisha = trained(session, coordinator, "Aisha Khan")
    seat(session, coordinator, panel_id, aisha)
    with pytest.raises(PanelRefused, match="Aisha Khan is already on this panel"):
        panels_seats.add_seat(session, coordinator, panel_id, SeatInput(SeatKind.STAFF, aisha))
    with pytest.raises(ValidationError) as caught:
        panels_seats.add_seat(
            session, coordinator, panel_id, SeatInput(SeatKind.STAFF, outside_name="Jo Bloggs")
        )
    assert caught.value.field == "job_title"
    with pytest.raises(ValidationError) as caught:
        panels_seats.add_seat(session, coordinator, panel_id, SeatInput(SeatKind.STAFF))
    assert caught.value.field == "outside_name"
    with pytest.raises(ValidationError) as caught:
        panels_seats.add_seat(session, coordinator, panel_id, SeatInput(SeatKind.LIVED_EXPERIENCE))
    assert caught.value.field == "member"


def test_cancelled_panels_seat_no_one(session, coordinator) -> None:
    panel_id = panel(session, coordinator)
    panels.cancel_panel(session, coordinator, panel_id, "Post withdrawn")
    aisha = trained(session, coordinator, "Aisha Khan")
    with pytest.raises(PanelRefused, match="cancelled"):
        seat(session, coordinator, panel_id, aisha)


def test_seats_listed_lived_experience_first_and_the_flag_follows_the_policy(
    session, coordinator
) -> None:
    panels_policy.save_policy(session, coordinator, PanelPolicy(PolicyKind.EQUAL))
    panel_id = panel(session, coordinator)
    for name in ("Zed Manager", "Amy Director", "Kim Lead"):
        staff(session, coordinator, panel_id, name)
    info = seat(session, coordinator, panel_id, trained(session, coordinator, "Zoë Adams"))
    assert [s.name for s in info.seats] == ["Zoë Adams", "Amy Director", "Kim Lead", "Zed Manager"]
    assert info.policy.explanation == (
        "1 lived-experience member and 3 staff: the policy is equal numbers of "
        "lived-experience members and staff — add 2 more lived-experience members."
    )
    info = seat(session, coordinator, panel_id, trained(session, coordinator, "Bea Green"))
    info = seat(session, coordinator, panel_id, trained(session, coordinator, "Cal Hill"))
    assert info.meets_policy and (info.lived_count, info.staff_count) == (3, 3)
    manager = next(s for s in info.seats if s.name == "Zed Manager")
    info = panels_seats.remove_seat(session, coordinator, manager.id)
    assert info.staff_count == 2 and info.meets_policy
    info = panels_seats.set_seat_role(session, coordinator, info.seats[0].id, "Chair")
    assert info.seats[0].role_text == "Chair — Panel member (lived experience)"
    removed = [e.changes for e in session.query(AuditEntry).filter_by(entity="panel") if e.changes]
    assert {"removed": "Zed Manager"} in removed


def test_another_panel_that_day_is_a_limit_named_with_training_at_once(
    session, coordinator
) -> None:
    morning = panel(session, coordinator, "Team Leader")
    afternoon = panel(session, coordinator, "Advocate")
    aisha = trained(session, coordinator, "Aisha Khan")
    seat(session, coordinator, morning, aisha)
    with pytest.raises(PanelRefused) as caught:
        seat(session, coordinator, afternoon, aisha)
    assert caught.value.overridable and caught.value.codes == ("same_day",)
    assert caught.value.message == "Aisha Khan is already on the panel for Team Leader that day."
    lapsed = trained(session, coordinator, "Ben Okafor", completed=date(2023, 3, 1))
    panels_seats.add_seat(
        session,
        coordinator,
        morning,
        SeatInput(SeatKind.LIVED_EXPERIENCE, lapsed),
        override=True,
        override_reason="Refresher booked",
    )
    with pytest.raises(PanelRefused) as caught:
        seat(session, coordinator, afternoon, lapsed)
    assert caught.value.codes == ("training", "same_day")
    assert "training expired" in caught.value.message and "Team Leader" in caught.value.message
    info = seat(session, coordinator, afternoon, aisha, override=True, override_reason="Asked")
    assert info.seats[0].override_reason == "Asked"
    panels.cancel_panel(session, coordinator, morning, "Post withdrawn")
    staff_seat = SeatInput(SeatKind.STAFF, lapsed, job_title="Peer Lead")
    assert panels_seats.add_seat(session, coordinator, afternoon, staff_seat).staff_count == 1


def test_the_same_outside_person_twice_and_a_leaver_as_staff_are_refused(
    session, coordinator
) -> None:
    panel_id = panel(session, coordinator)
    staff(session, coordinator, panel_id, "Jo Bloggs", "Manager")
    with pytest.raises(PanelRefused, match="Jo Bloggs is already on this panel"):
        staff(session, coordinator, panel_id, "  jo bloggs ", "Manager")
    gone = person(session, coordinator, "Gil Gone", lived=False)
    members.change_status(session, coordinator, gone, MemberStatus.LEFT, TODAY, today=TODAY)
    with pytest.raises(PanelRefused, match="Gil Gone has left the group"):
        panels_seats.add_seat(
            session, coordinator, panel_id, SeatInput(SeatKind.STAFF, gone, job_title="Nurse")
        )
    assert len(panels.get_panel(session, coordinator, panel_id).seats) == 1


def test_a_panel_day_that_is_a_typing_slip_is_refused(session, coordinator) -> None:
    for slip in (date(1900, 1, 1), date(9999, 12, 31)):
        with pytest.raises(ValidationError, match="looks like a typing slip") as caught:
            panel(session, coordinator, day=slip)
        assert caught.value.field == "day"
