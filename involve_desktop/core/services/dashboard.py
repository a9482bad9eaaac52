"""Home: this month at a glance, for the signed-in account.

Decisions:

- "This month" is the calendar month holding ``today``.
- Each figure comes from the service that owns it (rota coverage, meetings, panels and their
  policy check, cohort progress, pay lines and claims), so Home and the areas always agree.
- The role decides what is read, here in the service: every account sees member counts;
  the rota needs VIEW_ROTA; meetings are the groups the account may see (a facilitator's
  own); cohorts the ones it may see; panels and payments are coordinators' only, so a
  facilitator's figures never include them. Permissions are read afresh (``permitted``),
  and an account that was turned off is refused (and the refusal audited).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.formatting import format_pence
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import (
    cohorts_cohorts,
    cohorts_progress,
    meetings_access,
    meetings_meetings,
    panels,
    payments_expenses,
    payments_lines,
    rota_coverage,
)
from involve_desktop.core.services.cohorts_dto import CohortStatus, Standing
from involve_desktop.core.services.dashboard_dto import Figure, GapsPeriod, MonthAtAGlance, Target
from involve_desktop.core.services.dashboard_queries import member_counts, people_present
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import PanelStatus
from involve_desktop.core.services.payments_dto import PayStatus
from involve_desktop.core.services.rota_dto import CoverageState, plural
from involve_desktop.core.services.transaction import permitted, require

EARLIEST = date(2000, 1, 1)  # pay lines and claims waiting from any time


def month_of(today: date) -> tuple[date, date]:
    """The first and last day of the calendar month holding ``today``."""
    start = today.replace(day=1)
    return start, add_months(start, 1) - timedelta(days=1)


def month_at_a_glance(session: Session, actor: Actor, today: date | None = None) -> MonthAtAGlance:
    """The figures for this month that ``actor``'s role may see, in reading order."""
    require(session, actor, Permission.VIEW_MEMBERS, "see Home")
    day = today or date.today()
    start, end = month_of(day)
    figures = [*_member_figures(session, start, end)]
    if permitted(session, actor, Permission.VIEW_ROTA):
        figures.append(_rota_figure(session, actor, start, end, day))
    if permitted(session, actor, Permission.VIEW_MEETINGS):
        figures.append(_meetings_figure(session, actor, start, end, day))
    if permitted(session, actor, Permission.VIEW_PANELS):
        figures.append(_panels_figure(session, actor, start, end))
    if permitted(session, actor, Permission.VIEW_COHORTS):
        figures.append(_cohorts_figure(session, actor, day))
    if permitted(session, actor, Permission.VIEW_PAYMENTS):
        figures.append(_payments_figure(session, actor, end))
    return MonthAtAGlance(start, end, tuple(figures))


def _member_figures(session: Session, start: date, end: date) -> list[Figure]:
    counts = member_counts(session, start, end)
    # Stepping back is a status of its own: not among the active members counted here.
    stepping = f"Plus {counts.stepping_back} stepping back" if counts.stepping_back else ""
    return [
        Figure(
            "active",
            str(counts.active),
            "active " + ("member" if counts.active == 1 else "members"),
            stepping,
            Target("members"),
        ),
        Figure(
            "newcomers",
            str(counts.newcomers),
            "joined this month" if counts.newcomers != 1 else "newcomer this month",
            "",
            Target("members"),
        ),
    ]


def _rota_figure(session: Session, actor: Actor, start: date, end: date, today: date) -> Figure:
    found = rota_coverage.coverage(session, actor, start, end, today=today)
    shifts = [c for c in found if not c.cancelled]
    gaps = [c for c in shifts if c.state.is_gap]
    alone = sum(1 for c in gaps if c.state is CoverageState.ALONE)
    if not shifts:
        return Figure("shifts", "0", "shifts this month", "No shifts set up", Target("rota"))
    detail = plural(len(gaps), "gap") if gaps else "No gaps"
    if alone:
        detail += f", {alone} alone on shift"
    return Figure(
        "shifts",
        f"{len(shifts) - len(gaps)} of {len(shifts)}",
        "shifts covered",
        detail,
        Target("rota", GapsPeriod(start, end)) if gaps else Target("rota"),
    )


def _meetings_figure(session: Session, actor: Actor, start: date, end: date, today: date) -> Figure:
    found = meetings_meetings.list_meetings(session, actor, start=start, end=end)
    held = [m for m in found if not m.cancelled and m.day <= today]
    to_come = sum(1 for m in found if not m.cancelled and m.day > today)
    present = sum(m.present for m in held)
    parts = [f"{to_come} to come"] if to_come else []
    if held:
        # people, not attendances: someone at all four Tuesday meetings is one person
        people = people_present(session, [m.id for m in held])
        came = f"{plural(people, 'person', 'people')} came"
        parts.append(came if people == present else f"{came} ({present} attendances)")
    detail = ", ".join(parts) or "None this month"
    words = "meetings held" if len(held) != 1 else "meeting held"
    if not meetings_access.all_groups(session, actor):
        words += " in your groups"
    return Figure(
        "meetings",
        str(len(held)),
        words,
        detail,
        Target("meetings"),
    )


def _panels_figure(session: Session, actor: Actor, start: date, end: date) -> Figure:
    held = panels.list_panels(session, actor, start, end, status=PanelStatus.HELD)
    met = sum(1 for p in held if p.policy.ok)
    detail = f"{met} of {len(held)} met the lived-experience policy" if held else "None held yet"
    return Figure(
        "panels",
        str(len(held)),
        "panels held" if len(held) != 1 else "panel held",
        detail,
        Target("panels"),
    )


def _cohorts_figure(session: Session, actor: Actor, today: date) -> Figure:
    running = cohorts_cohorts.list_cohorts(session, actor, statuses=[CohortStatus.RUNNING])
    standings: list[Standing] = []
    for cohort in running:
        standings += cohorts_progress.standings(session, actor, cohort.id, today=today)
    on_track = sum(1 for s in standings if s in (Standing.ON_TRACK, Standing.DONE))
    cannot = sum(1 for s in standings if s is Standing.CANNOT)
    detail = f"{on_track} on track" + (f", {cannot} cannot now complete" if cannot else "")
    return Figure(
        "cohorts",
        str(len(running)),
        "cohorts running" if len(running) != 1 else "cohort running",
        detail if running else "None running",
        Target("cohorts"),
    )


def _payments_figure(session: Session, actor: Actor, end: date) -> Figure:
    waiting = [PayStatus.PENDING]
    lines = payments_lines.list_pay_lines(session, actor, EARLIEST, end, statuses=waiting)
    claims = payments_expenses.list_claims(session, actor, EARLIEST, end, statuses=waiting)
    total = sum(x.amount_pence for x in lines) + sum(c.amount_pence for c in claims)
    count = len(lines) + len(claims)
    first = min((x.day for x in [*lines, *claims]), default=end)
    detail = f"{format_pence(total)} to approve" if count else "Nothing to approve"
    if claims:
        detail += f" ({plural(len(claims), 'expense claim')})"
    return Figure(
        "payments",
        str(count),
        "payments waiting" if count != 1 else "payment waiting",
        detail,
        Target("payments", ("waiting" if lines or not claims else "expenses", first, end)),
    )
