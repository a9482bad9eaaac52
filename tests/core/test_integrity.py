"""The integrity check at start: a damaged file is never written to, the newest undamaged
backup is offered, and restoring it keeps the damaged file aside."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from involve_desktop import paths, startup
from involve_desktop.core.db.backup import BackupReason, backup_sqlite, list_backup_files
from involve_desktop.core.db.engine import session_factory, sqlite_file, sqlite_url
from involve_desktop.core.db.integrity import latest_good_backup, quick_check
from involve_desktop.core.services import organisation
from tests.conftest import TEST_DATABASE_URL

pytestmark = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="checks the SQLite file")


def corrupt(path: Path) -> None:
    """Overwrite 8 KiB in the middle of the file, as a failing disk might."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@pytest.fixture
def damaged(engine, session, coordinator) -> Path:
    """A database whose only good copy says 'Riverside Voices', then damaged on disk."""
    path = sqlite_file(engine)
    assert path is not None
    backup_sqlite(path, paths.backups_dir(), BackupReason.ON_CLOSE)
    organisation.rename_group(session, coordinator, "Typed After The Backup")
    session.close()
    engine.dispose()  # the last connection checkpoints the WAL into the file
    corrupt(path)
    return path


def test_quick_check_passes_a_sound_file_and_fails_a_damaged_one(engine, coordinator):
    path = sqlite_file(engine)
    assert path is not None
    assert quick_check(path).ok
    copy = backup_sqlite(path, paths.backups_dir(), BackupReason.MANUAL)
    corrupt(copy)
    report = quick_check(copy)
    assert not report.ok and report.problems


def test_start_refuses_a_damaged_file_writes_nothing_and_offers_the_good_backup(damaged):
    newest = backup_sqlite(damaged, paths.backups_dir(), BackupReason.PERIODIC)  # damaged too
    before = fingerprint(damaged)

    with pytest.raises(startup.DatabaseDamagedError) as raised:
        startup.open_database(sqlite_url(damaged))

    error = raised.value
    assert fingerprint(damaged) == before  # not a byte written, not even touched
    assert error.backup is not None and error.backup.path != newest
    assert error.backup.reason == BackupReason.ON_CLOSE
    assert "damaged" in error.message and "nothing has been changed" in error.message
    assert "(on close)" in error.message


def test_restoring_keeps_the_damaged_file_and_opens_the_backup(damaged):
    before = fingerprint(damaged)
    with pytest.raises(startup.DatabaseDamagedError) as raised:
        startup.open_database(sqlite_url(damaged))

    aside = startup.restore_latest_good_backup(raised.value)

    assert aside.name.startswith(f"{damaged.stem}-damaged-")
    assert aside.parent == damaged.parent and fingerprint(aside)[0] == before[0]
    opened = startup.open_database(sqlite_url(damaged))
    with session_factory(opened.engine)() as session:
        assert organisation.group_name(session) == "Riverside Voices"
    opened.engine.dispose()
    assert aside.exists()  # never deleted


def test_no_good_backup_says_so(damaged):
    for backup in list_backup_files(damaged, paths.backups_dir()):
        corrupt(backup.path)
    assert latest_good_backup(damaged, paths.backups_dir()) is None
    with pytest.raises(startup.DatabaseDamagedError, match="No undamaged backup") as raised:
        startup.open_database(sqlite_url(damaged))
    assert raised.value.backup is None
