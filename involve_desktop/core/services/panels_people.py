"""Who sits on panels: suggestions, the over-reliance indicator, each person's history.

- **Suggestions** for a panel: active members with recruitment-panel training current on
  the panel day, whose record does not say they have no lived experience, not already on
  it, and with no clash that day (another panel not cancelled, a rota shift they are on,
  or time marked unavailable). Ranked by who has sat least recently: never sat first,
  then the longest since their last panel (panels not cancelled before this one's day),
  then fewest panels in the 12 months before it, then name. Each comes with the reason in
  words.
- **Over-reliance** over held panels: distinct people in lived-experience seats, and the
  share of those seats the 3 most frequent people took (``panels_policy``).
- **Trained but not sat**: members with current training and no held panel in a period,
  for the "Who has sat" list.
- **History**: a person's panels (held and planned; cancelled left out), and in the
  involvement history "Recruitment panel: <post>" for each held panel they sat on, for
  accounts that may see panels (this module registers the provider; it is in
  ``involvement.PROVIDER_MODULES``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.models.people import Member
from involve_desktop.core.models.rota import RotaAssignment, RotaShift, RotaUnavailable
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import involvement
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_people import name_order, names_of
from involve_desktop.core.services.panels import SEE, load_panel, panel_infos
from involve_desktop.core.services.panels_dto import (
    PanelSat,
    PanelStatus,
    ParticipationRow,
    ParticipationSummary,
    PersonPanels,
    RelianceFigures,
    SeatKind,
    Suggestion,
)
from involve_desktop.core.services.panels_policy import current_policy, reliance_figures
from involve_desktop.core.services.panels_seats import training_expiry, training_problem
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.core.services.transaction import permitted, require

AREA = "Panels"
NOT_COUNTED_ROTA = ("cancelled", "did_not_attend")


def _clashes(session: Session, day: date, panel_id: int) -> set[int]:
    """Members with something else that day: a panel, a rota shift, or time unavailable."""
    busy = set(
        session.scalars(
            select(PanelSeat.member_id)
            .join(Panel, Panel.id == PanelSeat.panel_id)
            .where(
                Panel.day == day,
                Panel.id != panel_id,
                Panel.status != PanelStatus.CANCELLED.value,
                PanelSeat.member_id.is_not(None),
            )
        )
    )
    busy |= set(
        session.scalars(
            select(RotaAssignment.member_id)
            .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
            .where(
                RotaShift.day == day,
                RotaShift.cancelled.is_(False),
                func.coalesce(RotaAssignment.attendance, "").not_in(NOT_COUNTED_ROTA),
            )
        )
    )
    busy |= set(
        session.scalars(
            select(RotaUnavailable.member_id).where(
                RotaUnavailable.start_on <= day, RotaUnavailable.end_on >= day
            )
        )
    )
    return busy


def _sat(session: Session, before: date, since: date | None = None) -> list[tuple[int, date]]:
    """(member, day) of lived-experience seats on panels not cancelled, before ``before``."""
    query = (
        select(PanelSeat.member_id, Panel.day)
        .join(Panel, Panel.id == PanelSeat.panel_id)
        .where(
            Panel.status != PanelStatus.CANCELLED.value,
            Panel.day < before,
            PanelSeat.kind == SeatKind.LIVED_EXPERIENCE.value,
            PanelSeat.member_id.is_not(None),
        )
    )
    if since is not None:
        query = query.where(Panel.day >= since)
    return [(m, d) for m, d in session.execute(query)]


def suggestions(session: Session, actor: Actor, panel_id: int) -> list[Suggestion]:
    """Members who could take a lived-experience seat, best first (see the module note)."""
    require(session, actor, Permission.VIEW_PANELS, SEE)
    panel = load_panel(session, panel_id)
    day = panel.day
    seated = set(session.scalars(select(PanelSeat.member_id).where(PanelSeat.panel_id == panel.id)))
    active = set(
        session.scalars(
            select(Member.id).where(
                Member.status == "active", func.coalesce(Member.lived_experience, True)
            )
        )
    )
    expiry = {m: e for m, e in training_expiry(session, None, day).items() if m in active}
    names = names_of(session, expiry)
    candidates = {
        m for m in expiry if not training_problem(names[m], expiry, m, day) and m not in seated
    } - _clashes(session, day, panel.id)
    last: dict[int, date] = {}
    for member_id, sat_on in _sat(session, day):
        last[member_id] = max(last.get(member_id, sat_on), sat_on)
    year = Counter(m for m, _ in _sat(session, day, add_months(day, -12) + timedelta(days=1)))

    def reason(member_id: int) -> str:
        if member_id not in last:
            return "Has not sat on a panel yet."
        count = plural(year[member_id], "panel")
        return f"Last sat on {format_date(last[member_id])}; {count} in the 12 months before."

    ranked = sorted(
        candidates,
        key=lambda m: (
            m in last,
            last.get(m, date.min),
            year[m],
            *name_order(names[m], m),
        ),
    )
    return [Suggestion(m, names[m], last.get(m), year[m], reason(m)) for m in ranked]


def _held_seats(session: Session, start: date, end: date) -> list[tuple[int | None, str, date]]:
    """(member or None for outside people, seat kind, day) on held panels in the period."""
    return [
        (m, k, d)
        for m, k, d in session.execute(
            select(PanelSeat.member_id, PanelSeat.kind, Panel.day)
            .join(Panel, Panel.id == PanelSeat.panel_id)
            .where(Panel.status == PanelStatus.HELD.value, Panel.day >= start, Panel.day <= end)
        )
    ]


def _reliance(
    session: Session, start: date, end: date, *, last_12_months: bool = False
) -> RelianceFigures:
    counts = Counter(
        m
        for m, k, _ in _held_seats(session, start, end)
        if k == SeatKind.LIVED_EXPERIENCE.value and m
    )
    return reliance_figures(
        dict(counts),
        names_of(session, counts),
        current_policy(session).reliance_threshold,
        start,
        end,
        last_12_months=last_12_months,
    )


def last_12_months(today: date) -> tuple[date, date]:
    """The 12 months up to and including ``today`` (e.g. 27 Nov 2025 to 26 Nov 2026)."""
    return add_months(today, -12) + timedelta(days=1), today


def over_reliance(
    session: Session,
    actor: Actor,
    start: date | None = None,
    end: date | None = None,
    *,
    today: date | None = None,
) -> RelianceFigures:
    """The over-reliance indicator: by default for held panels in the last 12 months."""
    require(session, actor, Permission.VIEW_PANELS, SEE)
    if start is None or end is None:
        first, last = last_12_months(today or date.today())
        return _reliance(session, start or first, end or last, last_12_months=start is None)
    return _reliance(session, start, end)


def person_panels(
    session: Session,
    actor: Actor,
    member_id: int,
    start: date | None = None,
    end: date | None = None,
) -> PersonPanels:
    """A person's panels (held and planned, not cancelled), newest first."""
    require(session, actor, Permission.VIEW_PANELS, SEE)
    query = (
        select(
            Panel.id,
            Panel.day,
            Panel.post_title,
            Panel.team,
            PanelSeat.kind,
            PanelSeat.panel_role,
            Panel.status,
        )
        .join(Panel, Panel.id == PanelSeat.panel_id)
        .where(PanelSeat.member_id == member_id, Panel.status != PanelStatus.CANCELLED.value)
        .order_by(Panel.day.desc(), Panel.id.desc())
    )
    if start is not None:
        query = query.where(Panel.day >= start)
    if end is not None:
        query = query.where(Panel.day <= end)
    panels = tuple(
        PanelSat(i, d, p, t, SeatKind(k), r, PanelStatus(s))
        for i, d, p, t, k, r, s in session.execute(query)
    )
    return PersonPanels(member_id, names_of(session, [member_id]).get(member_id, ""), panels)


