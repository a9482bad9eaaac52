"""Demo: two past leadership spectrum self-assessments (issue 9; being built)."""

from __future__ import annotations

from involve_desktop.core.demo.context import DemoContext


def seed_spectrum(ctx: DemoContext) -> None:
    """Add two past leadership spectrum self-assessments to the demo group."""
