"""Shared helpers for the benchmarks: timing, the large demo file, subprocess runs, the table.

Every benchmark reports a figure next to a bare baseline measured in the same run, so the
ratio says how much the app adds to what the libraries need anyway. The large demo database
(``DemoSize.LARGE``: 10,000 members, 300 supporters, 30 sites, a year of shifts, meetings)
is made once per set of migrations and seeders and kept in ``INVOLVE_BENCH_DIR`` (default:
the system temporary folder), because start-up is measured opening an existing file.
"""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from involve_desktop import paths

TODAY = date(2026, 11, 26)
RUNS = 7
PROBE = Path(__file__).with_name("window_probe.py")


@dataclass(frozen=True)
class Row:
    """One line of the table: what was measured, the figure, its unit and the baseline."""

    what: str
    value: float
    unit: str = "ms"
    baseline: str = ""
    ratio: float | None = None
    target: float | None = None


ROWS: list[Row] = []


def median_ms(action: Callable[[], Any], runs: int = RUNS, warm_up: bool = True) -> float:
    """Median wall time of ``action`` in milliseconds (one warm-up run first)."""
    if warm_up:
        action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def paired_ms(
    action: Callable[[], Any], baseline: Callable[[], Any], runs: int = RUNS
) -> tuple[float, float]:
    """Medians of ``action`` and ``baseline`` timed in turn (one warm-up each), in ms.

    Taking them alternately means both see the same load on a shared machine, so their
    ratio moves less than that of two medians taken one after the other.
    """
    action()
    baseline()
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        for timed, times in ((baseline, bare), (action, ours)):
            started = time.perf_counter()
            timed()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(ours), statistics.median(bare)


def report(
    what: str,
    value: float,
    baseline_name: str = "",
    baseline: float | None = None,
    *,
    unit: str = "ms",
    target: float | None = None,
) -> None:
    """Keep one line for the table printed (and saved) at the end of the session."""
    ratio = value / baseline if baseline else None
    ROWS.append(Row(what, value, unit, baseline_name, ratio, target))


def table_lines() -> list[str]:
    """The table as Markdown rows (figure, ratio, target met or not)."""
    lines = ["| measure | figure | ratio | baseline | target |", "|---|---:|---:|---|---|"]
    for row in ROWS:
        figure = (
            f"{row.value:,.1f} {row.unit}" if row.value >= 10 else f"{row.value:.3f} {row.unit}"
        )
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else ""
        target = ""
        if row.target is not None and row.ratio is not None:
            met = "met" if row.ratio <= row.target else "MISSED"
            target = f"≤ {row.target}× {met}"
        lines.append(f"| {row.what} | {figure} | {ratio} | {row.baseline} | {target} |")
    return lines


def print_table() -> None:
    """Print the table, and save it to ``INVOLVE_BENCH_OUT`` when set (Markdown)."""
    if not ROWS:
        return
    lines = table_lines()
    print("\n" + "\n".join(lines))
    out = os.environ.get("INVOLVE_BENCH_OUT")
    if out:
        Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_dir() -> Path:
    """Where the large demo file is kept between runs."""
    folder = Path(os.environ.get("INVOLVE_BENCH_DIR") or tempfile.gettempdir()) / "involve-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _source_key() -> str:
    """Changes when a migration or a demo seeder changes, so a stale file is never used."""
    digest = hashlib.sha256()
    demo = Path(paths.__file__).parent / "core" / "demo"
    for path in sorted([*paths.migrations_dir().rglob("*.py"), *demo.glob("*.py")]):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def large_database() -> Path:
    """The migrated large demo SQLite file (made now if not kept from an earlier run)."""
    from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
    from involve_desktop.core.db.migrate import migrate
    from involve_desktop.core.demo.seed import DemoSize, seed_demo

    path = bench_dir() / f"large-{_source_key()}.sqlite3"
    if path.exists():
        return path
    making = path.with_suffix(".making")
    making.unlink(missing_ok=True)
    engine = create_engine_for(sqlite_url(making))
    try:
        migrate(engine, paths.migrations_dir(), making.parent)
        started = time.perf_counter()
        with session_factory(engine)() as session:
            seed_demo(session, DemoSize.LARGE, today=TODAY)
        report("seed the large demo (10,000 members)", (time.perf_counter() - started) * 1000)
    finally:
        engine.dispose()
    making.rename(path)
    return path


def copy_of(path: Path, folder: Path) -> Path:
    """A fresh copy of a database file in ``folder`` (so a run never changes the kept one)."""
    target = folder / path.name
    target.write_bytes(path.read_bytes())
    return target


def run_probe(*args: str, env: dict[str, str] | None = None) -> tuple[float, dict[str, Any]]:
    """Run ``window_probe.py`` in a fresh Python; (wall ms from spawn to exit, its JSON).

    The JSON gains ``since_spawn``: each phase's wall-clock ms from just before the spawn.
    """
    spawned = time.time()
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(PROBE), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )
    wall = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"probe {args} failed:\n{done.stderr[-3000:]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    found["since_spawn"] = {k: (at - spawned) * 1000 for k, at in found.get("at", {}).items()}
    return wall, found


def paired_probes(
    args: tuple[str, ...],
    baseline: tuple[str, ...],
    runs: int = 5,
    env: dict[str, str] | None = None,
) -> tuple[float, dict[str, Any], float, dict[str, Any]]:
    """Probe runs of ``args`` and ``baseline`` in turn (after one warm-up each): the median
    wall ms and last JSON of each, ``(ms, json, baseline_ms, baseline_json)``."""
    run_probe(*args, env=env)
    run_probe(*baseline, env=env)
    ours, bare = [], []
    for _ in range(runs):
        bare.append(run_probe(*baseline, env=env))
        ours.append(run_probe(*args, env=env))
    median = statistics.median
    return median(m for m, _ in ours), ours[-1][1], median(m for m, _ in bare), bare[-1][1]
