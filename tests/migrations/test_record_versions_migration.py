"""The record-versions revision (0010) gives existing rows version 1 and goes down cleanly."""

from __future__ import annotations

import importlib.util

from alembic import command
from sqlalchemy import inspect, text

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for
from involve_desktop.core.db.migrate import alembic_config, current_revision, migrate
from involve_desktop.core.models import Base
from involve_desktop.core.models.versioning import Versioned


def _revision_tables() -> tuple[str, ...]:
    """The tables revision 0010 versions, read from the revision itself."""
    path = paths.migrations_dir() / "versions" / "0010_record_versions.py"
    spec = importlib.util.spec_from_file_location("record_versions_0010", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.VERSIONED_TABLES


VERSIONED = _revision_tables()
# Models made versioned at 0010 (later areas add theirs in their own revisions).
AT_0010 = {"member", "meeting_group", "meeting", "rota_site", "rota_shift", "panel"}


def _step(engine, action, revision: str) -> None:
    config = alembic_config(paths.migrations_dir())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def _columns(engine, table: str) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table)}


def test_existing_rows_get_version_one_and_the_revision_goes_down_again(database_url) -> None:
    engine = create_engine_for(database_url)
    migrate(engine, paths.migrations_dir(), None)
    _step(engine, command.downgrade, "0009")
    assert current_revision(engine) == "0009"
    versioned_models = {
        m.class_.__tablename__ for m in Base.registry.mappers if issubclass(m.class_, Versioned)
    }
    assert AT_0010 <= set(VERSIONED) <= versioned_models  # the revision matches the models
    assert all("version" not in _columns(engine, t) for t in VERSIONED)
    with engine.begin() as connection:  # a record made before the upgrade
        connection.execute(
            text(
                "INSERT INTO organisation (name, idle_lock_minutes, retention_years,"
                " created_at, updated_at) VALUES ('Riverside Voices', 5, 6,"
                " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO member (full_name, date_joined, status, needs_large_print,"
                " needs_interpreter, needs_step_free, needs_hearing_loop, sort_name,"
                " name_key, search_text, created_at, updated_at) VALUES ('Zoë Adams',"
                " '2026-01-05', 'active', false, false, false, false, 'adams zoë',"
                " 'zoe adams', 'zoë adams', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    _step(engine, command.upgrade, "0010")
    assert current_revision(engine) == "0010"
    assert all("version" in _columns(engine, t) for t in VERSIONED)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version FROM member")).scalars().all() == [1]
        assert connection.execute(text("SELECT version FROM organisation")).scalars().all() == [1]
    engine.dispose()
