"""Demo: a year of 4PI involvement activities with impact records (issue 9; being built)."""

from __future__ import annotations

from involve_desktop.core.demo.context import DemoContext


def seed_activities(ctx: DemoContext) -> None:
    """Add a year of 4PI involvement activities with impact records to the demo group."""
