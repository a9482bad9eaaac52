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
from pathlib import Path
from typing import TYPE_CHECKING

from involve_desktop import paths
from involve_desktop.core.db.file_kind import is_encrypted_file
from involve_desktop.core.db.urls import database_path, sqlite_url

if TYPE_CHECKING:
    from involve_desktop.core.db.single_writer import Claim, LockHolder

ENV_DATABASE_URL = "INVOLVE_DATABASE_URL"


LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _log_handler() -> logging.FileHandler | None:
    """The handler that writes the app's log file, if one is set up."""
    log_file = str(paths.log_file())
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler) and handler.baseFilename == log_file:
            return handler
    return None


def setup_logging(cap_size: bool = True) -> None:
    """Log to the data folder's log file, kept under ``LOG_MAX_BYTES`` with ``LOG_BACKUPS``
    older files (``RotatingFileHandler``).

    ``cap_size=False`` opens the file plainly instead, for a window that must paint first
    (``logging.handlers`` costs ~9 ms to import); ``cap_log_size()`` then puts the cap in
    place on the same file.
    """
    if _log_handler() is not None:
        return
    if cap_size:
        from logging.handlers import RotatingFileHandler

        handler: logging.FileHandler = RotatingFileHandler(
            paths.log_file(), maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    else:  # UTF-8 everywhere: Windows would otherwise write the ANSI code page, with no "Ł"
        handler = logging.FileHandler(paths.log_file(), encoding="utf-8")
    handler.setFormatter(logging.Formatter(_LOG_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)


def cap_log_size() -> None:
    """Swap a plainly opened log file (``setup_logging(cap_size=False)``) for the rotating
    one; a file already over the cap is rolled over at its next line."""
    from logging.handlers import RotatingFileHandler

    plain = _log_handler()
    if plain is None or isinstance(plain, RotatingFileHandler):
        return
    root = logging.getLogger()
    root.removeHandler(plain)
    plain.close()
    setup_logging()


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
