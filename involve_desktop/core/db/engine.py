"""Database engines from a URL: the embedded SQLite file by default, PostgreSQL for shared use.

SQLite connections get the pragmas that make a shared laptop safe: WAL journal,
``synchronous=FULL`` (a committed record survives a power cut), foreign keys enforced and a
busy timeout so two windows do not fail on a momentary lock.

An encrypted file (``cipher``, ``key_slots``) is opened with SQLCipher and its database key
(``create_engine_for(url, key=…)``): ``PRAGMA key`` is the first statement on every
connection, before the pragmas above.

A second copy of the app that finds the file in use (``single_writer``) opens it read-only
(``read_only=True``: SQLite's ``mode=ro``); a write then fails with ``DatabaseReadOnly``, a
plain message, instead of SQLite's "attempt to write a readonly database".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.orm import Session, sessionmaker

from involve_desktop.core.db.cipher import key_pragma, remember_key
from involve_desktop.core.db.file_kind import note_closed, note_opened
from involve_desktop.core.db.urls import path_of, sqlite_url
from involve_desktop.core.errors import InvolveError

BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 10  # a laptop away from the server gets a message, not a frozen start


READ_ONLY_MESSAGE = (
    "Nothing was saved: this copy of Involve Desktop opened the database read-only, because "
    "someone else had it open. Close this window and open it again once they have closed it."
)


class DatabaseReadOnly(InvolveError):
    """A write was tried on a database opened read-only; nothing was saved."""


def _apply_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The journal mode and sync level belong to the writer; a reader changes nothing.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def _read_only_error(context: ExceptionContext) -> BaseException | None:
    text = str(context.original_exception).lower()
    if "readonly" in text or "read-only" in text or "query_only" in text:
        return DatabaseReadOnly(READ_ONLY_MESSAGE)
    return None


def _apply_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, start transactions, so schema changes roll back too
    # (SQLAlchemy's documented pysqlite recipe; see _begin below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


_engine_keys: WeakKeyDictionary[Engine, bytes] = WeakKeyDictionary()


def _keyed(key: bytes) -> Any:
    def apply_key(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA cipher_log_level = NONE")
            cursor.execute(key_pragma(key))
        finally:
            cursor.close()

    return apply_key


def engine_key(engine: Engine) -> bytes | None:
    """The database key ``engine`` opens its encrypted SQLite file with (None: not encrypted)."""
    return _engine_keys.get(engine)


def create_engine_for(url: str, read_only: bool = False, key: bytes | None = None) -> Engine:
    """Create an engine for ``url``; a SQLite file's folder is created if missing.

    ``read_only`` (SQLite only): open the file with ``mode=ro``; it must exist, and any write
    raises ``DatabaseReadOnly``. ``key`` (SQLite only): the file is encrypted with SQLCipher
    under this 32-byte database key (a new file is created encrypted); the key is
    remembered for this process so its backups open too (``cipher.remember_key``).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if read_only:
            path = path_of(parsed.database)
            if path is None:
                raise ValueError("Only a SQLite file can be opened read-only")
            url = sqlite_url(path, read_only=True)
        elif parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # hide_parameters: SQL errors must never copy values (e.g. password hashes) into logs.
        if key is None:
            engine = create_engine(url, hide_parameters=True)
        else:
            import sqlcipher3.dbapi2  # only encrypted files need SQLCipher loaded

            engine = create_engine(url, hide_parameters=True, module=sqlcipher3.dbapi2)
            event.listen(engine, "connect", _keyed(key))
            _engine_keys[engine] = key
            remember_key(key)
        pragmas = _apply_read_only_pragmas if read_only else _apply_sqlite_pragmas
        event.listen(engine, "connect", pragmas)
        event.listen(engine, "begin", _begin)
        if read_only:
            event.listen(engine, "handle_error", _read_only_error)
        file = path_of(parsed.database)
        if file is not None:
            _note_connections(engine, file, encrypted=key is not None)
        return engine
    if key is not None:
        raise ValueError("Only a SQLite file is encrypted by Involve Desktop")
    return create_engine(
        url,
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
    )


def _note_connections(engine: Engine, path: Path, encrypted: bool) -> None:
    """Tell ``file_kind`` while this engine's connections have ``path`` open, so nothing
    reads the file outside SQLite then (which would drop SQLite's locks on it). Listened
    for after the pragmas: a connection that fails to set up is not counted."""

    def opened(_dbapi_connection: Any, _record: Any) -> None:
        note_opened(path, encrypted)

    def closed(_dbapi_connection: Any, _record: Any = None) -> None:
        note_closed(path)

    event.listen(engine, "connect", opened)
    event.listen(engine, "close", closed)
    event.listen(engine, "close_detached", closed)


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def is_sqlite(engine: Engine) -> bool:
    """True when the engine talks to SQLite."""
    return engine.dialect.name == "sqlite"


def sqlite_file(engine: Engine) -> Path | None:
    """The SQLite database file behind ``engine``, or None (PostgreSQL or in-memory)."""
    if not is_sqlite(engine):
        return None
    return path_of(engine.url.database)


def is_read_only(engine: Engine) -> bool:
    """True when ``engine`` opened its SQLite file read-only."""
    return is_sqlite(engine) and "mode=ro" in str(engine.url)


def describe_location(engine: Engine) -> str:
    """Where the data lives, for the status bar: the SQLite file path or the server."""
    path = sqlite_file(engine)
    if path is not None:
        return str(path)
    if engine.dialect.name == "postgresql":
        url = engine.url
        return f"PostgreSQL · {url.database} on {url.host or 'localhost'}"
    return engine.dialect.name


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """A factory for short-lived sessions (one per operation)."""
    return sessionmaker(bind=engine, expire_on_commit=False)
