"""Where things live: the per-user data, backup and log folders, and bundled resources.

Works from a source checkout, an installed wheel and a PyInstaller bundle. The environment
variable ``INVOLVE_DATA_DIR`` moves the whole data folder (tests and portable installs use it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "involve-desktop"
APP_AUTHOR = "Involve"
DATABASE_FILE = "involve.sqlite3"
DEMO_DATABASE_FILE = "involve-demo.sqlite3"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _user_data_dir() -> Path:
    """platformdirs' per-user data folder for the app.

    On Linux its rule (``$XDG_DATA_HOME`` when absolute, else ``~/.local/share``) is followed
    here without importing platformdirs, which costs ~15 ms before the first window; a test
    keeps the two equal. Elsewhere platformdirs decides.
    """
    if sys.platform.startswith("linux"):
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = xdg if os.path.isabs(xdg) else os.path.expanduser("~/.local/share")
        return Path(base) / APP_DIR_NAME
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, APP_AUTHOR))


def data_dir() -> Path:
    """The per-user folder that holds the database, backups and logs (created if missing)."""
    override = os.environ.get("INVOLVE_DATA_DIR")
    path = Path(override) if override else _user_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    """Folder for automatic copies of the SQLite database taken before upgrades."""
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir() -> Path:
    """Folder for the error log that unexpected-error messages point at."""
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    """The application's log file."""
    return logs_dir() / "involve-desktop.log"


def default_database_path(demo: bool = False) -> Path:
    """The embedded SQLite file: the real one, or the separate demo database."""
    return data_dir() / (DEMO_DATABASE_FILE if demo else DATABASE_FILE)


def _bundled(name: str) -> Path:
    """Find a top-level project folder in a frozen bundle, a wheel or a source checkout."""
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / name)
    candidates.append(_PACKAGE_DIR / f"_{name}")  # force-included into the wheel
    candidates.append(_PACKAGE_DIR.parent / name)  # source checkout / editable install
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Cannot find the {name!r} folder; looked in {candidates}")


def resources_dir() -> Path:
    """Icons, fonts and the stylesheet."""
    return _bundled("resources")


def resource(*parts: str) -> Path:
    """Path of one bundled resource file, e.g. ``resource("fonts", "DejaVuSans.ttf")``."""
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    """The Alembic script folder (``database/``)."""
    return _bundled("database")
