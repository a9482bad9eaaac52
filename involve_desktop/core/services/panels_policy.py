"""The panel policy (Settings) and the rules about it, as plain sentences.

Decisions:

- ``min_lived`` lived-experience members are needed on every panel, whatever the policy
  (default 1). EQUAL also needs at least as many lived-experience members as staff (more
  is fine); MAJORITY needs more lived-experience members than staff.
- A cancelled panel is never flagged; planned and held panels are.
- The over-reliance warning shows when the 3 people who sat most took more than the
  threshold (default 50 %) of all lived-experience seats in the period; it compares whole
  numbers (top × 100 > threshold × seats), so it never depends on rounding.

``policy_check`` and ``reliance_figures`` are pure functions (no database, no clock);
``get_policy`` / ``save_policy`` read and write the one ``panel_settings`` row.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.panels import PanelSettings
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import (
    TOP_PEOPLE,
    PanelPolicy,
    PersonCount,
    PolicyCheck,
    PolicyKind,
    RelianceFigures,
)
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.core.services.transaction import require, transaction

MAX_MIN_LIVED = 10
LIVED = ("lived-experience member", "lived-experience members")


def lived_words(count: int) -> str:
    """ "1 lived-experience member", "3 lived-experience members"."""
    return plural(count, *LIVED)


def staff_words(count: int) -> str:
    """ "1 staff member", "3 staff"."""
    return "1 staff member" if count == 1 else f"{count:,} staff"


def policy_words(policy: PanelPolicy) -> str:
    """The policy in the middle of a sentence: "equal numbers", "at least 2 …"."""
    floor = f"at least {lived_words(policy.min_lived)}"
    if policy.kind is PolicyKind.EQUAL:
        extra = f", with {floor}" if policy.min_lived > 1 else ""
        return f"equal numbers of lived-experience members and staff{extra}"
    if policy.kind is PolicyKind.MAJORITY:
        extra = f", with {floor}" if policy.min_lived > 1 else ""
        return f"a majority of lived-experience members{extra}"
    return floor


def lived_needed(lived: int, staff: int, policy: PanelPolicy) -> int:
    """How many more lived-experience members would make the panel meet the policy."""
    needed = policy.min_lived - lived
    if policy.kind is PolicyKind.EQUAL:
        needed = max(needed, staff - lived)
    elif policy.kind is PolicyKind.MAJORITY:
        needed = max(needed, staff + 1 - lived)
    return max(needed, 0)


def policy_check(
    lived: int, staff: int, policy: PanelPolicy, *, cancelled: bool = False
) -> PolicyCheck:
    """Whether a panel with these seats meets the policy, in a plain sentence, e.g.
    "1 lived-experience member and 3 staff: the policy is equal numbers of lived-experience
    members and staff — add 2 more lived-experience members."."""
    if cancelled:
        return PolicyCheck(True, "Cancelled: the panel policy does not apply.")
    seated = f"{lived_words(lived)} and {staff_words(staff)}"
    needed = lived_needed(lived, staff, policy)
    if not needed:
        return PolicyCheck(True, f"{seated}: meets the policy ({policy_words(policy)}).")
    more = "" if lived == 0 else " more"
    add = f"add {needed:,}{more} {LIVED[0] if needed == 1 else LIVED[1]}"
    return PolicyCheck(False, f"{seated}: the policy is {policy_words(policy)} — {add}.", needed)


def period_words(start: date, end: date) -> str:
    """ "from Mon 1 Dec 2025 to Sun 30 Nov 2026"."""
    return f"from {format_date(start)} to {format_date(end)}"


