"""SQLite database URLs without importing SQLAlchemy (which takes most of a second).

The first window must show before SQLAlchemy is imported, yet start-up needs to know
which file a URL names: to lock it, to warn about a network share and to see whether it is
encrypted. ``database_path`` reads that from the URL text the way SQLAlchemy does.
"""

from __future__ import annotations

from pathlib import Path


def sqlite_url(path: Path, read_only: bool = False) -> str:
    """The SQLAlchemy URL of a SQLite file (``read_only``: SQLite's ``mode=ro`` URI)."""
    if read_only:
        return f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
    return f"sqlite:///{path}"


def path_of(database: str | None) -> Path | None:
    """The file of a SQLite URL's database part (plain path or ``file:`` URI), or None."""
    if not database or database == ":memory:":
        return None
    if database.startswith("file:"):
        database = database.removeprefix("file:").split("?", 1)[0]
    return Path(database)


def database_path(url: str) -> Path | None:
    """The SQLite file a URL names; None for another database (PostgreSQL) or in memory."""
    scheme, separator, rest = url.partition("://")
    if not separator or scheme.split("+", 1)[0] != "sqlite":
        return None
    _host, _slash, database = rest.partition("/")
    if database.startswith("file:"):
        return path_of(database)
    return path_of(database.split("?", 1)[0])


def server_key(url: str) -> str | None:
    """A database server's URL as a laptop may remember it — ``scheme://user@host/database``,
    no password and no query — or None for SQLite."""
    scheme, separator, rest = url.partition("://")
    if not separator or scheme.split("+", 1)[0] == "sqlite":
        return None
    authority, _slash, database = rest.partition("/")
    user_info, at, host = authority.rpartition("@")
    user = user_info.split(":", 1)[0] if at else ""
    database = database.split("?", 1)[0]
    return f"{scheme}://{user}{'@' if user else ''}{host}/{database}"
