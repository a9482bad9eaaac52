"""A copy that cannot be made says why in words, and leaves nothing half-made behind:
a write-protected stick, a full disk, a copy cut off by a power cut."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from involve_desktop import paths
from involve_desktop.core.db import backup as backup_module
from involve_desktop.core.db.backup import BackupReason, backup_sqlite, remove_stale_partials
from involve_desktop.core.db.engine import sqlite_file
from involve_desktop.core.errors import InvolveError
from involve_desktop.core.services import backups
from tests.conftest import TEST_DATABASE_URL

pytestmark = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="the app backs up SQLite only")


def test_a_write_protected_stick_is_named_even_when_the_clean_up_fails_too(
    session, coordinator, tmp_path: Path, monkeypatch
):
    copy = backups.back_up_now(session, coordinator)
    stick = tmp_path / "STICK"
    stick.mkdir()

    def read_only(_source, target: Path) -> None:
        target.with_name(target.name + ".partial").write_bytes(b"half")
        raise OSError(30, "Read-only file system")

    real_unlink = Path.unlink

    def refuse_on_stick(self: Path, missing_ok: bool = False) -> None:
        if self.parent == stick:
            raise OSError(30, "Read-only file system")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(backups, "copy_file_safely", read_only)
    monkeypatch.setattr(Path, "unlink", refuse_on_stick)
    with pytest.raises(InvolveError, match="Read-only file system.*write-protected"):
        backups.copy_backup_to_folder(session, coordinator, copy.path, stick)


def test_a_copy_whose_keys_cannot_follow_is_taken_off_the_stick(
    session, coordinator, tmp_path: Path, monkeypatch
):
    copy = backups.back_up_now(session, coordinator)
    stick = tmp_path / "STICK"
    stick.mkdir()
    real = backups.copy_file_safely
    monkeypatch.setattr(backups, "is_encrypted_file", lambda _p: True)
    monkeypatch.setattr(backups.key_slots, "has_slots", lambda _p: True)

    def database_then_full(source: Path, target: Path) -> None:
        if target.name.endswith(".keys"):
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr(backups, "copy_file_safely", database_then_full)
    with pytest.raises(InvolveError, match="No space left on device"):
        backups.copy_backup_to_folder(session, coordinator, copy.path, stick)
    assert list(stick.iterdir()) == []  # no encrypted copy left without its keys


@pytest.mark.parametrize(
    "error",
    [OSError(28, "No space left on device"), sqlite3.OperationalError("database or disk is full")],
    ids=["full disk", "sqlite full"],
)
def test_back_up_now_says_why_a_copy_was_not_made(session, coordinator, monkeypatch, error):
    def fail(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(backups, "backup_sqlite", fail)
    with pytest.raises(InvolveError, match="could not be made.*Your data is safe"):
        backups.back_up_now(session, coordinator)


def _aged(path: Path, hours: float) -> Path:
    path.write_bytes(b"x" * 1024)
    then = (datetime.now() - timedelta(hours=hours)).timestamp()
    os.utime(path, (then, then))
    return path


def test_half_written_copies_left_by_a_power_cut_are_removed(engine, session, coordinator):
    source = sqlite_file(engine)
    assert source is not None
    folder = paths.backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    old = _aged(folder / f"{source.stem}-2026-01-01T000000-manual.sqlite3.partial", 5)
    journal = _aged(folder / f"{source.stem}-2026-01-01T000000-manual.sqlite3.partial-journal", 5)
    fresh = _aged(folder / f"{source.stem}-2026-11-27T090000-manual.sqlite3.partial", 0)
    other = _aged(folder / "another-2026-01-01T000000-manual.sqlite3.partial", 5)
    backup_sqlite(source, folder, BackupReason.MANUAL)
    assert not old.exists() and not journal.exists()
    assert fresh.exists()  # maybe another window's copy in progress
    assert other.exists()  # not this database's
    assert remove_stale_partials(source, folder, datetime.now() + timedelta(hours=2)) == [fresh]
    assert timedelta(hours=1) == backup_module.STALE_PARTIAL
