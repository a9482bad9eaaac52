"""The meetings revision (0004) goes down to the rota schema and back up cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for
from involve_desktop.core.db.migrate import alembic_config, current_revision, migrate

MEETING_TABLES = {
    "meeting",
    "meeting_attendance",
    "meeting_facilitator",
    "meeting_group",
    "meeting_group_account",
    "meeting_group_closed_date",
    "meeting_group_facilitator",
    "meeting_group_member",
}


def _step(engine, action, revision: str) -> None:
    config = alembic_config(paths.migrations_dir())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def test_meetings_revision_downgrades_and_upgrades_again(database_url) -> None:
    engine = create_engine_for(database_url)
    migrate(engine, paths.migrations_dir(), None)
    assert set(inspect(engine).get_table_names()) >= MEETING_TABLES
    _step(engine, command.downgrade, "0003")
    assert current_revision(engine) == "0003"
    tables = set(inspect(engine).get_table_names())
    assert not MEETING_TABLES & tables
    assert {"member", "rota_shift"} <= tables  # earlier areas untouched
    _step(engine, command.upgrade, "0004")
    assert set(inspect(engine).get_table_names()) >= MEETING_TABLES
    engine.dispose()
