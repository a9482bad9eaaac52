"""A member's involvement history: what they have taken part in, gathered from every area.

Each area (rota, meetings, panels, cohorts…) registers a provider that returns that area's
items for one member; the member page shows them newest first. Until an area exists, it adds
nothing, so the list is real but may be empty.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require


@dataclass(frozen=True)
class InvolvementItem:
    """One thing someone took part in: "Peer support shift, Ward 4", "Interview panel"…"""

    on: date
    area: str
    description: str


Provider = Callable[[Session, int], list[InvolvementItem]]
PROVIDERS: list[Provider] = []
# Modules whose import registers a provider; loaded on first use so no area is missed.
PROVIDER_MODULES = (
    "involve_desktop.core.services.rota_attendance",
    "involve_desktop.core.services.meetings_history",
    "involve_desktop.core.services.panels_people",
    "involve_desktop.core.services.cohorts_pathways",
)


def register(provider: Provider) -> Provider:
    """Add an area's provider (used as a decorator by later areas)."""
    PROVIDERS.append(provider)
    return provider


def history(session: Session, actor: Actor, member_id: int) -> list[InvolvementItem]:
    """Everything the member has taken part in, newest first."""
    require(session, actor, Permission.VIEW_MEMBERS, "see members")
    for module in PROVIDER_MODULES:
        importlib.import_module(module)
    items = [item for provider in PROVIDERS for item in provider(session, member_id)]
    return sorted(items, key=lambda item: item.on, reverse=True)
