"""Backups: the scheduler backs up only after a change, the restore round trip, copying to a
folder, and the service refusing facilitators (every action audited)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import select

from involve_desktop import paths
from involve_desktop.core.db.backup import (
    BackupReason,
    BackupScheduler,
    SqliteChangeCounter,
    backup_sqlite,
    list_backup_files,
)
from involve_desktop.core.db.engine import (
    create_engine_for,
    session_factory,
    sqlite_file,
    sqlite_url,
)
from involve_desktop.core.db.migrate import alembic_config, current_revision, head_revision
from involve_desktop.core.errors import InvolveError, PermissionDenied, ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, backups, organisation
from tests.conftest import TEST_DATABASE_URL

sqlite_only = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="the app backs up SQLite only")


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)


def test_scheduler_backs_up_every_30_minutes_only_after_a_change():
    clock, version, taken = FakeClock(), [1], []
    scheduler = BackupScheduler(taken.append, lambda: version[0], clock)

    clock.advance(45)
    assert not scheduler.tick() and taken == []  # nothing changed: no copy
    version[0] = 2  # someone saved something
    clock.advance(1)
    assert scheduler.tick() and taken == [BackupReason.PERIODIC]
    version[0] = 3
    clock.advance(29)
    assert not scheduler.tick()  # changed, but the last copy is only 29 minutes old
    clock.advance(1)
    assert scheduler.tick() and len(taken) == 2
    assert not scheduler.on_close()  # nothing since that copy
    version[0] = 4
    assert scheduler.on_close() and taken[-1] is BackupReason.ON_CLOSE


def test_scheduler_starts_again_after_a_copy_taken_another_way():
    clock, version, taken = FakeClock(), [1], []
    scheduler = BackupScheduler(taken.append, lambda: version[0], clock)
    version[0] = 2
    scheduler.note_copied()  # "Back up now" took this state
    clock.advance(60)
    assert not scheduler.tick() and not scheduler.on_close() and taken == []


@sqlite_only
def test_change_counter_sees_commits_not_reads(engine, session, coordinator):
    path = sqlite_file(engine)
    assert path is not None
    counter = SqliteChangeCounter(path)
    try:
        before = counter()
        organisation.group_name(session)
        session.rollback()
        assert counter() == before  # reading changes nothing
        organisation.rename_group(session, coordinator, "Riverside Voices North")
        assert counter() != before
    finally:
        counter.close()


def _group(engine) -> str | None:
    with session_factory(engine)() as fresh:
        return organisation.group_name(fresh)


@sqlite_only
def test_restore_round_trip_backs_up_the_current_state_first(engine, session, coordinator):
    organisation.rename_group(session, coordinator, "Riverside Voices")
    copy = backups.back_up_now(session, coordinator)
    assert copy.reason == BackupReason.MANUAL and copy.size > 0
    organisation.rename_group(session, coordinator, "Changed After The Backup")

    result = backups.restore_backup(session, coordinator, copy.path)

    assert _group(engine) == "Riverside Voices"
    assert result.restored.path == copy.path
    assert result.before_restore.reason == BackupReason.BEFORE_RESTORE
    # What was there just before is kept: restoring that one brings the change back.
    backups.restore_backup(session, coordinator, result.before_restore.path)
    assert _group(engine) == "Changed After The Backup"
    with session_factory(engine)() as fresh:
        restores = fresh.scalars(select(AuditEntry).where(AuditEntry.action == "restore")).all()
    assert restores[-1].account_name == "Sam Coordinator"
    assert restores[-1].changes["restored"] == result.before_restore.path.name


@sqlite_only
def test_a_damaged_backup_is_not_restored(engine, session, coordinator):
    copy = backups.back_up_now(session, coordinator)
    data = bytearray(copy.path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    copy.path.write_bytes(bytes(data))
    organisation.rename_group(session, coordinator, "Still Here")
    with pytest.raises(ValidationError, match="damaged"):
        backups.restore_backup(session, coordinator, copy.path)
    assert _group(engine) == "Still Here"


@sqlite_only
def test_only_listed_backups_can_be_restored(session, coordinator, tmp_path: Path):
    stranger = tmp_path / "involve-2026-01-01T000000-on-close.sqlite3"
    stranger.write_bytes(b"")
    with pytest.raises(InvolveError, match="no longer in the backups folder"):
        backups.restore_backup(session, coordinator, stranger)


@sqlite_only
def test_copy_to_a_folder_keeps_the_name_and_says_where(session, coordinator, tmp_path: Path):
    copy = backups.back_up_now(session, coordinator)
    stick = tmp_path / "USB STICK"
    stick.mkdir()
    first = backups.copy_backup_to_folder(session, coordinator, copy.path, stick)
    again = backups.copy_backup_to_folder(session, coordinator, copy.path, stick)
    assert first == stick / copy.path.name and first.read_bytes() == copy.path.read_bytes()
    assert again != first and again.read_bytes() == copy.path.read_bytes()
    with pytest.raises(ValidationError, match="plug the stick in"):
        backups.copy_backup_to_folder(session, coordinator, copy.path, tmp_path / "gone")
    copied = session.scalars(select(AuditEntry).where(AuditEntry.action == "copy")).all()
    assert [c.changes["copied to"] for c in copied] == [str(stick), str(stick)]


@sqlite_only
def test_listing_shows_when_and_why_newest_first(session, coordinator):
    backups.back_up_now(session, coordinator)
    overview = backups.list_backups(session, coordinator)
    assert overview.folder == paths.backups_dir()
    assert [b.reason_label for b in overview.backups] == ["backed up now"]


def test_facilitators_are_refused_and_the_refusal_audited(session, coordinator, tmp_path):
    accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "tuesday group 2pm", Role.FACILITATOR
    )
    fran = accounts.sign_in(session, "fran", "tuesday group 2pm")
    somewhere = tmp_path / "involve-2026-01-01T000000-on-close.sqlite3"
    attempts = [
        lambda: backups.list_backups(session, fran),
        lambda: backups.back_up_now(session, fran),
        lambda: backups.restore_backup(session, fran, somewhere),
        lambda: backups.copy_backup_to_folder(session, fran, somewhere, tmp_path),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match="facilitator"):
            attempt()
    denied = session.scalars(select(AuditEntry).where(AuditEntry.action == "denied")).all()
    assert [d.entity for d in denied] == ["manage_backups"] * 4


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="PostgreSQL only")
def test_postgresql_backups_are_the_servers_job(session, coordinator):
    overview = backups.list_backups(session, coordinator)
    assert overview.folder is None and overview.backups == ()
    assert "server" in overview.note
    with pytest.raises(InvolveError, match="server's job"):
        backups.back_up_now(session, coordinator)


@sqlite_only
def test_member_import_backs_up_first(engine, session, coordinator):
    from involve_desktop.core.services.member_import import ImportMode, commit_import
    from tests.core.test_member_import import TODAY, preview_of

    preview = preview_of(session, coordinator, "messy_members.csv")
    commit_import(session, coordinator, preview, ImportMode.SKIP_PROBLEMS, today=TODAY)
    path = sqlite_file(engine)
    assert path is not None
    reasons = [b.reason for b in list_backup_files(path, paths.backups_dir())]
    assert reasons == [BackupReason.BEFORE_IMPORT]


@sqlite_only
def test_a_backup_from_before_an_upgrade_is_upgraded_again(engine, session, coordinator):
    config = alembic_config(paths.migrations_dir())
    head = head_revision(paths.migrations_dir())
    previous = ScriptDirectory.from_config(config).get_revision(head).down_revision
    assert isinstance(previous, str)
    path = sqlite_file(engine)
    assert path is not None
    older = path.with_name("older.sqlite3")
    old_engine = create_engine_for(sqlite_url(older))
    with old_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, previous)
    old_engine.dispose()
    copy = backup_sqlite(older, paths.backups_dir(), BackupReason.BEFORE_UPGRADE)
    named = copy.rename(paths.backups_dir() / copy.name.replace("older-", f"{path.stem}-"))

    backups.restore_backup(session, coordinator, named)

    assert current_revision(engine) == head
