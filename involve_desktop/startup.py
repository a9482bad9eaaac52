"""Start-up steps shared by the window and the headless commands (no Qt here).

Which database to open (``--database`` > ``INVOLVE_DATABASE_URL`` > the embedded SQLite file),
the separate demo database, and opening + migrating with clear messages on failure. A SQLite
file is checked (``PRAGMA quick_check``, read-only) before anything may write to it; a damaged
one raises DatabaseDamagedError naming the newest backup that passes the same check.

One writer per SQLite file: ``claim_database`` takes the lock beside the file
(``core/db/single_writer``); when someone else has it, ``open_database(url, claim=...)``
opens it read-only and does not migrate. ``location_warning`` says when the file is on a
network share or a removable drive.

Encryption at rest: an encrypted SQLite file (``is_encrypted``) opens only with its database
key, unwrapped from an account's key slot by ``unlock`` (or the recovery key); the key is
then passed to ``open_database(url, key=…)``. New databases are encrypted once the first
account exists (``encrypt_new_database``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from involve_desktop import paths
from involve_desktop.core.db import key_slots
from involve_desktop.core.db.backup import BackupFile
from involve_desktop.core.db.engine import (
    create_engine_for,
    describe_location,
    session_factory,
    sqlite_file,
    sqlite_url,
)
from involve_desktop.core.db.integrity import (
    IntegrityReport,
    latest_good_backup,
    quick_check,
    restore_damaged,
)
from involve_desktop.core.db.migrate import (
    MigrationResult,
    current_revision,
    head_revision,
    is_current,
    migrate,
)
from involve_desktop.core.db.single_writer import Claim
from involve_desktop.core.demo.context import DemoSize
from involve_desktop.core.errors import InvolveError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.accounts import Organisation
from involve_desktop.core.services import accounts, encryption
from involve_desktop.startup_file import (  # noqa: F401 - part of this module's face too
    ENV_DATABASE_URL,
    claim_database,
    database_file,
    is_encrypted,
    location_warning,
    resolve_url,
    setup_logging,
)

log = logging.getLogger(__name__)


class StartupError(InvolveError):
    """The database could not be opened or upgraded; the message says what to do."""


class DatabaseDamagedError(StartupError):
    """``quick_check`` failed: the file was opened read-only only, and nothing was written.

    ``backup`` is the newest backup that passes the check (None if there is none);
    ``restore_latest_good_backup`` puts it in place and keeps the damaged file aside.
    """

    def __init__(self, path: Path, report: IntegrityReport, backup: BackupFile | None) -> None:
        self.path, self.report, self.backup = path, report, backup
        if backup is not None:
            offer = (
                f"The newest undamaged backup was taken {describe_backup(backup)}. Restoring "
                "it loses what was typed after that; the damaged file is kept, not deleted."
            )
        else:
            offer = f"No undamaged backup was found in {paths.backups_dir()}."
        super().__init__(
            f"The database file {path} is damaged: its check at start found problems.\n\n"
            f"Involve Desktop has not opened it for writing, so nothing has been changed. {offer}"
        )


def describe_backup(backup: BackupFile) -> str:
    """ "on Tue 3 Mar 2026 at 14:30 (on close)"."""
    taken = backup.taken
    return f"on {format_date(taken.date())} at {taken:%H:%M} ({backup.reason_label})"


def restore_latest_good_backup(error: DatabaseDamagedError) -> Path:
    """Put ``error.backup`` in place of the damaged file; return where the damaged one is kept."""
    assert error.backup is not None, "no undamaged backup to restore"
    aside = restore_damaged(error.path, error.backup.path)
    log.warning(
        "Restored %s from %s; damaged file kept as %s", error.path, error.backup.path, aside
    )
    return aside


def check_integrity(path: Path) -> None:
    """Raise DatabaseDamagedError if the SQLite file ``path`` exists and fails quick_check."""
    if not path.exists():
        return
    report = quick_check(path)
    if not report.ok:
        log.error("Database %s failed quick_check: %s", path, "; ".join(report.problems))
        raise DatabaseDamagedError(path, report, latest_good_backup(path, paths.backups_dir()))


@dataclass(frozen=True)
class OpenDatabase:
    """An engine ready for use, where it is, and what migrating did."""

    engine: Engine
    location: str
    migration: MigrationResult
    demo: bool
    claim: Claim | None = None  # the SQLite file's writer lock, or who holds it (read-only)

    @property
    def read_only(self) -> bool:
        """True when someone else has the file open, so this copy only reads."""
        return self.claim is not None and self.claim.read_only

    def close(self) -> None:
        """Dispose of the engine and let go of the writer lock."""
        self.engine.dispose()
        if self.claim is not None:
            self.claim.release()


def _demo_path(size: DemoSize) -> Path:
    path = paths.default_database_path(demo=True)
    return path if size is DemoSize.STANDARD else path.with_name(f"{path.stem}-{size}{path.suffix}")


def _read_only_revision(engine: Engine, path: Path, claimed: Claim) -> MigrationResult:
    """The schema of a file opened read-only, which must already be this version's."""
    holder = claimed.holder.describe() if claimed.holder else "Someone has this database open"
    if not path.exists():
        raise StartupError(
            f"{holder}, and it is still being set up. Try again in a minute. "
            "Nothing has been changed."
        )
    quick = is_current(engine, paths.migrations_dir())
    current = quick or current_revision(engine)
    head = quick or head_revision(paths.migrations_dir())
    if current != head:
        raise StartupError(
            f"{holder}. This version of Involve Desktop cannot read it without upgrading it, "
            "which only the copy that has it open may do: open it again once they have closed "
            "it. Nothing has been changed."
        )
    return MigrationResult(current, head, None)


