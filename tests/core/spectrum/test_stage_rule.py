"""The stage reached, worked out from ticked statements (no database)."""

from __future__ import annotations

import pytest

from involve_desktop.core.services.spectrum_statements import (
    STATEMENTS,
    Answer,
    Stage,
    stage_reached,
    statements_of,
)

B, G, U = (statements_of(s) for s in Stage)
YES, PARTLY, NO = Answer.YES, Answer.PARTLY, Answer.NO


def ticked(*groups, answer=YES, drop=(), partly=()):
    """Answers: every statement of ``groups`` ``answer``, except ``drop`` (unanswered) and
    ``partly`` (Partly)."""
    out = {s.key: answer for g in groups for s in g if s.key not in drop}
    out.update({k: PARTLY for k in partly})
    return out


@pytest.mark.parametrize(
    ("answers", "stage", "next_stage", "missing"),
    [
        ({}, Stage.BEGINNINGS, Stage.GOOD_INVOLVEMENT, len(G)),
        (ticked(B), Stage.BEGINNINGS, Stage.GOOD_INVOLVEMENT, len(G)),  # B never counts
        (ticked(G), Stage.GOOD_INVOLVEMENT, Stage.USER_LED, len(U)),
        (ticked(B, G, U), Stage.USER_LED, None, 0),
        (ticked(G, U), Stage.USER_LED, None, 0),  # Beginnings statements not needed
        (ticked(G, U, drop={G[2].key}), Stage.BEGINNINGS, Stage.GOOD_INVOLVEMENT, 1),  # gap
        (ticked(G, U, partly={G[0].key}), Stage.BEGINNINGS, Stage.GOOD_INVOLVEMENT, 1),
        (ticked(G, U, drop={U[-1].key}), Stage.GOOD_INVOLVEMENT, Stage.USER_LED, 1),
        (ticked(G, answer=PARTLY), Stage.BEGINNINGS, Stage.GOOD_INVOLVEMENT, len(G)),
        (ticked(G, answer=NO), Stage.BEGINNINGS, Stage.GOOD_INVOLVEMENT, len(G)),
    ],
    ids=[
        "nothing-ticked",
        "only-beginnings",
        "all-good",
        "all-ticked",
        "all-but-beginnings",
        "gap-in-lower-stage",
        "partly-in-lower-stage",
        "one-user-led-missing",
        "all-partly",
        "all-no",
    ],
)
def test_stage_reached(answers, stage, next_stage, missing):
    result = stage_reached(answers)
    assert result.stage is stage
    assert result.next_stage is next_stage
    assert len(result.missing) == missing


def test_missing_lists_the_next_stage_statements_with_partly_marked():
    answers = ticked(G, drop={G[1].key}, partly={G[3].key})
    result = stage_reached(answers)
    assert [s.key for s in result.missing] == [G[1].key, G[3].key]
    assert result.partly == {G[3].key}
    summary = result.summary()
    assert summary.startswith("Stage reached: Beginnings — for Good involvement you still need: ")
    assert G[1].text.rstrip(".") in summary
    assert G[3].text.rstrip(".") + " (partly)" in summary
    assert stage_reached(ticked(G, U)).summary().endswith("the top of the spectrum.")


def test_headline_lists_a_few_and_counts_many():
    few = stage_reached(ticked(G, drop={G[1].key}, partly={G[3].key}))
    assert few.headline() == few.summary()
    many = stage_reached(ticked(B, partly={G[0].key}))
    assert many.headline() == (
        f"Stage reached: Beginnings — {len(G)} statements still needed for Good involvement "
        "(1 of them partly there): see tab 2, Good involvement."
    )
    top = stage_reached(ticked(G, U))
    assert top.headline() == top.summary()


def test_counts_per_stage_and_unknown_keys_ignored():
    result = stage_reached({**ticked(B), G[0].key: YES, "no_such": YES, U[0].key: PARTLY})
    assert result.yes_counts == {
        Stage.BEGINNINGS: len(B),
        Stage.GOOD_INVOLVEMENT: 1,
        Stage.USER_LED: 0,
    }


def test_catalogue_keys_are_unique_and_every_stage_has_statements():
    assert len({s.key for s in STATEMENTS}) == len(STATEMENTS)
    assert all(statements_of(stage) for stage in Stage)
    assert not any("patient" in s.text.lower() or "client" in s.text.lower() for s in STATEMENTS)
