"""Seed a demo database with a made-up group (Faker ``en_GB``, fixed seed: same data each time).

Each area adds its own seeder to ``AREA_SEEDERS``; ``seed_demo`` runs them in order after the
group and accounts exist. Sizes: ``standard`` for trying the app, ``large`` for benchmarks.
The names and shapes are the same on every run; dates are measured back from the day the
demo is made (``DemoContext.today``), so "due for renewal" and "check-in" dates look current.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from involve_desktop.core.demo.account import DEMO_FACILITATOR_USERNAME
from involve_desktop.core.demo.activities import seed_activities
from involve_desktop.core.demo.cohorts import seed_cohorts
from involve_desktop.core.demo.context import (
    DEMO_PASSWORD,
    DEMO_USERNAME,
    SEED,
    AreaSeeder,
    DemoContext,
    DemoSize,
    seeded_faker,
)
from involve_desktop.core.demo.involvement_report import seed_involvement_report
from involve_desktop.core.demo.meetings import seed_meetings
from involve_desktop.core.demo.members import seed_members
from involve_desktop.core.demo.panels import seed_panels
from involve_desktop.core.demo.payments import seed_payments
from involve_desktop.core.demo.rota import seed_rota
from involve_desktop.core.demo.spectrum import seed_spectrum
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import Actor

__all__ = [
    "AREA_SEEDERS",
    "DEMO_GROUP_NAME",
    "DEMO_PASSWORD",
    "DEMO_USERNAME",
    "SEED",
    "AreaSeeder",
    "DemoContext",
    "DemoSize",
    "seed_demo",
]

DEMO_GROUP_NAME = "Riverside Voices"

AREA_SEEDERS: list[AreaSeeder] = [
    seed_members,
    seed_rota,
    seed_meetings,
    seed_panels,
    seed_cohorts,
    seed_payments,  # after the areas whose involvement it pays for
    seed_spectrum,
    seed_activities,
    seed_involvement_report,
]


def _seed_accounts(ctx: DemoContext) -> None:
    for n in range(2):
        name = ctx.fake.name()
        user = ".".join(name.lower().replace("'", "").split()[-2:])
        if n == 0:  # named on the sign-in window, to try the app as a facilitator
            user = DEMO_FACILITATOR_USERNAME
        accounts.create_account(
            ctx.session, ctx.coordinator, name, user, DEMO_PASSWORD, Role.FACILITATOR
        )


def seed_demo(
    session: Session, size: DemoSize = DemoSize.STANDARD, *, today: date | None = None
) -> Actor:
    """Fill an empty, migrated database with the demo group; returns the demo coordinator.

    ``today`` (default: the real date) is the day every seeder counts back from.
    """
    coordinator = accounts.set_up_group(
        session, DEMO_GROUP_NAME, "Demo Coordinator", DEMO_USERNAME, DEMO_PASSWORD
    )
    ctx = DemoContext(session, coordinator, seeded_faker(), size, today or date.today())
    for seeder in [_seed_accounts, *AREA_SEEDERS]:
        seeder(ctx)
    return coordinator
