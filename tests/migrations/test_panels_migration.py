"""The panels revision (0005) goes down to the meetings schema and back up cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for
from involve_desktop.core.db.migrate import alembic_config, current_revision, migrate

PANEL_TABLES = {"panel", "panel_seat", "panel_settings"}


def _step(engine, action, revision: str) -> None:
    config = alembic_config(paths.migrations_dir())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def test_panels_revision_downgrades_and_upgrades_again(database_url) -> None:
    engine = create_engine_for(database_url)
    migrate(engine, paths.migrations_dir(), None)
    assert set(inspect(engine).get_table_names()) >= PANEL_TABLES
    _step(engine, command.downgrade, "0004")
    assert current_revision(engine) == "0004"
    tables = set(inspect(engine).get_table_names())
    assert not PANEL_TABLES & tables
    assert {"member", "rota_shift", "meeting"} <= tables  # earlier areas untouched
    _step(engine, command.upgrade, "0005")
    assert set(inspect(engine).get_table_names()) >= PANEL_TABLES
    engine.dispose()
