"""Adding members through the real services for the member-sheet tests (fixed "today")."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from involve_desktop.core.db.engine import session_factory
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, member_records, members, reference_lists
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import (
    AccessNeeds,
    ConsentHow,
    ContactMethod,
    MemberInput,
    MemberStatus,
    Restricted,
)
from involve_desktop.core.sheets.catalogue import SheetData

TODAY = date(2026, 11, 26)
PRIVATE_NOTE = "PRIVATE-NOTE about a hard week"
EMERGENCY = "EMERGENCY-PERSON Sam 07700 900999"
FORBIDDEN_WORDS = ("service user", "patient", "client", "diagnosis", "lived experience")


def add_member(
    session: Session,
    actor: Actor,
    full_name: str,
    *,
    joined: date = date(2024, 5, 1),
    **fields: object,
) -> int:
    """Add a member as a coordinator would; returns the id."""
    data = MemberInput(full_name=full_name, date_joined=joined, **fields)  # type: ignore[arg-type]
    return members.create_member(session, actor, data, allow_duplicate=True, today=TODAY).id


def give_role(session: Session, actor: Actor, member_id: int, code: str, start: date) -> None:
    """Record a built-in role from ``start``."""
    role = reference_lists.role_type_id(session, code)
    member_records.add_role(session, actor, member_id, role, start, today=TODAY)


def train(session: Session, actor: Actor, member_id: int, code: str, completed: date) -> None:
    """Record built-in training completed on ``completed`` (expiry from its validity)."""
    kind = reference_lists.training_type_id(session, code)
    member_records.record_training(session, actor, member_id, kind, completed, today=TODAY)


def facilitator(session: Session, coordinator: Actor) -> Actor:
    """A facilitator account, signed in."""
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


def sheet_data(engine: Engine, actor: Actor) -> SheetData:
    """What a member sheet needs to read the test database as ``actor``."""
    return SheetData(session_factory(engine), actor)


def seed_group(session: Session, coordinator: Actor) -> dict[str, int]:
    """A small group covering what the contact list must and must not print."""
    ids = {
        "zoe": add_member(
            session,
            coordinator,
            "Zoë Adams",
            pronouns="she/her",
            phone="07700 900123",
            email="zoe@example.org",
            preferred_contact=ContactMethod.TEXT,
            access=AccessNeeds(large_print=True, step_free=True),
            restricted=Restricted(True, EMERGENCY, PRIVATE_NOTE),
        ),
        "lukasz": add_member(
            session,
            coordinator,
            "Łukasz Nowak",
            phone="01632 960111",
            email="lukasz@example.org",
            restricted=Restricted(lived_experience=True),
        ),
        "shiv": add_member(
            session,
            coordinator,
            "Siobhán Kelly",
            preferred_name="Shiv Kelly",
            pronouns="they/them",
            email="shiv@example.org",
            phone="07700 900456",
        ),
        "mo": add_member(session, coordinator, "Mo Brown", phone="07700 900789"),
        "resting": add_member(session, coordinator, "Rhys Resting", phone="07700 900321"),
        "gone": add_member(session, coordinator, "Gwen Gone", phone="07700 900654"),
    }
    give_role(session, coordinator, ids["zoe"], "peer_supporter", date(2025, 1, 1))
    give_role(session, coordinator, ids["resting"], "peer_supporter", date(2025, 1, 1))
    # Shiv agreed to email but not to phone calls.
    member_records.record_consent(
        session,
        coordinator,
        ids["shiv"],
        date(2026, 6, 1),
        ConsentHow.WRITTEN,
        keeping_records=True,
        contact_email=True,
        contact_phone=False,
        today=TODAY,
    )
    members.change_status(
        session,
        coordinator,
        ids["resting"],
        MemberStatus.STEPPING_BACK,
        date(2026, 10, 1),
        check_in_on=date(2026, 12, 15),
        today=TODAY,
    )
    members.change_status(
        session,
        coordinator,
        ids["gone"],
        MemberStatus.LEFT,
        date(2026, 9, 14),
        reason="Moved away",
        today=TODAY,
    )
    return ids
