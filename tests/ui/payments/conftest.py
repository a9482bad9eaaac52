"""Fixtures for the Payments screens: a month of recorded involvement (a worked shift, a held
panel, a facilitated meeting), the standard rates and people's payment preferences; modal
boxes and the print preview never wait for a click."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from involve_desktop.core.services.payments_dto import PaymentMethod
from tests.core.payments.conftest import facilitator  # noqa: F401 - fixture
from tests.core.payments.helpers import meeting, panel, person, prefer, shift, standard_rates

TODAY = date(2026, 4, 15)  # the screens are given this as today: March is "last month"
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> dict[str, list[str]]:
    """Message boxes record what they said; questions are answered Yes; input dialogs fail
    loudly unless a test scripts them."""
    said: dict[str, list[str]] = {"information": [], "warning": [], "question": []}

    def record(kind: str, answer=None):
        def box(*args, **_kwargs):
            said[kind].append(args[2] if len(args) > 2 else "")
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "critical", record("warning"))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected input dialog: {args[1:3]}")

    monkeypatch.setattr(QInputDialog, "getText", refuse)
    return said


@pytest.fixture
def march(session, coordinator) -> dict[str, int]:
    """Aisha (bank transfer) worked a 4-hour shift on Tue 3 March; Ben (declined payment) and
    Aisha sat on a panel on Tue 10 March; Nora (no preference) facilitated a meeting on
    Tue 17 March. Rates: panel £25, shift £12.00 an hour, meeting £20."""
    standard_rates(session, coordinator)
    aisha = person(session, coordinator, "Aisha Khan")
    ben = person(session, coordinator, "Ben Morris")
    nora = person(session, coordinator, "Nora Asked")
    prefer(session, coordinator, aisha, PaymentMethod.BANK_TRANSFER)
    prefer(session, coordinator, ben, PaymentMethod.DECLINED)
    shift(session, aisha, date(2026, 3, 3), time(9), time(13))
    panel(session, date(2026, 3, 10), [aisha, ben])
    meeting(session, date(2026, 3, 17), [nora])
    return {"aisha": aisha, "ben": ben, "nora": nora}
