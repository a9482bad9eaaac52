"""Damaged backups are named as damaged: the list says so in words (from the size and header
only), Copy to a folder refuses one, Restore calls a file that is not a database damaged
(not "encrypted"), and a restore refused because its safety copy could not be made says that
nothing was restored and what to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from involve_desktop import paths
from involve_desktop.core.db.backup import list_backup_files
from involve_desktop.core.db.engine import session_factory, sqlite_file
from involve_desktop.core.errors import InvolveError, ValidationError
from involve_desktop.core.services import backups, organisation
from tests.conftest import TEST_DATABASE_URL

sqlite_only = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="the app backs up SQLite only")


def _group(engine) -> str | None:
    with session_factory(engine)() as fresh:
        return organisation.group_name(fresh)


def junk_backup(engine, data: bytes, when: str = "2026-11-20T101500") -> Path:
    """A file named like a backup of the test database, holding ``data``."""
    path = sqlite_file(engine)
    assert path is not None
    junk = paths.backups_dir() / f"{path.stem}-{when}-backed-up-now{path.suffix}"
    junk.write_bytes(data)
    return junk


@sqlite_only
def test_the_list_names_damaged_copies_and_leaves_good_ones_alone(engine, session, coordinator):
    good = backups.back_up_now(session, coordinator)
    junk = junk_backup(engine, os.urandom(100))
    cut = junk_backup(engine, good.path.read_bytes()[:-1000], "2026-11-21T101500")
    empty = junk_backup(engine, b"", "2026-11-22T101500")

    overview = backups.list_backups(session, coordinator)

    listed = {b.path: b for b in overview.backups}
    assert overview.problem(listed[good.path]) is None
    assert overview.problem(listed[junk]) == "it is not a database file"
    assert overview.problem(listed[cut]) == "it has been cut short"
    assert overview.problem(listed[empty]) == "it is empty"


@sqlite_only
def test_copy_to_a_folder_refuses_a_damaged_copy(engine, session, coordinator, tmp_path: Path):
    stick = tmp_path / "STICK"
    stick.mkdir()
    junk = junk_backup(engine, os.urandom(100))

    with pytest.raises(ValidationError, match="damaged .it is not a database file.*not copied"):
        backups.copy_backup_to_folder(session, coordinator, junk, stick)
    assert list(stick.iterdir()) == []


@sqlite_only
def test_copy_to_a_folder_refuses_a_copy_only_sqlite_finds_damaged(
    session, coordinator, tmp_path: Path
):
    copy = backups.back_up_now(session, coordinator)
    data = bytearray(copy.path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096  # same size, pages broken
    copy.path.write_bytes(bytes(data))
    stick = tmp_path / "STICK"
    stick.mkdir()
    with pytest.raises(ValidationError, match="is damaged"):
        backups.copy_backup_to_folder(session, coordinator, copy.path, stick)
    assert list(stick.iterdir()) == []


@sqlite_only
def test_restoring_junk_calls_it_damaged_not_encrypted(engine, session, coordinator):
    junk = junk_backup(engine, os.urandom(100))
    organisation.rename_group(session, coordinator, "Still Here")
    with pytest.raises(ValidationError) as refused:
        backups.restore_backup(session, coordinator, junk)
    assert "damaged (it is not a database file)" in refused.value.message
    assert "encrypted" not in refused.value.message
    assert _group(engine) == "Still Here"
    names = [b.reason for b in list_backup_files(sqlite_file(engine), paths.backups_dir())]
    assert "before-restore" not in names  # refused before anything was copied


@sqlite_only
def test_a_restore_whose_safety_copy_fails_says_nothing_was_restored(
    engine, session, coordinator, monkeypatch
):
    copy = backups.back_up_now(session, coordinator)
    organisation.rename_group(session, coordinator, "Typed After The Backup")

    def unwritable(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(backups, "backup_sqlite", unwritable)
    with pytest.raises(InvolveError) as refused:
        backups.restore_backup(session, coordinator, copy.path)
    message = refused.value.message
    assert message.startswith("Nothing was restored")
    assert "Permission denied" in message and "free some space" in message.lower()
    assert "permissions" in message and "only the copy failed" not in message
    assert _group(engine) == "Typed After The Backup"


def test_the_empty_list_says_what_a_backup_is_and_how_to_make_one():
    assert "copy of everything" in backups.NO_BACKUPS and "Back up now" in backups.NO_BACKUPS
