"""Recorded involvement for the payments tests: panels, shifts and meetings as stored rows.

The payment rules read what the other areas recorded, so these helpers write those rows
directly (the areas' own rules are tested in their own tests); members, preferences, rates
and claims go through the real services.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from involve_desktop.core.models.meetings import Meeting, MeetingFacilitator, MeetingGroup
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.models.rota import RotaAssignment, RotaShift, RotaSite
from involve_desktop.core.services import payments_preferences, payments_rates
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.payments_dto import (
    Activity,
    PaymentMethod,
    PreferenceInput,
    RateBasis,
    RateInput,
)
from tests.core.meetings.helpers import person

TODAY = date(2026, 4, 15)
MARCH = (date(2026, 3, 1), date(2026, 3, 31))

__all__ = [
    "MARCH",
    "TODAY",
    "meeting",
    "panel",
    "person",
    "prefer",
    "rate",
    "shift",
    "standard_rates",
]


def prefer(
    session: Session,
    actor: Actor,
    member_id: int,
    method: PaymentMethod,
    offered: date | None = date(2026, 1, 5),
) -> None:
    """Record how a member wants to be paid."""
    payments_preferences.set_preference(
        session, actor, member_id, PreferenceInput(method, offered), today=TODAY
    )


def rate(
    session: Session,
    actor: Actor,
    activity: Activity,
    basis: RateBasis,
    pence: int,
    valid_from: date = date(2025, 4, 1),
):
    """Set a rate."""
    return payments_rates.set_rate(session, actor, RateInput(activity, basis, pence, valid_from))


def standard_rates(session: Session, actor: Actor) -> None:
    """Panel £25 per session, shifts £12.00 per hour, meetings £20 per session."""
    rate(session, actor, Activity.PANEL, RateBasis.PER_SESSION, 2500)
    rate(session, actor, Activity.ROTA_SHIFT, RateBasis.PER_HOUR, 1200)
    rate(session, actor, Activity.MEETING_FACILITATION, RateBasis.PER_SESSION, 2000)


def _site(session: Session) -> RotaSite:
    site = session.query(RotaSite).filter_by(name="Ward 4").one_or_none()
    if site is None:
        site = RotaSite(name="Ward 4")
        session.add(site)
        session.flush()
    return site


def shift(
    session: Session,
    member_id: int,
    day: date,
    start: time = time(9),
    end: time = time(13),
    *,
    attendance: str | None = "worked",
    actual_minutes: int | None = None,
) -> int:
    """A shift at Ward 4 with the member on it; returns the assignment id."""
    row = RotaShift(site_id=_site(session).id, day=day, start_time=start, end_time=end)
    session.add(row)
    session.flush()
    assignment = RotaAssignment(
        shift_id=row.id,
        member_id=member_id,
        assigned_by="test",
        attendance=attendance,
        actual_minutes=actual_minutes,
    )
    session.add(assignment)
    session.commit()
    return assignment.id


def panel(
    session: Session,
    day: date,
    lived: list[int],
    staff: list[int] = (),  # type: ignore[assignment]
    *,
    status: str = "held",
    start: time | None = time(10),
    end: time | None = time(13),
    post: str = "Peer Support Worker",
) -> int:
    """A panel with lived-experience and staff member seats; returns the panel id."""
    row = Panel(
        post_title=post, day=day, status=status, venue="Office", start_time=start, end_time=end
    )
    session.add(row)
    session.flush()
    for member_id in lived:
        session.add(
            PanelSeat(panel_id=row.id, kind="lived_experience", member_id=member_id, added_by="t")
        )
    for member_id in staff:
        session.add(PanelSeat(panel_id=row.id, kind="staff", member_id=member_id, added_by="t"))
    session.commit()
    return row.id


def meeting(
    session: Session,
    day: date,
    facilitators: list[int],
    *,
    recorded: bool = True,
    cancelled: bool = False,
    group: str = "Tuesday Peer Support",
    kind: str = "peer_support",
) -> int:
    """A meeting 14:00–16:00 with these facilitators; returns the meeting id."""
    row_group = session.query(MeetingGroup).filter_by(name=group).one_or_none()
    if row_group is None:
        row_group = MeetingGroup(name=group, kind=kind)
        session.add(row_group)
        session.flush()
    row = Meeting(
        group_id=row_group.id,
        day=day,
        start_time=time(14),
        end_time=time(16),
        cancelled=cancelled,
        attendance_recorded_at=datetime(2026, 3, 20, tzinfo=UTC).replace(tzinfo=None)
        if recorded
        else None,
    )
    session.add(row)
    session.flush()
    for member_id in facilitators:
        session.add(MeetingFacilitator(meeting_id=row.id, member_id=member_id))
    session.commit()
    return row.id
