"""The first start-up steps, quick enough to run before any window shows (no SQLAlchemy).

The log file; which database to open (``--database`` > ``INVOLVE_DATABASE_URL`` > the
embedded SQLite file); whether it is an encrypted SQLite file; a warning when it sits on a
network share or removable drive; and becoming its one writer (``core/db/single_writer``).
``startup`` does the rest (opening, checking and upgrading) once the first window is up.
(The lock and the location are looked at only when asked: a sign-in window can paint
before.)
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

from involve_desktop import paths
from involve_desktop.core.db.file_kind import is_encrypted_file
from involve_desktop.core.db.urls import database_path, sqlite_url

if TYPE_CHECKING:
    from involve_desktop.core.db.single_writer import Claim, LockHolder

ENV_DATABASE_URL = "INVOLVE_DATABASE_URL"


def setup_logging() -> None:
    """Log warnings and errors to a rotating file in the data folder."""
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    handler = RotatingFileHandler(paths.log_file(), maxBytes=1_000_000, backupCount=3)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)


def resolve_url(cli_url: str | None) -> str:
    """The database URL to use for real (not demo) data."""
    return cli_url or os.environ.get(ENV_DATABASE_URL) or sqlite_url(paths.default_database_path())


def database_file(url: str) -> Path | None:
    """The SQLite file of ``url`` (None for PostgreSQL)."""
    return database_path(url)


def is_encrypted(url: str) -> bool:
    """True when ``url`` is a SQLite file encrypted with SQLCipher (it needs unlocking)."""
    path = database_path(url)
    return path is not None and is_encrypted_file(path)


def claim_database(url: str, confirm_clear: Callable[[LockHolder], bool]) -> Claim | None:
    """Become the one writer of a SQLite file (None for PostgreSQL: it has its own locks).

    ``confirm_clear(holder)`` is asked once about a lock left behind by a crash.
    """
    from involve_desktop.core.db.single_writer import claim

    path = database_path(url)
    return None if path is None else claim(path, confirm_clear)


def location_warning(url: str) -> str | None:
    """A warning when a SQLite file is on a network share or removable drive, else None."""
    from involve_desktop.core.db.location_risk import location_warning as warning_for

    path = database_path(url)
    return None if path is None else warning_for(path)
