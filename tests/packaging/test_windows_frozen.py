"""The Windows program folder, run under wine: prints, migrates, opens encryption.

Opt-in (``pytest -m packaging``) and skipped unless ``wine`` is installed and
``dist/windows/involve-desktop/`` exists: ``packaging/build-windows-wine.sh`` builds it with
Windows Python and PyInstaller under wine, in the wine prefix these tests run it in (with
its two stand-ins for DLLs every Windows 10/11 has and wine 8 lacks). CI installs no wine.
The checks are the Linux folder's and the wheel's (:mod:`tests.packaging.app_checks`);
paths such as ``/tmp/...`` reach the Windows program as ``Z:\\tmp\\...``, wine's drive for /.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from involve_desktop.core.db.engine import sqlite_url
from tests.packaging import app_checks

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "dist" / "windows" / "involve-desktop"
INSTALLERS = ROOT / "dist" / "windows" / "installer"
PREFIX = Path(os.environ.get("WINEPREFIX") or ROOT / "build" / "windows" / "wine-prefix")
STAND_INS = ("icuuc.dll", "bcryptprimitives.dll")
"""Windows' own DLLs, stood in for in the wine prefix only: never shipped in the folder."""


def wine_env() -> dict[str, str]:
    """The environment to run Windows programs in the build's wine prefix, headless."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(WINEPREFIX=str(PREFIX), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree=;mshtml=")
    return env


def run_in_prefix(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a Windows program in the prefix and wait until every process it started ended
    (the NSIS uninstaller copies itself to %TEMP% and returns at once)."""
    env = wine_env()
    done = subprocess.run(
        ["timeout", "-s", "KILL", "600", "wine", *args], env=env, capture_output=True, text=True
    )
    subprocess.run(["timeout", "-s", "KILL", "600", "wineserver", "-w"], env=env, check=False)
    return done


@pytest.fixture(scope="module")
def windows_cli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A command that runs the folder's ``involve-desktop-cli.exe`` under wine."""
    cli = FOLDER / "involve-desktop-cli.exe"
    if shutil.which("wine") is None:
        pytest.skip("wine is not installed")
    if not cli.is_file() or not PREFIX.is_dir():
        pytest.skip(f"no Windows build at {FOLDER}: run packaging/build-windows-wine.sh")
    wrapper = tmp_path_factory.mktemp("wine") / "involve-desktop-cli"
    # Windows programs under wine write only to pipes, which subprocess gives them.
    wrapper.write_text(
        "#!/bin/sh\n"
        f"WINEPREFIX={shlex.quote(str(PREFIX))} WINEDEBUG=-all "
        f'exec wine {shlex.quote(str(cli))} "$@"\n'
    )
    wrapper.chmod(0o755)
    return wrapper


def test_folder_is_a_windows_build_with_resources(windows_cli: Path) -> None:
    internal = FOLDER / "_internal"
    assert (FOLDER / "involve-desktop.exe").read_bytes()[:2] == b"MZ"
    assert (internal / "python311.dll").is_file()
    assert (internal / "PySide6" / "plugins" / "platforms" / "qwindows.dll").is_file()
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    shipped = {p.name for p in (internal / "database" / "versions").glob("*.py")}
    assert shipped == {p.name for p in (ROOT / "database" / "versions").glob("*.py")}
    assert not [p for p in FOLDER.rglob("*") if p.name.lower() in STAND_INS]


def test_windows_version(windows_cli: Path, tmp_path: Path) -> None:
    app_checks.check_version(windows_cli, tmp_path)


def test_windows_prints_blank_sheet(windows_cli: Path, tmp_path: Path) -> None:
    app_checks.check_blank_sheet(windows_cli, tmp_path)


def test_windows_says_a_name_its_code_page_lacks(windows_cli: Path, tmp_path: Path) -> None:
    """Piped, Windows Python writes cp1252, which has no "Ł": the sheet is still saved and
    the command ends well, the letter escaped."""
    out = tmp_path / "Łódź" / "sheet.pdf"
    out.parent.mkdir()
    args = ("print", "blank-sign-in", "--venue", "Łódź Hall", "--out", str(out))
    said = app_checks.run(windows_cli, *args, env=app_checks.app_env(tmp_path))
    assert "\\u0141" in said
    assert "Łódź Hall" in app_checks.pdf_text(out)


def test_windows_prints_from_demo_data(windows_cli: Path, tmp_path: Path) -> None:
    app_checks.check_demo_sheet(windows_cli, tmp_path)


def test_windows_migrates_a_fresh_sqlite_file(windows_cli: Path, tmp_path: Path) -> None:
    app_checks.check_fresh_migration(windows_cli, tmp_path, sqlite_url(tmp_path / "new.sqlite3"))


def test_windows_migrates_the_test_database(
    windows_cli: Path, tmp_path: Path, database_url: str
) -> None:
    """On PostgreSQL when INVOLVE_TEST_DATABASE_URL is set: psycopg's Windows binary works."""
    app_checks.check_fresh_migration(windows_cli, tmp_path, database_url)


def test_windows_opens_an_encrypted_database(windows_cli: Path, tmp_path: Path) -> None:
    """A SQLCipher file made on Linux unlocks and prints in the Windows program."""
    app_checks.check_encrypted_database(windows_cli, tmp_path)


def test_windows_installer_installs_a_working_program(windows_cli: Path, tmp_path: Path) -> None:
    """The installer built from this folder installs it; the installed copy runs and prints;
    its uninstaller removes it. (Install, upgrade and uninstall in detail, with a stand-in
    folder: ``test_windows_wine.py``.)"""
    setups = sorted(INSTALLERS.glob("InvolveDesktop-*-setup.exe"))
    if not setups:
        pytest.skip("no installer: run packaging/build-windows-wine.sh --installer")
    folder = f"InvolveTest{uuid.uuid4().hex[:8]}"  # NSIS wants /D= last and without spaces
    program = PREFIX / "drive_c" / folder
    try:
        installed = run_in_prefix(str(setups[-1]), "/S", f"/D=C:\\{folder}")
        assert installed.returncode == 0, installed.stdout + installed.stderr
        cli = program / "involve-desktop-cli.exe"
        assert cli.is_file() and (program / "_internal" / "python311.dll").is_file()
        wrapper = tmp_path / "installed-cli"
        wrapper.write_text(
            "#!/bin/sh\n"
            f"WINEPREFIX={shlex.quote(str(PREFIX))} WINEDEBUG=-all "
            f'exec wine {shlex.quote(str(cli))} "$@"\n'
        )
        wrapper.chmod(0o755)
        app_checks.check_version(wrapper, tmp_path)
        app_checks.check_blank_sheet(wrapper, tmp_path)

        uninstalled = run_in_prefix(str(program / "Uninstall Involve Desktop.exe"), "/S")
        assert uninstalled.returncode == 0, uninstalled.stdout + uninstalled.stderr
        assert not program.exists()
    finally:
        shutil.rmtree(program, ignore_errors=True)
