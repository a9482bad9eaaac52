"""Frozen data passed from services to the GUI: never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from involve_desktop.core.permissions import Permission, Role, allows


@dataclass(frozen=True)
class Actor:
    """The signed-in account on whose behalf a service acts."""

    account_id: int
    username: str
    display_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        """True when this account's role allows ``permission``."""
        return allows(self.role, permission)


@dataclass(frozen=True)
class AccountInfo:
    """One account as shown in Settings."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    created_at: datetime
    last_sign_in_at: datetime | None


@dataclass(frozen=True)
class AuditInfo:
    """One audit trail row."""

    id: int
    at: datetime
    account_name: str
    action: str
    entity: str
    entity_id: int | None
    changes: dict | None
