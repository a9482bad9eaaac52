"""Seed a demo database with a made-up group (Faker ``en_GB``, fixed seed: same data each time).

Each area adds its own seeder to ``AREA_SEEDERS``; ``seed_demo`` runs them in order after the
group and accounts exist. Sizes: ``standard`` for trying the app, ``large`` for benchmarks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from faker import Faker
from sqlalchemy.orm import Session

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import Actor

SEED = 20261126
DEMO_GROUP_NAME = "Riverside Voices"
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-password"


class DemoSize(StrEnum):
    """How much made-up data to create."""

    STANDARD = "standard"
    LARGE = "large"


@dataclass(frozen=True)
class DemoContext:
    """What an area seeder gets: a session, the coordinator, a seeded Faker and the size."""

    session: Session
    coordinator: Actor
    fake: Faker
    size: DemoSize


AreaSeeder = Callable[[DemoContext], None]
AREA_SEEDERS: list[AreaSeeder] = []


def _seed_accounts(ctx: DemoContext) -> None:
    for _ in range(2):
        name = ctx.fake.name()
        user = ".".join(name.lower().replace("'", "").split()[-2:])
        accounts.create_account(
            ctx.session, ctx.coordinator, name, user, DEMO_PASSWORD, Role.FACILITATOR
        )


def seed_demo(session: Session, size: DemoSize = DemoSize.STANDARD) -> Actor:
    """Fill an empty, migrated database with the demo group; returns the demo coordinator."""
    fake = Faker("en_GB")
    fake.seed_instance(SEED)
    coordinator = accounts.set_up_group(
        session, DEMO_GROUP_NAME, "Demo Coordinator", DEMO_USERNAME, DEMO_PASSWORD
    )
    ctx = DemoContext(session, coordinator, fake, size)
    for seeder in [_seed_accounts, *AREA_SEEDERS]:
        seeder(ctx)
    return coordinator
