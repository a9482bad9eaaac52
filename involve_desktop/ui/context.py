"""What every screen needs to reach the data: the session factory and where the data lives."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker


@dataclass(frozen=True)
class AppContext:
    """Shared by the windows of one running app (one database)."""

    sessions: sessionmaker[Session]
    location: str
    demo: bool = False

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short-lived session for one operation."""
        with self.sessions() as session:
            yield session
