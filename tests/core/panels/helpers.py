"""Building panels and the people on them through the real services."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy.orm import Session

from involve_desktop.core.services import member_records, panels, panels_seats, reference_lists
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import PanelInput, SeatInput, SeatKind
from tests.core.meetings.helpers import person

TODAY = date(2026, 3, 2)  # a Monday
PANEL_DAY = date(2026, 3, 10)

__all__ = ["PANEL_DAY", "TODAY", "panel", "person", "seat", "staff", "trained"]


def trained(
    session: Session,
    actor: Actor,
    full_name: str,
    *,
    completed: date = date(2024, 6, 1),
    lived: bool | None = True,
    **fields: object,
) -> int:
    """A member with recruitment-panel training completed on ``completed`` (36 months)."""
    member_id = person(session, actor, full_name, lived=lived, **fields)
    type_id = reference_lists.training_type_id(session, "recruitment_panel")
    member_records.record_training(session, actor, member_id, type_id, completed, today=TODAY)
    return member_id


def panel(
    session: Session,
    actor: Actor,
    post: str = "Peer Support Worker",
    day: date = PANEL_DAY,
    **fields: object,
) -> int:
    """A planned panel at the Riverside office, 10:00–13:00; returns its id."""
    values: dict[str, object] = {
        "team": "Community Mental Health Team",
        "start_time": time(10),
        "end_time": time(13),
        "venue": "Riverside Voices office",
        "candidates": 4,
    } | fields
    return panels.create_panel(session, actor, PanelInput(post, day, **values)).id  # type: ignore[arg-type]


def seat(session: Session, actor: Actor, panel_id: int, member_id: int, **kw: object):
    """Seat a member in a lived-experience seat."""
    return panels_seats.add_seat(
        session,
        actor,
        panel_id,
        SeatInput(SeatKind.LIVED_EXPERIENCE, member_id),
        **kw,  # type: ignore[arg-type]
    )


def staff(session: Session, actor: Actor, panel_id: int, name: str, job: str = "Team Manager"):
    """Seat an outside staff member."""
    return panels_seats.add_seat(
        session, actor, panel_id, SeatInput(SeatKind.STAFF, outside_name=name, job_title=job)
    )
