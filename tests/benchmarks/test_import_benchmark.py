"""Importing 10,000 CSV rows into the large demo (10,000 members already there).

Through the real import service: ``read_table`` → ``guess_mapping`` → ``preview_import``
(checks every row, looks for possible duplicates) → ``commit_import`` (one transaction,
every member audited). Baseline: the csv module reading the same file plus one bare
``executemany`` INSERT of the same rows into ``member`` (rolled back).
"""

from __future__ import annotations

import csv
import random
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from involve_desktop.core.services.member_import import (
    ImportMode,
    commit_import,
    guess_mapping,
    preview_import,
    read_table,
)
from tests.benchmarks import bench

pytestmark = pytest.mark.benchmark

ROWS = 10_000
FIRST = ["Asha", "Ben", "Cara", "Dev", "Eli", "Fern", "Gus", "Hana", "Ira", "Jo", "Kit", "Lou"]
LAST = ["Okafor", "Price", "Quinn", "Rahman", "Shaw", "Tran", "Usman", "Vance", "Wood", "Young"]
BARE_INSERT = text(
    "INSERT INTO member (full_name, email, phone, date_joined, status, needs_large_print, "
    "needs_interpreter, needs_step_free, needs_hearing_loop, sort_name, name_key, search_text, "
    "created_at, updated_at, version) VALUES (:name, :email, :phone, :joined, 'active', 0, 0, "
    "0, 0, :name, :name, :name, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
)


def _write_csv(path: Path) -> None:
    rng = random.Random(10_000)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Full name", "Email", "Phone", "Date joined"])
        for number in range(ROWS):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}-{number}"
            writer.writerow(
                [name, f"person{number}@example.org", f"07700 9{number:05d}", "03/02/2025"]
            )


def test_import_ten_thousand_rows_against_csv_and_executemany(large_copy, tmp_path) -> None:
    sessions, actor, _path = large_copy
    source = tmp_path / "new members.csv"
    _write_csv(source)

    def bare() -> None:
        with source.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            next(reader)
            rows = [
                {"name": n, "email": e, "phone": p, "joined": "2025-02-03"}
                for n, e, p, _j in reader
            ]
        with sessions() as session:
            session.execute(BARE_INSERT, rows)
            session.rollback()

    bare_ms = bench.median_ms(bare, runs=3)
    bench.report(f"bare: csv reader + executemany INSERT of {ROWS:,} rows", bare_ms)
    started = time.perf_counter()
    with sessions() as session:
        table = read_table(source)
        preview = preview_import(
            session, actor, table, guess_mapping(table.headers), today=bench.TODAY
        )
        read_ms = (time.perf_counter() - started) * 1000
        result = commit_import(session, actor, preview, ImportMode.SKIP_PROBLEMS, today=bench.TODAY)
    whole_ms = (time.perf_counter() - started) * 1000
    assert result.imported == ROWS
    bench.report(f"import {ROWS:,} CSV rows: read + preview", read_ms, "bare", bare_ms)
    bench.report(f"import {ROWS:,} CSV rows: read + preview + commit", whole_ms, "bare", bare_ms)
