"""Back to planned: undo Mark held on a panel marked held by mistake (or the wrong panel).

Mark held changes only the panel's status; everything that follows from it is read from that
status when needed (who has sat, the involvement history and report, pathways) except pay
lines, which Payments → Generate pay lines makes from the lived-experience seats of held
panels. So going back to planned sets the status back, and is refused while any of those
lines is approved or paid: the line would pay for a panel the records no longer say took
place. Lines still waiting (or recorded, not paid) are withdrawn at once, kept in the audit
as Generate pay lines keeps the lines it withdraws: left waiting, one could be approved and
paid for a panel that did not take place (marking it held again and generating brings
them back).
Coordinators only; audited like Mark held (entity ``panel``, ``status`` held → planned).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.models.payments import PayLine
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_people import names_of
from involve_desktop.core.services.panels import MANAGE, load_panel, panel_info
from involve_desktop.core.services.panels_dto import PanelInfo, PanelStatus
from involve_desktop.core.services.payments_dto import OPEN_STATUSES, PayStatus
from involve_desktop.core.services.payments_lines import withdraw_line
from involve_desktop.core.services.record_version import check_version
from involve_desktop.core.services.transaction import require, transaction
from involve_desktop.core.text import sort_key

PAY_SOURCE = "panel_seat"  # payments_sources.panel_sources


def _not_held(row: Panel) -> None:
    if row.status == PanelStatus.CANCELLED.value:
        raise ValidationError(
            "status",
            "This panel is cancelled, not held; use Reinstate to make it planned again.",
        )
    if row.status != PanelStatus.HELD.value:
        raise ValidationError(
            "status",
            "This panel is already planned; only a panel marked held can go back to planned.",
        )


def _refuse_if_paid(session: Session, row: Panel) -> None:
    """Approved or paid pay lines for the panel's seats keep it held (see the module text)."""
    held = session.execute(
        select(PayLine.member_id, PayLine.status)
        .join(PanelSeat, PanelSeat.id == PayLine.source_id)
        .where(
            PayLine.source_kind == PAY_SOURCE,
            PanelSeat.panel_id == row.id,
            PayLine.status.not_in(OPEN_STATUSES),
        )
        .order_by(PayLine.id)
    ).all()
    if not held:
        return
    names = names_of(session, {member_id for member_id, _ in held})
    paid = any(status == PayStatus.PAID.value for _, status in held)
    people = sorted({names.get(member_id, "someone") for member_id, _ in held}, key=sort_key)
    who = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
    if paid:
        has = "has" if len(people) == 1 else "have"
        raise ValidationError(
            "status",
            f"{who} {has} already been paid for this panel, so it stays held. If it did not "
            "take place, ask whoever handles payments to sort out the payment.",
        )
    raise ValidationError(
        "status",
        f"Pay for {who} on this panel is approved, so it stays held. Ask whoever handles "
        "payments to send the pay line back (Payments → Back to waiting) first.",
    )


def _withdraw_open_lines(session: Session, actor: Actor, row: Panel) -> None:
    """The panel's seats' pay lines not yet approved go (see the module text)."""
    lines = session.scalars(
        select(PayLine)
        .join(PanelSeat, PanelSeat.id == PayLine.source_id)
        .where(
            PayLine.source_kind == PAY_SOURCE,
            PanelSeat.panel_id == row.id,
            PayLine.status.in_(OPEN_STATUSES),
        )
        .order_by(PayLine.id)
    ).all()
    for line in lines:
        withdraw_line(session, actor, line, "the panel went back to planned")


def reopen_panel(
    session: Session, actor: Actor, panel_id: int, *, expected_version: int | None = None
) -> PanelInfo:
    """Put a held panel back to planned (undo Mark held); its seats, preparation and debrief
    stay as recorded; its pay lines not yet approved are withdrawn. Refused for a panel not
    held, or one with approved or paid pay lines.

    ``expected_version``: the version the person was looking at (RecordChanged if it moved on).
    """
    require(session, actor, Permission.MANAGE_PANELS, MANAGE)
    with transaction(session):
        row = load_panel(session, panel_id)
        check_version(row, expected_version, what=f"the {row.post_title} panel", by=actor)
        _not_held(row)
        _refuse_if_paid(session, row)
        _withdraw_open_lines(session, actor, row)
        audit.record(session, actor, "update", "panel", row.id, {"status": ["held", "planned"]})
        row.status = PanelStatus.PLANNED.value
        info = panel_info(session, row)
    return info
