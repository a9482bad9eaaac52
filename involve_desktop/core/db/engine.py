"""Database engines from a URL: the embedded SQLite file by default, PostgreSQL for shared use.

SQLite connections get the pragmas that make a shared laptop safe: WAL journal,
``synchronous=FULL`` (a committed record survives a power cut), foreign keys enforced and a
busy timeout so two windows do not fail on a momentary lock.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 10  # a laptop away from the server gets a message, not a frozen start


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"


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


def create_engine_for(url: str) -> Engine:
    """Create an engine for ``url``; a SQLite file's folder is created if missing."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        # hide_parameters: SQL errors must never copy values (e.g. password hashes) into logs.
        engine = create_engine(url, hide_parameters=True)
        event.listen(engine, "connect", _apply_sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
    )


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def is_sqlite(engine: Engine) -> bool:
    """True when the engine talks to SQLite."""
    return engine.dialect.name == "sqlite"


def sqlite_file(engine: Engine) -> Path | None:
    """The SQLite database file behind ``engine``, or None (PostgreSQL or in-memory)."""
    if not is_sqlite(engine):
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database)


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
