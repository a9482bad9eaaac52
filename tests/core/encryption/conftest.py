"""Encrypted-database fixtures: a plain test database, and the same converted."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.db.migrate import migrate
from involve_desktop.core.services import accounts, encryption, members
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberInput
from tests.conftest import COORDINATOR_PASSWORD, TEST_DATABASE_URL

# Names that must never be readable in the file, its journal or its backups.
SECRET_NAMES = ("Philippa Quenby-Marsh", "Oluwaseun Trevithick")

pytestmark = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="encrypts the SQLite file only")


@dataclass
class Encrypted:
    """A converted database: its file, its key, the recovery key and a fresh engine."""

    path: Path
    key: bytes
    recovery_key: str
    engine: Engine
    coordinator: Actor

    def session(self) -> Session:
        """A new session on the encrypted engine."""
        return session_factory(self.engine)()


@pytest.fixture
def plain_db(tmp_path: Path) -> Iterator[tuple[Path, Engine, Actor]]:
    """A plain migrated SQLite file with a group, a coordinator and two members."""
    path = tmp_path / "involve.sqlite3"
    engine = create_engine_for(sqlite_url(path))
    migrate(engine, paths.migrations_dir(), paths.backups_dir())
    with session_factory(engine)() as session:
        sam = accounts.set_up_group(
            session, "Riverside Voices", "Sam Coordinator", "sam", COORDINATOR_PASSWORD
        )
        for name in SECRET_NAMES:
            members.create_member(session, sam, MemberInput(name))
    yield path, engine, sam
    engine.dispose()


@pytest.fixture
def encrypted(plain_db: tuple[Path, Engine, Actor]) -> Iterator[Encrypted]:
    """``plain_db`` converted through the service, reopened with its key."""
    path, engine, sam = plain_db
    with session_factory(engine)() as session:
        done = encryption.encrypt_database(session, sam, COORDINATOR_PASSWORD)
    engine.dispose()
    keyed = create_engine_for(sqlite_url(path), key=done.key)
    yield Encrypted(path, done.key, done.recovery_key, keyed, sam)
    keyed.dispose()
