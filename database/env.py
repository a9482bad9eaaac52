"""Alembic environment for Involve Desktop.

Run in-process by ``involve_desktop.core.db.migrate`` (which passes an open connection in
``config.attributes["connection"]``), or by hand for new revisions:
``uv run alembic -c database/alembic.ini revision --autogenerate -m "what changed"``.
Batch mode is on so that SQLite can alter tables; the same revisions run on PostgreSQL.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from involve_desktop.core.db.engine import create_engine_for
from involve_desktop.core.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Migrate over the caller's connection, or one opened from the ini file's URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine_for(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported; run them against a database.")
run_migrations_online()
