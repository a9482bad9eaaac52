"""A shift paid for less (or more) than its planned length says how long was worked
(issue #6 walk-through: "Oak Street, 10:00–13:00 · 2 h" read as a wrong figure)."""

from __future__ import annotations

from datetime import date, time

from involve_desktop.core.services.payments_dto import PaymentMethod
from tests.core.payments.helpers import person, prefer, shift, standard_rates
from tests.core.payments.test_generate import generate, lines


def test_the_line_says_how_long_was_worked_when_it_differs(session, coordinator) -> None:
    standard_rates(session, coordinator)
    peer = person(session, coordinator, "Pat Peer")
    prefer(session, coordinator, peer, PaymentMethod.BANK_TRANSFER)
    shift(session, peer, date(2026, 3, 2), time(10), time(13), actual_minutes=120)
    shift(session, peer, date(2026, 3, 3), time(10), time(13), actual_minutes=180)
    shift(session, peer, date(2026, 3, 4), time(10), time(13))
    generate(session, coordinator)
    found = {x.day.day: (x.description, x.minutes) for x in lines(session, coordinator)}
    assert found[2] == ("Peer support shift: Ward 4, 10:00–13:00 (worked 2 h)", 120)
    assert found[3] == ("Peer support shift: Ward 4, 10:00–13:00", 180)  # as planned
    assert found[4] == ("Peer support shift: Ward 4, 10:00–13:00", 180)
