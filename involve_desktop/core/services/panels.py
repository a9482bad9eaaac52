"""Recruitment panels: set one up, record how it went, cancel with a reason, list them.

Coordinators only (MANAGE_PANELS to change, VIEW_PANELS to see); every change is audited
(entity ``panel``). A cancelled panel cannot be changed until it is reinstated; a panel
can be marked held only on or after its day. Each listed panel carries ``policy``, the
plain-language check against the panel policy (``panels_policy``), so any listing can flag
it. Seats are added and removed in ``panels_seats``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_people import name_order, names_of
from involve_desktop.core.services.meetings_schedule import check_times
from involve_desktop.core.services.panels_dto import (
    PanelInfo,
    PanelInput,
    PanelPolicy,
    PanelProcessInput,
    PanelStatus,
    SeatInfo,
    SeatKind,
)
from involve_desktop.core.services.panels_policy import current_policy, policy_check
from involve_desktop.core.services.record_version import check_version
from involve_desktop.core.services.rota_dto import hhmm
from involve_desktop.core.services.transaction import require, transaction

MANAGE = "change recruitment panels"
SEE = "see recruitment panels"
MAX_CANDIDATES = 200


def seat_infos(
    session: Session, seats: Sequence[PanelSeat], names: dict[int, str] | None = None
) -> tuple[SeatInfo, ...]:
    """Seats as DTOs: lived-experience members first, then staff, each alphabetical
    (``names``: the members' names if already read)."""
    if names is None:
        names = names_of(session, {s.member_id for s in seats if s.member_id is not None})
    infos = [
        SeatInfo(
            s.id,
            SeatKind(s.kind),
            s.member_id,
            names.get(s.member_id, "") if s.member_id is not None else s.outside_name or "",
            s.job_title,
            s.panel_role,
            s.override_reason,
        )
        for s in seats
    ]
    order = {SeatKind.LIVED_EXPERIENCE: 0, SeatKind.STAFF: 1}
    return tuple(sorted(infos, key=lambda s: (order[s.kind], *name_order(s.name, s.id))))


def panel_infos(
    session: Session, rows: Sequence[Panel], policy: PanelPolicy | None = None
) -> list[PanelInfo]:
    """DTOs for panel rows (seats read in one query), each checked against the policy."""
    rules = policy or current_policy(session)
    ids = [row.id for row in rows]
    by_panel: dict[int, list[PanelSeat]] = {i: [] for i in ids}
    if ids:
        for seat in session.scalars(select(PanelSeat).where(PanelSeat.panel_id.in_(ids))):
            by_panel[seat.panel_id].append(seat)
    names = names_of(
        session, {s.member_id for seats in by_panel.values() for s in seats if s.member_id}
    )
    infos = []
    for row in rows:
        seats = seat_infos(session, by_panel[row.id], names)
        lived = sum(1 for s in seats if s.kind is SeatKind.LIVED_EXPERIENCE)
        status = PanelStatus(row.status)
        check = policy_check(
            lived, len(seats) - lived, rules, cancelled=status is PanelStatus.CANCELLED
        )
        infos.append(
            PanelInfo(
                row.id,
                row.post_title,
                row.team,
                row.day,
                row.start_time,
                row.end_time,
                row.venue,
                row.online,
                row.online_link,
                row.candidates,
                status,
                row.cancelled_reason,
                row.briefing_on,
                row.shortlisting,
                row.question_setting,
                row.scoring,
                row.questions_contributed,
                row.debrief_on,
                row.feedback_given,
                seats,
                check,
                version=row.version,
            )
        )
    return infos


def panel_info(session: Session, row: Panel) -> PanelInfo:
    """DTO for one panel row."""
    return panel_infos(session, [row])[0]


def load_panel(session: Session, panel_id: int) -> Panel:
    """The panel row, or NotFound (for other panel services, after their check)."""
    row = session.get(Panel, panel_id)
    if row is None:
        raise NotFound("That panel is no longer in the records. Refresh the list.")
    return row


PANEL_YEARS_BACK = 10


def _values(data: PanelInput, today: date) -> dict[str, object]:
    post = validation.required_text("post_title", "Post title", data.post_title, 200)
    if not isinstance(data.day, date):
        raise ValidationError("day", "Give the day of the panel — for example 3 Mar 2026.")
    # Past panels may be recorded afterwards; 1900 or 9999 is a typing slip.
    validation.within_years(
        data.day, "day", "The day of the panel", today, back=PANEL_YEARS_BACK, ahead=3
    )
    if data.end_time is not None and data.start_time is None:
        raise ValidationError("start_time", "Give the start time as well as the end time.")
    if data.start_time is not None and data.end_time is not None:
        check_times(data.start_time, data.end_time, required=True)
    venue = validation.optional_text(data.venue, 500, "venue", "Venue")
    link = validation.optional_text(data.online_link, 500, "online_link", "Online link")
    if link and not data.online:
        raise ValidationError(
            "online_link", "Tick Online to keep a link, or clear the link for a panel in person."
        )
    if not venue and not data.online:
        raise ValidationError("venue", "Give the venue, or tick Online for a panel held online.")
    candidates = data.candidates
    if candidates is not None and (
        isinstance(candidates, bool)
        or not isinstance(candidates, int)
        or not 0 <= candidates <= MAX_CANDIDATES
    ):
        raise ValidationError(
            "candidates",
            f"Number of candidates must be a whole number from 0 to {MAX_CANDIDATES}, or blank.",
        )
    return {
        "post_title": post,
        "team": validation.optional_text(data.team, 200, "team", "Team or organisation"),
        "day": data.day,
        "start_time": data.start_time,
        "end_time": data.end_time,
        "venue": venue,
        "online": bool(data.online),
        "online_link": link,
        "candidates": candidates,
    }


def _audit_values(values: dict[str, object]) -> dict[str, object]:
    return {
        k: hhmm(v) if k in ("start_time", "end_time") and v is not None else v
        for k, v in values.items()
    }


def create_panel(
    session: Session, actor: Actor, data: PanelInput, *, today: date | None = None
) -> PanelInfo:
    """Set up a panel (planned, no one seated yet)."""
    require(session, actor, Permission.MANAGE_PANELS, MANAGE)
    values = _values(data, today or date.today())
    with transaction(session):
        row = Panel(**values, status=PanelStatus.PLANNED.value)
        session.add(row)
        session.flush()
        audit.record(
            session, actor, "create", "panel", row.id, audit.created_fields(_audit_values(values))
        )
        info = panel_info(session, row)
    return info


def _editable(row: Panel) -> None:
    if row.status == PanelStatus.CANCELLED.value:
        raise ValidationError("status", "This panel is cancelled; reinstate it to change it.")


def _fields(row: Panel, names: Sequence[str]) -> dict[str, object]:
    return _audit_values({name: getattr(row, name) for name in names})


def update_panel(
    session: Session,
    actor: Actor,
    panel_id: int,
    data: PanelInput,
    *,
    today: date | None = None,
    expected_version: int | None = None,
    process: PanelProcessInput | None = None,
) -> PanelInfo:
    """Change a panel's details (a held panel cannot move into the future; the day cannot
    move past the recorded briefing or debrief) and, with ``process``, its preparation and
    debrief too — all in one go, so nothing is half-saved when either part is refused.

    ``expected_version``: the version the edit started from (RecordChanged if it moved on).
    """
    return _save(session, actor, panel_id, data, process, today, expected_version)


PROCESS_FIELDS = (
    "briefing_on",
    "shortlisting",
    "question_setting",
    "scoring",
    "questions_contributed",
    "debrief_on",
    "feedback_given",
)


def record_process(
    session: Session,
    actor: Actor,
    panel_id: int,
    data: PanelProcessInput,
    *,
    today: date | None = None,
    expected_version: int | None = None,
) -> PanelInfo:
    """Record the briefing, what panel members took part in, the debrief and feedback.

    ``expected_version``: the version the edit started from (RecordChanged if it moved on).
    """
    return _save(session, actor, panel_id, None, data, today, expected_version)


def _check_dates(
    day: date,
    briefing: date | None,
    debrief: date | None,
    *,
    moved: bool,
    briefing_changed: bool,
    debrief_changed: bool,
) -> None:
    """The briefing is on or before the panel day, the debrief on or after it. When only the
    day moved, the refusal is on Day and names the recorded date it would cross."""
    when = format_date(day)
    if briefing is not None and briefing > day:
        if moved and not briefing_changed:
            raise ValidationError(
                "day",
                f"The briefing is recorded on {format_date(briefing)}, after {when}; the "
                "briefing comes before the panel. Check the day, or change the briefing date "
                "on 3 Preparation and debrief.",
            )
        raise ValidationError(
            "briefing_on", f"The briefing comes before the panel ({when}) — check the date."
        )
    if debrief is not None and debrief < day:
        if moved and not debrief_changed:
            raise ValidationError(
                "day",
                f"The debrief is recorded on {format_date(debrief)}, before {when}; the "
                "debrief is on or after the panel. Check the day, or change the debrief date "
                "on 3 Preparation and debrief.",
            )
        raise ValidationError(
            "debrief_on", f"The debrief is on or after the panel ({when}) — check the date."
        )


def _save(
    session: Session,
    actor: Actor,
    panel_id: int,
    data: PanelInput | None,
    process: PanelProcessInput | None,
    today: date | None,
    expected_version: int | None,
) -> PanelInfo:
    """``update_panel`` and ``record_process``: every rule checked before anything changes,
    one transaction and one audit entry for both parts."""
    require(session, actor, Permission.MANAGE_PANELS, MANAGE)
    now = today or date.today()
    values = _values(data, now) if data is not None else {}
    questions = None
    if process is not None:
        questions = validation.optional_text(
            process.questions_contributed, 4000, "questions_contributed", "Questions contributed"
        )
    with transaction(session):
        row = load_panel(session, panel_id)
        check_version(row, expected_version, what=f"the {row.post_title} panel", by=actor)
        _editable(row)
        day = values.get("day", row.day)
        if data is not None and row.status == PanelStatus.HELD.value and day > now:
            raise ValidationError("day", "This panel is recorded as held, so it cannot move ahead.")
        briefing = process.briefing_on if process is not None else row.briefing_on
        debrief = process.debrief_on if process is not None else row.debrief_on
        _check_dates(
            day,
            briefing,
            debrief,
            moved=day != row.day,
            briefing_changed=briefing != row.briefing_on,
            debrief_changed=debrief != row.debrief_on,
        )
        if process is not None and process.debrief_on is not None:
            validation.not_in_future(process.debrief_on, "debrief_on", "The debrief date", now)
        names = [*values, *(PROCESS_FIELDS if process is not None else ())]
        before = _fields(row, names)
        for name, value in values.items():
            setattr(row, name, value)
        if process is not None:
            row.briefing_on, row.debrief_on = process.briefing_on, process.debrief_on
            row.shortlisting = bool(process.shortlisting)
            row.question_setting = bool(process.question_setting)
            row.scoring, row.feedback_given = bool(process.scoring), bool(process.feedback_given)
            row.questions_contributed = questions
        changes = audit.changes_between(before, _fields(row, names))
        if changes:
            audit.record(session, actor, "update", "panel", row.id, changes)
        info = panel_info(session, row)
    return info


def mark_held(
    session: Session,
    actor: Actor,
    panel_id: int,
    *,
    today: date | None = None,
    expected_version: int | None = None,
) -> PanelInfo:
    """Record that a planned panel took place (on or after its day, with someone on it: a
    new coordinator marked an empty panel held by mistake).

    ``expected_version`` (here, in ``cancel_panel`` and ``reinstate_panel``): the version the
    person was looking at; RecordChanged if someone else saved the panel since, so a dialog
    that then takes the new version cannot save its stale fields over theirs."""
    require(session, actor, Permission.MANAGE_PANELS, MANAGE)
    with transaction(session):
        row = load_panel(session, panel_id)
        check_version(row, expected_version, what=f"the {row.post_title} panel", by=actor)
        _editable(row)
        if row.day > (today or date.today()):
            raise ValidationError(
                "status",
                f"The panel is on {format_date(row.day)}; mark it held on or after that day.",
            )
        seated = session.scalar(select(PanelSeat.id).where(PanelSeat.panel_id == row.id).limit(1))
        if row.status != PanelStatus.HELD.value and seated is None:
            raise ValidationError(
                "status",
                "Nobody is recorded on this panel yet — add the people who sat on it "
                "(People), then mark it held.",
            )
        if row.status != PanelStatus.HELD.value:
            audit.record(session, actor, "update", "panel", row.id, {"status": ["planned", "held"]})
            row.status = PanelStatus.HELD.value
        info = panel_info(session, row)
    return info


def cancel_panel(
    session: Session,
    actor: Actor,
    panel_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
) -> PanelInfo:
    """Cancel a panel with a reason; it stays listed, marked cancelled, its seats kept."""
    require(session, actor, Permission.MANAGE_PANELS, MANAGE)
    clean = validation.required_text("reason", "Reason for cancelling", reason, 500)
    with transaction(session):
        row = load_panel(session, panel_id)
        check_version(row, expected_version, what=f"the {row.post_title} panel", by=actor)
        if row.status == PanelStatus.HELD.value:
            raise ValidationError(
                "reason",
                "This panel is recorded as held; a panel that took place cannot be cancelled.",
            )
        audit.record(session, actor, "update", "panel", row.id, {"cancelled": clean})
        row.status, row.cancelled_reason = PanelStatus.CANCELLED.value, clean
        info = panel_info(session, row)
    return info


def reinstate_panel(
    session: Session, actor: Actor, panel_id: int, *, expected_version: int | None = None
) -> PanelInfo:
    """Undo a cancellation (the panel is planned again)."""
    require(session, actor, Permission.MANAGE_PANELS, MANAGE)
    with transaction(session):
        row = load_panel(session, panel_id)
        check_version(row, expected_version, what=f"the {row.post_title} panel", by=actor)
        if row.status == PanelStatus.CANCELLED.value:
            audit.record(
                session, actor, "update", "panel", row.id, {"reinstated": row.cancelled_reason}
            )
            row.status, row.cancelled_reason = PanelStatus.PLANNED.value, None
        info = panel_info(session, row)
    return info


def get_panel(session: Session, actor: Actor, panel_id: int) -> PanelInfo:
    """One panel with its seats and policy check."""
    require(session, actor, Permission.VIEW_PANELS, SEE)
    return panel_info(session, load_panel(session, panel_id))


def list_panels(
    session: Session,
    actor: Actor,
    start: date | None = None,
    end: date | None = None,
    *,
    status: PanelStatus | None = None,
) -> list[PanelInfo]:
    """Panels in date order (optionally within a period, or of one status)."""
    require(session, actor, Permission.VIEW_PANELS, SEE)
    query = select(Panel).order_by(Panel.day, Panel.start_time, Panel.post_title, Panel.id)
    if start is not None:
        query = query.where(Panel.day >= start)
    if end is not None:
        query = query.where(Panel.day <= end)
    if status is not None:
        query = query.where(Panel.status == PanelStatus(status).value)
    return panel_infos(session, list(session.scalars(query)))
