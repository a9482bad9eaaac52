"""Encryption at rest for the SQLite file: key slots follow passwords; converting a plain file.

An encrypted database (``core/db/cipher``) has a random database key, wrapped once per
account under that account's password and once under the recovery key (``key_slots``). The
account services call ``password_set`` whenever a password is chosen (set-up, new account,
change, reset, recovery) and ``account_turned_off`` when an account is turned off; on a
plain file or PostgreSQL both do nothing. The slot is written *before* the password's
transaction commits, so an interrupted change leaves the slot with the newest password and
``accounts.sign_in_after_unlock`` brings the stored password in line.

``encrypt_database`` converts a plain file on request: a plain backup first, then an
encrypted copy written beside it and checked row by row before one rename puts it in place,
then every older backup encrypted the same way. The person converting gets a slot; other
accounts get theirs when a coordinator sets them a new password (their passwords are only
stored as one-way hashes, so their slots cannot be made for them).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from involve_desktop import paths
from involve_desktop.core.db import key_slots
from involve_desktop.core.db.backup import (
    BackupReason,
    backup_sqlite,
    fsync_dir,
    list_backup_files,
)
from involve_desktop.core.db.cipher import (
    DATABASE_ERRORS,
    connect,
    connect_keyed,
    export_encrypted,
    is_encrypted_file,
    is_plain_file,
    remember_key,
)
from involve_desktop.core.db.engine import engine_key, is_read_only, sqlite_file
from involve_desktop.core.db.file_kind import note_replaced
from involve_desktop.core.db.recovery_key import new_recovery_key
from involve_desktop.core.errors import AuthenticationError, InvolveError, ValidationError
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.passwords import verify_password
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require, transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EncryptionStatus:
    """What the Privacy settings say about encryption."""

    applies: bool  # False on PostgreSQL or in memory: the server protects its own files
    encrypted: bool
    file: Path | None
    accounts_without_slot: tuple[str, ...] = ()  # active accounts that cannot open the file


@dataclass(frozen=True)
class Converted:
    """The outcome of ``encrypt_database``: the new key, the recovery key, the plain copy."""

    key: bytes
    recovery_key: str
    backup_before: Path
    backups_encrypted: int


def _engine(session: Session) -> Engine | None:
    bind = session.get_bind()
    return bind if isinstance(bind, Engine) else None


def _encrypted_file(session: Session) -> tuple[Path, bytes] | None:
    engine = _engine(session)
    if engine is None or is_read_only(engine):
        return None
    key = engine_key(engine)
    path = sqlite_file(engine)
    return (path, key) if key is not None and path is not None else None


def password_set(session: Session, username: str, password: str) -> None:
    """Wrap the database key for ``username`` under their new ``password`` (encrypted files)."""
    found = _encrypted_file(session)
    if found is not None:
        path, key = found
        key_slots.set_account_slot(path, username, password, key)


def account_turned_off(session: Session, username: str) -> None:
    """Remove a turned-off account's slot, so its password no longer opens the file."""
    found = _encrypted_file(session)
    if found is not None:
        key_slots.remove_account_slot(found[0], username)


def status(session: Session) -> EncryptionStatus:
    """Whether the database is encrypted, and which active accounts have no slot yet."""
    engine = _engine(session)
    path = sqlite_file(engine) if engine is not None else None
    if path is None:
        return EncryptionStatus(False, False, None)
    if engine is None or engine_key(engine) is None:
        return EncryptionStatus(True, False, path)
    with_slot = key_slots.account_names(path)
    active = session.scalars(select(Account.username).where(Account.active.is_(True))).all()
    missing = tuple(sorted(name for name in active if name not in with_slot))
    return EncryptionStatus(True, True, path, missing)


