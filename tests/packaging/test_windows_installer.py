"""The Inno Setup script agrees with the spec and the app (it can only be compiled on Windows).

Opt-in (``pytest -m packaging``): the version, the program's name, the icon and the folder
the script packs must match what ``packaging/involve-desktop.spec`` builds.
"""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

import pytest

from involve_desktop import __version__

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
ISS = (WINDOWS / "involve-desktop.iss").read_text(encoding="utf-8")
SPEC = (ROOT / "packaging" / "involve-desktop.spec").read_text(encoding="utf-8")


def _define(name: str) -> str:
    found = re.search(rf'#define {name} "([^"]+)"', ISS)
    assert found, f"{name} is not defined in the .iss"
    return found.group(1)


def _setting(name: str) -> str:
    found = re.search(rf"^{name}=(.+)$", ISS, re.MULTILINE)
    assert found, f"{name} is not set in the .iss"
    return found.group(1).strip()


def _relative(windows_path: str) -> Path:
    return (WINDOWS / Path(*PureWindowsPath(windows_path).parts)).resolve()


def test_installer_version_is_the_app_version() -> None:
    assert _define("AppVersion") == __version__


def test_installer_packs_the_folder_the_spec_builds() -> None:
    assert _relative(_define("BuildDir")) == ROOT / "dist" / "involve-desktop"
    assert 'APP = "involve-desktop"' in SPEC
    assert _define("AppExe") == "involve-desktop.exe"


def test_installer_is_per_user_with_icon_shortcut_and_uninstaller() -> None:
    assert _setting("PrivilegesRequired") == "lowest"
    assert _setting("DefaultDirName").startswith("{autopf}")
    icon = _relative(_setting("SetupIconFile"))
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # a Windows .ico
    assert '"{group}\\{#AppName}"' in ISS
    assert "{uninstallexe}" in ISS
