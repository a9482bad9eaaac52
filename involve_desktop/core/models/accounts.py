"""The group this database belongs to, and the accounts of the people who sign in to it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from involve_desktop.core.models.base import Base, TimestampMixin
from involve_desktop.core.models.versioning import Versioned


class Organisation(Base, TimestampMixin, Versioned):
    """The user-led group that owns this database (one row). Meeting groups live elsewhere."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    # Minutes without input before the window locks (2–15; Settings → Screen lock).
    idle_lock_minutes: Mapped[int] = mapped_column(
        Integer, nullable=False, default=5, server_default="5"
    )
    # Years after someone leaves before the retention review lists them (Settings → Privacy).
    retention_years: Mapped[int] = mapped_column(
        Integer, nullable=False, default=6, server_default="6"
    )


class Account(Base, TimestampMixin):
    """A person who signs in on the shared laptop, with a role that decides what they can do."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(String(200), nullable=False)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[str] = mapped_column(String(32), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
