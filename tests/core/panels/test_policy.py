"""The panel policy: each kind, the minimum, the sentences, and saving it in Settings."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import panels_policy
from involve_desktop.core.services.panels_dto import PanelPolicy, PolicyKind
from involve_desktop.core.services.panels_policy import policy_check, reliance_figures

AT_LEAST_1 = PanelPolicy()
EQUAL = PanelPolicy(PolicyKind.EQUAL)
MAJORITY = PanelPolicy(PolicyKind.MAJORITY)


@pytest.mark.parametrize(
    ("lived", "staff", "policy", "ok", "needed"),
    [
        (0, 2, AT_LEAST_1, False, 1),
        (1, 5, AT_LEAST_1, True, 0),
        (1, 2, PanelPolicy(PolicyKind.AT_LEAST, 2), False, 1),
        (1, 3, EQUAL, False, 2),
        (2, 2, EQUAL, True, 0),
        (3, 2, EQUAL, True, 0),
        (0, 0, EQUAL, False, 1),  # the minimum of 1 applies to every policy
        (1, 1, PanelPolicy(PolicyKind.EQUAL, 2), False, 1),
        (2, 2, MAJORITY, False, 1),  # exactly half is not a majority
        (3, 2, MAJORITY, True, 0),
        (0, 0, MAJORITY, False, 1),
        (1, 0, MAJORITY, True, 0),
    ],
)
def test_each_policy_counts_what_is_needed(lived, staff, policy, ok, needed) -> None:
    check = policy_check(lived, staff, policy)
    assert (check.ok, check.lived_needed) == (ok, needed)


def test_the_sentences_say_what_to_do() -> None:
    assert policy_check(1, 3, EQUAL).explanation == (
        "1 lived-experience member and 3 staff: the policy is equal numbers of "
        "lived-experience members and staff — add 2 more lived-experience members."
    )
    assert policy_check(0, 1, AT_LEAST_1).explanation == (
        "0 lived-experience members and 1 staff member: the policy is at least 1 "
        "lived-experience member — add 1 lived-experience member."
    )
    assert policy_check(2, 2, MAJORITY).explanation.endswith(
        "the policy is a majority of lived-experience members — add 1 more lived-experience member."
    )
    assert policy_check(3, 2, MAJORITY).explanation == (
        "3 lived-experience members and 2 staff: meets the policy (a majority of "
        "lived-experience members)."
    )
    assert (
        "with at least 2 lived-experience members"
        in policy_check(1, 0, PanelPolicy(PolicyKind.EQUAL, 2)).explanation
    )


def test_a_cancelled_panel_is_never_flagged() -> None:
    check = policy_check(0, 3, EQUAL, cancelled=True)
    assert check.ok and "does not apply" in check.explanation


START, END = date(2025, 3, 3), date(2026, 3, 2)
NAMES = {1: "Aisha", 2: "Ben", 3: "Cat", 4: "Dev", 5: "Eve", 6: "Finn"}


def test_reliance_against_hand_worked_figures() -> None:
    # 6 people, 20 seats: 6 + 5 + 4 = 15 of 20 taken by the top 3 → 75 %, above 50 %.
    figures = reliance_figures({1: 6, 2: 5, 3: 4, 4: 2, 5: 2, 6: 1}, NAMES, 50, START, END)
    assert (figures.distinct_people, figures.lived_seats, figures.top_seats) == (6, 20, 15)
    assert figures.share_percent == 75 and figures.warning
    assert [p.name for p in figures.top_people] == ["Aisha", "Ben", "Cat"]
    assert "6 different people sat on panels" in figures.explanation
    assert "took 15 of 20 seats (75 %)" in figures.explanation
    assert "more than the 50 % set in Settings" in figures.explanation


def test_reliance_ties_and_exactly_at_the_threshold() -> None:
    # 3 + 2 + 1 = 6 of 12 seats = exactly 50 %: not above the threshold.
    figures = reliance_figures({1: 3, 2: 2, 3: 1, 4: 2, 5: 2, 6: 2}, NAMES, 50, START, END)
    # top 3 are 3, 2, 2 (ties by name: Ben, Dev before Eve/Finn) → 7 of 12 = 58 %
    assert figures.top_seats == 7 and figures.share_percent == 58 and figures.warning
    even = reliance_figures({1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2}, NAMES, 50, START, END)
    assert (even.top_seats, even.lived_seats, even.share_percent) == (6, 12, 50)
    assert not even.warning and "within the 50 % set in Settings" in even.explanation


def test_reliance_with_few_people_and_none() -> None:
    two = reliance_figures({1: 1, 2: 2}, NAMES, 50, START, END)
    assert (two.distinct_people, two.top_seats, two.share_percent, two.warning) == (2, 3, 100, True)
    thirds = reliance_figures({1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1}, NAMES, 50, START, END)
    assert thirds.share_percent == 50 and not thirds.warning
    nobody = reliance_figures({}, NAMES, 50, START, END, last_12_months=True)
    assert nobody.share_percent == 0 and not nobody.warning
    assert (
        nobody.explanation
        == "No lived-experience members sat on a held panel in the last 12 months."
    )


def test_policy_defaults_then_saved_and_audited(session, coordinator) -> None:
    assert panels_policy.get_policy(session, coordinator) == PanelPolicy(PolicyKind.AT_LEAST, 1, 50)
    saved = panels_policy.save_policy(session, coordinator, PanelPolicy(PolicyKind.EQUAL, 2, 40))
    assert panels_policy.get_policy(session, coordinator) == saved
    entry = session.query(AuditEntry).filter_by(entity="panel_settings").one()
    assert entry.changes["policy"] == [None, "equal"] and entry.account_name == "Sam Coordinator"
    panels_policy.save_policy(session, coordinator, PanelPolicy(PolicyKind.MAJORITY, 2, 40))
    assert session.query(AuditEntry).filter_by(entity="panel_settings").count() == 2


@pytest.mark.parametrize(
    ("policy", "field"),
    [
        (PanelPolicy(PolicyKind.AT_LEAST, 0), "min_lived"),
        (PanelPolicy(PolicyKind.AT_LEAST, 11), "min_lived"),
        (PanelPolicy(PolicyKind.AT_LEAST, 1, 0), "reliance_threshold"),
        (PanelPolicy(PolicyKind.AT_LEAST, 1, 101), "reliance_threshold"),
        (PanelPolicy("most", 1, 50), "policy"),  # type: ignore[arg-type]
    ],
)
def test_bad_settings_name_the_field(session, coordinator, policy, field) -> None:
    with pytest.raises(ValidationError) as caught:
        panels_policy.save_policy(session, coordinator, policy)
    assert caught.value.field == field


def test_facilitators_cannot_see_or_change_the_policy(session, facilitator) -> None:
    with pytest.raises(PermissionDenied, match="cannot change the panel policy"):
        panels_policy.save_policy(session, facilitator, PanelPolicy())
    with pytest.raises(PermissionDenied):
        panels_policy.get_policy(session, facilitator)
    denied = session.query(AuditEntry).filter_by(action="denied").all()
    assert {e.entity for e in denied} == {"manage_panels", "view_panels"}