def unlock(url: str, username: str, password: str) -> bytes:
    """The database key of the encrypted file at ``url``, from ``username``'s key slot.

    AuthenticationError (the usual message) for a wrong username or password; StartupError
    when the key slots file is missing (it must stay beside the database).
    """
    path = database_file(url)
    assert path is not None, "only a SQLite file is encrypted"
    _require_keys_file(path)
    return encryption.unlock_file(path, username, password)


def unlock_with_recovery_key(url: str, recovery_key: str) -> bytes:
    """The database key of the encrypted file at ``url``, from the recovery key."""
    path = database_file(url)
    assert path is not None, "only a SQLite file is encrypted"
    _require_keys_file(path)
    return encryption.unlock_file_with_recovery_key(path, recovery_key)


def recover_account(
    url: str, key: bytes, username: str, new_password: str, again: str | None = None
) -> None:
    """After the recovery key opened the file: set a coordinator's new password (and slot).

    ``again`` is the new password typed twice (must match when given). Opens the file only
    for this, before the usual checks; ValidationError names the field.
    """
    engine = create_engine_for(url, key=key)
    try:
        with session_factory(engine)() as session:
            accounts.recover_with_key(session, username, new_password, again=again)
    finally:
        engine.dispose()


def _require_keys_file(path: Path) -> None:
    if not key_slots.has_slots(path):
        raise StartupError(
            f"The database {path} is encrypted, but its key file {key_slots.keys_file(path)} "
            "is missing, so it cannot be opened. Put the .keys file back beside the "
            "database (it is copied with every backup folder you copy to a stick). "
            "Nothing has been changed."
        )


def open_database(
    url: str, demo: bool = False, *, claim: Claim | None = None, key: bytes | None = None
) -> OpenDatabase:
    """Open ``url`` and bring its schema up to date (backing up a SQLite file first).

    A SQLite file that fails ``quick_check`` raises DatabaseDamagedError before anything
    opens it for writing. With a read-only ``claim`` (someone else has the file open) the
    file is opened read-only and not migrated. The caller keeps the claim, and releases it
    if opening fails (a damaged file is restored while the lock is still held).
    """
    read_only = claim is not None and claim.read_only
    if key is None and is_encrypted(url):
        raise StartupError("This database is encrypted: sign in to open it.")
    engine = create_engine_for(url, read_only=read_only, key=key)
    location = describe_location(engine)
    path = sqlite_file(engine)
    try:
        if path is not None:
            check_integrity(path)
        if read_only and path is not None and claim is not None:
            result = _read_only_revision(engine, path, claim)
        else:
            result = migrate(engine, paths.migrations_dir(), paths.backups_dir())
    except InvolveError:
        engine.dispose()
        raise
    except OperationalError as error:
        engine.dispose()
        log.exception("Cannot open database %s", location)
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise StartupError(
            f"Involve Desktop cannot open the database ({location}).\n\n{reason}\n\n"
            "If it is on a server, check the address and that the server is running. "
            "Nothing has been changed."
        ) from error
    if key is not None and path is not None and not read_only:
        encryption.encrypt_leftover_backups(path, key, paths.backups_dir())
    if result.backup:
        log.info("Upgraded %s from %s; backup at %s", location, result.from_revision, result.backup)
    return OpenDatabase(engine, location, result, demo, claim)


def open_demo_database(size: DemoSize = DemoSize.STANDARD) -> OpenDatabase:
    """A fresh demo database (separate file, never the real one), seeded the same every time."""
    path = _demo_path(size)
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    from involve_desktop.core.demo.seed import seed_demo  # the seeders: only for the demo

    opened = open_database(sqlite_url(path), demo=True)
    with session_factory(opened.engine)() as session:
        seed_demo(session, size)
    return opened


def read_group_name(url: str) -> str | None:
    """The group's name from a database, or None if it cannot be read (headless printing)."""
    engine = create_engine_for(url)
    path = sqlite_file(engine)
    try:
        if path is not None and not path.exists():
            return None  # reading must not create an empty database file
        with engine.connect() as conn:
            return conn.scalar(select(Organisation.name).order_by(Organisation.id).limit(1))
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()
