"""``core/db/urls``: the file a SQLite URL names, read without SQLAlchemy, as SQLAlchemy does."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from involve_desktop.core.db.urls import database_path, path_of, server_key, sqlite_url

URLS = [
    "sqlite:///involve.sqlite3",
    "sqlite:////home/sam/.local/share/Involve Desktop/involve.sqlite3",
    "sqlite:///relative/dir/file.db",
    "sqlite+pysqlite:////tmp/x.sqlite3",
    "sqlite:///file:/tmp/ro.sqlite3?mode=ro&uri=true",
    "sqlite:////tmp/with-query.sqlite3?timeout=5",
    "sqlite:///C:\\Users\\sam\\AppData\\Local\\Involve\\involve.sqlite3",
    "sqlite://",
    "sqlite:///:memory:",
    "postgresql+psycopg://postgres@127.0.0.1:5432/involve",
    "postgresql://u:p@server/db",
]


@pytest.mark.parametrize("url", URLS)
def test_same_file_as_sqlalchemy_finds(url: str) -> None:
    parsed = make_url(url)
    expected = path_of(parsed.database) if parsed.get_backend_name() == "sqlite" else None
    assert database_path(url) == expected


def test_sqlite_url_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "a folder" / "involve.sqlite3"
    assert database_path(sqlite_url(path)) == path
    assert database_path(sqlite_url(path, read_only=True)) == path
    assert database_path("not a url") is None


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://postgres@127.0.0.1:5432/involve",
        "postgresql://u:p@server/db",
        "postgresql+psycopg://peer:p%40ss:word@db.example.org:6543/involve?sslmode=require",
        "postgresql+psycopg://db.example.org/involve",
    ],
)
def test_server_key_is_the_url_without_password_or_query(url: str) -> None:
    parsed = make_url(url)
    bare = parsed.create(
        parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database
    )
    expected = bare.render_as_string(hide_password=False)
    assert server_key(url) == expected


@pytest.mark.parametrize("url", [u for u in URLS if u.startswith("sqlite")])
def test_sqlite_has_no_server_key(url: str) -> None:
    assert server_key(url) is None
