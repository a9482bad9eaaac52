"""Crash safety: a writer killed with SIGKILL 100 times loses nothing whose commit returned.

Each round a fresh writer (``crash_writer.py``) adds members through ``members.create_member``
on the same SQLite file, opened with the app's pragmas (WAL, ``synchronous=FULL``), and is
killed at a random moment — sometimes before it has connected, usually mid-insert. After every
kill ``PRAGMA integrity_check`` must say ``ok`` and every id the writer printed (it prints only
after the commit returned) must be in the file.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text

from involve_desktop.core.db.engine import create_engine_for, sqlite_url
from involve_desktop.core.models.people import Member
from involve_desktop.core.services import encryption
from tests.conftest import COORDINATOR_PASSWORD

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")

KILLS = 100
WRITER = Path(__file__).with_name("crash_writer.py")
LINE_TIMEOUT_S = 30


class Writer:
    """The writer process: send ``go``, read its lines through a thread (never blocking)."""

    def __init__(self, database: Path, actor, key: bytes | None = None) -> None:
        root = Path(__file__).resolve().parents[2]
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(WRITER),
                str(database),
                str(actor.account_id),
                actor.username,
                actor.display_name,
                *([key.hex()] if key is not None else []),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())
        self.lines.put("eof")

    def next_line(self) -> str:
        line = self.lines.get(timeout=LINE_TIMEOUT_S)
        assert line != "eof", "the writer process ended unexpectedly"
        return line

    def go(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=LINE_TIMEOUT_S)


def _one_round(writer: Writer, rng: random.Random) -> list[int]:
    """Start a child and kill it at a random moment; the ids it printed as committed."""
    writer.go()
    committed: list[int] = []
    line = writer.next_line()
    while not line.startswith("child "):
        committed.append(int(line.split()[1]))
        line = writer.next_line()
    pid = int(line.split()[1])
    wait_for_a_commit = rng.random() < 0.7
    if wait_for_a_commit:  # most rounds die mid-insert; the rest while connecting or earlier
        line = writer.next_line()
        assert line.startswith("committed "), line
        committed.append(int(line.split()[1]))
    threading.Event().wait(rng.uniform(0, 0.05))
    os.kill(pid, signal.SIGKILL)
    line = writer.next_line()
    while line != f"dead {pid}":
        committed.append(int(line.split()[1]))
        line = writer.next_line()
    return committed


@pytest.mark.parametrize(("encrypted", "kills"), [(False, KILLS), (True, KILLS // 4)])
def test_killed_writer_loses_no_committed_member(engine, session, coordinator, encrypted, kills):
    path = Path(engine.url.database or "")
    if engine.dialect.name != "sqlite":
        pytest.skip("the crash test is about the SQLite file")
    key = None
    if encrypted:  # the same on the SQLCipher file (fewer rounds: the same code below it)
        key = encryption.encrypt_database(session, coordinator, COORDINATOR_PASSWORD).key
    session.close()
    engine.dispose()
    rng = random.Random(8)
    writer = Writer(path, coordinator, key)
    assert writer.next_line() == "ready"
    promised: set[int] = set()
    try:
        for round_no in range(1, kills + 1):
            promised.update(_one_round(writer, rng))
            check = create_engine_for(sqlite_url(path), key=key)
            with check.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok", round_no
                present = set(conn.scalars(select(Member.id)))
            check.dispose()
            missing = promised - present
            assert not missing, f"round {round_no}: committed members lost: {sorted(missing)}"
    finally:
        writer.close()
    assert len(promised) >= kills  # the kills really landed among commits
