"""The Linux desktop entry and AppStream metainfo are valid and agree with each other.

Opt-in (``pytest -m packaging``); uses ``desktop-file-validate`` (desktop-file-utils) and
``appstreamcli`` (appstream) when they are installed, as they are in CI.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from involve_desktop import __version__

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "org.involve.InvolveDesktop.desktop"
METAINFO = LINUX / "org.involve.InvolveDesktop.metainfo.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def test_desktop_entry_is_valid() -> None:
    subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], check=True)


def test_metainfo_is_valid() -> None:
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_names_the_desktop_entry_program_and_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP.stem
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "involve-desktop"
    assert __version__ in {release.get("version") for release in root.iter("release")}
    entry = dict(line.split("=", 1) for line in DESKTOP.read_text().splitlines() if "=" in line)
    assert entry["Exec"] == "involve-desktop"
    icons = ROOT / "resources" / "icons"
    assert (icons / f"{entry['Icon']}.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256, 512):
        png = icons / f"{entry['Icon']}-{size}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = (
            int.from_bytes(png.read_bytes()[16:20]),
            int.from_bytes(png.read_bytes()[20:24]),
        )
        assert (width, height) == (size, size)
