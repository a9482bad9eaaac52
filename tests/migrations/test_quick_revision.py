"""The quick "already up to date?" check that lets most starts skip importing Alembic."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for, sqlite_url
from involve_desktop.core.db.migrate import (
    head_revision,
    is_current,
    migrate,
    quick_head,
    stored_revision,
)


def _copy_of_migrations(tmp_path: Path) -> Path:
    target = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_quick_head_is_alembics_head() -> None:
    assert quick_head(paths.migrations_dir()) == head_revision(paths.migrations_dir())


def test_quick_head_follows_a_new_script(tmp_path: Path) -> None:
    versions = _copy_of_migrations(tmp_path)
    head = head_revision(versions)
    (versions / "versions" / "9999_new.py").write_text(
        f'revision = "9999"\ndown_revision = "{head}"\n'
    )
    assert quick_head(versions) == "9999" == head_revision(versions)


def test_quick_head_gives_up_on_anything_not_plain(tmp_path: Path) -> None:
    versions = _copy_of_migrations(tmp_path)
    two_heads = versions / "versions" / "9998_branch.py"
    two_heads.write_text('revision = "9998"\ndown_revision = "0001"\n')
    assert quick_head(versions) is None  # two heads: Alembic decides
    two_heads.write_text('revision = "9998"\ndown_revision = ("0012", "0013")\n')
    assert quick_head(versions) is None  # a merge written as a tuple is not plain


def test_stored_revision_and_is_current(database_url: str) -> None:
    engine = create_engine_for(database_url)
    try:
        assert stored_revision(engine) is None  # no alembic_version table yet
        assert is_current(engine, paths.migrations_dir()) is None
        migrate(engine, paths.migrations_dir(), None)
        head = head_revision(paths.migrations_dir())
        assert stored_revision(engine) == head
        assert is_current(engine, paths.migrations_dir()) == head
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '0012'"))
        assert is_current(engine, paths.migrations_dir()) is None  # behind: Alembic decides
    finally:
        engine.dispose()


def test_opening_an_up_to_date_file_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite3"
    engine = create_engine_for(sqlite_url(path))
    migrate(engine, paths.migrations_dir(), None)
    engine.dispose()
    probe = (
        "import sys\n"
        "from involve_desktop import paths\n"
        "from involve_desktop.core.db.engine import create_engine_for, sqlite_url\n"
        "from involve_desktop.core.db.migrate import migrate\n"
        f"engine = create_engine_for(sqlite_url({str(path)!r}))\n"
        "result = migrate(engine, paths.migrations_dir(), None)\n"
        "assert not result.upgraded\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False"
