"""``involve-desktop migrate``: what the packaged app's test runs, checked in-process.

Runs in the normal suite (on PostgreSQL too when INVOLVE_TEST_DATABASE_URL is set).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from involve_desktop import paths
from involve_desktop.cli import main
from involve_desktop.core.db.engine import create_engine_for, sqlite_url
from involve_desktop.core.db.migrate import current_revision, head_revision
from tests.conftest import TEST_DATABASE_URL
from tests.packaging import app_checks

HEAD = head_revision(paths.migrations_dir())


def test_migrate_brings_an_empty_database_to_the_newest_schema(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", database_url, "migrate", "--check"]) == 1
    assert main(["--database", database_url, "migrate"]) == 0
    out = capsys.readouterr().out
    assert f"to {HEAD}." in out
    assert f"Schema revision: {HEAD}" in out
    engine = create_engine_for(database_url)
    try:
        assert current_revision(engine) == HEAD
    finally:
        engine.dispose()

    assert main(["--database", database_url, "migrate"]) == 0
    assert "Already up to date." in capsys.readouterr().out
    assert main(["--database", database_url, "migrate", "--check"]) == 0
    assert "Up to date." in capsys.readouterr().out


def test_check_on_a_missing_file_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.sqlite3"
    assert main(["--database", sqlite_url(missing), "migrate", "--check"]) == 1
    assert "No database yet" in capsys.readouterr().out
    assert not missing.exists()


def test_an_old_sqlite_file_is_backed_up_before_the_upgrade(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine_for(sqlite_url(path))
    from alembic import command

    from involve_desktop.core.db.migrate import alembic_config

    config = alembic_config(paths.migrations_dir())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()

    assert main(["--database", sqlite_url(path), "migrate"]) == 0
    out = capsys.readouterr().out
    assert f"Upgraded from 0001 to {HEAD}." in out
    assert "A copy from before the upgrade is at" in out
    assert list(paths.backups_dir().glob("*.sqlite3*"))


def test_migrate_refuses_the_demo_database(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "migrate"]) == 2
    assert "leave out --demo" in capsys.readouterr().err


@pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="encrypts the SQLite file only")
def test_an_encrypted_file_needs_an_account_to_unlock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "encrypted.sqlite3"
    app_checks.make_encrypted_database(path)
    url = sqlite_url(path)
    monkeypatch.delenv("INVOLVE_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", None)
    assert main(["--database", url, "migrate"]) == 2
    assert "add --user USERNAME" in capsys.readouterr().err

    monkeypatch.setenv("INVOLVE_PASSWORD", "wrong password")
    assert main(["--database", url, "migrate", "--user", "sam"]) == 2
    capsys.readouterr()

    monkeypatch.setenv("INVOLVE_PASSWORD", app_checks.COORDINATOR_PASSWORD)
    assert main(["--database", url, "migrate", "--user", "sam"]) == 0
    assert "Already up to date." in capsys.readouterr().out


def test_a_file_someone_else_has_open_is_not_upgraded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if TEST_DATABASE_URL:
        pytest.skip("the writer lock is for SQLite files")
    from involve_desktop.core.db.single_writer import try_acquire

    path = tmp_path / "held.sqlite3"
    url = sqlite_url(path)
    assert main(["--database", url, "migrate"]) == 0
    held = try_acquire(path)
    try:
        assert main(["--database", url, "migrate"]) == 1
        assert "cannot be upgraded now" in capsys.readouterr().err
    finally:
        held.lock.release()
