"""The record-versions revision (0010) gives existing rows version 1 and goes down cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for
from involve_desktop.core.db.migrate import alembic_config, current_revision, migrate

VERSIONED = (
    "organisation",
    "member",
    "meeting_group",
    "meeting",
    "rota_site",
    "rota_shift",
    "panel",
    "programme",
    "cohort",
    "payment_rate",
    "expense_claim",
)


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
