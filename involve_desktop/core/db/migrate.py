"""Bring a database's schema up to date in-process at start-up, safely.

Before any upgrade of an existing SQLite file a copy goes to the backups folder. A database
written by a newer version of the app (a revision this version does not know) is refused with
a clear message and left exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from involve_desktop.core.db.backup import backup_sqlite
from involve_desktop.core.db.engine import sqlite_file
from involve_desktop.core.errors import DatabaseTooNewError, InvolveError

# Any fixed number: PostgreSQL advisory lock that lets one laptop migrate at a time.
MIGRATION_LOCK_KEY = 7_316_202_611


class MigrationFailedError(InvolveError):
    """An upgrade failed part-way; it was rolled back and the database is as it was."""


@dataclass(frozen=True)
class MigrationResult:
    """What happened: the revisions before and after, and the backup taken (if any)."""

    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def upgraded(self) -> bool:
        """True when the schema changed."""
        return self.from_revision != self.to_revision


def alembic_config(migrations_dir: Path) -> Config:
    """An Alembic configuration pointing at the ``database/`` scripts, without an ini file."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    return config


def head_revision(migrations_dir: Path) -> str:
    """The newest schema revision this version of the app knows."""
    head = ScriptDirectory.from_config(alembic_config(migrations_dir)).get_current_head()
    assert head is not None, "database/versions has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision, or None for a new, empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def _one_migrator_at_a_time(engine: Engine) -> Iterator[None]:
    """On PostgreSQL, several laptops may start together: only one migrates at a time."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as lock:
        lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        try:
            yield
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
            lock.commit()


def migrate(engine: Engine, migrations_dir: Path, backups_dir: Path | None) -> MigrationResult:
    """Upgrade ``engine``'s database to head; back up an existing SQLite file first.

    Raises DatabaseTooNewError, touching nothing, when the database is newer than the app,
    and MigrationFailedError (everything rolled back) when an upgrade step fails.
    """
    with _one_migrator_at_a_time(engine):
        return _migrate(engine, migrations_dir, backups_dir)


def _migrate(engine: Engine, migrations_dir: Path, backups_dir: Path | None) -> MigrationResult:
    config = alembic_config(migrations_dir)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    assert head is not None, "database/versions has no revisions"
    current = current_revision(engine)
    if current is not None:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise DatabaseTooNewError(
                "This database was saved by a newer version of Involve Desktop "
                f"(schema {current}). Install the newer version to open it. "
                "Nothing in the database has been changed."
            )
    if current == head:
        return MigrationResult(current, head, None)

    backup = None
    path = sqlite_file(engine)
    if path is not None and path.exists() and backups_dir is not None and _has_tables(engine):
        backup = backup_sqlite(path, backups_dir, reason="before-upgrade")

    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except Exception as error:
        where = f" A copy taken just before is at {backup}." if backup else ""
        raise MigrationFailedError(
            "Involve Desktop could not upgrade the database, so it undid the upgrade and the "
            f"database is as it was.{where} Please report this problem; the details are in the "
            "log file."
        ) from error
    return MigrationResult(current, head, backup)


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())
