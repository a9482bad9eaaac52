"""A claim of £0.00 is refused saying what is wrong with it (issue #6 walk-through: the
message asked for "the amount in pounds" although it had been typed in pounds)."""

from __future__ import annotations

import pytest

from involve_desktop.core.errors import ValidationError
from tests.core.payments.helpers import person
from tests.core.payments.test_expenses import claim


def test_a_zero_claim_is_refused_as_nothing_to_pay_back(session, coordinator) -> None:
    ann = person(session, coordinator, "Ann Able")
    with pytest.raises(ValidationError) as refused:
        claim(session, coordinator, ann, 0)
    assert refused.value.field == "amount_pence"
    assert "more than £0.00" in refused.value.message
    assert "in pounds" not in refused.value.message