def reliance_figures(
    counts: dict[int, int],
    names: dict[int, str],
    threshold: int,
    start: date,
    end: date,
    *,
    last_12_months: bool = False,
) -> RelianceFigures:
    """The over-reliance indicator from lived-experience seats per person in a period.

    The top 3 are the people with most seats (ties broken by name, which does not change
    the seats they took together).
    """
    seats = sum(counts.values())
    ranked = sorted(counts.items(), key=lambda item: (-item[1], names.get(item[0], ""), item[0]))
    top = tuple(PersonCount(m, names.get(m, ""), n) for m, n in ranked[:TOP_PEOPLE])
    top_seats = sum(p.seats for p in top)
    warning = seats > 0 and top_seats * 100 > threshold * seats
    when = "in the last 12 months" if last_12_months else period_words(start, end)
    figures = RelianceFigures(
        start, end, len(counts), seats, top_seats, top, threshold, warning, ""
    )
    if not seats:
        text = f"No lived-experience members sat on a held panel {when}."
    else:
        people = plural(len(counts), "different person", "different people")
        most = "The person who sat most" if len(top) == 1 else f"The {len(top)} who sat most"
        text = (
            f"{people[0].upper()}{people[1:]} sat on panels {when} "
            f"({plural(seats, 'lived-experience seat')}). {most} took {top_seats:,} of "
            f"{seats:,} seats ({figures.share_percent} %)"
        )
        if warning:
            text += (
                f" — more than the {threshold} % set in Settings. The same few people are "
                "carrying most panels: ask others who are trained, and train new people."
            )
        else:
            text += f", within the {threshold} % set in Settings."
    return RelianceFigures(start, end, len(counts), seats, top_seats, top, threshold, warning, text)


# --- Settings -----------------------------------------------------------------------------


def _row(session: Session) -> PanelSettings | None:
    return session.scalar(select(PanelSettings).order_by(PanelSettings.id).limit(1))


def current_policy(session: Session) -> PanelPolicy:
    """The policy in force (defaults until a coordinator saves one); no permission check,
    for other panel services."""
    row = _row(session)
    if row is None:
        return PanelPolicy()
    return PanelPolicy(PolicyKind(row.policy), row.min_lived, row.reliance_threshold)


def get_policy(session: Session, actor: Actor) -> PanelPolicy:
    """The panel policy, for the Settings screen and the panels screen."""
    require(session, actor, Permission.VIEW_PANELS, "see recruitment panels")
    return current_policy(session)


def checked_policy(policy: PanelPolicy) -> PanelPolicy:
    """The policy, or ValidationError naming the field to fix."""
    try:
        kind = PolicyKind(policy.kind)
    except ValueError:
        raise ValidationError(
            "policy", "Choose at least a number, equal numbers, or a majority."
        ) from None
    minimum = policy.min_lived
    if (
        isinstance(minimum, bool)
        or not isinstance(minimum, int)
        or not 1 <= minimum <= MAX_MIN_LIVED
    ):
        raise ValidationError(
            "min_lived",
            f"Lived-experience members needed must be a whole number from 1 to {MAX_MIN_LIVED}.",
        )
    threshold = policy.reliance_threshold
    if isinstance(threshold, bool) or not isinstance(threshold, int) or not 1 <= threshold <= 100:
        raise ValidationError(
            "reliance_threshold",
            "The warning threshold must be a whole percentage from 1 to 100 — for example 50.",
        )
    return PanelPolicy(kind, minimum, threshold)


def save_policy(session: Session, actor: Actor, policy: PanelPolicy) -> PanelPolicy:
    """Change the panel policy or the warning threshold (coordinators; audited)."""
    require(session, actor, Permission.MANAGE_PANELS, "change the panel policy")
    clean = checked_policy(policy)
    with transaction(session):
        row = _row(session)
        if row is None:
            row = PanelSettings()
            session.add(row)
        before = {
            "policy": row.policy,
            "min_lived": row.min_lived,
            "reliance_threshold": row.reliance_threshold,
        }
        row.policy, row.min_lived = clean.kind.value, clean.min_lived
        row.reliance_threshold = clean.reliance_threshold
        session.flush()
        after = {
            "policy": row.policy,
            "min_lived": row.min_lived,
            "reliance_threshold": row.reliance_threshold,
        }
        changes = audit.changes_between(before, after)
        if changes:
            audit.record(session, actor, "update", "panel_settings", row.id, changes)
    return clean
