"""SQLCipher: opening an encrypted SQLite file, plain or encrypted, with one function.

An encrypted database is an ordinary SQLite file whose every page (and its WAL journal) is
encrypted by SQLCipher 4 with a random 256-bit *database key*. The key is given as a raw key
(``PRAGMA key = "x'…'"``), so SQLCipher does no key stretching of its own: the stretching is
done once per account by ``key_slots`` (argon2id), which unwrap this key.

While the app runs, the keys it has unlocked are remembered in this process only
(``remember_key``), so backups, integrity checks and restores of an encrypted file — and of
its backups, which use the same key — open it without asking again. Nothing here ever
writes a key to disk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlcipher3

from involve_desktop.core.db.file_kind import (  # noqa: F401 - part of this module's face
    PLAIN_HEADER,
    is_encrypted_file,
    is_plain_file,
    note_closed,
    note_opened,
)

KEY_BYTES = 32

# Both drivers' errors, for ``except`` clauses that handle either kind of file.
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.Error)

_known_keys: list[bytes] = []


class WrongKey(Exception):
    """No known key opens this encrypted file (or it is not a database at all)."""


def remember_key(key: bytes) -> None:
    """Keep ``key`` for this process, so copies of its database open without asking."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    if key not in _known_keys:
        _known_keys.append(key)


def forget_keys() -> None:
    """Drop every remembered key (tests; a real process keeps them until it ends)."""
    _known_keys.clear()


def known_keys() -> tuple[bytes, ...]:
    """The keys unlocked in this process, first unlocked first."""
    return tuple(_known_keys)


def key_pragma(key: bytes) -> str:
    """The ``PRAGMA key`` statement for a raw 256-bit key (no key stretching by SQLCipher)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _uri(path: Path, read_only: bool) -> str:
    uri = path.resolve().as_uri()
    return f"{uri}?mode=ro" if read_only else uri


class _Noted:
    """A connection that tells ``file_kind`` while it has its file open (see there: nothing
    may then read the file outside SQLite, or the process would lose SQLite's locks on it).
    Mixed into both drivers' connection classes, given to ``connect`` as ``factory``."""

    _noted: Path | None = None

    def note(self, path: Path, encrypted: bool) -> None:
        """Count this connection as having ``path`` open (once, after it opened it)."""
        if self._noted is None:
            note_opened(path, encrypted)
            self._noted = path

    def close(self) -> None:
        try:
            super().close()  # type: ignore[misc]
        finally:
            if self._noted is not None:
                note_closed(self._noted)
                self._noted = None


class _PlainConnection(_Noted, sqlite3.Connection):
    """Python's sqlite3 connection, noted in ``file_kind``."""


class _KeyedConnection(_Noted, sqlcipher3.Connection):
    """SQLCipher's connection, noted in ``file_kind``."""


def connect_keyed(
    path: Path, key: bytes, *, read_only: bool = False, timeout: float = 5.0, **kwargs: Any
) -> Any:
    """A SQLCipher connection to ``path`` opened with ``key`` (checked: WrongKey if not)."""
    connection = sqlcipher3.connect(
        _uri(path, read_only), uri=True, timeout=timeout, factory=_KeyedConnection, **kwargs
    )
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(key_pragma(key))
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        raise WrongKey(str(error)) from error
    connection.note(path, encrypted=True)
    return connection


def connect(
    path: Path,
    *,
    read_only: bool = False,
    key: bytes | None = None,
    keys: Iterable[bytes] | None = None,
    timeout: float = 5.0,
    **kwargs: Any,
) -> Any:
    """A DB-API connection to the SQLite file ``path``, plain or encrypted.

    A plain file opens with Python's ``sqlite3``; an encrypted one with SQLCipher and
    ``key``, or else the first of ``keys`` (default: the keys remembered in this process)
    that opens it — WrongKey when none does. A new file is plain unless ``key`` is given.
    Until it is closed, ``file_kind`` answers for the file without reading it.
    """
    if key is None and is_plain_file(path):
        connection = sqlite3.connect(
            _uri(path, read_only), uri=True, timeout=timeout, factory=_PlainConnection, **kwargs
        )
        connection.note(path, encrypted=False)
        return connection
    candidates = [key] if key is not None else list(keys if keys is not None else _known_keys)
    for candidate in candidates:
        try:
            return connect_keyed(path, candidate, read_only=read_only, timeout=timeout, **kwargs)
        except WrongKey:
            continue
    raise WrongKey(f"{path.name} is encrypted and no key unlocked here opens it")


def key_of(path: Path) -> bytes | None:
    """The remembered key that opens the encrypted ``path`` (None: plain, or none opens it)."""
    if is_plain_file(path):
        return None
    for candidate in _known_keys:
        try:
            connect_keyed(path, candidate, read_only=True).close()
        except (WrongKey, sqlcipher3.Error):
            continue
        return candidate
    return None


def export_encrypted(plain: Path, target: Path, key: bytes) -> None:
    """Write an encrypted copy of the plain SQLite file ``plain`` to ``target`` (new file).

    SQLCipher's ``sqlcipher_export`` copies schema and rows into an attached, keyed
    database; the schema version (``user_version``) goes across too.
    """
    if target.exists():
        raise FileExistsError(target)
    source = sqlcipher3.connect(_uri(plain, True), uri=True)
    try:
        source.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        source.execute("SELECT sqlcipher_export('encrypted')")
        version = source.execute("PRAGMA user_version").fetchone()[0]
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        source.execute("DETACH DATABASE encrypted")
    finally:
        source.close()
