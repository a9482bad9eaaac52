"""Rota auto-fill for four weeks on the large demo (30 sites, 300 supporters, a year of shifts).

The weeks filled are the four after the ones the demo already filled, so every shift needs
people. Figures: ``propose_autofill`` (loads the period and plans; writes nothing) and
``propose + commit_autofill`` (re-checks every assignment, writes them in one audited
batch). Baseline: the bare SQL writing the same number of assignments — one
``executemany`` INSERT of the same (shift, person) pairs into ``rota_assignment`` on the
driver connection, rolled back — i.e. the least any rota tool must do to store them.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import text

from involve_desktop.core.services import rota_autofill
from tests.benchmarks import bench

pytestmark = pytest.mark.benchmark

MONDAY = bench.TODAY - timedelta(days=bench.TODAY.weekday())
START = MONDAY + timedelta(weeks=4)
END = START + timedelta(weeks=4, days=-1)
BARE_INSERT = text(
    "INSERT INTO rota_assignment (shift_id, member_id, assigned_at, assigned_by) "
    "VALUES (:shift_id, :member_id, CURRENT_TIMESTAMP, 'bench')"
)


def test_autofill_four_weeks_against_bare_inserts(large_copy) -> None:
    sessions, actor, _path = large_copy

    def propose() -> rota_autofill.AutofillProposal:
        with sessions() as session:
            return rota_autofill.propose_autofill(session, actor, START, END, today=START)

    proposal = propose()
    assert len(proposal.assignments) > 1_000  # 30 sites × 3 shifts × 28 days, mostly filled
    pairs = [{"shift_id": a.shift_id, "member_id": a.member_id} for a in proposal.assignments]

    def bare() -> None:
        with sessions() as session:
            session.execute(BARE_INSERT, pairs)
            session.rollback()

    bare_ms = bench.median_ms(bare, runs=5)
    bench.report(f"bare SQL: INSERT {len(pairs):,} assignments (executemany)", bare_ms)
    propose_ms = bench.median_ms(propose, runs=5)
    bench.report(
        f"rota auto-fill 4 weeks: propose ({proposal.shift_count:,} shifts)",
        propose_ms,
        "bare INSERT",
        bare_ms,
    )
    started = time.perf_counter()
    with sessions() as session:
        fresh = rota_autofill.propose_autofill(session, actor, START, END, today=START)
        batch = rota_autofill.commit_autofill(session, actor, fresh, today=START)
    whole_ms = (time.perf_counter() - started) * 1000
    with sessions() as session:
        stored = session.execute(
            text("SELECT count(*) FROM rota_assignment WHERE batch_id = :b"), {"b": batch}
        ).scalar_one()
    assert stored == len(fresh.assignments)
    bench.report(
        f"rota auto-fill 4 weeks: propose + commit ({stored:,} assignments, once)",
        whole_ms,
        "bare INSERT",
        bare_ms,
    )
