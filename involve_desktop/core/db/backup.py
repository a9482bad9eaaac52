"""Consistent copies of the SQLite database file, safe while the app has it open (WAL too).

Each copy is named for the database, the time and the reason, e.g.
``involve-2026-11-26T154800-before-upgrade.sqlite3``, so the folder can be listed and thinned
without a separate index. A copy of an encrypted database is encrypted with the same key
(``cipher``). After every copy the folder is thinned like Anki's
(``retention.backups_to_keep``): all of today and yesterday, then 12 daily, 10 weekly and 9
monthly copies, whatever the reason each was taken.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from involve_desktop.core.db.cipher import (
    connect,
    export_encrypted,
    is_encrypted_file,
    is_plain_file,
    key_of,
)
from involve_desktop.core.db.retention import backups_to_keep

STAMP_FORMAT = "%Y-%m-%dT%H%M%S"
# A copy being written touches its .partial file all the time; one untouched this long was
# left by a power cut or a killed app, and is removed before the next copy.
STALE_PARTIAL = timedelta(hours=1)
BACKUP_INTERVAL = timedelta(minutes=30)


class BackupReason(StrEnum):
    """Why a copy was taken; the value is part of the file name."""

    ON_CLOSE = "on-close"
    PERIODIC = "every-30-minutes"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"
    BEFORE_IMPORT = "before-import"
    MANUAL = "backed-up-now"
    BEFORE_ENCRYPTION = "before-encryption"

    @property
    def label(self) -> str:
        """The reason in words, as the Backups tab shows it."""
        return self.value.replace("-", " ")


@dataclass(frozen=True)
class BackupFile:
    """One copy in the backups folder: where it is, when and why it was taken, its size."""

    path: Path
    taken: datetime
    reason: str  # a BackupReason value, or whatever an unknown name said
    size: int

    @property
    def reason_label(self) -> str:
        """The reason in words ("on close", "before upgrade"…)."""
        return self.reason.replace("-", " ")


def _name_pattern(source: Path) -> re.Pattern[str]:
    # The stamp starts with the year, so "involve-demo-…" copies never count as "involve-…".
    return re.compile(
        rf"^{re.escape(source.stem)}-(\d{{4}}-\d\d-\d\dT\d{{6}})-([a-z0-9-]+?)(?:-\d+)?"
        rf"{re.escape(source.suffix)}$"
    )


def list_backup_files(source: Path, backups_dir: Path) -> list[BackupFile]:
    """The copies of ``source`` in ``backups_dir``, newest first (unfinished copies skipped)."""
    if not backups_dir.is_dir():
        return []
    pattern = _name_pattern(source)
    found: list[tuple[int, BackupFile]] = []
    for path in backups_dir.iterdir():
        match = pattern.match(path.name)
        if match is None or not path.is_file():
            continue
        taken = datetime.strptime(match.group(1), STAMP_FORMAT)
        stat = path.stat()
        found.append((stat.st_mtime_ns, BackupFile(path, taken, match.group(2), stat.st_size)))
    # Copies taken in the same second: the one written last first.
    found.sort(key=lambda pair: (pair[1].taken, pair[0], pair[1].path.name), reverse=True)
    return [backup for _written, backup in found]


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (a no-op where folders cannot sync)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def backup_sqlite(
    source: Path,
    backups_dir: Path,
    reason: BackupReason | str,
    now: datetime | None = None,
    prune: bool = True,
) -> Path:
    """Copy ``source`` into ``backups_dir`` with SQLite's online backup API and return the copy.

    The copy is written to a ``.partial`` file, synced and then renamed, so a power cut never
    leaves a half-written backup under a backup's name. The folder is then thinned
    (``retention.backups_to_keep``; unless ``prune`` is False); the new copy is always kept.
    """
    backups_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(source, backups_dir)
    when = now or datetime.now()
    stamp = when.strftime(STAMP_FORMAT)
    label = BackupReason(reason).value if isinstance(reason, BackupReason) else reason
    target = backups_dir / f"{source.stem}-{stamp}-{label}{source.suffix}"
    counter = 1
    while target.exists():
        counter += 1
        target = backups_dir / f"{source.stem}-{stamp}-{label}-{counter}{source.suffix}"
    partial = target.with_name(target.name + ".partial")
    key = key_of(source)  # None for a plain file: the copy is plain too
    try:
        src = connect(source, read_only=True, key=key)
        try:
            dst = connect(partial, key=key)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        with open(partial, "rb+") as written:
            os.fsync(written.fileno())
    except BaseException:
        partial.unlink(missing_ok=True)  # no half-made copy left behind
        raise
    partial.replace(target)
    fsync_dir(backups_dir)
    if key is not None:
        from involve_desktop.core.db import key_slots  # local: key_slots imports this module

        key_slots.keep_spare(source, backups_dir)
    if prune:
        prune_backups(source, backups_dir, when)
    return target


def prune_backups(source: Path, backups_dir: Path, now: datetime | None = None) -> list[Path]:
    """Delete the copies of ``source`` that retention no longer keeps; return what went."""
    copies = list_backup_files(source, backups_dir)
    keep = backups_to_keep([c.taken for c in copies], now or datetime.now())
    gone = []
    for copy in copies:
        if copy.taken not in keep:
            copy.path.unlink(missing_ok=True)
            gone.append(copy.path)
    return gone


def restore_into(live: Path, backup: Path) -> None:
    """Write ``backup``'s contents into the database file ``live`` with the backup API.

    The pages go in as one write transaction of ``live`` (through its WAL or rollback
    journal, with ``synchronous=FULL``): a power cut part-way leaves the old contents, never a
    mixture. Other connections must not be in the middle of a transaction.

    A plain copy (taken before the database was encrypted) goes into an encrypted ``live``
    through an encrypted temporary copy, since SQLCipher copies pages only between files
    with the same key.
    """
    key = key_of(live)
    if key is not None and is_plain_file(backup):
        staged = live.with_name(live.name + ".restoring-encrypted")
        staged.unlink(missing_ok=True)
        export_encrypted(backup, staged, key)
        try:
            restore_into(live, staged)
        finally:
            staged.unlink(missing_ok=True)
        return
    if key is None and is_encrypted_file(backup):
        raise ValueError("an encrypted copy cannot be restored into a plain database")
    src = connect(backup, read_only=True, key=key)
    try:
        dst = connect(live, timeout=10, key=key)
        try:
            dst.execute("PRAGMA synchronous = FULL")
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def remove_stale_partials(
    source: Path, backups_dir: Path, now: datetime | None = None
) -> list[Path]:
    """Remove half-written copies of ``source`` (``.partial`` and its journal) that nothing has
    touched for ``STALE_PARTIAL``: a power cut or a killed app mid-copy leaves them, full size,
    and no copy ever finishes them. A copy in progress (another window's) is left alone."""
    cutoff = (now or datetime.now()) - STALE_PARTIAL
    removed = []
    for pattern in (f"{source.stem}-*.partial", f"{source.stem}-*.partial-journal"):
        for leftover in backups_dir.glob(pattern):
            with suppress(OSError):
                if datetime.fromtimestamp(leftover.stat().st_mtime) < cutoff:
                    leftover.unlink()
                    removed.append(leftover)
    return removed


def copy_file_safely(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` through a synced temporary file and a rename."""
    partial = target.with_name(target.name + ".partial")
    with open(source, "rb") as reading, open(partial, "wb") as writing:
        while chunk := reading.read(1 << 20):
            writing.write(chunk)
        writing.flush()
        os.fsync(writing.fileno())
    os.replace(partial, target)
    fsync_dir(target.parent)


class SqliteChangeCounter:
    """A number that changes whenever anyone commits a change to a SQLite file.

    ``PRAGMA data_version`` on a connection of its own (read-only, never in a transaction):
    SQLite changes it when any *other* connection, in this process or another, commits, so
    every write through the app's engine counts and reads, checkpoints and backups do not.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: Any = None
        self._inode: int | None = None

    def __call__(self) -> int:
        """The current value; compare two readings to see whether anything changed.

        When the file was replaced (encrypted, or restored after damage), the old
        connection would watch the old file: it reconnects, and the reading changes.
        """
        inode = self.path.stat().st_ino if self.path.exists() else None
        if self._connection is not None and inode != self._inode:
            self.close()
            self._inode = inode
            return -1  # the file changed under us: count it as a change
        self._inode = inode
        if self._connection is None:
            self._connection = connect(self.path, read_only=True, check_same_thread=False)
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Let go of the file."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class BackupScheduler:
    """When to take the automatic copies while the app runs (no Qt: the window's timer calls
    ``tick`` every minute or so, and ``on_close`` when the app closes).

    A copy is taken at most every ``interval`` and only when ``changes()`` differs from its
    value at the last copy (or at start), so an app left open with nothing typed adds
    nothing. ``take(reason)`` makes the copy; ``clock()`` says the time (a fake one in tests).
    """

    def __init__(
        self,
        take: Callable[[BackupReason], object],
        changes: Callable[[], object],
        clock: Callable[[], datetime] = datetime.now,
        interval: timedelta = BACKUP_INTERVAL,
    ) -> None:
        self._take, self._changes, self._clock, self.interval = take, changes, clock, interval
        self._marker = changes()
        self._last = clock()

    def tick(self) -> bool:
        """Take a copy if ``interval`` has passed since the last one and something changed."""
        if self._clock() - self._last < self.interval:
            return False
        return self._take_if_changed(BackupReason.PERIODIC)

    def on_close(self) -> bool:
        """Take a copy as the app closes, if anything changed since the last one."""
        return self._take_if_changed(BackupReason.ON_CLOSE)

    def note_copied(self) -> None:
        """A copy was just taken some other way (Back up now, a restore): start again from it."""
        self._marker = self._changes()
        self._last = self._clock()

    def _take_if_changed(self, reason: BackupReason) -> bool:
        marker = self._changes()  # read first: a change made during the copy counts next time
        if marker == self._marker:
            return False
        self._take(reason)
        self._marker = marker
        self._last = self._clock()
        return True
