"""The cohorts revision (0007) goes down to the payments schema and back up cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for
from involve_desktop.core.db.migrate import alembic_config, current_revision, migrate

COHORT_TABLES = {
    "programme",
    "programme_required_session",
    "cohort",
    "cohort_facilitator",
    "enrolment",
    "alumni_action",
    "alumni_action_member",
}


def _step(engine, action, revision: str) -> None:
    config = alembic_config(paths.migrations_dir())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def test_cohorts_revision_downgrades_and_upgrades_again(database_url) -> None:
    engine = create_engine_for(database_url)
    migrate(engine, paths.migrations_dir(), None)
    assert set(inspect(engine).get_table_names()) >= COHORT_TABLES
    _step(engine, command.downgrade, "0006")
    assert current_revision(engine) == "0006"
    tables = set(inspect(engine).get_table_names())
    assert not COHORT_TABLES & tables
    assert {"member", "meeting_group", "meeting", "panel", "pay_line"} <= tables
    _step(engine, command.upgrade, "0007")
    assert set(inspect(engine).get_table_names()) >= COHORT_TABLES
    engine.dispose()
