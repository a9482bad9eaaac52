"""Point the running app at the database again after it was encrypted, with its new key."""

from __future__ import annotations

from sqlalchemy import Engine

from involve_desktop.core.db.engine import create_engine_for
from involve_desktop.ui.context import AppContext


def reopen_encrypted(context: AppContext, key: bytes) -> Engine:
    """Every session from now on uses a new engine that opens the file with ``key``.

    The old engine was disposed by the conversion; sessions are made by the shared
    ``sessionmaker``, so rebinding it moves every screen over at once.
    """
    old = context.sessions.kw["bind"]
    engine = create_engine_for(old.url.render_as_string(hide_password=False), key=key)
    context.sessions.configure(bind=engine)
    return engine
