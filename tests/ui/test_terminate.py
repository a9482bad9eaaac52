"""A laptop shutting down sends SIGTERM: the app closes properly and lets go of the file.

The app runs in its own process (offscreen) on a new data folder, so the first-run wizard is
open and the writer lock is held; after SIGTERM the process ends by itself and the lock
names nobody, so the next start does not ask about a copy that was "not closed properly".
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from involve_desktop.core.db import single_writer

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")


def _set_up_file(database: Path) -> None:
    """A plain SQLite file with a group and its coordinator (so sign-in shows first)."""
    from involve_desktop import paths
    from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
    from involve_desktop.core.db.migrate import migrate
    from involve_desktop.core.services import accounts

    database.parent.mkdir(parents=True)
    engine = create_engine_for(sqlite_url(database))
    migrate(engine, paths.migrations_dir(), None)
    with session_factory(engine)() as session:
        accounts.set_up_group(session, "Riverside Voices", "Sam", "sam", "a long passphrase")
    engine.dispose()


@pytest.mark.parametrize("existing_file", [False, True], ids=["wizard", "sign-in-first"])
@pytest.mark.parametrize("wait_for_the_window", [True, False])
def test_sigterm_closes_the_app_and_releases_the_writer_lock(
    tmp_path: Path, wait_for_the_window: bool, existing_file: bool
) -> None:
    root = Path(__file__).resolve().parents[2]
    database = tmp_path / "data" / "involve.sqlite3"
    if existing_file:
        _set_up_file(database)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INVOLVE_DATA_DIR": str(database.parent)}
    env.pop("INVOLVE_DATABASE_URL", None)
    process = subprocess.Popen([sys.executable, "-m", "involve_desktop"], cwd=root, env=env)
    try:
        deadline = time.monotonic() + 60
        while single_writer.read_holder(database) is None:  # a window is up, the lock held
            assert process.poll() is None, "the app ended before it was asked to"
            assert time.monotonic() < deadline, "the app never took the writer lock"
            time.sleep(0.2)
        assert single_writer.read_holder(database).pid == process.pid
        if wait_for_the_window:  # the window is up by now; else the signal comes mid-start
            time.sleep(3)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert single_writer.read_holder(database) is None
