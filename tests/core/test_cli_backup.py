"""``involve-desktop backup``: back up now into the backups folder or --to FOLDER, or --list the
copies with date, size and state; a coordinator's account, as in the app; never a restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from involve_desktop import paths
from involve_desktop.cli import main
from involve_desktop.core.db.backup import list_backup_files
from involve_desktop.core.db.engine import sqlite_file
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts
from tests.conftest import COORDINATOR_PASSWORD, TEST_DATABASE_URL
from tests.packaging import app_checks

sqlite_only = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="the app backs up SQLite only")


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INVOLVE_PASSWORD", COORDINATOR_PASSWORD)
    monkeypatch.setattr("sys.stdin", None)  # never asked for in a test


def test_backup_is_a_command_with_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["backup", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "--list" in out and "--to FOLDER" in out and "--user" in out
    assert "restored in the app" in " ".join(out.split())


@sqlite_only
def test_backup_now_into_the_backups_folder_says_where(
    database_url, engine, session, coordinator, password, capsys
) -> None:
    assert main(["--database", database_url, "backup", "--user", "sam"]) == 0, capsys.readouterr()
    out = capsys.readouterr().out
    path = sqlite_file(engine)
    assert path is not None
    copies = list_backup_files(path, paths.backups_dir())
    assert [c.reason for c in copies] == ["backed-up-now"]
    assert out.startswith("Backed up: ") and str(copies[0].path) in out
    session.expire_all()
    audited = session.scalars(select(AuditEntry).where(AuditEntry.entity == "backup")).all()
    assert [a.action for a in audited] == ["create"]


@sqlite_only
def test_backup_to_a_folder_and_list_it(
    database_url, engine, coordinator, password, tmp_path: Path, capsys
) -> None:
    stick = tmp_path / "KINGSTON"
    assert main(["--database", database_url, "backup", "--user", "sam", "--to", str(stick)]) == 2
    assert "does not exist" in capsys.readouterr().err
    stick.mkdir()
    assert main(["--database", database_url, "backup", "--user", "sam", "--to", str(stick)]) == 0
    out = capsys.readouterr().out
    (copy,) = stick.glob("*.sqlite3")
    assert str(copy) in out and "somewhere safe" in out
    assert list_backup_files(sqlite_file(engine), paths.backups_dir()) == []

    junk = stick / f"{copy.name.split('-')[0]}-2026-01-02T101500-on-close.sqlite3"
    junk.write_bytes(b"not a database" * 8)
    args = ["--database", database_url, "backup", "--user", "sam", "--list", "--to", str(stick)]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Backups in {stick}, newest first:"
    assert "backed up now" in lines[1] and "looks whole" in lines[1] and "KB" in lines[1]
    assert lines[1].endswith(copy.name)
    assert "Fri 2 Jan 2026, 10:15" in lines[2] and "damaged: it is not a database file" in lines[2]
    assert "1 of them is damaged" in lines[3]


@sqlite_only
def test_list_with_no_copies_says_so(database_url, engine, coordinator, password, capsys) -> None:
    assert main(["--database", database_url, "backup", "--user", "sam", "--list"]) == 0
    assert "No backups yet in " in capsys.readouterr().out


def test_backup_needs_a_coordinator(
    database_url, engine, session, coordinator, monkeypatch, capsys
) -> None:
    accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "tuesday group 2pm", Role.FACILITATOR
    )
    monkeypatch.setattr("sys.stdin", None)
    monkeypatch.delenv("INVOLVE_PASSWORD", raising=False)
    assert main(["--database", database_url, "backup"]) == 2
    assert "add --user USERNAME" in capsys.readouterr().err
    monkeypatch.setenv("INVOLVE_PASSWORD", "tuesday group 2pm")
    assert main(["--database", database_url, "backup", "--user", "fran"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("involve-desktop backup: ") and len(err.strip().splitlines()) == 1
    assert "cannot back up the database" in err


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="PostgreSQL only")
def test_a_server_database_is_the_servers_job(
    database_url, engine, coordinator, password, capsys
) -> None:
    assert main(["--database", database_url, "backup", "--user", "sam"]) == 2
    assert "PostgreSQL server" in capsys.readouterr().err
    assert main(["--database", database_url, "backup", "--user", "sam", "--list"]) == 2
    assert "PostgreSQL server" in capsys.readouterr().err


def test_the_demo_is_not_backed_up(password, capsys) -> None:
    assert main(["--demo", "backup", "--user", "demo"]) == 2
    assert "leave out --demo" in capsys.readouterr().err


@sqlite_only
def test_an_encrypted_file_is_backed_up_encrypted(tmp_path: Path, password, capsys) -> None:
    path = tmp_path / "encrypted.sqlite3"
    app_checks.make_encrypted_database(path)
    url = f"sqlite:///{path}"
    assert main(["--database", url, "backup", "--user", "sam"]) == 0, capsys.readouterr().err
    (copy,) = [
        b for b in list_backup_files(path, paths.backups_dir()) if b.reason == "backed-up-now"
    ]
    assert not copy.path.read_bytes().startswith(b"SQLite format 3")
    assert main(["--database", url, "backup", "--user", "sam", "--list"]) == 0
    assert "looks whole" in capsys.readouterr().out


def test_print_help_says_what_month_and_date_pick(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["print", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "annual report: the year's first month" in out
    assert "activity record: the month whose activities to print" in out
    assert "spectrum: which self-assessment, by its date" in out
