"""An encrypted database's backups: a real encrypted copy is listed as whole and copies; a
file of the right size its key does not open is damaged (or another database's), never
"encrypted, and no key unlocked here opens it"; junk of the wrong size is named at once."""

from __future__ import annotations

import os

import pytest

from involve_desktop import paths
from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import backups
from tests.core.encryption.conftest import Encrypted


def _named_like_a_backup(encrypted: Encrypted, data: bytes, when: str):
    junk = paths.backups_dir() / f"{encrypted.path.stem}-{when}-backed-up-now.sqlite3"
    junk.write_bytes(data)
    return junk


def test_encrypted_copies_are_whole_and_junk_is_damaged(encrypted: Encrypted, tmp_path):
    with encrypted.session() as session:
        good = backups.back_up_now(session, encrypted.coordinator)
        short = _named_like_a_backup(encrypted, os.urandom(100), "2026-11-20T101500")
        pages = _named_like_a_backup(encrypted, os.urandom(8192), "2026-11-21T101500")
        overview = backups.list_backups(session, encrypted.coordinator)
        listed = {b.path: b for b in overview.backups}
        assert overview.problem(listed[good.path]) is None
        assert overview.problem(listed[short]) == "it is not a whole database file"
        assert overview.problem(listed[pages]) is None  # only the key can tell

        with pytest.raises(ValidationError) as refused:
            backups.restore_backup(session, encrypted.coordinator, pages)
        assert "is damaged (this database's key does not open it" in refused.value.message
        assert "no key unlocked" not in refused.value.message

        stick = tmp_path / "STICK"
        stick.mkdir()
        with pytest.raises(ValidationError, match="damaged"):
            backups.copy_backup_to_folder(session, encrypted.coordinator, short, stick)
        assert list(stick.iterdir()) == []
        copied = backups.copy_backup_to_folder(session, encrypted.coordinator, good.path, stick)
        assert copied.exists()
