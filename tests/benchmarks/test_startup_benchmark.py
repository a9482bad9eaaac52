"""Start-up and peak memory, each in a fresh Python, against a bare PySide6 window.

- Start-up: from spawning the process to the first paint of a usable ``MainWindow`` (Home
  shown) on the large demo file, signed in as the demo coordinator — against spawning a
  process that shows and paints a bare ``QMainWindow``. Same harness (``window_probe.py``,
  wall time measured here from spawn to exit), median of several runs taken in turn with
  the bare ones (so both see the same load). Target ≤ 1.5×.
- Peak memory (``VmHWM``, see ``window_probe.peak_mb``) of the same app process after it
  has also opened Members (10,000 people), against the bare window's process.
- ``involve-desktop --version``: spawn to exit, against ``python -c pass``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from involve_desktop import paths
from tests.benchmarks import bench

pytestmark = pytest.mark.benchmark

ENV = {"QT_QPA_PLATFORM": "offscreen"}


def _env(tmp_path: Path) -> dict[str, str]:
    """The app's data and settings folders kept apart from the user's — through the XDG
    folders, so the app finds its data folder as it does on a laptop (platformdirs)."""
    return ENV | {
        "INVOLVE_DATA_DIR": "",  # (the tests set it; empty means "not set")
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }


def test_start_up_against_a_bare_window(large_file: Path, tmp_path: Path) -> None:
    path = bench.copy_of(large_file, tmp_path)
    env = _env(tmp_path)
    app_ms, app, bare_ms, bare = bench.paired_probes(("app", str(path)), ("bare",), env=env)
    assert "painted" in bare["phases"]
    bench.report("start-up: bare QMainWindow, spawn to first paint", bare_ms)
    assert "painted" in app["phases"]  # the window really opened on the large file
    bench.report(
        "start-up: main window (Home) on the large demo, spawn to first paint",
        app_ms,
        "bare window",
        bare_ms,
        target=1.5,
    )
    for phase, ms in app["phases"].items():
        bench.report(f"    in the app process: {phase} by", ms)


def test_sign_in_window_against_a_bare_window(large_file: Path, tmp_path: Path) -> None:
    """What a person sees on starting ``involve-desktop`` from the menu (no arguments, the
    large file where the app keeps its data): the sign-in window, while the file opens
    behind it; then Sign in pressed → the main window (Home) painted."""
    env = _env(tmp_path)
    folder = Path(env["XDG_DATA_HOME"]) / paths.APP_DIR_NAME
    folder.mkdir(parents=True)
    bench.copy_of(large_file, folder).rename(folder / paths.DATABASE_FILE)
    bench.run_probe("signin", env=env)  # warm-up runs (disk cache, .pyc)
    bench.run_probe("bare", env=env)
    ours: list[dict] = []
    bare: list[dict] = []
    for _ in range(7):
        bare.append(bench.run_probe("bare", env=env)[1]["since_spawn"])
        ours.append(bench.run_probe("signin", env=env)[1]["since_spawn"])
    median = statistics.median
    bare_paint = median(b["painted"] for b in bare)
    bench.report("first window: bare QMainWindow, spawn to first paint", bare_paint)
    bench.report(
        "first window: sign-in window on the large demo, spawn to first paint",
        median(o["sign-in window painted"] for o in ours),
        "bare window",
        bare_paint,
        target=1.5,
    )
    bench.report(
        "    the file opened behind it (imports, check, migrations), spawn to ready",
        median(o["database open behind it"] for o in ours),
    )
    bench.report(
        "    Sign in pressed → main window (Home) painted",
        median(o["main window painted"] - o["sign in pressed"] for o in ours),
    )


def test_peak_memory_with_members_open(large_file: Path, tmp_path: Path) -> None:
    path = bench.copy_of(large_file, tmp_path)
    env = _env(tmp_path)
    _ms, bare = bench.run_probe("bare", env=env)
    _ms, app = bench.run_probe("app", str(path), "--members", env=env)
    assert "members painted" in app["phases"]
    bench.report("peak memory: bare QMainWindow", bare["peak_mb"], unit="MB")
    bench.report(
        "peak memory: main window + Members (10,000 members)",
        app["peak_mb"],
        "bare window",
        bare["peak_mb"],
        unit="MB",
    )
    resident = app["resident_mb"]
    bench.report(
        "    resident once Members is painted (after the password check's argon2id memory)",
        resident["members painted"],
        "bare window",
        bare["peak_mb"],
        unit="MB",
    )
    bench.report(
        "    of which Members' 10,000 people (resident after minus before)",
        resident["members painted"] - resident["painted"],
        unit="MB",
    )


def test_version_against_bare_python() -> None:
    def version() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "involve_desktop", "--version"], capture_output=True, check=True
        )
        assert b"Involve" in done.stdout

    def bare() -> None:
        subprocess.run([sys.executable, "-c", "pass"], check=True)

    bare_ms = bench.median_ms(bare, runs=5)
    bench.report("python -c pass", bare_ms)
    ms = bench.median_ms(version, runs=5)
    bench.report("involve-desktop --version", ms, "bare python", bare_ms)
