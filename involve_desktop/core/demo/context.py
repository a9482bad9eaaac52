"""What every area's demo seeder receives, kept apart from ``seed.py`` so seeders can import it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from involve_desktop.core.demo.account import DEMO_PASSWORD, DEMO_USERNAME  # noqa: F401

if TYPE_CHECKING:  # Faker takes a second to import: only the seeders need it, not start-up
    from faker import Faker
    from sqlalchemy.orm import Session

    from involve_desktop.core.services.dto import Actor

SEED = 20261126


class DemoSize(StrEnum):
    """How much made-up data to create."""

    STANDARD = "standard"
    LARGE = "large"


@dataclass(frozen=True)
class DemoContext:
    """What an area seeder gets: a session, the coordinator, a seeded Faker, size and today.

    ``today`` is the one date every seeder measures from (``date.today()`` unless a test
    fixes it), so the same run never mixes two "todays" and states such as "due for renewal"
    look right in the app on the day the demo is made.
    """

    session: Session
    coordinator: Actor
    fake: Faker
    size: DemoSize
    today: date


AreaSeeder = Callable[[DemoContext], None]


def seeded_faker(offset: int = 0) -> Faker:
    """A British-English Faker seeded from ``SEED`` (plus ``offset`` for an area of its own)."""
    from faker import Faker

    fake = Faker("en_GB")
    fake.seed_instance(SEED + offset)
    return fake
