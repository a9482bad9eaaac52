"""Fixtures for the leadership spectrum tests: a facilitator and members with and without
recorded lived experience."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, members
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberInput, Restricted


@pytest.fixture
def facilitator(session: Session, coordinator: Actor) -> Actor:
    """A facilitator account (no involvement permissions)."""
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


@pytest.fixture
def people(session: Session, coordinator: Actor) -> dict[str, int]:
    """Alan (lived experience), Bea (none recorded) and Chris (said no): name → id."""
    made = {}
    for name, lived in (("Alan Wright", True), ("Bea Jones", None), ("Chris Patel", False)):
        data = MemberInput(full_name=name, restricted=Restricted(lived_experience=lived))
        made[name.split()[0]] = members.create_member(session, coordinator, data).id
    return made
