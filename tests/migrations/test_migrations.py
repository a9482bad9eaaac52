"""Schema migrations: empty → head, models agree, backups before upgrades, newer refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for, sqlite_url
from involve_desktop.core.db.migrate import (
    MigrationFailedError,
    current_revision,
    head_revision,
    migrate,
)
from involve_desktop.core.errors import DatabaseTooNewError
from involve_desktop.core.models import Base
from tests.conftest import TEST_DATABASE_URL


def test_empty_database_migrates_to_head_and_models_agree(database_url):
    engine = create_engine_for(database_url)
    result = migrate(engine, paths.migrations_dir(), paths.backups_dir())
    assert result.from_revision is None
    assert current_revision(engine) == head_revision(paths.migrations_dir())
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"
    engine.dispose()


def test_migrating_twice_changes_nothing(engine):
    result = migrate(engine, paths.migrations_dir(), paths.backups_dir())
    assert not result.upgraded and result.backup is None


def _sqlite_at_base(path: Path) -> None:
    """A SQLite file as an older app left it: schema at revision 0001 with a group in it."""
    engine = create_engine_for(sqlite_url(path))
    migrate(engine, paths.migrations_dir(), None)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organisation (name, created_at, updated_at) "
                "VALUES ('Zoë''s group', '2026-01-01', '2026-01-01')"
            )
        )
    engine.dispose()


def test_sqlite_file_is_backed_up_before_an_upgrade(tmp_path, monkeypatch):
    db = tmp_path / "involve.sqlite3"
    _sqlite_at_base(db)
    # Pretend the app gained a newer revision: upgrading must copy the file first.
    versions = tmp_path / "migrations"
    import shutil

    shutil.copytree(paths.migrations_dir(), versions, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision(versions)
    (versions / "versions" / "9999_test.py").write_text(
        f'revision = "9999"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n'
        "from alembic import op\nimport sqlalchemy as sa\n"
        "def upgrade():\n    op.create_table('added_later', sa.Column('id', sa.Integer, "
        "primary_key=True))\n"
        "def downgrade():\n    op.drop_table('added_later')\n"
    )
    backups = tmp_path / "backups"
    engine = create_engine_for(sqlite_url(db))
    result = migrate(engine, versions, backups)
    engine.dispose()
    assert result.upgraded and result.to_revision == "9999"
    assert result.backup is not None and result.backup.parent == backups
    copy = sqlite3.connect(result.backup)
    assert copy.execute("SELECT name FROM organisation").fetchone() == ("Zoë's group",)
    tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    copy.close()
    assert "added_later" not in tables  # the copy is the database as it was before


def _with_revision(tmp_path, body: str) -> Path:
    """A copy of the app's migrations plus one newer revision with ``body`` as upgrade()."""
    import shutil

    versions = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), versions, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision(paths.migrations_dir())
    (versions / "versions" / "9999_test.py").write_text(
        f'revision = "9999"\ndown_revision = "{head}"\nbranch_labels = None\n'
        "depends_on = None\nfrom alembic import op\nimport sqlalchemy as sa\n"
        f"def upgrade():\n{body}\ndef downgrade():\n    pass\n"
    )
    return versions


def test_failed_upgrade_is_rolled_back_and_names_the_backup(tmp_path, database_url):
    engine = create_engine_for(database_url)
    migrate(engine, paths.migrations_dir(), None)
    before = current_revision(engine)
    broken = _with_revision(
        tmp_path,
        "    op.create_table('half', sa.Column('id', sa.Integer, primary_key=True))\n"
        "    op.execute('SELECT no_such_column FROM account')\n",
    )
    with pytest.raises(MigrationFailedError, match="undid the upgrade"):
        migrate(engine, broken, tmp_path / "backups")
    assert current_revision(engine) == before
    assert "half" not in inspect(engine).get_table_names()  # nothing half-done is left
    engine.dispose()


def test_new_empty_database_is_not_backed_up(tmp_path):
    engine = create_engine_for(sqlite_url(tmp_path / "new.sqlite3"))
    result = migrate(engine, paths.migrations_dir(), tmp_path / "backups")
    engine.dispose()
    assert result.backup is None


def test_database_newer_than_the_app_is_refused_and_left_untouched(database_url):
    engine = create_engine_for(database_url)
    migrate(engine, paths.migrations_dir(), None)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'fromthefuture'"))
    with pytest.raises(DatabaseTooNewError, match="newer version of Involve Desktop"):
        migrate(engine, paths.migrations_dir(), paths.backups_dir())
    assert current_revision(engine) == "fromthefuture"
    assert list(paths.backups_dir().iterdir()) == []
    engine.dispose()


def test_sqlite_pragmas_protect_committed_data(tmp_path):
    engine = create_engine_for(sqlite_url(tmp_path / "p.sqlite3"))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    engine.dispose()


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="several laptops share PostgreSQL only")
def test_several_laptops_starting_together_all_open_the_database(database_url):
    from concurrent.futures import ThreadPoolExecutor

    def start() -> str | None:
        engine = create_engine_for(database_url)
        try:
            migrate(engine, paths.migrations_dir(), None)
            return current_revision(engine)
        finally:
            engine.dispose()

    with ThreadPoolExecutor(max_workers=4) as pool:
        revisions = list(pool.map(lambda _: start(), range(4)))
    assert revisions == [head_revision(paths.migrations_dir())] * 4
