"""Preferences and rates; facilitators are refused every payments action."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.services import (
    payments_batch,
    payments_expenses,
    payments_lines,
    payments_preferences,
    payments_rates,
)
from involve_desktop.core.services.payments_dto import (
    Activity,
    ExpenseInput,
    ExpenseKind,
    PaymentMethod,
    PreferenceInput,
    RateBasis,
    RateInput,
)
from tests.core.payments.helpers import MARCH, TODAY, person, prefer, rate


def test_preference_set_changed_and_listed(session, coordinator) -> None:
    ann = person(session, coordinator, "Ann Able", preferred="Annie")
    empty = payments_preferences.get_preference(session, coordinator, ann)
    assert (empty.name, empty.method) == ("Annie Able", None)
    prefer(session, coordinator, ann, PaymentMethod.VOUCHER, date(2026, 2, 1))
    info = payments_preferences.get_preference(session, coordinator, ann)
    assert (info.method, info.benefits_advice_offered_on, info.updated_by) == (
        PaymentMethod.VOUCHER,
        date(2026, 2, 1),
        "Sam Coordinator",
    )
    assert [p.name for p in payments_preferences.list_preferences(session, coordinator)] == [
        "Annie Able"
    ]
    with pytest.raises(ValidationError) as refused:
        payments_preferences.set_preference(
            session,
            coordinator,
            ann,
            PreferenceInput(PaymentMethod.CASH, date(2026, 5, 1)),
            today=TODAY,
        )
    assert refused.value.field == "benefits_advice_offered_on"


def test_method_labels_and_pays_time() -> None:
    assert PaymentMethod.DECLINED.label == "Declined payment"
    assert [m.pays_time for m in PaymentMethod] == [True, True, True, False, False]


def test_rates_with_valid_to_and_replacement(session, coordinator) -> None:
    rate(session, coordinator, Activity.ROTA_SHIFT, RateBasis.PER_HOUR, 1200, date(2025, 4, 1))
    rate(session, coordinator, Activity.ROTA_SHIFT, RateBasis.PER_HOUR, 1250, date(2026, 4, 1))
    rate(session, coordinator, Activity.PANEL, RateBasis.PER_SESSION, 2500, date(2025, 4, 1))
    infos = payments_rates.list_rates(session, coordinator)
    assert [(i.activity, i.valid_from, i.valid_to, i.text) for i in infos] == [
        (Activity.PANEL, date(2025, 4, 1), None, "£25.00 per session"),
        (Activity.ROTA_SHIFT, date(2025, 4, 1), date(2026, 3, 31), "£12.00 per hour"),
        (Activity.ROTA_SHIFT, date(2026, 4, 1), None, "£12.50 per hour"),
    ]
    assert (
        payments_rates.rate_on(session, Activity.ROTA_SHIFT, date(2026, 3, 31)).amount_pence == 1200
    )
    assert (
        payments_rates.rate_on(session, Activity.ROTA_SHIFT, date(2026, 4, 1)).amount_pence == 1250
    )
    assert payments_rates.rate_on(session, Activity.ROTA_SHIFT, date(2025, 3, 31)) is None
    replaced = rate(
        session, coordinator, Activity.ROTA_SHIFT, RateBasis.PER_HOUR, 1300, date(2026, 4, 1)
    )
    assert len(payments_rates.list_rates(session, coordinator)) == 3
    assert replaced.text == "£13.00 per hour"
    payments_rates.remove_rate(session, coordinator, replaced.id)
    assert (
        payments_rates.rate_on(session, Activity.ROTA_SHIFT, date(2026, 5, 1)).amount_pence == 1200
    )


def test_rate_must_be_positive(session, coordinator) -> None:
    with pytest.raises(ValidationError) as refused:
        payments_rates.set_rate(
            session, coordinator, RateInput(Activity.PANEL, RateBasis.PER_SESSION, 0, TODAY)
        )
    assert refused.value.field == "amount_pence"


def test_facilitators_are_refused_every_payments_action(session, coordinator, facilitator) -> None:
    ann = person(session, coordinator, "Ann Able")
    actions = [
        lambda: payments_preferences.get_preference(session, facilitator, ann),
        lambda: payments_preferences.list_preferences(session, facilitator),
        lambda: payments_preferences.set_preference(
            session, facilitator, ann, PreferenceInput(PaymentMethod.CASH)
        ),
        lambda: payments_rates.list_rates(session, facilitator),
        lambda: payments_rates.set_rate(
            session, facilitator, RateInput(Activity.PANEL, RateBasis.PER_SESSION, 100, TODAY)
        ),
        lambda: payments_rates.remove_rate(session, facilitator, 1),
        lambda: payments_lines.generate_pay_lines(session, facilitator, *MARCH),
        lambda: payments_lines.list_pay_lines(session, facilitator, *MARCH),
        lambda: payments_lines.approve_lines(session, facilitator, [1]),
        lambda: payments_lines.unapprove_lines(session, facilitator, [1]),
        lambda: payments_lines.mark_lines_paid(session, facilitator, [1], TODAY),
        lambda: payments_lines.set_line_note(session, facilitator, 1, "x"),
        lambda: payments_expenses.add_claim(
            session, facilitator, ExpenseInput(ann, ExpenseKind.TRAVEL, TODAY, 100)
        ),
        lambda: payments_expenses.update_claim(
            session, facilitator, 1, ExpenseInput(ann, ExpenseKind.TRAVEL, TODAY, 100)
        ),
        lambda: payments_expenses.remove_claim(session, facilitator, 1),
        lambda: payments_expenses.list_claims(session, facilitator, *MARCH),
        lambda: payments_expenses.approve_claims(session, facilitator, [1]),
        lambda: payments_expenses.mark_claims_paid(session, facilitator, [1], TODAY),
        lambda: payments_batch.finance_batch(session, facilitator, *MARCH),
        lambda: payments_batch.statement(session, facilitator, ann, *MARCH),
        lambda: payments_batch.people_with_statements(session, facilitator, *MARCH),
    ]
    for action in actions:
        with pytest.raises(PermissionDenied, match="facilitator"):
            action()
    assert payments_rates.list_rates(session, coordinator) == []
