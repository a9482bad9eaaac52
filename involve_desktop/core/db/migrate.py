"""Bring a database's schema up to date in-process at start-up, safely.

Before any upgrade of an existing SQLite file a copy goes to the backups folder. A database
written by a newer version of the app (a revision this version does not know) is refused with
a clear message and left exactly as it was.

At almost every start the database is already up to date. That is found without importing
Alembic (a quarter of a second on a slow laptop): the head revision is read from the
migration scripts' ``revision``/``down_revision`` lines and the database's from its
``alembic_version`` table. Only when the two differ, or either cannot be read that simply,
does Alembic look (and upgrade).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from involve_desktop.core.db.backup import backup_sqlite
from involve_desktop.core.db.engine import sqlite_file
from involve_desktop.core.errors import DatabaseTooNewError, InvolveError

if TYPE_CHECKING:
    from alembic.config import Config

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


_REVISION_LINE = re.compile(
    r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(None|[\"']([^\"']+)[\"'])\s*$", re.MULTILINE
)


def quick_head(migrations_dir: Path) -> str | None:
    """The head revision read straight from the scripts, or None when that is not plain.

    Plain means every script in ``versions/`` names one ``revision`` and at most one
    ``down_revision`` as string literals, and exactly one revision is nobody's parent.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (migrations_dir / "versions").glob("*.py"):
        lines = _REVISION_LINE.findall(script.read_text(encoding="utf-8"))
        found = dict((name, literal) for name, _value, literal in lines)
        if not found.get("revision") or "down_revision" not in found:
            return None
        revisions.add(found["revision"])
        if found["down_revision"]:
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision(engine: Engine) -> str | None:
    """The one revision in the database's ``alembic_version`` table, or None when there is
    no such table or not exactly one row (Alembic then decides)."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return None
    return rows[0][0] if len(rows) == 1 else None


def is_current(engine: Engine, migrations_dir: Path) -> str | None:
    """The head revision when the database is already at it (found without Alembic)."""
    head = quick_head(migrations_dir)
    if head is None or stored_revision(engine) != head:
        return None
    return head


def alembic_config(migrations_dir: Path) -> Config:
    """An Alembic configuration pointing at the ``database/`` scripts, without an ini file."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    return config


def head_revision(migrations_dir: Path) -> str:
    """The newest schema revision this version of the app knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(migrations_dir)).get_current_head()
    assert head is not None, "database/versions has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision, or None for a new, empty database."""
    from alembic.runtime.migration import MigrationContext

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
    current = is_current(engine, migrations_dir)
    if current is not None:
        return MigrationResult(current, current, None)
    with _one_migrator_at_a_time(engine):
        return _migrate(engine, migrations_dir, backups_dir)


def _migrate(engine: Engine, migrations_dir: Path, backups_dir: Path | None) -> MigrationResult:
    from alembic import command
    from alembic.script import ScriptDirectory

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