def participation_summary(
    session: Session, actor: Actor, start: date, end: date
) -> ParticipationSummary:
    """Panels in a period: how many held / planned / cancelled, how many held panels broke
    the policy, each member's seats on held panels, and the over-reliance figures."""
    require(session, actor, Permission.VIEW_PANELS, SEE)
    rows = list(session.scalars(select(Panel).where(Panel.day >= start, Panel.day <= end)))
    infos = panel_infos(session, rows)
    status = Counter(info.status for info in infos)
    short = sorted(
        (i for i in infos if i.status is PanelStatus.HELD and not i.meets_policy),
        key=lambda i: (i.day, i.post_title),
    )
    broke = len(short)
    seats: dict[int, Counter] = defaultdict(Counter)
    last: dict[int, date] = {}
    outside = 0
    for member_id, kind, day in _held_seats(session, start, end):
        if member_id is None:
            outside += 1
            continue
        seats[member_id][kind] += 1
        last[member_id] = max(last.get(member_id, day), day)
    names = names_of(session, seats)
    people = tuple(
        ParticipationRow(
            m,
            names.get(m, ""),
            seats[m][SeatKind.LIVED_EXPERIENCE.value],
            seats[m][SeatKind.STAFF.value],
            last.get(m),
        )
        for m in sorted(seats, key=lambda m: name_order(names.get(m, ""), m))
    )
    return ParticipationSummary(
        start,
        end,
        status[PanelStatus.HELD],
        status[PanelStatus.PLANNED],
        status[PanelStatus.CANCELLED],
        broke,
        outside,
        people,
        _reliance(session, start, end),
        tuple(f"{format_date(i.day)} {i.post_title}" for i in short),
    )


