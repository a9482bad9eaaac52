"""Two laptops on one database acting on the same pay lines at the same moment: the second
waits for the first and sees what it did, so no line is paid without being approved, and
the same lines made twice at once are refused in words, not a database error."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from involve_desktop.core.db.engine import create_engine_for, session_factory
from involve_desktop.core.errors import InvolveError, RecordChanged
from involve_desktop.core.models.payments import PayLine
from involve_desktop.core.services import payments_common, payments_lines
from involve_desktop.core.services.payments_dto import PaymentMethod, PayStatus
from involve_desktop.core.services.transaction import transaction
from tests.conftest import TEST_DATABASE_URL
from tests.core.payments.helpers import MARCH, TODAY, panel, person, prefer, standard_rates


def _one_approved_line(session, coordinator) -> int:
    standard_rates(session, coordinator)
    ann = person(session, coordinator, "Ann Able")
    prefer(session, coordinator, ann, PaymentMethod.BANK_TRANSFER)
    panel(session, date(2026, 3, 10), [ann])
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    line_id = payments_lines.list_pay_lines(session, coordinator, *MARCH)[0].id
    payments_lines.approve_lines(session, coordinator, [line_id])
    session.close()
    return line_id


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="row locks between laptops: PostgreSQL")
def test_send_back_while_marked_paid_waits_and_sees_it_paid(
    session, coordinator, database_url, monkeypatch
):
    line_id = _one_approved_line(session, coordinator)
    laptop_a = create_engine_for(database_url)
    laptop_b = create_engine_for(database_url)
    real = payments_common.load_rows
    outcome: list[object] = []

    def send_back_on_b() -> None:
        with session_factory(laptop_b)() as other:
            try:
                payments_lines.unapprove_lines(other, coordinator, [line_id])
                outcome.append("sent back")
            except InvolveError as error:
                outcome.append(error)

    racer = threading.Thread(target=send_back_on_b)

    def a_has_read_its_rows(s, model, ids):
        rows = real(s, model, ids)
        if not racer.is_alive() and not outcome:
            racer.start()  # B now waits on A's row lock
            racer.join(timeout=1.0)
            assert racer.is_alive(), "B should wait for A's transaction"
        return rows

    monkeypatch.setattr(payments_common, "load_rows", a_has_read_its_rows)
    try:
        with session_factory(laptop_a)() as mine:
            payments_lines.mark_lines_paid(mine, coordinator, [line_id], date(2026, 4, 1))
        racer.join(timeout=30)
        assert not racer.is_alive()
        with session_factory(laptop_a)() as check:
            line = check.get(PayLine, line_id)
            assert line is not None
            assert line.status == PayStatus.PAID.value and line.approved_by
        assert len(outcome) == 1 and isinstance(outcome[0], InvolveError)  # B saw it paid
    finally:
        laptop_a.dispose()
        laptop_b.dispose()


def test_adding_the_same_thing_twice_at_once_is_said_in_words(session, coordinator):
    """What a lost race on a unique rule looks like to the service's caller."""
    line_id = _one_approved_line(session, coordinator)
    line = session.get(PayLine, line_id)
    assert line is not None
    copy = PayLine(
        **{
            c.key: getattr(line, c.key)
            for c in PayLine.__table__.columns
            if c.key not in ("id", "version")
        }
    )
    with pytest.raises(RecordChanged, match="same moment on another laptop"), transaction(session):
        session.add(copy)
    assert session.query(PayLine).count() == 1
