"""Looking at the open database file never costs the app its SQLite locks.

On Linux and macOS, closing *any* descriptor of a file drops every POSIX lock the process
holds on it — SQLite's included. Had the app opened the live file itself (to read whether
it is encrypted, before a backup or for the change counter), SQLite's locks would be gone:
another program's reader closing the file could then fold and delete the WAL under the
app, and what the app commits next would go into a deleted file (lost at a power cut).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from involve_desktop.core.db import file_kind
from involve_desktop.core.db.backup import BackupReason, SqliteChangeCounter, backup_sqlite
from involve_desktop.core.db.cipher import is_encrypted_file, is_plain_file, key_of
from involve_desktop.core.db.engine import create_engine_for, sqlite_file
from involve_desktop.core.db.key_slots import new_database_key
from involve_desktop.core.services import backups, organisation
from tests.conftest import TEST_DATABASE_URL

OUTSIDE_READER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
print(connection.execute("SELECT count(*) FROM note").fetchone()[0])
connection.close()
"""


def _outside_count(path: Path) -> int:
    """What another program sees, reading with plain SQLite and closing the file again."""
    done = subprocess.run(
        [sys.executable, "-c", OUTSIDE_READER, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return int(done.stdout)


def _engine(path: Path, key: bytes | None) -> Engine:
    engine = create_engine_for(f"sqlite:///{path}", key=key)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE note (id INTEGER PRIMARY KEY, words TEXT)"))
        connection.execute(text("INSERT INTO note (words) VALUES ('first')"))
    return engine


def _look_at_the_file_every_way(path: Path, backups: Path) -> None:
    is_plain_file(path)
    is_encrypted_file(path)
    key_of(path)
    backup_sqlite(path, backups, BackupReason.MANUAL)
    counter = SqliteChangeCounter(path)
    counter()
    counter.close()


def test_a_plain_file_keeps_its_wal_while_the_app_has_it_open(tmp_path: Path) -> None:
    path = tmp_path / "involve.sqlite3"
    engine = _engine(path, key=None)
    try:
        with engine.connect() as held:  # the app's connection stays open throughout
            held.execute(text("SELECT count(*) FROM note")).scalar_one()
            _look_at_the_file_every_way(path, tmp_path / "backups")
            assert _outside_count(path) == 1
            assert path.with_name(path.name + "-wal").exists()  # not folded away under us
            with engine.begin() as writing:
                writing.execute(text("INSERT INTO note (words) VALUES ('second')"))
            assert _outside_count(path) == 2  # the commit is in the real file's WAL
    finally:
        engine.dispose()


def test_an_encrypted_file_keeps_its_wal_while_the_app_has_it_open(tmp_path: Path) -> None:
    path = tmp_path / "involve.sqlite3"
    engine = _engine(path, key=new_database_key())
    try:
        with engine.connect() as held:
            held.execute(text("SELECT count(*) FROM note")).scalar_one()
            _look_at_the_file_every_way(path, tmp_path / "backups")
            assert path.with_name(path.name + "-wal").exists()
            with engine.begin() as writing:
                writing.execute(text("INSERT INTO note (words) VALUES ('second')"))
            held.rollback()  # (its own read snapshot ends; the next read sees the commit)
            assert held.execute(text("SELECT count(*) FROM note")).scalar_one() == 2
    finally:
        engine.dispose()


def test_the_kind_of_a_file_the_app_has_open_is_known_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "involve.sqlite3"
    engine = _engine(path, key=None)
    try:
        monkeypatch.setattr("builtins.open", _no_opening)
        assert is_plain_file(path) and not is_encrypted_file(path)
        assert file_kind.is_plain_file(tmp_path / "elsewhere" / ".." / path.name)  # same file
    finally:
        engine.dispose()


def _no_opening(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("the open database file was opened outside SQLite")


def test_once_the_engine_lets_go_the_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "involve.sqlite3"
    _engine(path, key=None).dispose()
    encrypted = tmp_path / "other.sqlite3"
    _engine(encrypted, key=new_database_key()).dispose()
    os.replace(encrypted, path)  # (as if replaced by another program, unannounced)
    assert is_encrypted_file(path)


def test_a_plain_engine_that_cannot_open_an_encrypted_file_leaves_it_encrypted(
    tmp_path: Path,
) -> None:
    path = tmp_path / "involve.sqlite3"
    _engine(path, key=new_database_key()).dispose()
    wrong = create_engine_for(f"sqlite:///{path}")
    with pytest.raises(DBAPIError):
        wrong.connect()
    wrong.dispose()
    assert is_encrypted_file(path)


def test_a_raw_connection_open_on_the_file_keeps_it_from_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup timer's change counter holds a connection of its own, outside any engine:
    while it is open, the file's kind is answered without opening the file."""
    path = tmp_path / "involve.sqlite3"
    _engine(path, key=None).dispose()
    counter = SqliteChangeCounter(path)
    counter()
    try:
        with monkeypatch.context() as patched:
            patched.setattr("builtins.open", _no_opening)
            assert is_plain_file(path) and key_of(path) is None
    finally:
        counter.close()
    assert file_kind.is_plain_file(path)  # read again once it let go


@pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="the app restores SQLite files only")
def test_after_a_restore_the_app_still_holds_its_file(engine, session, coordinator) -> None:
    """Restoring a backup while the backup timer's counter was open read the live file's
    first bytes outside SQLite: the process lost its locks for good (SQLite shares them
    among its connections), and another program's reader then deleted the WAL under it."""
    organisation.rename_group(session, coordinator, "Riverside Voices")
    copy = backups.back_up_now(session, coordinator)
    path = sqlite_file(engine)
    counter = SqliteChangeCounter(path)  # as the open window's backup timer holds it
    counter()
    try:
        backups.restore_backup(session, coordinator, copy.path)
        with engine.connect() as held:  # the signed-in window's connection
            held.execute(text("SELECT count(*) FROM audit_entry")).scalar_one()
            subprocess.run(
                [sys.executable, "-c", OUTSIDE_READER.replace("note", "audit_entry"), str(path)],
                check=True,
                capture_output=True,
                timeout=60,
            )
            assert path.with_name(path.name + "-wal").exists()  # not folded away under us
    finally:
        counter.close()


def test_a_backup_that_fails_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "involve.sqlite3"
    _engine(path, key=None).dispose()
    backups_dir = tmp_path / "backups"

    def failing_fsync(_fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("involve_desktop.core.db.backup.os.fsync", failing_fsync)
    with pytest.raises(OSError):
        backup_sqlite(path, backups_dir, BackupReason.ON_CLOSE)
    assert list(backups_dir.iterdir()) == []
