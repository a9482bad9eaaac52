"""Home: the things that need attention, each a plain sentence, how urgent, and where to act.

Decisions:

- Urgency: overdue (the date has passed), this week (within 7 days of ``today``), this
  month (within 30 days). Things further off are not listed.
- Each kind is read by the service that owns it and shown only to roles that can act on it:
  training, consent and stepping-back check-ins need MANAGE_MEMBER_RECORDS; rota gaps
  MANAGE_ROTA; panels VIEW_PANELS; payments VIEW_PAYMENTS; graduation MANAGE_COHORTS;
  attendance not yet taken RUN_MEETINGS (a facilitator's own groups only).
- Training that ran out more than ``TRAINING_LOOKBACK_DAYS`` ago is left to the members
  list's "Training expired" filter, so Home does not fill up with old news.
- Rota gaps in the next 7 days are listed one by one (people alone on shift named); gaps
  later in the next 30 days are one line opening the Gaps tab. Gaps are found from counts
  read in the database (``rota_coverage.coverage``); only this week's are read in full.
- Consent review is one line (the review lists the people) opening Settings → Privacy's
  consent review; Home counts in the database who that review lists
  (``dashboard_queries.consent_counts``).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date, format_pence
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import (
    cohorts_cohorts,
    cohorts_progress,
    meetings_meetings,
    panels,
    panels_people,
    payments_expenses,
    payments_lines,
    rota_coverage,
)
from involve_desktop.core.services.cohorts_dto import CohortStatus, Standing
from involve_desktop.core.services.dashboard import EARLIEST, month_of
from involve_desktop.core.services.dashboard_dto import (
    AttentionItem,
    AttentionKind,
    GapsPeriod,
    Target,
    Urgency,
)
from involve_desktop.core.services.dashboard_queries import (
    check_ins_due,
    consent_counts,
    training_running_out,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import PanelStatus
from involve_desktop.core.services.payments_dto import PayStatus
from involve_desktop.core.services.rota_dto import CoverageState, ShiftView, hhmm, plural
from involve_desktop.core.services.transaction import permitted, require

WEEK_DAYS = 7
MONTH_DAYS = 30
TRAINING_LOOKBACK_DAYS = 90


def urgency_of(day: date, today: date) -> Urgency:
    """Overdue before ``today``, this week within 7 days, else this month."""
    if day < today:
        return Urgency.OVERDUE
    if day <= today + timedelta(days=WEEK_DAYS):
        return Urgency.THIS_WEEK
    return Urgency.THIS_MONTH


def short_date(day: date) -> str:
    """ "3 Dec": attention items are within a month or so of today."""
    return f"{day.day} {day:%b}"


def possessive(name: str) -> str:
    """ "Zoë Adams's"."""
    return f"{name}'s"


def attention_items(
    session: Session, actor: Actor, today: date | None = None
) -> list[AttentionItem]:
    """Everything that needs doing that ``actor`` may act on, most urgent first."""
    require(session, actor, Permission.VIEW_MEMBERS, "see Home")
    day = today or date.today()
    items: list[AttentionItem] = []
    if permitted(session, actor, Permission.MANAGE_MEMBER_RECORDS):
        items += _training(session, day)
        items += _check_ins(session, day)
        items += _consent(session, day)
    if permitted(session, actor, Permission.MANAGE_ROTA):
        items += _rota(session, actor, day)
    if permitted(session, actor, Permission.VIEW_PANELS):
        items += _panels(session, actor, day)
    if permitted(session, actor, Permission.VIEW_PAYMENTS):
        items += _payments(session, actor, day)
    if permitted(session, actor, Permission.MANAGE_COHORTS):
        items += _graduation(session, actor, day)
    if permitted(session, actor, Permission.RUN_MEETINGS):
        items += _attendance(session, actor, day)
    return sorted(items, key=lambda i: (i.urgency.rank, i.day or day, i.text))


def _training(session: Session, today: date) -> list[AttentionItem]:
    since = today - timedelta(days=TRAINING_LOOKBACK_DAYS)
    items = []
    for row in training_running_out(session, since, today + timedelta(days=MONTH_DAYS)):
        verb = "ran out" if row.expires_on < today else "runs out"
        items.append(
            AttentionItem(
                AttentionKind.TRAINING,
                f"{possessive(row.name)} {row.training.lower()} training {verb} on "
                f"{short_date(row.expires_on)}",
                urgency_of(row.expires_on, today),
                Target("members", row.member_id),
                row.expires_on,
            )
        )
    return items


def _check_ins(session: Session, today: date) -> list[AttentionItem]:
    return [
        AttentionItem(
            AttentionKind.CHECK_IN,
            f"Check in with {row.name}, who is stepping back "
            f"({'was due' if row.check_in_on < today else 'due'} {short_date(row.check_in_on)})",
            urgency_of(row.check_in_on, today),
            Target("members", row.member_id),
            row.check_in_on,
        )
        for row in check_ins_due(session, today + timedelta(days=MONTH_DAYS))
    ]


def _consent(session: Session, today: date) -> list[AttentionItem]:
    counts = consent_counts(session, today)
    if not counts.to_review:
        return []
    who = "member's" if counts.to_review == 1 else "members'"
    never = counts.never_recorded
    detail = f" ({never} never recorded)" if never else ""
    return [
        AttentionItem(
            AttentionKind.CONSENT,
            f"{counts.to_review} {who} consent to review{detail}",
            Urgency.OVERDUE,
            Target("settings", "consent_review"),
        )
    ]


def _gap_text(view: ShiftView) -> str:
    slot = view.slot
    when = f"{slot.site_name}, {format_date(slot.day)} {hhmm(slot.start)}"
    if view.state is CoverageState.ALONE:
        # Only who counts: someone who left or is away is on it but not there.
        names = ", ".join(a.name for a in view.assignees if a.away is None) or "One person"
        return f"{names} alone on shift: {when}"
    if view.state is CoverageState.NO_ONE:
        return f"No one on shift yet: {when}"
    return f"Shift short ({view.on_count} of {slot.min_peers}): {when}"


def _rota(session: Session, actor: Actor, today: date) -> list[AttentionItem]:
    week_end = today + timedelta(days=WEEK_DAYS - 1)
    later_end = today + timedelta(days=MONTH_DAYS)
    found = [
        c for c in rota_coverage.coverage(session, actor, today, later_end, today=today) if c.is_gap
    ]
    this_week = rota_coverage.views_of(
        session, actor, [c.shift_id for c in found if c.day <= week_end], today=today
    )
    items = [
        AttentionItem(
            AttentionKind.ALONE if v.state is CoverageState.ALONE else AttentionKind.GAP,
            _gap_text(v),
            Urgency.THIS_WEEK,
            Target("rota", v.slot.day),
            v.slot.day,
        )
        for v in this_week
        if v.state.is_gap
    ]
    later = [c for c in found if c.day > week_end]
    if later:
        alone = sum(1 for c in later if c.state is CoverageState.ALONE)
        extra = f", {alone} with someone alone" if alone else ""
        items.append(
            AttentionItem(
                AttentionKind.GAP,
                f"{plural(len(later), 'more shift')} below minimum in the next 4 weeks{extra}",
                Urgency.THIS_MONTH,
                Target("rota", GapsPeriod(week_end + timedelta(days=1), later_end)),
                later[0].day,
            )
        )
    return items


def _panels(session: Session, actor: Actor, today: date) -> list[AttentionItem]:
    items = []
    upcoming = panels.list_panels(
        session, actor, today, today + timedelta(days=MONTH_DAYS), status=PanelStatus.PLANNED
    )
    for panel in upcoming:
        if panel.policy.ok:
            continue
        items.append(
            AttentionItem(
                AttentionKind.PANEL_POLICY,
                f"{panel.post_title} panel on {short_date(panel.day)}: {panel.policy.explanation}",
                urgency_of(panel.day, today),
                Target("panels", panel.id),
                panel.day,
            )
        )
    figures = panels_people.over_reliance(session, actor, today=today)
    if figures.warning:
        items.append(
            AttentionItem(
                AttentionKind.OVER_RELIANCE,
                f"Panels lean on a few people: {len(figures.top_people)} took "
                f"{figures.share_percent}% of lived-experience seats in the last 12 months",
                Urgency.THIS_MONTH,
                Target("panels", "who"),
            )
        )
    return items


def _payments(session: Session, actor: Actor, today: date) -> list[AttentionItem]:
    _start, end = month_of(today)
    waiting = [PayStatus.PENDING]
    lines = payments_lines.list_pay_lines(session, actor, EARLIEST, end, statuses=waiting)
    claims = payments_expenses.list_claims(session, actor, EARLIEST, end, statuses=waiting)
    items = []
    for found, thing, tab in (
        (lines, "pay line", "waiting"),
        (claims, "expense claim", "expenses"),
    ):
        if found:
            total = format_pence(sum(x.amount_pence for x in found))
            items.append(
                AttentionItem(
                    AttentionKind.PAYMENTS,
                    f"{plural(len(found), thing)} ({total}) waiting for approval",
                    Urgency.THIS_WEEK,
                    Target("payments", (tab, found[0].day, end)),
                )
            )
    return items


def _graduation(session: Session, actor: Actor, today: date) -> list[AttentionItem]:
    items = []
    for cohort in cohorts_cohorts.list_cohorts(
        session, actor, statuses=[CohortStatus.RUNNING, CohortStatus.FINISHED]
    ):
        found = cohorts_progress.standings(session, actor, cohort.id, today=today)
        ready = sum(1 for standing in found if standing is Standing.DONE)
        if ready:
            people = plural(ready, "person", "people")
            have = "has" if ready == 1 else "have"
            items.append(
                AttentionItem(
                    AttentionKind.GRADUATION,
                    f"{people} on {cohort.title} {have} done enough to graduate",
                    Urgency.THIS_MONTH,
                    Target("cohorts", cohort.id),
                )
            )
    return items


def _attendance(session: Session, actor: Actor, today: date) -> list[AttentionItem]:
    since = today - timedelta(days=MONTH_DAYS)
    found = meetings_meetings.list_meetings(
        session, actor, start=since, end=today, include_cancelled=False
    )
    return [
        AttentionItem(
            AttentionKind.ATTENDANCE,
            f"Attendance not taken yet: {m.group_name}, {format_date(m.day)}",
            Urgency.OVERDUE if m.day < today else Urgency.THIS_WEEK,
            Target("meetings", m.id),
            m.day,
        )
        for m in found
        if m.attendance_recorded_at is None and m.day <= today
    ]
