"""Is the SQLite file sound? ``PRAGMA quick_check`` at every start, and recovery from a backup.

The check opens the file read-only (``mode=ro``): a damaged file is never written to. When it
fails, the newest backup that passes the same check is offered; restoring it keeps the damaged
file (and its ``-wal`` journal) beside it as ``involve-damaged-<time>.sqlite3``, never deletes
it, and swaps the copy in with one rename, so at every moment there is a whole database file
under the real name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from involve_desktop.core.db.backup import (
    STAMP_FORMAT,
    BackupFile,
    copy_file_safely,
    fsync_dir,
    list_backup_files,
)
from involve_desktop.core.db.cipher import DATABASE_ERRORS, WrongKey, connect
from involve_desktop.core.db.file_kind import note_replaced

JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class IntegrityReport:
    """The outcome of ``quick_check``: ok, or the problems SQLite listed (first few)."""

    ok: bool
    problems: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """The first problem, for a message."""
        return self.problems[0] if self.problems else "no problems found"


def quick_check(path: Path) -> IntegrityReport:
    """Run ``PRAGMA quick_check`` on ``path`` read-only; a file SQLite cannot read fails too."""
    try:
        connection = connect(path, read_only=True)
    except WrongKey:
        return IntegrityReport(False, ("encrypted, and no key unlocked here opens it",))
    except DATABASE_ERRORS as error:
        return IntegrityReport(False, (str(error),))
    try:
        rows = connection.execute(f"PRAGMA quick_check({MAX_PROBLEMS})").fetchall()
    except DATABASE_ERRORS as error:
        return IntegrityReport(False, (str(error),))
    finally:
        connection.close()
    problems = tuple(str(row[0]) for row in rows)
    if problems == ("ok",):
        return IntegrityReport(True)
    return IntegrityReport(False, problems or ("quick_check said nothing",))


def latest_good_backup(source: Path, backups_dir: Path) -> BackupFile | None:
    """The newest copy of ``source`` in ``backups_dir`` that passes ``quick_check``."""
    for backup in list_backup_files(source, backups_dir):
        if quick_check(backup.path).ok:
            return backup
    return None


def damaged_path(path: Path, now: datetime | None = None) -> Path:
    """Where a damaged database is kept: ``involve-damaged-2026-11-27T091500.sqlite3``."""
    stamp = (now or datetime.now()).strftime(STAMP_FORMAT)
    target = path.with_name(f"{path.stem}-damaged-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}-damaged-{stamp}-{counter}{path.suffix}")
    return target


def _keep_aside(path: Path, aside: Path) -> None:
    """Keep ``path`` under the name ``aside`` too, without writing to ``path``."""
    try:
        os.link(path, aside)  # the same bytes under a second name; nothing is rewritten
    except OSError:  # a file system without hard links (FAT on a stick…): copy instead
        copy_file_safely(path, aside)


def restore_damaged(path: Path, backup: Path, now: datetime | None = None) -> Path:
    """Replace the damaged database ``path`` with ``backup``; return where the damaged one is.

    Call only while nothing has the database open. The backup is copied to a synced
    temporary file first; the damaged file is kept aside (its journal files are moved
    beside it, so they can never be applied to the restored file); then one rename puts
    the copy in place.
    """
    incoming = path.with_name(path.name + ".restoring")
    copy_file_safely(backup, incoming)
    aside = damaged_path(path, now)
    _keep_aside(path, aside)
    for suffix in JOURNAL_SUFFIXES:
        journal = path.with_name(path.name + suffix)
        if journal.exists():
            os.replace(journal, aside.with_name(aside.name + suffix))
    os.replace(incoming, path)
    note_replaced(path)
    fsync_dir(path.parent)
    return aside
