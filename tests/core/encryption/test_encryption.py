"""Encryption at rest: key slots per account, the recovery key, conversion, no plaintext."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, text

from involve_desktop import paths
from involve_desktop.core.db import key_slots
from involve_desktop.core.db.backup import BackupReason, backup_sqlite, list_backup_files
from involve_desktop.core.db.cipher import is_encrypted_file, is_plain_file
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.db.integrity import latest_good_backup, quick_check
from involve_desktop.core.db.recovery_key import normalise
from involve_desktop.core.errors import AuthenticationError, InvolveError, ValidationError
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, backups, encryption
from tests.conftest import COORDINATOR_PASSWORD, TEST_DATABASE_URL
from tests.core.encryption.conftest import SECRET_NAMES, Encrypted

pytestmark = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="encrypts the SQLite file only")


def _readable(path: Path) -> list[str]:
    data = path.read_bytes().lower()
    found = []
    for name in SECRET_NAMES:
        for part in name.lower().replace("-", " ").split():  # surnames alone count too
            if part.encode() in data or part.encode("utf-16-le") in data:
                found.append(part)
    return found


def _all_files(encrypted: Encrypted) -> list[Path]:
    folder = encrypted.path.parent
    found = [p for p in folder.iterdir() if p.is_file()]
    found += [p for p in paths.backups_dir().iterdir() if p.is_file()]
    return found


def test_the_file_its_journal_and_its_backups_hold_no_readable_name(encrypted: Encrypted):
    with encrypted.session() as session:  # write through the encrypted engine (WAL too)
        accounts.create_account(
            session,
            encrypted.coordinator,
            "Alex Facilitator",
            "alex",
            "another long one",
            Role.FACILITATOR,
        )
        assert {m.full_name for m in session.scalars(select(Member))} >= set(SECRET_NAMES)
    backup_sqlite(encrypted.path, paths.backups_dir(), BackupReason.MANUAL)
    files = _all_files(encrypted)
    assert any(p.name.endswith("-wal") for p in files)
    assert len([p for p in files if p.parent == paths.backups_dir()]) >= 2  # before + manual
    for path in files:
        assert _readable(path) == [], path
    assert is_encrypted_file(encrypted.path)
    for backup in list_backup_files(encrypted.path, paths.backups_dir()):
        assert is_encrypted_file(backup.path), backup.path.name


def test_conversion_keeps_every_row_and_encrypts_the_plain_backups(plain_db, tmp_path):
    path, engine, sam = plain_db
    old = backup_sqlite(path, paths.backups_dir(), BackupReason.MANUAL)  # an old plain copy
    assert _readable(old)  # the check finds names in a plain file
    with session_factory(engine)() as session:
        before = session.scalar(text("SELECT count(*) FROM audit_entry"))
        done = encryption.encrypt_database(session, sam, COORDINATOR_PASSWORD)
    assert done.backups_encrypted == 2  # the old copy and the one taken first
    assert done.backup_before.name.endswith("-before-encryption.sqlite3")
    assert _readable(path) == [] and _readable(old) == []
    keyed = create_engine_for(sqlite_url(path), key=done.key)
    with keyed.connect() as conn:
        names = set(conn.scalars(text("SELECT full_name FROM member")))
        assert names == set(SECRET_NAMES)
        assert conn.scalar(text("SELECT count(*) FROM audit_entry")) == before + 1
    keyed.dispose()
    with pytest.raises(InvolveError, match="already encrypted"):
        reopened = create_engine_for(sqlite_url(path), key=done.key)
        with session_factory(reopened)() as session:
            encryption.encrypt_database(session, sam, COORDINATOR_PASSWORD)


def test_conversion_checks_the_password_and_changes_nothing_when_wrong(plain_db):
    path, engine, sam = plain_db
    with session_factory(engine)() as session, pytest.raises(ValidationError) as error:
        encryption.encrypt_database(session, sam, "not my password")
    assert error.value.field == "password"
    assert is_plain_file(path) and not key_slots.has_slots(path)


def test_each_account_opens_its_own_slot_and_a_password_change_rewraps_only_that_slot(
    encrypted: Encrypted,
):
    with encrypted.session() as session:
        alex = accounts.create_account(
            session, encrypted.coordinator, "Alex F", "alex", "alex long password", Role.FACILITATOR
        )
    assert (
        key_slots.open_with_password(encrypted.path, "alex", "alex long password") == encrypted.key
    )
    assert (
        key_slots.open_with_password(encrypted.path, "SAM", COORDINATOR_PASSWORD) == encrypted.key
    )
    before = {s.name: s for s in key_slots.read_slots(encrypted.path)}
    with encrypted.session() as session:
        actor = accounts.sign_in(session, "alex", "alex long password")
        accounts.change_own_password(session, actor, "alex long password", "a brand new phrase")
    after = {s.name: s for s in key_slots.read_slots(encrypted.path)}
    assert after["sam"] == before["sam"] and after[""] == before[""]  # untouched
    assert after["alex"] != before["alex"]
    assert (
        key_slots.open_with_password(encrypted.path, "alex", "a brand new phrase") == encrypted.key
    )
    with pytest.raises(key_slots.SlotNotOpened):
        key_slots.open_with_password(encrypted.path, "alex", "alex long password")
    # A coordinator's reset rewraps too; turning the account off removes its slot.
    with encrypted.session() as session:
        accounts.reset_password(session, encrypted.coordinator, alex.id, "reset by sam here")
        assert key_slots.open_with_password(encrypted.path, "alex", "reset by sam here")
        accounts.set_active(session, encrypted.coordinator, alex.id, False)
    assert "alex" not in key_slots.account_names(encrypted.path)
    with encrypted.session() as session:
        assert encryption.status(session).accounts_without_slot == ()


def test_accounts_made_before_conversion_are_listed_until_given_a_new_password(plain_db):
    path, engine, sam = plain_db
    with session_factory(engine)() as session:
        alex = accounts.create_account(
            session, sam, "Alex F", "alex", "alex long password", Role.FACILITATOR
        )
        done = encryption.encrypt_database(session, sam, COORDINATOR_PASSWORD)
    keyed = create_engine_for(sqlite_url(path), key=done.key)
    with session_factory(keyed)() as session:
        status = encryption.status(session)
        assert status.encrypted and status.accounts_without_slot == ("alex",)
        accounts.reset_password(session, sam, alex.id, "a temporary one")
        assert encryption.status(session).accounts_without_slot == ()
    keyed.dispose()


def test_the_recovery_key_opens_the_database_and_sets_a_coordinator_password(encrypted: Encrypted):
    typed = encrypted.recovery_key.lower().replace("-", " ")
    recovery = normalise(typed)
    assert recovery == encrypted.recovery_key
    key = encryption.unlock_file_with_recovery_key(encrypted.path, recovery)
    assert key == encrypted.key
    with pytest.raises(ValidationError):
        encryption.unlock_file_with_recovery_key(encrypted.path, "0" * 25)
    engine = create_engine_for(sqlite_url(encrypted.path), key=key)
    with session_factory(engine)() as session:
        actor = accounts.recover_with_key(session, "sam", "after the recovery key")
        assert actor.username == "sam"
    engine.dispose()
    assert encryption.unlock_file(encrypted.path, "sam", "after the recovery key") == key


def test_wrong_password_or_unknown_user_does_not_unlock(encrypted: Encrypted):
    with pytest.raises(AuthenticationError):
        encryption.unlock_file(encrypted.path, "sam", "wrong password")
    with pytest.raises(AuthenticationError):
        encryption.unlock_file(encrypted.path, "nobody", COORDINATOR_PASSWORD)
    raw = json.loads(key_slots.keys_file(encrypted.path).read_text())
    assert encrypted.key.hex() not in json.dumps(raw)


def test_a_slot_newer_than_the_stored_password_is_honoured_after_an_interrupted_change(
    encrypted: Encrypted,
):
    # The slot was rewrapped, then the password's commit never happened (a crash).
    key_slots.set_account_slot(encrypted.path, "sam", "the newer password", encrypted.key)
    key = encryption.unlock_file(encrypted.path, "sam", "the newer password")
    engine = create_engine_for(sqlite_url(encrypted.path), key=key)
    with session_factory(engine)() as session:
        actor = accounts.sign_in_after_unlock(session, "sam", "the newer password")
        assert actor.username == "sam"
        accounts.sign_in(session, "sam", "the newer password")  # now stored too
    engine.dispose()


def test_backups_restore_and_integrity_work_on_the_encrypted_file(encrypted: Encrypted):
    assert quick_check(encrypted.path).ok
    with encrypted.session() as session:
        copy = backups.back_up_now(session, encrypted.coordinator)
        accounts.create_account(
            session,
            encrypted.coordinator,
            "Later Person",
            "later",
            "typed after the copy",
            Role.FACILITATOR,
        )
    assert is_encrypted_file(copy.path) and quick_check(copy.path).ok
    assert latest_good_backup(encrypted.path, paths.backups_dir()) is not None
    with encrypted.session() as session:
        backups.restore_backup(session, encrypted.coordinator, copy.path)
    with encrypted.session() as session:
        assert session.scalar(text("SELECT count(*) FROM account WHERE username = 'later'")) == 0
    damaged = encrypted.path.with_name("damaged.sqlite3")
    data = bytearray(copy.path.read_bytes())
    data[4096 + 100 : 4096 + 200] = bytes(100)  # scribble on page 2
    damaged.write_bytes(bytes(data))
    assert not quick_check(damaged).ok


def test_a_copy_to_a_stick_takes_the_key_slots_and_opens_there(encrypted: Encrypted, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    with encrypted.session() as session:
        copy = backups.back_up_now(session, encrypted.coordinator)
        target = backups.copy_backup_to_folder(session, encrypted.coordinator, copy.path, stick)
    assert _readable(target) == []
    key = encryption.unlock_file(target, "sam", COORDINATOR_PASSWORD)  # slots beside it
    engine = create_engine_for(sqlite_url(target), key=key)
    with engine.connect() as conn:
        assert set(conn.scalars(text("SELECT full_name FROM member"))) == set(SECRET_NAMES)
    engine.dispose()


def test_headless_print_opens_the_encrypted_file_with_the_accounts_password(
    encrypted: Encrypted, tmp_path, monkeypatch, capsys
):
    from involve_desktop import cli

    url = sqlite_url(encrypted.path)
    encrypted.engine.dispose()
    out = tmp_path / "contacts.pdf"
    args = ["--database", url, "print", "contact-list", "--user", "sam", "--out", str(out)]
    monkeypatch.setenv("INVOLVE_PASSWORD", "not the password")
    assert cli.main(args) == 2
    assert "do not match an account" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("INVOLVE_PASSWORD", COORDINATOR_PASSWORD)
    assert cli.main([*args, "--privacy", "full"]) == 0, capsys.readouterr().err
    assert b"%PDF" in out.read_bytes()[:8]