def trained_not_sat(
    session: Session, actor: Actor, start: date, end: date, *, today: date
) -> list[ParticipationRow]:
    """Active members with recruitment-panel training current ``today`` (and not recorded
    as without lived experience) who sat on no held panel in the period, by name; each
    with the day they last sat on a held panel before it (None: never). The "Who has sat"
    list shows them too, so who has not sat for a while is seen at once."""
    require(session, actor, Permission.VIEW_PANELS, SEE)
    active = set(
        session.scalars(
            select(Member.id).where(
                Member.status == "active", func.coalesce(Member.lived_experience, True)
            )
        )
    )
    expiry = {m: e for m, e in training_expiry(session, active, today).items()}
    names = names_of(session, expiry)
    current = {m for m in expiry if not training_problem(names[m], expiry, m, today)}
    sat = {m for m, _k, _d in _held_seats(session, start, end) if m is not None}
    earlier: dict[int, date] = {}
    for member_id, _kind, day in _held_seats(session, date.min, start - timedelta(days=1)):
        if member_id is not None:
            earlier[member_id] = max(earlier.get(member_id, day), day)
    return [
        ParticipationRow(m, names[m], 0, 0, earlier.get(m))
        for m in sorted(current - sat, key=lambda m: name_order(names[m], m))
    ]


@involvement.provides
def panels_involvement(
    session: Session, actor: Actor, member_id: int
) -> list[involvement.InvolvementItem]:
    """Involvement-history provider: each held panel the member sat on (nothing for an
    account without VIEW_PANELS: panels are coordinators' work)."""
    if not permitted(session, actor, Permission.VIEW_PANELS):
        return []
    rows = session.execute(
        select(Panel.day, Panel.post_title, Panel.team)
        .join(PanelSeat, PanelSeat.panel_id == Panel.id)
        .where(PanelSeat.member_id == member_id, Panel.status == PanelStatus.HELD.value)
    )
    return [
        involvement.InvolvementItem(
            day, AREA, f"Recruitment panel: {post}" + (f" ({team})" if team else "")
        )
        for day, post, team in rows
    ]
