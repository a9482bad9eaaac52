"""Automatic copies while the window runs: a QTimer drives the core ``BackupScheduler``.

Every minute the scheduler is asked whether 30 minutes have passed since the last copy and
something was committed since (``SqliteChangeCounter``); ``close`` takes the on-close copy.
Only for the real SQLite file: the demo database is rebuilt at every start, and a
PostgreSQL server is backed up by whoever runs it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import Engine

from involve_desktop import paths
from involve_desktop.core.db.backup import (
    BackupReason,
    BackupScheduler,
    SqliteChangeCounter,
    backup_sqlite,
)
from involve_desktop.core.db.engine import sqlite_file

log = logging.getLogger(__name__)
TICK_MS = 60_000


FAILED_TEXT = (
    "The automatic backup of the data could not be made ({reason}). Your data is safe — "
    "only the copy failed. Check that the laptop has free space; it will be tried again in "
    "a minute. Settings → Backups → Back up now tries at once."
)
CLOSE_FAILED_TEXT = (
    "The backup taken as Involve Desktop closes could not be made ({reason}). Your data is "
    "saved — only the copy failed. Check that the laptop has free space; next time, "
    "Settings → Backups → Back up now makes a copy."
)


def _reason(error: BaseException) -> str:
    """The operating system's words for a failed copy ("No space left on device")."""
    return getattr(error, "strerror", None) or type(error).__name__


class AutoBackup(QObject):
    """Takes the every-30-minutes and on-close copies of one SQLite file.

    ``failed`` carries a plain message the first time a copy fails after working (so a full
    disk is said once, not every minute); a copy that works again re-arms it.
    """

    failed = Signal(str)

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.counter = SqliteChangeCounter(database)
        self.scheduler = BackupScheduler(self._take, self.counter)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self._told = False

    def _take(self, reason: BackupReason) -> None:
        copy = backup_sqlite(self.database, paths.backups_dir(), reason)
        log.info("Backed up %s (%s) to %s", self.database, reason.label, copy)

    def tick(self) -> None:
        """Take a copy if it is due; a failure is logged and tried again at the next tick."""
        try:
            self.scheduler.tick()
        except Exception as error:  # noqa: BLE001 - a failed copy must not stop the app
            log.exception("Automatic backup of %s failed", self.database)
            if not self._told:
                self._told = True
                self.failed.emit(FAILED_TEXT.format(reason=_reason(error)))
            return
        self._told = False

    def close(self) -> str | None:
        """Stop the timer, take the on-close copy if anything changed, let go of the file.

        Returns what to tell the person closing the app when that copy failed (logged too),
        else None; closing goes on either way.
        """
        self.timer.stop()
        try:
            self.scheduler.on_close()
        except Exception as error:  # noqa: BLE001 - closing must never be blocked by a backup
            log.exception("Backup on close of %s failed", self.database)
            return CLOSE_FAILED_TEXT.format(reason=_reason(error))
        finally:
            self.counter.close()
        return None


def start_auto_backup(engine: Engine, demo: bool) -> AutoBackup | None:
    """An AutoBackup for the engine's SQLite file; None for the demo or a server database."""
    database = sqlite_file(engine)
    if demo or database is None:
        return None
    return AutoBackup(database)
