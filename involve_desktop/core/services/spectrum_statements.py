"""The leadership spectrum: its three stages, their statements, and the stage a group reached.

The statements are a fixed catalogue (in code, not in the database), in plain UK English
derived from the sector's framework. Each has a stable ``key`` that answers are stored
against, so the wording can be improved without losing past assessments.

**How the stage is worked out** (``stage_reached``; the screen and the sheet show
``RULE_TEXT``):

- **Beginnings** is where every group starts, so every assessment has reached at least
  Beginnings. Its statements describe that starting point ("we consult people mainly
  through surveys"); ticking them records what still describes the group. They never hold
  a group back and are not needed for a stage: they show what the group has moved on from.
- **Good involvement** is reached when *every* Good involvement statement is ticked "Yes".
- **Service user led** is reached when *every* Service user led statement is ticked "Yes"
  *and* Good involvement is reached (a gap in a lower stage keeps the group there, however
  much of a higher stage it ticks).
- **"Partly"** counts as not yet: it shows work under way, and is listed as still needed
  (marked "partly") for the next stage. Unanswered statements count as "No".

**What is missing for the next stage** is the next stage's statements not ticked "Yes", in
catalogue order. At Service user led nothing is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Stage(StrEnum):
    """A stage of the leadership spectrum, lowest first (the value is stored)."""

    BEGINNINGS = "beginnings"
    GOOD_INVOLVEMENT = "good_involvement"
    USER_LED = "user_led"

    @property
    def label(self) -> str:
        """The stage's name as the framework gives it."""
        return _STAGE_LABELS[self]

    @property
    def rank(self) -> int:
        """0 for Beginnings, 1 for Good involvement, 2 for Service user led."""
        return list(Stage).index(self)


_STAGE_LABELS = {
    Stage.BEGINNINGS: "Beginnings",
    Stage.GOOD_INVOLVEMENT: "Good involvement",
    Stage.USER_LED: "Service user led",
}


