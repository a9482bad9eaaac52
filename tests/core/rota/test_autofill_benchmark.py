"""Auto-fill at scale (opt-in): ``uv run pytest -m benchmark -s tests/core/rota``.

Builds, in a temporary SQLite file, 300 peer supporters (10% bank, some with limits, some with
expired training, each available 3–5 days a week) and 4 weeks of shifts at 30 sites × 3
shifts a day, then times ``propose_autofill`` at 1×, 4× and 16× the shifts (30, 120 and 480
sites, same people and weeks) and prints a table. The issue's target: the 1× case well under
2 s. The only assertion is a generous sanity bound (timings would flake).
"""

from __future__ import annotations

import random
import statistics
import time as clock
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.db.migrate import migrate
from involve_desktop.core.models.people import Member, MemberRole, TrainingRecord
from involve_desktop.core.models.rota import (
    RotaAvailability,
    RotaLimits,
    RotaShift,
    RotaSite,
)
from involve_desktop.core.services import accounts, reference_lists
from involve_desktop.core.services.rota_autofill import propose_autofill

pytestmark = pytest.mark.benchmark

START = date(2026, 3, 2)
END = START + timedelta(days=27)
PEOPLE = 300
SITES = 30
TIMES = ((time(8), time(12)), (time(12), time(16)), (time(16), time(20)))


def build(session, sites: int) -> None:
    rng = random.Random(4)
    peer = reference_lists.role_type_id(session, "peer_supporter")
    bank = reference_lists.role_type_id(session, "bank_peer_supporter")
    training = reference_lists.training_type_id(session, "peer_support")
    session.execute(
        insert(Member),
        [
            {
                "id": i,
                "full_name": f"Person {i:03d}",
                "sort_name": f"person {i:03d}",
                "date_joined": date(2024, 1, 1),
                "status": "active",
            }
            for i in range(1, PEOPLE + 1)
        ],
    )
    session.execute(
        insert(MemberRole),
        [
            {
                "member_id": i,
                "role_type_id": bank if i % 10 == 0 else peer,
                "start_on": date(2024, 1, 1),
            }
            for i in range(1, PEOPLE + 1)
        ],
    )
    session.execute(
        insert(TrainingRecord),
        [
            {
                "member_id": i,
                "training_type_id": training,
                "completed_on": date(2025, 1, 1),
                "expires_on": date(2026, 1, 1) if i % 15 == 0 else date(2027, 1, 1),
            }
            for i in range(1, PEOPLE + 1)
        ],
    )
    slots = []
    for i in range(1, PEOPLE + 1):
        for day in rng.sample(range(7), rng.randint(3, 5)):
            slots.append(
                {"member_id": i, "weekday": day, "from_time": time(7), "to_time": time(21)}
            )
    session.execute(insert(RotaAvailability), slots)
    session.execute(
        insert(RotaLimits),
        [
            {"member_id": i, "max_shifts_per_week": 3, "max_hours_per_month": 40}
            for i in range(1, PEOPLE + 1, 3)
        ],
    )
    session.execute(
        insert(RotaSite),
        [{"id": s, "name": f"Site {s:03d}", "kind": "ward"} for s in range(1, sites + 1)],
    )
    shifts = []
    for offset in range((END - START).days + 1):
        day = START + timedelta(days=offset)
        for s in range(1, sites + 1):
            for start, end in TIMES:
                shifts.append(
                    {
                        "site_id": s,
                        "day": day,
                        "start_time": start,
                        "end_time": end,
                        "min_peers": 2,
                        "max_peers": 3,
                        "required_training_type_id": training,
                    }
                )
    session.execute(insert(RotaShift), shifts)
    session.commit()


def test_autofill_scaling(tmp_path: Path) -> None:
    rows = []
    for factor in (1, 4, 16):
        engine = create_engine_for(sqlite_url(tmp_path / f"bench{factor}.sqlite3"))
        migrate(engine, paths.migrations_dir(), None)
        with session_factory(engine)() as session:
            actor = accounts.set_up_group(session, "Bench", "Sam", "sam", "correct horse battery")
            build(session, SITES * factor)
            times = []
            for _ in range(3):
                began = clock.perf_counter()
                proposal = propose_autofill(session, actor, START, END, today=START)
                times.append(clock.perf_counter() - began)
            shifts = ((END - START).days + 1) * SITES * factor * len(TIMES)
            rows.append((factor, shifts, statistics.median(times), proposal))
        engine.dispose()
    print("\nfactor  shifts  proposed  gaps   median s  growth")
    base = rows[0][2]
    for factor, shifts, seconds, proposal in rows:
        print(
            f"{factor:>5}x  {shifts:>6}  {len(proposal.assignments):>8}  {len(proposal.gaps):>5}"
            f"  {seconds:>8.3f}  {seconds / base:>5.1f}x"
        )
    assert rows[0][2] < 10  # sanity only; the target (well under 2 s) is read from the table
