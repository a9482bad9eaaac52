"""A wheel built from the repository installs into a fresh venv and works from there.

Opt-in (``pytest -m packaging``): it builds the wheel with ``uv build`` and installs it with
``uv pip`` (from uv's cache when it has the dependencies, else from the package index).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging import app_checks

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]


def _uv(*args: str) -> None:
    uv = shutil.which("uv")
    assert uv is not None, "uv is needed to build and install the wheel"
    done = subprocess.run(
        [uv, *args], cwd=ROOT, capture_output=True, text=True, timeout=900, check=False
    )
    assert done.returncode == 0, f"uv {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from this checkout into a temporary folder."""
    out = tmp_path_factory.mktemp("wheel")
    _uv("build", "--wheel", "--no-progress", "--out-dir", str(out))
    (built,) = out.glob("involve_desktop-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """``involve-desktop`` in a fresh venv with only the wheel (and its dependencies)."""
    venv = tmp_path_factory.mktemp("venv") / "venv"
    _uv("venv", "--no-progress", "--python", sys.executable, str(venv))
    python = venv / "bin" / "python"
    _uv("pip", "install", "--no-progress", "--python", str(python), str(wheel))
    yield venv / "bin" / "involve-desktop"


def test_wheel_carries_migrations_fonts_and_icon(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "involve_desktop/_database/env.py" in names
    assert any(n.startswith("involve_desktop/_database/versions/0001") for n in names)
    assert "involve_desktop/_resources/fonts/DejaVuSans.ttf" in names
    assert "involve_desktop/_resources/icons/involve-desktop.svg" in names
    assert not any("/tests/" in n for n in names)


def test_installed_version(installed: Path, tmp_path: Path) -> None:
    app_checks.check_version(installed, tmp_path)


def test_installed_prints_blank_sheet(installed: Path, tmp_path: Path) -> None:
    app_checks.check_blank_sheet(installed, tmp_path)


def test_installed_prints_from_demo_data(installed: Path, tmp_path: Path) -> None:
    app_checks.check_demo_sheet(installed, tmp_path)


def test_installed_migrates_a_fresh_database(
    installed: Path, tmp_path: Path, database_url: str
) -> None:
    app_checks.check_fresh_migration(installed, tmp_path, database_url)


def test_installed_does_not_run_from_the_checkout(installed: Path, tmp_path: Path) -> None:
    """The venv's package is the installed copy, with its own migrations and resources."""
    python = installed.parent / "python"
    code = "from involve_desktop import paths; print(paths.migrations_dir(), paths.resources_dir())"
    done = subprocess.run(
        [str(python), "-c", code],
        cwd=tmp_path,
        env=app_checks.app_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    migrations, resources = done.stdout.split()
    assert Path(migrations).name == "_database"
    assert Path(resources).name == "_resources"
    assert not Path(migrations).is_relative_to(ROOT)


def test_installed_opens_an_encrypted_database(installed: Path, tmp_path: Path) -> None:
    app_checks.check_encrypted_database(installed, tmp_path)
