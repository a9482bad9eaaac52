"""Optimistic locking: a ``version`` number on records people edit.

SQLAlchemy bumps ``version`` on every UPDATE and adds ``WHERE version = <loaded>`` to it, so a
save based on an older copy changes no row and raises ``StaleDataError``. Services also
compare the version the person *started editing from* (carried in the DTO) with the stored
one, so two people editing the same record on two laptops never silently overwrite each
other (see ``core/services/record_version.py``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, declared_attr, mapped_column


class Versioned:
    """Mixin: an integer ``version`` column that SQLAlchemy checks and bumps on each update."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy's declared_attr
        return {"version_id_col": cls.version}
