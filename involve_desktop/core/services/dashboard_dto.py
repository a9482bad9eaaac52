"""What Home shows: figures for this month at a glance and the things that need attention."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Urgency(StrEnum):
    """How soon an attention item needs doing; listed most urgent first."""

    OVERDUE = "overdue"
    THIS_WEEK = "this_week"
    THIS_MONTH = "this_month"

    @property
    def label(self) -> str:
        """The words users see (never colour alone)."""
        return {"overdue": "Overdue", "this_week": "This week", "this_month": "This month"}[
            self.value
        ]

    @property
    def rank(self) -> int:
        """Sort order: overdue first."""
        return {"overdue": 0, "this_week": 1, "this_month": 2}[self.value]


class AttentionKind(StrEnum):
    """What sort of thing needs doing (each kind opens a different place)."""

    TRAINING = "training"
    CONSENT = "consent"
    ALONE = "alone"
    GAP = "gap"
    OVER_RELIANCE = "over_reliance"
    PANEL_POLICY = "panel_policy"
    CHECK_IN = "check_in"
    PAYMENTS = "payments"
    ATTENDANCE = "attendance"
    GRADUATION = "graduation"


@dataclass(frozen=True)
class GapsPeriod:
    """The rota's gaps from ``start`` to ``end``: what a Home figure or line counted, so
    opening it lists those gaps (not the week the rota last showed)."""

    start: date
    end: date


@dataclass(frozen=True)
class Target:
    """A place to open: an area key (``"members"``, ``"rota"``…) and what to show in it
    (a member id, a shift date, a ``GapsPeriod``, a tab name such as ``"privacy"``, or None)."""

    area: str
    target: object = None


@dataclass(frozen=True)
class AttentionItem:
    """One thing that needs doing, as a plain sentence with where to do it."""

    kind: AttentionKind
    text: str
    urgency: Urgency
    target: Target
    day: date | None = None  # when it falls due (sorting within an urgency)


@dataclass(frozen=True)
class Figure:
    """One card of the at-a-glance row: a figure, its words and a line of detail."""

    key: str
    value: str
    words: str
    detail: str = ""
    target: Target | None = None


@dataclass(frozen=True)
class MonthAtAGlance:
    """This month's figures for the signed-in account (only what its role may see)."""

    start: date
    end: date
    figures: tuple[Figure, ...]

    def figure(self, key: str) -> Figure | None:
        """The figure called ``key`` (None when this account does not see it)."""
        return next((f for f in self.figures if f.key == key), None)
