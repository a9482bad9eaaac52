"""The payments revision (0006) goes down to the panels schema and back up cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for
from involve_desktop.core.db.migrate import alembic_config, current_revision, migrate

PAYMENT_TABLES = {"payment_preference", "payment_rate", "pay_line", "expense_claim"}


def _step(engine, action, revision: str) -> None:
    config = alembic_config(paths.migrations_dir())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def test_payments_revision_downgrades_and_upgrades_again(database_url) -> None:
    engine = create_engine_for(database_url)
    migrate(engine, paths.migrations_dir(), None)
    assert set(inspect(engine).get_table_names()) >= PAYMENT_TABLES
    _step(engine, command.downgrade, "0005")
    assert current_revision(engine) == "0005"
    tables = set(inspect(engine).get_table_names())
    assert not PAYMENT_TABLES & tables
    assert {"member", "rota_shift", "meeting", "panel"} <= tables  # earlier areas untouched
    _step(engine, command.upgrade, "0006")
    assert current_revision(engine) == "0006"
    inspector = inspect(engine)
    assert set(inspector.get_table_names()) >= PAYMENT_TABLES
    uniques = {u["name"] for u in inspector.get_unique_constraints("pay_line")}
    assert "uq_pay_line_source" in uniques  # one line per source: generation is idempotent
    engine.dispose()
