"""Fixtures shared by the leadership programme tests."""

from __future__ import annotations

import pytest

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import Actor


@pytest.fixture
def facilitator(session, coordinator) -> Actor:
    """A facilitator account, linked to no cohort yet."""
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")
