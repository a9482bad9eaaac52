"""Fixtures for the 4PI activity tests: a facilitator and a few members."""

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
def people(session: Session, coordinator: Actor) -> list[int]:
    """Three members: Alan Wright, Bea Jones (both with lived experience, as recorded) and
    Chris Patel (an ally: no lived experience), ids in that order."""
    return [
        members.create_member(
            session,
            coordinator,
            MemberInput(full_name=name, restricted=Restricted(lived_experience=lived)),
        ).id
        for name, lived in (("Alan Wright", True), ("Bea Jones", True), ("Chris Patel", False))
    ]
