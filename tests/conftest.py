"""Shared fixtures: a private data folder, and a migrated database on SQLite or PostgreSQL.

Set ``INVOLVE_TEST_DATABASE_URL`` (e.g. ``postgresql+psycopg://postgres@127.0.0.1:5433/involve_test``)
to run the same tests against PostgreSQL; each test then starts from an empty ``public`` schema.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import Engine, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from involve_desktop import paths  # noqa: E402
from involve_desktop.core.db import cipher, key_slots  # noqa: E402
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url  # noqa: E402
from involve_desktop.core.db.migrate import migrate  # noqa: E402
from involve_desktop.core.services import accounts  # noqa: E402
from involve_desktop.core.services.dto import Actor  # noqa: E402

TEST_DATABASE_URL = os.environ.get("INVOLVE_TEST_DATABASE_URL")
COORDINATOR_PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder: nothing touches the real user's database."""
    folder = tmp_path / "data"
    monkeypatch.setenv("INVOLVE_DATA_DIR", str(folder))
    monkeypatch.delenv("INVOLVE_DATABASE_URL", raising=False)
    return folder


@pytest.fixture(autouse=True)
def cheap_kdf() -> Iterator[None]:
    """argon2id key slots with tiny costs (the same code paths, far faster); every test
    starts with no database key remembered."""
    key_slots.set_default_kdf(key_slots.KdfParams(time_cost=1, memory_cost=64, parallelism=1))
    yield
    key_slots.set_default_kdf(key_slots.KdfParams())
    cipher.forget_keys()


def reset_postgres(url: str) -> None:
    """Empty the test server's ``public`` schema so a test starts from nothing."""
    engine = create_engine_for(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """An empty database: PostgreSQL when configured, else a fresh SQLite file."""
    if TEST_DATABASE_URL:
        reset_postgres(TEST_DATABASE_URL)
        return TEST_DATABASE_URL
    return sqlite_url(tmp_path / "test.sqlite3")


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A database migrated to the newest schema."""
    eng = create_engine_for(database_url)
    migrate(eng, paths.migrations_dir(), paths.backups_dir())
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session on the migrated test database."""
    with session_factory(engine)() as s:
        yield s


@pytest.fixture
def coordinator(session: Session) -> Actor:
    """The first coordinator, made through the real first-run set-up."""
    return accounts.set_up_group(
        session, "Riverside Voices", "Sam Coordinator", "sam", COORDINATOR_PASSWORD
    )