def _row_counts(connection: object) -> dict[str, int]:
    tables = [
        row[0]
        for row in connection.execute(  # type: ignore[attr-defined]
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # type: ignore[attr-defined]
        for name in tables
    }


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file, so the plain copy read next is complete."""
    connection = connect(path, timeout=10)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def encrypt_file(path: Path, key: bytes) -> None:
    """Replace the plain SQLite file ``path`` with an encrypted copy under ``key``.

    Nothing may have ``path`` open. The copy is written beside it, checked (``quick_check``
    and the same number of rows in every table), synced, and renamed over the original; the
    old WAL files go first, so they can never be applied to the encrypted file.
    """
    if not is_plain_file(path):
        raise InvolveError(f"{path.name} is already encrypted.")
    _checkpoint(path)
    staged = path.with_name(path.name + ".encrypting")
    staged.unlink(missing_ok=True)
    export_encrypted(path, staged, key)
    plain = connect(path, read_only=True)
    encrypted = connect_keyed(staged, key, read_only=True)
    try:
        same = _row_counts(plain) == _row_counts(encrypted)
        checked = encrypted.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        plain.close()
        encrypted.close()
    if not (same and checked):
        staged.unlink(missing_ok=True)
        raise InvolveError(
            f"The encrypted copy of {path.name} did not match the original, so nothing was "
            "changed. Please report this; your data is as it was."
        )
    with open(staged, "rb+") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.replace(staged, path)
    note_replaced(path)
    fsync_dir(path.parent)


def encrypt_leftover_backups(path: Path, key: bytes, backups_dir: Path | None = None) -> int:
    """Encrypt every plain backup of the encrypted database ``path``; return how many.

    Conversion does this at once; it is repeated at start in case it was interrupted.
    """
    if not is_encrypted_file(path):
        return 0
    count = 0
    for backup in list_backup_files(path, backups_dir or paths.backups_dir()):
        if is_plain_file(backup.path):
            try:
                encrypt_file(backup.path, key)
            except (InvolveError, *DATABASE_ERRORS):
                log.exception("Could not encrypt the backup %s", backup.path)
                continue
            count += 1
    return count


def new_database_slots(path: Path, key: bytes, username: str, password: str) -> str:
    """Write a fresh keys file for ``path``: ``username``'s slot and a new recovery key."""
    recovery = new_recovery_key()
    key_slots.write_slots(path, [])
    key_slots.set_recovery_slot(path, recovery, key)
    key_slots.set_account_slot(path, username, password, key)
    return recovery


def encrypt_database(
    session: Session, actor: Actor, password: str, backups_dir: Path | None = None
) -> Converted:
    """Encrypt the plain SQLite database this session uses (coordinators only).

    ``password`` is the coordinator's own, checked again: it wraps their slot. The caller
    must stop using the engine afterwards and open the file again with ``Converted.key``.
    """
    require(session, actor, Permission.MANAGE_BACKUPS, "encrypt the database")
    engine = _engine(session)
    path = sqlite_file(engine) if engine is not None else None
    if engine is None or path is None:
        raise InvolveError(
            "Only the database file on this laptop can be encrypted here. A PostgreSQL "
            "server protects its own files: ask whoever runs it about encryption at rest."
        )
    if is_read_only(engine):
        raise InvolveError("Someone else has the database open, so it cannot be encrypted now.")
    if engine_key(engine) is not None or is_encrypted_file(path):
        raise InvolveError("The database is already encrypted.")
    account = session.get(Account, actor.account_id)
    if account is None or not verify_password(account.password_hash, password or ""):
        raise ValidationError("password", "Your password is not right — try again.")
    folder = backups_dir or paths.backups_dir()
    with transaction(session):
        audit.record(session, actor, "encrypt", "database", None, {"file": path.name})
    session.close()
    before = backup_sqlite(path, folder, BackupReason.BEFORE_ENCRYPTION)
    engine.dispose()
    key = key_slots.new_database_key()
    remember_key(key)  # the automatic copies and checks of this process open it from now on
    recovery = new_database_slots(path, key, account.username, password)
    try:
        encrypt_file(path, key)
    except BaseException:
        key_slots.keys_file(path).unlink(missing_ok=True)  # the file stayed plain
        raise
    done = encrypt_leftover_backups(path, key, folder)
    log.info("Encrypted %s and %d backups", path, done)
    return Converted(key, recovery, before, done)


def new_recovery_key_for(session: Session, actor: Actor, password: str) -> str:
    """Replace the recovery key (the old one stops working); coordinators only.

    For when the recovery sheet is lost or may have been seen by someone else.
    """
    require(session, actor, Permission.MANAGE_BACKUPS, "make a new recovery key")
    found = _encrypted_file(session)
    if found is None:
        raise InvolveError("The database is not encrypted, so it has no recovery key.")
    account = session.get(Account, actor.account_id)
    if account is None or not verify_password(account.password_hash, password or ""):
        raise ValidationError("password", "Your password is not right — try again.")
    recovery = new_recovery_key()
    key_slots.set_recovery_slot(found[0], recovery, found[1])
    with transaction(session):
        audit.record(session, actor, "new-recovery-key", "database", None, {})
    return recovery


def damaged_keys_text(path: Path, backups_dir: Path | None = None) -> str:
    """What to do when ``path``'s keys file cannot be read: put the spare back."""
    damaged = key_slots.keys_file(path)
    spare = key_slots.spare_file(path, backups_dir or paths.backups_dir())
    try:
        usable = spare.is_file() and bool(key_slots.slots_in_file(spare))
    except key_slots.KeysFileDamaged:
        usable = False
    if usable:
        step = (
            f"A spare copy is kept with the backups: {spare}. Close Involve Desktop, move "
            f"the damaged {damaged.name} aside (do not delete it), copy the spare into "
            f"{damaged.parent} in its place, and open Involve Desktop again."
        )
    else:
        step = (
            f"Put back a good copy of {damaged.name} (one is copied with every backup you "
            "copied to a stick), then open Involve Desktop again."
        )
    return (
        f"The key file {damaged} is damaged, so the encrypted database cannot be opened. "
        f"{step} Nothing has been changed."
    )


def unlock_file(path: Path, username: str, password: str) -> bytes:
    """The database key of the encrypted ``path`` from ``username``'s slot.

    AuthenticationError (the usual "not right" message) when there is no slot for that
    username or the password does not open it; InvolveError saying how to put the spare
    keys file back when the keys file is damaged.
    """
    try:
        return key_slots.open_with_password(path, username, password)
    except key_slots.SlotNotOpened:
        raise AuthenticationError() from None
    except key_slots.KeysFileDamaged as error:
        raise InvolveError(damaged_keys_text(path)) from error


def unlock_file_with_recovery_key(path: Path, recovery_key: str) -> bytes:
    """The database key of the encrypted ``path`` from its recovery slot."""
    try:
        return key_slots.open_with_recovery_key(path, recovery_key)
    except key_slots.KeysFileDamaged as error:
        raise InvolveError(damaged_keys_text(path)) from error
    except key_slots.SlotNotOpened:
        raise ValidationError(
            "recovery_key",
            "That recovery key does not open this database. Check each group of five "
            "against the recovery sheet.",
        ) from None
