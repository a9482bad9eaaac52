"""Fixtures for the benchmarks: the large demo file, a scratch copy of it, the table at the end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import sessionmaker

from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import Actor
from tests.benchmarks import bench


@pytest.fixture(scope="session", autouse=True)
def _table() -> Iterator[None]:
    """Print (and save, with INVOLVE_BENCH_OUT) every figure once all benchmarks ran."""
    yield
    bench.print_table()


@pytest.fixture(scope="session")
def large_file() -> Path:
    """The kept large demo SQLite file (never written to by a benchmark)."""
    return bench.large_database()


@pytest.fixture
def large_copy(large_file: Path, tmp_path: Path) -> Iterator[tuple[sessionmaker, Actor, Path]]:
    """Sessions on a fresh copy of the large demo, and the demo coordinator signed in."""
    from involve_desktop.core.demo.seed import DEMO_PASSWORD, DEMO_USERNAME

    path = bench.copy_of(large_file, tmp_path)
    engine = create_engine_for(sqlite_url(path))
    sessions = session_factory(engine)
    with sessions() as session:
        actor = accounts.sign_in(session, DEMO_USERNAME, DEMO_PASSWORD)
    yield sessions, actor, path
    engine.dispose()
