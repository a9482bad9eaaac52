"""Fixtures shared by the rota screen tests."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtWidgets import QInputDialog

from involve_desktop.core.services import rota_assign
from tests.core.rota.conftest import facilitator  # noqa: F401 - fixture
from tests.core.rota.helpers import peer, shift, site

WED = date(2026, 3, 4)


@pytest.fixture(autouse=True)
def no_waiting_input_dialogs(monkeypatch):
    """An input dialog a test did not script fails at once instead of waiting for a click."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected input dialog: {args[1:3]}")

    for name in ("getItem", "getText", "getInt", "getDouble"):
        monkeypatch.setattr(QInputDialog, name, refuse)


@pytest.fixture
def rota(session, coordinator) -> dict[str, int]:
    """Ward 4: Tuesday 09–13 with Aisha alone, 14–18 empty; Wednesday 09–13 empty."""
    ward = site(session, coordinator, "Ward 4")
    morning = shift(session, coordinator, ward)
    afternoon = shift(session, coordinator, ward, start=time(14), end=time(18))
    wednesday = shift(session, coordinator, ward, day=WED)
    aisha = peer(session, coordinator, "Aisha Khan")
    ben = peer(session, coordinator, "Ben Morris")
    carla = peer(session, coordinator, "Carla Diaz", trained_until=date(2026, 3, 1))
    rota_assign.assign(session, coordinator, morning, aisha)
    return {
        "site": ward,
        "morning": morning,
        "afternoon": afternoon,
        "wednesday": wednesday,
        "aisha": aisha,
        "ben": ben,
        "carla": carla,
    }
