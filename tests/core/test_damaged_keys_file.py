"""A damaged keys file is explained (and the spare kept with the backups named), never a
crash; a damaged keys file never replaces the good spare."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from involve_desktop.core.db import key_slots
from involve_desktop.core.db.backup import BackupReason, backup_sqlite
from involve_desktop.core.db.cipher import connect, forget_keys, remember_key
from involve_desktop.core.errors import AuthenticationError, InvolveError
from involve_desktop.core.services import encryption


@pytest.fixture
def encrypted(tmp_path: Path) -> Iterator[tuple[Path, bytes, Path]]:
    """An encrypted SQLite file with one account slot and a recovery slot."""
    database = tmp_path / "involve.sqlite3"
    key = key_slots.new_database_key()
    connection = connect(database, key=key)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    key_slots.set_account_slot(database, "sam", "kettle river orange", key)
    key_slots.set_recovery_slot(database, "A" * 25, key)
    remember_key(key)  # as after signing in: backups open the file with it
    yield database, key, tmp_path / "backups"
    forget_keys()


def test_every_backup_keeps_a_spare_keys_file(encrypted):
    database, key, backups = encrypted
    backup_sqlite(database, backups, BackupReason.MANUAL)
    spare = key_slots.spare_file(database, backups)
    assert spare.read_bytes() == key_slots.keys_file(database).read_bytes()
    assert key_slots.slots_in_file(spare)


@pytest.mark.parametrize("damage", [b"", b'{"slots": [', b"\xff\xfe garbage", b"[1, 2]"])
def test_a_damaged_keys_file_names_the_spare_and_changes_nothing(encrypted, damage, monkeypatch):
    database, key, backups = encrypted
    backup_sqlite(database, backups, BackupReason.MANUAL)
    monkeypatch.setattr(encryption.paths, "backups_dir", lambda: backups)
    keys = key_slots.keys_file(database)
    keys.write_bytes(damage)
    with pytest.raises(InvolveError) as error:
        encryption.unlock_file(database, "sam", "kettle river orange")
    assert not isinstance(error.value, AuthenticationError)
    assert "is damaged" in error.value.message
    assert str(key_slots.spare_file(database, backups)) in error.value.message
    assert "Nothing has been changed" in error.value.message
    with pytest.raises(InvolveError, match="is damaged"):
        encryption.unlock_file_with_recovery_key(database, "A" * 25)
    assert keys.read_bytes() == damage
    backup_sqlite(database, backups, BackupReason.MANUAL)  # a later copy…
    spare = key_slots.spare_file(database, backups)
    assert key_slots.slots_in_file(spare)  # …never puts the damaged file over the spare
    keys.write_bytes(spare.read_bytes())  # what the message tells them to do
    assert encryption.unlock_file(database, "sam", "kettle river orange") == key


def test_without_a_spare_the_message_says_where_a_copy_is(encrypted, monkeypatch):
    database, _key, backups = encrypted
    monkeypatch.setattr(encryption.paths, "backups_dir", lambda: backups)
    key_slots.keys_file(database).write_text("{", encoding="utf-8")
    with pytest.raises(InvolveError, match="copied with every backup you copied to a stick"):
        encryption.unlock_file(database, "sam", "kettle river orange")