class Answer(StrEnum):
    """How a statement was ticked (the value is stored)."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"

    @property
    def label(self) -> str:
        """The answer in words."""
        return self.value.capitalize()

    @property
    def symbol(self) -> str:
        """A symbol for tables and sheets (shown with the word, never colour alone)."""
        return _SYMBOLS[self]


_SYMBOLS = {Answer.YES: "✓", Answer.PARTLY: "½", Answer.NO: "✗"}


@dataclass(frozen=True)
class Statement:
    """One statement of the spectrum."""

    key: str
    stage: Stage
    text: str


_B, _G, _U = Stage.BEGINNINGS, Stage.GOOD_INVOLVEMENT, Stage.USER_LED

STATEMENTS: tuple[Statement, ...] = (
    Statement("b_surveys", _B, "We are consulted mainly through surveys."),
    Statement(
        "b_staff_meetings",
        _B,
        "Members with lived experience go to staff meetings, or meetings whose agenda the "
        "organisation sets, without time to prepare.",
    ),
    Statement("b_feedback", _B, "Staff do not have to act on the feedback we give."),
    Statement("b_quality", _B, "Quality is measured by clinical standards only."),
    Statement("b_training", _B, "Staff training has no input from people who use services."),
    Statement("b_priorities", _B, "Priorities are set by systems and services, not by us."),
    Statement("b_leadership", _B, "Leadership is seen as the staff's job."),
    Statement(
        "g_perspectives",
        _G,
        "Independent views of people who use services are heard at every level.",
    ),
    Statement(
        "g_influence", _G, "People who use services influence governance, policy and practice."
    ),
    Statement(
        "g_lead_inside",
        _G,
        "People who use services lead some pieces of work through to the end inside the "
        "organisation.",
    ),
    Statement(
        "g_lead_outside",
        _G,
        "People who use services start and lead some pieces of work outside the organisation.",
    ),
    Statement(
        "g_independence",
        _G,
        "Groups of people who use services are preparing to become independent.",
    ),
    Statement(
        "g_responsive",
        _G,
        "The organisation stays responsive to leadership by people who use services and helps "
        "build local user-led organisations.",
    ),
    Statement("u_governance", _U, "People who use services lead governance."),
    Statement("u_peer_support", _U, "People who use services lead authentic peer support."),
    Statement("u_policy", _U, "People who use services lead the development of policy."),
    Statement("u_quality", _U, "People who use services define and measure quality and outcomes."),
    Statement(
        "u_hosting",
        _U,
        "The organisation supports and hosts independent user-led groups through to independence.",
    ),
    Statement(
        "u_shared_leadership",
        _U,
        "Leadership and vision are shared by people who use services, carers and staff.",
    ),
    Statement("u_coproduction", _U, "We co-produce around a shared agenda."),
)

BY_KEY: dict[str, Statement] = {s.key: s for s in STATEMENTS}

STAGE_NOTES = {
    Stage.BEGINNINGS: (
        "Where every group starts. Tick what still describes you: these never hold you "
        "back, they show what you have moved on from."
    ),
    Stage.GOOD_INVOLVEMENT: "Reached when every statement here is ticked Yes.",
    Stage.USER_LED: (
        "Reached when every statement here is ticked Yes and Good involvement is reached."
    ),
}

RULE_TEXT = (
    "Every group starts at Beginnings. A stage is reached when all its statements are "
    "ticked Yes and the stage below is reached; Partly counts as not yet."
)


def statements_of(stage: Stage) -> tuple[Statement, ...]:
    """The statements of one stage, in catalogue order."""
    return tuple(s for s in STATEMENTS if s.stage is stage)


@dataclass(frozen=True)
class StageResult:
    """The stage reached, the next stage (None at the top) and what it still needs."""

    stage: Stage
    next_stage: Stage | None
    missing: tuple[Statement, ...]  # the next stage's statements not ticked Yes
    partly: frozenset[str]  # keys of the missing ones ticked Partly
    yes_counts: Mapping[Stage, int]  # statements ticked Yes, per stage

    def summary(self) -> str:
        """ "Stage reached: Good involvement — for Service user led you still need: …" """
        head = f"Stage reached: {self.stage.label}"
        if self.next_stage is None:
            return f"{head} — the top of the spectrum."
        needs = "; ".join(
            s.text.rstrip(".") + (" (partly)" if s.key in self.partly else "") for s in self.missing
        )
        return f"{head} — for {self.next_stage.label} you still need: {needs}."

    def headline(self, list_up_to: int = 2) -> str:
        """One or two lines for the top of the checklist: ``summary`` while it lists at most
        ``list_up_to`` statements, else how many are still needed and where to find them
        ("… 6 statements still needed for Good involvement: see tab 2")."""
        if self.next_stage is None or len(self.missing) <= list_up_to:
            return self.summary()
        partly = sum(1 for s in self.missing if s.key in self.partly)
        number = list(Stage).index(self.next_stage) + 1
        return (
            f"Stage reached: {self.stage.label} — {len(self.missing)} statements still needed "
            f"for {self.next_stage.label}"
            + (f" ({partly} of them partly there)" if partly else "")
            + f": see tab {number}, {self.next_stage.label}."
        )


def stage_reached(answers: Mapping[str, Answer]) -> StageResult:
    """Work out the stage from ``{statement key: answer}`` (see the module docstring).

    Unknown keys are ignored; statements without an answer count as "No".
    """
    yes = {key for key, answer in answers.items() if answer is Answer.YES and key in BY_KEY}
    counts = {stage: sum(1 for s in statements_of(stage) if s.key in yes) for stage in Stage}
    reached = Stage.BEGINNINGS
    for stage in (Stage.GOOD_INVOLVEMENT, Stage.USER_LED):
        if counts[stage] < len(statements_of(stage)):
            break
        reached = stage
    following = list(Stage)[reached.rank + 1 :]
    if not following:
        return StageResult(reached, None, (), frozenset(), counts)
    nxt = following[0]
    missing = tuple(s for s in statements_of(nxt) if s.key not in yes)
    partly = frozenset(s.key for s in missing if answers.get(s.key) is Answer.PARTLY)
    return StageResult(reached, nxt, missing, partly, counts)
