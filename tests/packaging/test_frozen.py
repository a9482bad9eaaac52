"""The PyInstaller one-folder app runs without Python: prints, migrates, opens encryption.

Opt-in (``pytest -m packaging``). Uses ``dist/involve-desktop/`` from ``packaging/build.sh``.
``INVOLVE_FROZEN=build`` builds it first when it is missing; ``INVOLVE_FROZEN=require``
(CI) fails instead of skipping when it is missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from involve_desktop.core.db.engine import sqlite_url
from tests.packaging import app_checks

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "dist" / "involve-desktop"
PROGRAM = FOLDER / ("involve-desktop-cli.exe" if sys.platform == "win32" else "involve-desktop")


@pytest.fixture(scope="module")
def frozen() -> Path:
    """The frozen program, built on request; skipped when absent unless required."""
    mode = os.environ.get("INVOLVE_FROZEN", "")
    if not PROGRAM.exists() and mode == "build":
        subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT, check=True)
    if not PROGRAM.exists():
        message = f"no frozen app at {PROGRAM}: run packaging/build.sh (or INVOLVE_FROZEN=build)"
        if mode == "require":
            pytest.fail(message)
        pytest.skip(message)
    return PROGRAM


def _internal(frozen: Path) -> Path:
    return frozen.parent / "_internal"


def test_folder_holds_resources_and_migrations(frozen: Path) -> None:
    internal = _internal(frozen)
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (internal / "resources" / "icons" / "involve-desktop.svg").is_file()
    assert (internal / "database" / "env.py").is_file()
    shipped = {p.name for p in (internal / "database" / "versions").glob("*.py")}
    source = {p.name for p in (ROOT / "database" / "versions").glob("*.py")}
    assert shipped == source
    assert not (internal / "resources" / "screenshots").exists()


def test_frozen_version(frozen: Path, tmp_path: Path) -> None:
    app_checks.check_version(frozen, tmp_path)


def test_frozen_prints_blank_sheet(frozen: Path, tmp_path: Path) -> None:
    app_checks.check_blank_sheet(frozen, tmp_path)


def test_frozen_prints_from_demo_data(frozen: Path, tmp_path: Path) -> None:
    app_checks.check_demo_sheet(frozen, tmp_path)


def test_frozen_migrates_a_fresh_sqlite_file(frozen: Path, tmp_path: Path) -> None:
    app_checks.check_fresh_migration(frozen, tmp_path, sqlite_url(tmp_path / "fresh.sqlite3"))


def test_frozen_migrates_the_test_database(frozen: Path, tmp_path: Path, database_url: str) -> None:
    """On PostgreSQL when INVOLVE_TEST_DATABASE_URL is set: psycopg's binary is bundled."""
    app_checks.check_fresh_migration(frozen, tmp_path, database_url)


def test_frozen_opens_an_encrypted_database(frozen: Path, tmp_path: Path) -> None:
    app_checks.check_encrypted_database(frozen, tmp_path)


def test_install_script_installs_for_one_person_and_removes_again(
    frozen: Path, tmp_path: Path
) -> None:
    """install.sh in the built folder: menu entry, icons, metainfo and a working command."""
    script = frozen.parent / "install.sh"
    if sys.platform == "win32" or not script.exists():
        pytest.skip("install.sh is added by packaging/build.sh on Linux")
    env = {**app_checks.app_env(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    subprocess.run([str(script)], env=env, check=True, capture_output=True, timeout=300)
    desktop = tmp_path / "share" / "applications" / "org.involve.InvolveDesktop.desktop"
    entry = dict(line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line)
    program = Path(entry["Exec"])
    assert program == tmp_path / ".local" / "opt" / "involve-desktop" / "involve-desktop"
    assert entry["Icon"] == "involve-desktop"
    icons = tmp_path / "share" / "icons" / "hicolor"
    assert (icons / "48x48" / "apps" / "involve-desktop.png").is_file()
    assert (icons / "scalable" / "apps" / "involve-desktop.svg").is_file()
    assert (tmp_path / "share" / "metainfo" / "org.involve.InvolveDesktop.metainfo.xml").is_file()
    app_checks.check_version(tmp_path / ".local" / "bin" / "involve-desktop", tmp_path)

    subprocess.run([str(script), "--uninstall"], env=env, check=True, capture_output=True)
    assert not program.exists()
    assert not desktop.exists()
    assert not (tmp_path / ".local" / "bin" / "involve-desktop").exists()
