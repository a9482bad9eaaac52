"""The words the Panels screens show for a panel: people, policy, place, time since.

Pure functions over the panel DTOs (no Qt), so the list, the dialog and the banner say the
same thing the same way. Status is always text or a sign, never colour alone.
"""

from __future__ import annotations

from datetime import date

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.panels_dto import (
    PanelInfo,
    PanelPolicy,
    PanelStatus,
    PolicyCheck,
    PolicyKind,
    RelianceFigures,
)
from involve_desktop.core.services.panels_policy import LIVED, lived_words, staff_words
from involve_desktop.core.services.rota_dto import plural

MEETS = "✓ Meets policy"
NO_PANELS = (
    "No panels yet — set up a recruitment panel here: the post, who sits on it, their "
    "preparation and the debrief."
)
ADD_PANEL = "A&dd a panel…"
NO_PANELS_READ_ONLY = "No panels yet — a coordinator sets them up."


def people_text(info: PanelInfo) -> str:
    """ "2 lived experience · 3 staff", or "Nobody yet"."""
    if not (info.lived_count or info.staff_count):
        return "Nobody yet"
    return f"{info.lived_count} lived experience · {info.staff_count} staff"


def needs_more(needed: int) -> str:
    """ "1 more lived-experience member", "2 more lived-experience members"."""
    return f"{needed} more {LIVED[0] if needed == 1 else LIVED[1]}"


def too_few(needed: int) -> str:
    """ "1 lived-experience member too few", "2 lived-experience members too few"."""
    return f"{needed} {LIVED[0] if needed == 1 else LIVED[1]} too few"


def policy_text(info: PanelInfo) -> str:
    """The list's policy column: "✓ Meets policy", "⚠ Needs 1 more lived-experience member"
    (still to come) or "⚠ 1 lived-experience member too few" (a held panel cannot
    take anyone more: a new coordinator read "Needs" on last year's panels as a job to do)."""
    if info.status is PanelStatus.CANCELLED:
        return "— (cancelled)"
    if info.policy.ok:
        return MEETS
    if info.status is PanelStatus.HELD:
        return f"⚠ {too_few(info.policy.lived_needed)}"
    return f"⚠ Needs {needs_more(info.policy.lived_needed)}"


def policy_line(check: PolicyCheck, policy_words: str) -> str:
    """The dialog's policy line, e.g. "⚠ This panel needs 1 more lived-experience member to
    meet your policy (equal numbers)" or "✓ Meets your policy (equal numbers)"."""
    if check.ok:
        return f"✓ Meets your policy ({policy_words})"
    return (
        f"⚠ This panel needs {needs_more(check.lived_needed)} to meet your policy ({policy_words})"
    )


def short_policy(policy: PanelPolicy) -> str:
    """The policy in a few words: "at least as many lived-experience members as staff",
    "a majority", "at least 2". (Not "equal numbers": "✓ Meets your policy (equal numbers)"
    beside 2 lived-experience members and no staff read as a mistake.)"""
    floor = f"at least {policy.min_lived}"
    if policy.kind is PolicyKind.EQUAL:
        return "at least as many lived-experience members as staff" + (
            f", {floor}" if policy.min_lived > 1 else ""
        )
    if policy.kind is PolicyKind.MAJORITY:
        return "a majority" + (f", {floor}" if policy.min_lived > 1 else "")
    return floor


def where_text(info: PanelInfo) -> str:
    """The venue, "Online", or "Venue (and online)"."""
    if info.venue and info.online:
        return f"{info.venue} (and online)"
    return info.venue or ("Online" if info.online else "")


def status_text(info: PanelInfo) -> str:
    """ "Planned", "Held", "Held · no debrief", "Cancelled: room not available".

    A held panel without a debrief says so, so the list shows which panels still need
    one (a new coordinator could not tell from the list)."""
    if info.status is PanelStatus.CANCELLED and info.cancelled_reason:
        return f"Cancelled: {info.cancelled_reason}"
    if info.status is PanelStatus.HELD and info.debrief_on is None:
        return f"{info.status.label} · no debrief"
    return info.status.label


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 if less than a month)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def since_text(last: date | None, today: date) -> str:
    """ "never sat", "last sat 8 months ago", "last sat 2 weeks ago", "last sat 2 years ago"."""
    if last is None:
        return "never sat"
    if last >= today:
        return "sits today" if last == today else f"due to sit on {format_date(last)}"
    months = months_between(last, today)
    if months == 0:
        days = (today - last).days
        ago = plural(days, "day") if days < 14 else plural(days // 7, "week")
    elif months < 24:
        ago = plural(months, "month")
    else:
        ago = plural(months // 12, "year")
    return f"last sat {ago} ago"


def banner_text(figures: RelianceFigures) -> tuple[str, bool]:
    """The over-reliance banner for the last 12 months and whether it is a warning.

    Above the threshold: "In the last 12 months 9 different people sat in lived-experience
    seats. 3 people
    took 77 % of the lived-experience seats — above your 50 % limit. When you set up the
    next panel, ask someone who has not sat for a while." Below it, one quiet line.
    """
    if not figures.lived_seats:
        return (
            "No lived-experience members have sat on a held panel in the last 12 months yet.",
            False,
        )
    people = plural(figures.distinct_people, "different person", "different people")
    top = plural(len(figures.top_people), "person", "people")
    share = f"{top} took {figures.share_percent} % of the lived-experience seats"
    if figures.warning:
        return (
            f"⚠ In the last 12 months {people} sat in lived-experience seats. {share} — above your "
            f"{figures.threshold} % limit. When you set up the next panel, ask someone who "
            "has not sat for a while.",
            True,
        )
    return (
        f"In the last 12 months {people} sat in lived-experience seats; {share} (your limit is "
        f"{figures.threshold} %).",
        False,
    )


def seats_words(lived: int, staff: int) -> str:
    """ "1 lived-experience member and 2 staff"."""
    return f"{lived_words(lived)} and {staff_words(staff)}"
