"""A member's involvement history: what they have taken part in, gathered from every area.

Each area (rota, meetings, panels, cohorts…) registers a provider that returns that area's
items for one member; the member page shows them newest first. Until an area exists, it adds
nothing, so the list is real but may be empty.

The history shows only what the account asking may see: each provider is given the account
and leaves out, without a word, what it may not see (a group's meetings it is not linked to,
recruitment panels without the panels permission, cohorts it does not run). A group's name
can say why someone comes, so even "Attended: <group>" is left out. Coordinators see all.
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


Provider = Callable[[Session, Actor, int], list[InvolvementItem]]
PROVIDERS: list[Provider] = []
# Modules whose import registers a provider; loaded on first use so no area is missed.
PROVIDER_MODULES = (
    "involve_desktop.core.services.rota_attendance",
    "involve_desktop.core.services.meetings_history",
    "involve_desktop.core.services.panels_people",
    "involve_desktop.core.services.cohorts_pathways",
)
# An account with all of these (a coordinator) sees every area's items; any other account
# sees part, and the member page says so the same way whatever was left out.
WHOLE_VIEW = (
    Permission.VIEW_ROTA,
    Permission.MANAGE_MEETING_GROUPS,
    Permission.VIEW_PANELS,
    Permission.MANAGE_COHORTS,
)


def provides(provider: Provider) -> Provider:
    """Add an area's provider (a decorator): called with the account asking, it returns only
    the items that account may see."""
    PROVIDERS.append(provider)
    return provider


def history(session: Session, actor: Actor, member_id: int) -> list[InvolvementItem]:
    """Everything the member has taken part in that the account may see, newest first."""
    require(session, actor, Permission.VIEW_MEMBERS, "see members")
    for module in PROVIDER_MODULES:
        importlib.import_module(module)
    items = [item for provider in PROVIDERS for item in provider(session, actor, member_id)]
    return sorted(items, key=lambda item: item.on, reverse=True)
