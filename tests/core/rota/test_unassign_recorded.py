"""Taking someone off a shift, or swapping it, once what happened is recorded or a pay line
was made for it, is refused: pay lines find their shift by the assignment id, so deleting it
left an approved line behind and (with SQLite reusing the id) the next person on that shift
never got theirs. One-off shifts on a day the site is closed are refused too."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.payments import PayLine
from involve_desktop.core.services import rota_sites
from involve_desktop.core.services.payments_lines import generate_pay_lines
from involve_desktop.core.services.rota_assign import assign, unassign
from involve_desktop.core.services.rota_attendance import record_attendance
from involve_desktop.core.services.rota_dto import Attendance
from involve_desktop.core.services.rota_shifts import add_shift, shift_view
from involve_desktop.core.services.rota_swap import swap
from tests.core.payments.helpers import standard_rates
from tests.core.rota.helpers import TUE, peer, shift, site

AFTER = date(2026, 3, 10)
WED = date(2026, 3, 4)


@pytest.fixture
def worked(session, coordinator):
    """Aisha worked Tuesday's shift at Ward 4; Ben is on Wednesday's."""
    ward = site(session, coordinator, "Ward 4", min_together=1)
    tue = shift(session, coordinator, ward, TUE)
    wed = shift(session, coordinator, ward, WED)
    aisha = peer(session, coordinator, "Aisha Khan")
    ben = peer(session, coordinator, "Ben Okoro")
    a = assign(session, coordinator, tue, aisha)
    b = assign(session, coordinator, wed, ben)
    record_attendance(session, coordinator, a, Attendance.WORKED, today=AFTER)
    return ward, tue, wed, aisha, ben, a, b


def _on(session, actor, shift_id):
    return [p.name for p in shift_view(session, actor, shift_id).assignees]


def test_unassign_refused_once_the_outcome_is_recorded(session, coordinator, worked):
    _, tue, _, aisha, _, _, _ = worked
    with pytest.raises(ValidationError) as refused:
        unassign(session, coordinator, tue, aisha)
    assert refused.value.field == "attendance"
    assert "already recorded for Aisha Khan" in str(refused.value)
    assert "did not attend" in str(refused.value)
    assert _on(session, coordinator, tue) == ["Aisha Khan"]


def test_unassign_refused_while_a_pay_line_exists(session, coordinator, worked):
    _, tue, _, aisha, _, a, _ = worked
    standard_rates(session, coordinator)
    generate_pay_lines(session, coordinator, TUE, TUE, today=AFTER)
    assert session.scalar(select(PayLine.source_id).where(PayLine.source_id == a)) == a
    # A line not approved yet follows the outcome: clearing it is allowed ...
    record_attendance(session, coordinator, a, None, today=AFTER)
    with pytest.raises(ValidationError) as refused:
        unassign(session, coordinator, tue, aisha)
    assert refused.value.field == "attendance"
    assert "not approved yet" in str(refused.value) and "make pay lines again" in str(refused.value)
    assert _on(session, coordinator, tue) == ["Aisha Khan"]
    # ... and making pay lines again withdraws it, so then they can be taken off.
    generate_pay_lines(session, coordinator, TUE, TUE, today=AFTER)
    assert session.scalar(select(PayLine.id).where(PayLine.source_id == a)) is None
    unassign(session, coordinator, tue, aisha)
    assert _on(session, coordinator, tue) == []


def test_swap_refused_while_a_pay_line_exists(session, coordinator, worked):
    _, tue, wed, _, _, a, b = worked
    standard_rates(session, coordinator)
    generate_pay_lines(session, coordinator, TUE, TUE, today=AFTER)
    # Its outcome cleared, as was possible before outcomes under a pay line were kept.
    from involve_desktop.core.models.rota import RotaAssignment

    session.get(RotaAssignment, a).attendance = None
    session.commit()
    with pytest.raises(ValidationError, match="pay line"):
        swap(session, coordinator, a, b)
    assert _on(session, coordinator, tue) == ["Aisha Khan"]
    assert _on(session, coordinator, wed) == ["Ben Okoro"]


def test_unassign_with_nothing_recorded_still_works(session, coordinator, worked):
    _, _, wed, _, ben, _, _ = worked
    unassign(session, coordinator, wed, ben)
    assert _on(session, coordinator, wed) == []


def test_one_off_shift_refused_on_a_closed_day(session, coordinator):
    ward = site(session, coordinator, "Ward 4")
    rota_sites.add_closed_date(session, coordinator, ward, WED, "ward refurbishment")
    with pytest.raises(ValidationError) as refused:
        shift(session, coordinator, ward, WED)
    assert refused.value.field == "day"
    assert "Ward 4 is closed on Wed 4 Mar 2026 (ward refurbishment)" in str(refused.value)
    assert add_shift(session, coordinator, ward, TUE, time(9), time(13))  # the day before


def test_an_outcome_under_a_pay_line_is_kept_and_undo_leaves_paid_shifts(
    session, coordinator, worked
):
    _, _tue, _, _, _, a, _ = worked
    standard_rates(session, coordinator)
    generate_pay_lines(session, coordinator, TUE, TUE, today=AFTER)
    line = session.scalar(select(PayLine).where(PayLine.source_id == a))
    line.status = "approved"  # approving needs a payment preference; not the point here
    session.commit()
    for state, hours in ((Attendance.DID_NOT_ATTEND, None), (Attendance.WORKED, 1.5)):
        with pytest.raises(ValidationError) as refused:
            record_attendance(session, coordinator, a, state, actual_hours=hours, today=AFTER)
        assert refused.value.field == "attendance"
        assert "Aisha Khan already has a pay line for this shift" in str(refused.value)
    # Saving the same outcome again changes nothing, so it is not refused.
    record_attendance(session, coordinator, a, Attendance.WORKED, today=AFTER)
