"""The Windows installer installs, upgrades and uninstalls, run under wine (a dev check).

Opt-in (``pytest -m packaging``) and skipped when ``wine`` or ``makensis`` is missing; CI
installs neither wine nor wine's ~700 MB prefix. Each test compiles installers from a small
stand-in program folder and runs them silently (``/S``) in a throwaway wine prefix (about
10 s; wine's first start in a new prefix is the slow part), then checks the files, the
Start menu shortcut and the uninstall entry in the prefix's registry, as Windows would.
The real Windows folder and the installer made from it: ``test_windows_frozen.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from involve_desktop.paths import APP_AUTHOR, APP_DIR_NAME
from tests.packaging.test_windows_installer import (
    UNINSTALL_KEY,
    compile_installer,
    make_stand_in,
    makensis_or_skip,
)

pytestmark = pytest.mark.packaging

KEY = rf"HKCU\{UNINSTALL_KEY}\InvolveDesktop"
UNINSTALLER = "Uninstall Involve Desktop.exe"


@dataclass
class Wine:
    """A throwaway wine prefix and the installers built for it."""

    prefix: Path
    env: dict[str, str]
    old_setup: Path  # version 1.0.0, _internal/old.dat
    new_setup: Path  # version 1.1.0, _internal/new.dat

    def run(
        self, *args: str, timeout: int = 180, wait: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """Run a program in the prefix; ``wait``: until every process it started has ended."""
        result = subprocess.run(
            ["timeout", "-s", "KILL", str(timeout), "wine", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout + 30,
        )
        if not wait:
            return result
        # The NSIS uninstaller copies itself to %TEMP% and returns at once; wait for it
        # (wineserver ends a few seconds after the last program in the prefix).
        subprocess.run(
            ["timeout", "-s", "KILL", str(timeout), "wineserver", "-w"],
            env=self.env,
            timeout=timeout + 30,
        )
        return result

    def unix(self, windows_path: str) -> Path:
        """The file behind a ``C:\\...`` path in this prefix."""
        drive, _, rest = windows_path.partition(":\\")
        assert drive.upper() == "C", windows_path
        return self.prefix / "drive_c" / Path(*rest.split("\\"))

    @property
    def home(self) -> Path:
        """The wine user's profile folder (``C:\\users\\<name>``)."""
        (user,) = [p for p in (self.prefix / "drive_c" / "users").iterdir() if p.name != "Public"]
        return user

    @property
    def local_app_data(self) -> Path:
        return self.home / "AppData" / "Local"

    @property
    def start_menu_shortcut(self) -> Path:
        programs = self.home / "AppData" / "Roaming" / "Microsoft" / "Windows"
        return programs / "Start Menu" / "Programs" / "Involve Desktop.lnk"

    def uninstall_entry(self) -> dict[str, str] | None:
        """The values under the uninstall key, or None when the key is missing."""
        result = self.run("reg", "query", KEY, timeout=120, wait=False)
        if result.returncode != 0:
            return None
        values = {}
        for line in result.stdout.splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) == 3 and parts[1].startswith("REG_"):
                values[parts[0]] = parts[2]
        return values


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    """A fresh wine prefix with two installers compiled from stand-in folders."""
    if shutil.which("wine") is None or shutil.which("wineserver") is None:
        pytest.skip("wine is not installed (apt-get install wine wine64): a dev check only")
    makensis = makensis_or_skip()
    work = tmp_path_factory.mktemp("wine")
    setups = []
    for version, name in (("1.0.0", "old.dat"), ("1.1.0", "new.dat")):
        build = make_stand_in(work / version / "involve-desktop", {name: version.encode()})
        compiled = compile_installer(makensis, build, work / "out", version)
        assert compiled.returncode == 0, compiled.stdout + compiled.stderr
        setups.append(work / "out" / f"InvolveDesktop-{version}-setup.exe")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        WINEPREFIX=str(work / "prefix"),
        WINEDEBUG="-all",
        # No prompts to download wine's .NET or browser engine, which nothing here needs.
        WINEDLLOVERRIDES="mscoree=;mshtml=",
    )
    prefix = Wine(work / "prefix", env, *setups)
    booted = prefix.run("wineboot", "--init", timeout=300)
    assert booted.returncode == 0, booted.stderr
    try:
        yield prefix
    finally:
        subprocess.run(["wineserver", "-k"], env=env, timeout=60, check=False)
        shutil.rmtree(work, ignore_errors=True)  # the prefix is ~700 MB


