"""How evenly involvement is spread among people: pure arithmetic, no database (issue 9).

Input is one number per person involved: how many times they took part (shifts worked,
panel seats, attendances…). People with 0 are not "involved" and are ignored, so the
figures describe the people who took part.

Definitions (the annual report prints them in words):

- **distinct people**: how many people took part at least once.
- **top 3 share**: the part of all involvement taken by the 3 people who took part most
  (all of it when 3 or fewer people took part).
- **top 10 % share**: the part taken by the top ``ceil(10 % of people)`` people, at least
  1 — so 1 person of 1–10, 2 of 11–20, 10 of 91–100.
- **Gini coefficient**: the mean absolute difference between every pair of people
  (each ordered pair, a person with themself included) divided by twice the mean:
  ``G = Σi Σj |xi − xj| / (2 · n² · mean)``, *without* the small-sample correction
  ``n / (n − 1)``. So it is 0 when everyone took part equally (and for one person), and
  ``(n − 1) / n`` when one person of ``n`` did everything while the others each did a
  negligible amount; it is always in [0, 1). Computed exactly on sorted counts as
  ``G = 2 Σ i·x(i) / (n Σ x) − (n + 1) / n`` with ``i`` from 1.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

TOP_FEW = 3
TOP_SHARE_PERCENT = 10
EVEN_GINI = 0.2  # below this, the reading says involvement was spread evenly

# Simple fractions a reading names in words when the share is (nearly) exactly one of them.
_FRACTION_WORDS: tuple[tuple[Fraction, str], ...] = (
    (Fraction(1), "All"),
    (Fraction(3, 4), "Three quarters"),
    (Fraction(2, 3), "Two thirds"),
    (Fraction(1, 2), "Half"),
    (Fraction(1, 3), "A third"),
    (Fraction(1, 4), "A quarter"),
    (Fraction(1, 5), "A fifth"),
    (Fraction(1, 10), "A tenth"),
)
_WORD_TOLERANCE = Fraction(1, 100)


@dataclass(frozen=True)
class SpreadFigures:
    """The spread of one kind of involvement among the people who took part.

    Shares and the Gini coefficient are fractions in [0, 1] (``None`` shares when nobody
    took part); ``top_share_people`` is how many people the "top 10 %" is.
    """

    people: int
    total: int
    top_few: int
    top_few_share: float | None
    top_share_people: int
    top_share: int
    top_share_share: float | None
    gini: float
    least: int
    most: int


def top_share_people(people: int) -> int:
    """How many people make the top 10 %: ``ceil(people / 10)``, at least 1 (0 for none)."""
    if people <= 0:
        return 0
    return max(1, math.ceil(people * TOP_SHARE_PERCENT / 100))


def gini(counts: Iterable[int]) -> float:
    """The Gini coefficient of the positive ``counts`` (see the module docstring): 0 for
    nobody, one person or everyone equal; ``(n − 1) / n`` at most."""
    values = sorted(c for c in counts if c > 0)
    n, total = len(values), sum(values)
    if n <= 1 or total == 0:
        return 0.0
    weighted = sum(i * x for i, x in enumerate(values, start=1))
    exact = Fraction(2 * weighted, n * total) - Fraction(n + 1, n)
    return float(max(exact, Fraction(0)))


def spread(counts: Iterable[int]) -> SpreadFigures:
    """Distinct people, top 3 and top 10 % shares and the Gini coefficient of ``counts``."""
    values = sorted((c for c in counts if c > 0), reverse=True)
    people, total = len(values), sum(values)
    few = sum(values[:TOP_FEW])
    top_people = top_share_people(people)
    top = sum(values[:top_people])
    return SpreadFigures(
        people=people,
        total=total,
        top_few=few,
        top_few_share=few / total if total else None,
        top_share_people=top_people,
        top_share=top,
        top_share_share=top / total if total else None,
        gini=gini(values),
        least=values[-1] if values else 0,
        most=values[0] if values else 0,
    )


def share_words(part: int, whole: int) -> str:
    """ "Half", "Two thirds", "All" when ``part / whole`` is (within 1 point) one of those
    fractions, otherwise the whole per cent: "58 %"."""
    if whole <= 0:
        return "None"
    share = Fraction(part, whole)
    for fraction, words in _FRACTION_WORDS:
        if abs(share - fraction) <= _WORD_TOLERANCE:
            return words
    return f"{round(float(share) * 100)} %"


def percent(share: float | None) -> str:
    """A share as a whole per cent ("58 %"), or an en dash when there is none."""
    return "–" if share is None else f"{round(share * 100)} %"


def _people(n: int) -> str:
    return "one person" if n == 1 else f"{n} people"


def _times(figures: SpreadFigures) -> str:
    if figures.least == figures.most:
        return "once" if figures.most == 1 else f"{figures.most} times"
    return f"{figures.least} to {figures.most} times"


def reading(
    figures: SpreadFigures, noun: str, verb: str = "were taken by", *, mass_noun: bool = False
) -> str:
    """One plain sentence about how concentrated the involvement was.

    ``noun`` names what was counted ("panel seats"), ``verb`` how people had them ("were
    taken by"). E.g. "Half of all panel seats (12 of 24) were taken by 3 of the 9 people
    involved." or "Involvement was spread evenly: 8 people took part 2 to 3 times each."
    A ``mass_noun`` ("involvement") is not counted in the singular or plural: "No
    involvement was recorded.", "All involvement (5 times) came from one person."
    """
    n, total = figures.people, figures.total
    all_of = f"All {noun} ({total} times)" if mass_noun else f"All {total} {noun}"
    if n == 0:
        return f"No {noun} was recorded." if mass_noun else f"No {noun} were recorded."
    if n == 1:
        return f"{all_of} {verb} one person."
    if figures.gini < EVEN_GINI:
        # "evenly" only when everyone took part as often; a low Gini with a range is "fairly".
        how = "evenly" if figures.least == figures.most else "fairly evenly"
        return f"Involvement was spread {how}: {n} people took part {_times(figures)} each."
    if n <= TOP_FEW:
        return f"{all_of} {verb} just {n} people."
    words = share_words(figures.top_few, total)
    return (
        f"{words} of all {noun} ({figures.top_few} of {total}) {verb} "
        f"{TOP_FEW} of the {n} people involved."
    )


__all__ = [
    "EVEN_GINI",
    "TOP_FEW",
    "SpreadFigures",
    "gini",
    "percent",
    "reading",
    "share_words",
    "spread",
    "top_share_people",
]
