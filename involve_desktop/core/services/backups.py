"""Backups for coordinators: list them, back up now, restore one, copy one to a folder.

Coordinators only (MANAGE_BACKUPS): a copy holds everyone's data, restricted fields too.
Every action is audited (entity ``backup``). Only the embedded SQLite file is backed up by
the app; a PostgreSQL database is backed up by whoever runs the server.

Restoring writes the chosen copy into the live file with SQLite's backup API (one write
transaction: a power cut leaves the old contents, never half of each), after copying what is
there now as a "before restore" backup. The engine's pooled connections are closed first and
the schema is brought up to date after (a copy from before an upgrade is upgraded again), so
the next session reads the restored data; the screens must then read everything afresh
(the Backups tab signs the user out).
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from involve_desktop import paths
from involve_desktop.core.db import key_slots
from involve_desktop.core.db.backup import (
    BackupFile,
    BackupReason,
    backup_sqlite,
    copy_file_safely,
    list_backup_files,
    prune_backups,
    restore_into,
)
from involve_desktop.core.db.cipher import (
    DATABASE_ERRORS,
    PLAIN_HEADER,
    WrongKey,
    connect,
    is_encrypted_file,
    is_plain_file,
    key_of,
)
from involve_desktop.core.db.engine import sqlite_file
from involve_desktop.core.db.integrity import quick_check
from involve_desktop.core.db.migrate import alembic_config, migrate
from involve_desktop.core.errors import InvolveError, NotFound, ValidationError
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require, transaction

SERVER_BACKUPS = (
    "This database is on a PostgreSQL server, so backups are the server's job: ask whoever "
    "looks after the server. Involve Desktop backs up only its own database file."
)


NO_BACKUPS = (
    "A backup is a copy of everything in Involve Desktop at one moment, kept on this laptop, "
    "so you can go back to it if something goes wrong. None has been taken yet: one is taken "
    "when you close Involve Desktop, or now with Back up now."
)
# SQLite's smallest page; every whole database file, plain or encrypted, is a multiple of it.
SMALLEST_PAGE = 512
SQLITE_HEADER_BYTES = 100


@dataclass(frozen=True)
class BackupsOverview:
    """What the Backups tab shows: the copies (newest first) and where they are kept.

    ``folder`` is None on PostgreSQL, where ``note`` says who backs it up. ``damaged`` says,
    by file, what is wrong with a copy that is plainly damaged (from its size and header
    only: a copy not listed there may still fail the full check when restored).
    """

    folder: Path | None
    backups: tuple[BackupFile, ...]
    note: str = ""
    damaged: dict[Path, str] = field(default_factory=dict)

    def problem(self, backup: BackupFile) -> str | None:
        """What is plainly wrong with ``backup`` ("it is not a database file"…), or None."""
        return self.damaged.get(backup.path)


@dataclass(frozen=True)
class RestoreResult:
    """The copy now in use, and the copy of what was there just before."""

    restored: BackupFile
    before_restore: BackupFile


def _database_file(session: Session) -> Path:
    bind = session.get_bind()
    path = sqlite_file(bind) if isinstance(bind, Engine) else None
    if path is None:
        raise InvolveError(SERVER_BACKUPS)
    return path


def _folder(backups_dir: Path | None) -> Path:
    return backups_dir if backups_dir is not None else paths.backups_dir()


def _find(source: Path, folder: Path, chosen: Path) -> BackupFile:
    """The listed backup named like ``chosen``: nothing outside the backups folder is used."""
    for backup in list_backup_files(source, folder):
        if backup.path.name == chosen.name:
            return backup
    raise NotFound(
        f"The backup {chosen.name} is no longer in the backups folder ({folder}). "
        "It may have been thinned out; choose another."
    )


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def looks_damaged(backup: Path, database: Path) -> str | None:
    """What is plainly wrong with the copy ``backup`` of ``database``, or None.

    Quick (the first 100 bytes and the size; the file is not opened with SQLite): a copy
    cut short, emptied, or overwritten with something that is not a database. A file without
    SQLite's header is taken for an encrypted copy only while ``database`` is encrypted (it
    has a keys file); the full check (``quick_check``) is left to restoring and copying.
    """
    try:
        size = backup.stat().st_size
        with open(backup, "rb") as reading:
            header = reading.read(SQLITE_HEADER_BYTES)
    except OSError as error:
        return f"it cannot be read ({error.strerror or error})"
    if size == 0:
        return "it is empty"
    if header.startswith(PLAIN_HEADER):
        page = _page_size(header)
        if len(header) < SQLITE_HEADER_BYTES or page < SMALLEST_PAGE or page & (page - 1):
            return "its first page is damaged"
        pages = int.from_bytes(header[28:32], "big")
        counted = header[24:28] == header[92:96]  # the page count is valid (SQLite's rule)
        if size % page or (counted and size < pages * page):
            return "it has been cut short"
        return None
    if not (key_slots.has_slots(database) or is_encrypted_file(database)):
        return "it is not a database file"
    if size < SMALLEST_PAGE or size % SMALLEST_PAGE:
        return "it is not a whole database file"
    return None


def list_backups(
    session: Session, actor: Actor, backups_dir: Path | None = None
) -> BackupsOverview:
    """The backups of this database, newest first; on PostgreSQL none, with a note why."""
    require(session, actor, Permission.MANAGE_BACKUPS, "see the backups")
    bind = session.get_bind()
    path = sqlite_file(bind) if isinstance(bind, Engine) else None
    if path is None:
        return BackupsOverview(None, (), SERVER_BACKUPS)
    folder = _folder(backups_dir)
    found = tuple(list_backup_files(path, folder))
    damaged = {b.path: why for b in found if (why := looks_damaged(b.path, path)) is not None}
    return BackupsOverview(folder, found, damaged=damaged)


def _not_made(folder: Path, error: Exception) -> InvolveError:
    """A copy that could not be written (a full disk, a folder that cannot be written to)."""
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return InvolveError(
        f"The backup could not be made in {folder} ({reason}). Check that the laptop has "
        "free space and that the folder can be written to, then try again. Your data is "
        "safe — only the copy failed."
    )


def _not_restored(folder: Path, error: BaseException | None) -> str:
    """Why a restore was refused when the copy of what is there now could not be made."""
    reason = getattr(error, "strerror", None) or str(error or "") or "the copy failed"
    return (
        "Nothing was restored: a copy of what is there now (\u201cbefore restore\u201d) must "
        f"be made first, and it could not be made in {folder} ({reason}). Your data is as "
        "it was. Free some space on the laptop, or make sure the backups folder can be "
        "written to (ask whoever looks after the laptop to check its permissions), then "
        "try again."
    )


def _copy_now(path: Path, folder: Path, reason: BackupReason, prune: bool = True) -> BackupFile:
    try:
        taken = backup_sqlite(path, folder, reason, prune=prune)
    except (OSError, *DATABASE_ERRORS) as error:
        raise _not_made(folder, error) from error
    return next(b for b in list_backup_files(path, folder) if b.path == taken)


def back_up_now(
    session: Session, actor: Actor, backups_dir: Path | None = None, prune: bool = True
) -> BackupFile:
    """Take a copy now ("backed up now") and return it. ``prune=False`` leaves the older
    copies in the folder alone (a folder of the user's own, not the backups folder)."""
    require(session, actor, Permission.MANAGE_BACKUPS, "back up the database")
    path = _database_file(session)
    session.rollback()  # end the read so the copy sees everything committed
    copy = _copy_now(path, _folder(backups_dir), BackupReason.MANUAL, prune=prune)
    with transaction(session):
        audit.record(session, actor, "create", "backup", None, {"file": copy.path.name})
    return copy


def backup_before(
    session: Session, reason: BackupReason, backups_dir: Path | None = None
) -> Path | None:
    """Copy the SQLite file before a big change (an import…); None on PostgreSQL. No check:
    the caller's own permission check covers it."""
    bind = session.get_bind()
    path = sqlite_file(bind) if isinstance(bind, Engine) else None
    if path is None or not path.exists():
        return None
    folder = _folder(backups_dir)
    try:
        return backup_sqlite(path, folder, reason)
    except (OSError, *DATABASE_ERRORS) as error:
        raise _not_made(folder, error) from error


def _schema_revision(path: Path) -> str | None:
    try:
        connection = connect(path, read_only=True)
    except (WrongKey, *DATABASE_ERRORS):
        return None
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except DATABASE_ERRORS:
        return None
    finally:
        connection.close()
    return row[0] if row else None


def damage_found(backup: Path, database: Path) -> str | None:
    """What is wrong with the copy ``backup`` of ``database`` (the quick look, then SQLite's
    own check), or None when it is whole. A file this database's key does not open is
    damaged (or another database's); only when no key is unlocked is it called encrypted."""
    why = looks_damaged(backup, database)
    if why is not None:
        return why
    report = quick_check(backup)
    if report.ok:
        return None
    if not is_plain_file(backup) and key_of(database) is not None:
        return "this database's key does not open it: it is damaged, or a copy of another one"
    return report.summary


def _refuse_damaged(backup: Path, database: Path, not_done: str) -> None:
    """Refuse, naming what is wrong, when the copy ``backup`` is damaged; ``not_done``
    ends the sentence "so it was …" with what was not done and what to do instead."""
    why = damage_found(backup, database)
    if why is not None:
        raise ValidationError(
            "backup", f"The backup {backup.name} is damaged ({why}), so it was {not_done}"
        )


def _check_restorable(backup: BackupFile, database: Path, migrations_dir: Path) -> None:
    _refuse_damaged(backup.path, database, "not restored. Choose an older one.")
    script = ScriptDirectory.from_config(alembic_config(migrations_dir))
    known = {rev.revision for rev in script.walk_revisions()}
    revision = _schema_revision(backup.path)
    if revision is None or revision not in known:
        raise ValidationError(
            "backup",
            f"The backup {backup.path.name} is not an Involve Desktop database this version "
            "can open (it may be from a newer version), so it was not restored.",
        )


def _record_restore(session: Session, actor: Actor, result: RestoreResult) -> None:
    """Audit the restore in the restored database (the account may not exist in it)."""
    account = session.get(Account, actor.account_id)
    session.add(
        AuditEntry(
            account_id=account.id if account is not None else None,
            account_name=actor.display_name,
            action="restore",
            entity="backup",
            entity_id=None,
            changes={
                "restored": result.restored.path.name,
                "taken": result.restored.taken.isoformat(timespec="seconds"),
                "copy of what was there before": result.before_restore.path.name,
            },
        )
    )


def restore_backup(
    session: Session,
    actor: Actor,
    backup: Path,
    backups_dir: Path | None = None,
    migrations_dir: Path | None = None,
) -> RestoreResult:
    """Put the backup named like ``backup`` in place of the current data.

    What is there now is copied first ("before restore"). Refuses a damaged copy or one
    from a newer version. Afterwards every screen must read its data afresh.
    """
    require(session, actor, Permission.MANAGE_BACKUPS, "restore a backup")
    path = _database_file(session)
    folder = _folder(backups_dir)
    migrations = migrations_dir if migrations_dir is not None else paths.migrations_dir()
    chosen = _find(path, folder, backup)
    _check_restorable(chosen, path, migrations)
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    session.close()
    # Thinned after the restore: a new copy must not thin away the one being restored.
    try:
        before = _copy_now(path, folder, BackupReason.BEFORE_RESTORE, prune=False)
    except InvolveError as error:
        raise InvolveError(_not_restored(folder, error.__cause__)) from error
    engine.dispose()  # pooled connections would hold cached pages of the old data
    try:
        restore_into(path, chosen.path)
    except (*DATABASE_ERRORS, ValueError) as error:
        raise InvolveError(
            f"The backup could not be restored ({error}); the data is as it was. What was "
            f"there is also kept as the backup {before.path.name}."
        ) from error
    engine.dispose()
    migrate(engine, migrations, folder)
    prune_backups(path, folder)
    result = RestoreResult(chosen, before)
    with transaction(session):
        _record_restore(session, actor, result)
    return result


def copy_backup_to_folder(
    session: Session,
    actor: Actor,
    backup: Path,
    folder: Path,
    backups_dir: Path | None = None,
) -> Path:
    """Copy one backup into ``folder`` (a USB stick…) under its own name; return the copy.

    An encrypted copy takes the key slots with it (``<copy name>.keys``): passwords and the
    recovery key open it elsewhere; without them nobody can.
    """
    require(session, actor, Permission.MANAGE_BACKUPS, "copy backups")
    path = _database_file(session)
    chosen = _find(path, _folder(backups_dir), backup)
    _refuse_damaged(
        chosen.path,
        path,
        "not copied: a copy of it could not be put back. Choose another one.",
    )
    if not folder.is_dir():
        raise ValidationError(
            "folder",
            f"The folder {folder} cannot be found. If it is on a USB stick, plug the stick in "
            "and choose the folder again.",
        )
    target = folder / chosen.path.name
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{chosen.path.stem}-copy-{counter}{chosen.path.suffix}"
    keys = key_slots.keys_file(target)
    try:
        copy_file_safely(chosen.path, target)
        if is_encrypted_file(chosen.path) and key_slots.has_slots(path):
            copy_file_safely(key_slots.keys_file(path), keys)
    except OSError as error:
        # Nothing half-made stays on the stick, nor an encrypted copy without its keys; a
        # write-protected stick refuses the clean-up too, which must not hide the reason.
        for leftover in (
            target.with_name(target.name + ".partial"),
            keys.with_name(keys.name + ".partial"),
            target,
        ):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise InvolveError(
            f"The backup could not be copied to {folder} ({error.strerror or error}). Check "
            "that the stick is not full or write-protected, and try again."
        ) from error
    with transaction(session):
        audit.record(
            session,
            actor,
            "copy",
            "backup",
            None,
            {"file": chosen.path.name, "copied to": str(folder)},
        )
    return target
