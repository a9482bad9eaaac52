"""The activities revision (0012) goes down to the spectrum schema and back up cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for
from involve_desktop.core.db.migrate import alembic_config, current_revision, migrate

ACTIVITY_TABLES = {
    "involvement_activity",
    "involvement_activity_member",
    "you_said_entry",
    "involvement_principles",
}


def _step(engine, action, revision: str) -> None:
    config = alembic_config(paths.migrations_dir())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def test_activities_revision_downgrades_and_upgrades_again(database_url) -> None:
    engine = create_engine_for(database_url)
    migrate(engine, paths.migrations_dir(), None)
    assert set(inspect(engine).get_table_names()) >= ACTIVITY_TABLES
    _step(engine, command.downgrade, "0011")
    assert current_revision(engine) == "0011"
    tables = set(inspect(engine).get_table_names())
    assert not ACTIVITY_TABLES & tables
    assert {"member", "panel", "meeting"} <= tables  # earlier areas untouched
    _step(engine, command.upgrade, "0012")
    assert set(inspect(engine).get_table_names()) >= ACTIVITY_TABLES
    engine.dispose()
