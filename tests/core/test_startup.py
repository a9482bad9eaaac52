"""Start-up: which database opens, the separate demo database, and clear failures."""

from __future__ import annotations

import subprocess
import sys

import pytest

from involve_desktop import __version__, paths, startup
from involve_desktop.core.db.engine import session_factory, sqlite_url
from involve_desktop.core.demo.seed import DEMO_PASSWORD, DEMO_USERNAME
from involve_desktop.core.services import accounts, organisation
from involve_desktop.core.services.dto import Actor


def test_default_database_is_sqlite_file_in_data_folder(data_dir, monkeypatch):
    assert startup.resolve_url(None) == sqlite_url(data_dir / "involve.sqlite3")
    monkeypatch.setenv("INVOLVE_DATABASE_URL", "postgresql+psycopg://u@server/involve")
    assert startup.resolve_url(None) == "postgresql+psycopg://u@server/involve"
    assert startup.resolve_url("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"


def _facilitators(opened) -> list[str]:
    with session_factory(opened.engine)() as session:
        demo = accounts.sign_in(session, DEMO_USERNAME, DEMO_PASSWORD)
        assert isinstance(demo, Actor)
        return [a.display_name for a in accounts.list_accounts(session, demo)]


def test_demo_database_is_separate_and_seeded_the_same_each_time(data_dir):
    first = startup.open_demo_database()
    names = _facilitators(first)
    first.engine.dispose()
    assert first.demo and "involve-demo" in first.location
    assert not paths.default_database_path().exists()  # the real database is never touched
    again = startup.open_demo_database()
    assert _facilitators(again) == names and len(names) == 3
    with session_factory(again.engine)() as session:
        assert organisation.group_name(session) == "Riverside Voices"
    again.engine.dispose()


def test_unreachable_server_gets_a_plain_message():
    with pytest.raises(startup.StartupError, match="cannot open the database"):
        startup.open_database("postgresql+psycopg://nobody@127.0.0.1:1/involve?connect_timeout=2")


def test_read_group_name_does_not_create_a_database(data_dir):
    assert startup.read_group_name(startup.resolve_url(None)) is None
    assert not paths.default_database_path().exists()


def test_python_dash_m_reports_version():
    done = subprocess.run(
        [sys.executable, "-m", "involve_desktop", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and __version__ in done.stdout


def test_demo_and_database_together_are_refused(capsys):
    from involve_desktop.cli import main

    with pytest.raises(SystemExit):
        main(["--demo", "--database", "sqlite:////tmp/real.sqlite3"])
    assert "leave out --database" in capsys.readouterr().err
