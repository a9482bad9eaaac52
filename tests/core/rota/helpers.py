"""Building small rotas through the real services: sites, shifts and peer supporters."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy.orm import Session

from involve_desktop.core.services import (
    member_records,
    members,
    reference_lists,
    rota_shifts,
    rota_sites,
)
from involve_desktop.core.services import rota_availability as availability
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.services.rota_dto import AvailabilitySlot, SiteInput

TODAY = date(2026, 3, 2)  # a Monday
TUE = date(2026, 3, 3)
EVERY_DAY = [AvailabilitySlot(d, time(7), time(23)) for d in range(7)]
NO_TRAINING = object()


def site(session: Session, actor: Actor, name: str = "Ward 4", **kw) -> int:
    """A site; returns its id."""
    return rota_sites.create_site(session, actor, SiteInput(name=name, **kw)).id


def shift(
    session: Session,
    actor: Actor,
    site_id: int,
    day: date = TUE,
    start: time = time(9),
    end: time = time(13),
    **kw,
) -> int:
    """A one-off shift (peer support training required); returns its id."""
    return rota_shifts.add_shift(session, actor, site_id, day, start, end, **kw)


def peer(
    session: Session,
    actor: Actor,
    name: str,
    *,
    bank: bool = False,
    trained_until: date | None | object = date(2027, 6, 1),
    weekly: list[AvailabilitySlot] | None = None,
    limits: tuple[int | None, int | None] | None = None,
    role: bool = True,
) -> int:
    """A peer supporter who joined in 2024, with training and availability; their id."""
    m = members.create_member(
        session, actor, MemberInput(full_name=name, date_joined=date(2024, 1, 8)), today=TODAY
    )
    if role:
        code = "bank_peer_supporter" if bank else "peer_supporter"
        member_records.add_role(
            session,
            actor,
            m.id,
            reference_lists.role_type_id(session, code),
            date(2024, 1, 8),
            today=TODAY,
        )
    if trained_until is not NO_TRAINING:
        member_records.record_training(
            session,
            actor,
            m.id,
            reference_lists.training_type_id(session, "peer_support"),
            date(2024, 1, 8),
            trained_until,
            no_expiry=trained_until is None,
            today=TODAY,
        )
    availability.set_weekly_availability(
        session, actor, m.id, EVERY_DAY if weekly is None else weekly
    )
    if limits is not None:
        availability.set_limits(session, actor, m.id, *limits)
    return m.id
