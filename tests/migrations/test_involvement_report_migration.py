"""The involvement report revision (0013) goes down to 0012 and back up cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for
from involve_desktop.core.db.migrate import alembic_config, current_revision, migrate


def _step(engine, action, revision: str) -> None:
    config = alembic_config(paths.migrations_dir())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def test_involvement_report_revision_downgrades_and_upgrades_again(database_url) -> None:
    engine = create_engine_for(database_url)
    migrate(engine, paths.migrations_dir(), None)
    assert "involvement_report" in inspect(engine).get_table_names()
    _step(engine, command.downgrade, "0012")
    assert current_revision(engine) == "0012"
    tables = set(inspect(engine).get_table_names())
    assert "involvement_report" not in tables and "involvement_activity" in tables
    _step(engine, command.upgrade, "0013")
    columns = {c["name"] for c in inspect(engine).get_columns("involvement_report")}
    assert {"starts_on", "year_in_brief", "what_changed", "next_year", "version"} <= columns
    engine.dispose()
