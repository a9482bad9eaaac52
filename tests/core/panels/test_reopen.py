"""Back to planned: a panel marked held by mistake goes back, unless its pay is approved."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import PermissionDenied, RecordChanged, ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import panels, panels_people, payments_lines
from involve_desktop.core.services.panels_dto import PanelStatus
from involve_desktop.core.services.panels_reopen import reopen_panel
from involve_desktop.core.services.payments_dto import PaymentMethod, PayStatus
from tests.core.panels.helpers import PANEL_DAY, panel, seat, staff, trained
from tests.core.payments.helpers import MARCH, prefer, standard_rates
from tests.core.payments.helpers import TODAY as PAY_DAY


@pytest.fixture
def held(session, coordinator) -> int:
    """A panel on Tue 10 Mar 2026 with Ivy Lee and Jo Manager on it, marked held."""
    panel_id = panel(session, coordinator)
    seat(session, coordinator, panel_id, trained(session, coordinator, "Ivy Lee"))
    staff(session, coordinator, panel_id, "Jo Manager")
    panels.mark_held(session, coordinator, panel_id, today=PANEL_DAY)
    return panel_id


def panel_entries(session, panel_id: int) -> list[dict]:
    """The panel's audit entries' changes, oldest first."""
    return [
        e.changes
        for e in session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "panel", AuditEntry.entity_id == panel_id)
            .order_by(AuditEntry.id)
        )
    ]


def pay_lines(session, coordinator) -> list:
    """Generate pay lines for March, then list them."""
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=PAY_DAY)
    return payments_lines.list_pay_lines(session, coordinator, *MARCH)


def trained_id(session, coordinator, panel_id: int) -> int:
    """The member in the panel's lived-experience seat."""
    info = panels.get_panel(session, coordinator, panel_id)
    return next(s.member_id for s in info.seats if s.member_id is not None)


def test_a_held_panel_goes_back_to_planned_keeping_its_people(session, coordinator, held):
    before = panels.get_panel(session, coordinator, held)
    info = reopen_panel(session, coordinator, held, expected_version=before.version)
    assert info.status is PanelStatus.PLANNED
    assert info.version > before.version
    assert [s.name for s in info.seats] == ["Ivy Lee", "Jo Manager"]
    assert panel_entries(session, held)[-1] == {"status": ["held", "planned"]}
    # it is no longer in Ivy's involvement history, and can be marked held again
    assert panels_people.panels_involvement(session, coordinator, info.seats[0].member_id) == []
    assert panels.mark_held(session, coordinator, held, today=PANEL_DAY).status is (
        PanelStatus.HELD
    )


def test_only_a_held_panel_goes_back_and_a_refusal_names_the_fix(session, coordinator):
    planned = panel(session, coordinator)
    with pytest.raises(ValidationError, match="already planned") as caught:
        reopen_panel(session, coordinator, planned)
    assert caught.value.field == "status"
    cancelled = panel(session, coordinator, "Admin Officer")
    panels.cancel_panel(session, coordinator, cancelled, "Post withdrawn")
    with pytest.raises(ValidationError, match="use Reinstate"):
        reopen_panel(session, coordinator, cancelled)
    assert panels.get_panel(session, coordinator, cancelled).status is PanelStatus.CANCELLED
    assert len(panel_entries(session, planned)) == 1  # created; nothing more


def test_a_waiting_pay_line_does_not_hold_it_and_is_withdrawn_at_once(session, coordinator, held):
    standard_rates(session, coordinator)
    prefer(session, coordinator, trained_id(session, coordinator, held), PaymentMethod.CASH)
    (line,) = pay_lines(session, coordinator)
    assert line.status is PayStatus.PENDING
    reopen_panel(session, coordinator, held)
    # gone before anyone generates again: it cannot be approved for a panel not held
    assert payments_lines.list_pay_lines(session, coordinator, *MARCH) == []
    withdrawn = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "pay_line", AuditEntry.entity_id == line.id)
    ).all()[-1]
    assert withdrawn.action == "delete"
    assert "the panel went back to planned" in withdrawn.changes["withdrawn"]
    # held again, the next Generate makes it again
    panels.mark_held(session, coordinator, held, today=PANEL_DAY)
    assert [x.status for x in pay_lines(session, coordinator)] == [PayStatus.PENDING]


def test_approved_or_paid_pay_keeps_it_held(session, coordinator, held):
    standard_rates(session, coordinator)
    prefer(session, coordinator, trained_id(session, coordinator, held), PaymentMethod.CASH)
    line = pay_lines(session, coordinator)[0]
    payments_lines.approve_lines(session, coordinator, [line.id])
    with pytest.raises(ValidationError, match="Pay for Ivy Lee on this panel is approved") as c:
        reopen_panel(session, coordinator, held)
    assert "Back to waiting" in c.value.message
    assert panels.get_panel(session, coordinator, held).status is PanelStatus.HELD
    payments_lines.mark_lines_paid(
        session, coordinator, [line.id], date(2026, 4, 10), today=PAY_DAY
    )
    with pytest.raises(ValidationError, match="Ivy Lee has already been paid"):
        reopen_panel(session, coordinator, held)
    assert panels.get_panel(session, coordinator, held).status is PanelStatus.HELD
    assert panel_entries(session, held)[-1] == {"status": ["planned", "held"]}


def test_sent_back_to_waiting_it_can_go_back_to_planned(session, coordinator, held):
    standard_rates(session, coordinator)
    prefer(session, coordinator, trained_id(session, coordinator, held), PaymentMethod.CASH)
    line = pay_lines(session, coordinator)[0]
    payments_lines.approve_lines(session, coordinator, [line.id])
    payments_lines.unapprove_lines(session, coordinator, [line.id])
    assert reopen_panel(session, coordinator, held).status is PanelStatus.PLANNED


def test_someone_elses_change_first_is_said_and_nothing_changes(session, coordinator, held):
    version = panels.get_panel(session, coordinator, held).version
    reopen_panel(session, coordinator, held)
    panels.mark_held(session, coordinator, held, today=PANEL_DAY)
    with pytest.raises(RecordChanged):
        reopen_panel(session, coordinator, held, expected_version=version)
    assert panels.get_panel(session, coordinator, held).status is PanelStatus.HELD


def test_facilitators_cannot_put_a_panel_back(session, coordinator, facilitator, held):
    with pytest.raises(PermissionDenied, match="cannot change recruitment panels"):
        reopen_panel(session, facilitator, held)
    assert panels.get_panel(session, coordinator, held).status is PanelStatus.HELD