def test_install_upgrade_and_uninstall_keep_the_data(wine: Wine) -> None:
    program = wine.local_app_data / "Programs" / "Involve Desktop"

    assert wine.run(str(wine.old_setup), "/S").returncode == 0

    for name in ("involve-desktop.exe", "involve-desktop-cli.exe", UNINSTALLER):
        assert (program / name).is_file(), name
    assert (program / "_internal" / "old.dat").read_bytes() == b"1.0.0"
    assert wine.start_menu_shortcut.is_file()
    assert not (wine.home / "Desktop" / "Involve Desktop.lnk").exists()  # unticked by default
    entry = wine.uninstall_entry()
    assert entry is not None
    location = entry["InstallLocation"]
    assert wine.unix(location) == program
    assert entry["DisplayName"] == "Involve Desktop"
    assert entry["DisplayVersion"] == "1.0.0"
    assert entry["Publisher"] == "Involve"
    assert entry["DisplayIcon"] == location + "\\involve-desktop.exe,0"
    assert entry["UninstallString"] == f'"{location}\\{UNINSTALLER}"'
    assert entry["QuietUninstallString"] == f'"{location}\\{UNINSTALLER}" /S'
    assert entry["NoModify"] == entry["NoRepair"] == "0x1"
    assert int(entry["EstimatedSize"], 16) > 0

    # A newer version over it: the old _internal is gone, not merged.
    assert wine.run(str(wine.new_setup), "/S").returncode == 0
    assert (program / "_internal" / "new.dat").read_bytes() == b"1.1.0"
    assert not (program / "_internal" / "old.dat").exists()
    upgraded = wine.uninstall_entry()
    assert upgraded is not None and upgraded["DisplayVersion"] == "1.1.0"

    # The group's data, as the app keeps it; the uninstaller must leave it alone.
    data = wine.local_app_data / APP_AUTHOR / APP_DIR_NAME / "involve.sqlite3"
    data.parent.mkdir(parents=True)
    data.write_bytes(b"the group's data")

    assert wine.run(str(program / UNINSTALLER), "/S").returncode == 0

    assert not program.exists()
    assert not wine.start_menu_shortcut.exists()
    assert wine.uninstall_entry() is None
    assert data.read_bytes() == b"the group's data"


def test_upgrade_goes_where_the_last_version_was_put(wine: Wine) -> None:
    chosen = "C:\\Tools\\InvolveDesktop"  # no spaces: NSIS wants /D= unquoted and last

    assert wine.run(str(wine.old_setup), "/S", f"/D={chosen}").returncode == 0
    assert wine.run(str(wine.new_setup), "/S").returncode == 0  # no /D this time

    program = wine.unix(chosen)
    assert (program / "_internal" / "new.dat").is_file()
    assert not (program / "_internal" / "old.dat").exists()
    assert not (wine.local_app_data / "Programs" / "Involve Desktop").exists()
    entry = wine.uninstall_entry()
    assert entry is not None and wine.unix(entry["InstallLocation"]) == program

    (program / "notes.txt").write_text("someone's own file")  # not the installer's
    assert wine.run(entry["QuietUninstallString"].split('"')[1], "/S").returncode == 0

    assert sorted(p.name for p in program.iterdir()) == ["notes.txt"]
    assert wine.uninstall_entry() is None
