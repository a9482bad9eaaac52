"""A member's status history in date order: each change on or after the one before, and
the date joined on or before the first change (its "Joined" line follows the date joined).
"""

from __future__ import annotations

from datetime import date

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import Member, StatusChange
from involve_desktop.core.services.member_dto import MemberStatus

# The words of the status dialog's date box for each change, and of what a change began.
DATE_LABELS = {
    MemberStatus.STEPPING_BACK: "Stepping back from",
    MemberStatus.LEFT: "Left on",
    MemberStatus.ACTIVE: "Back from",
}
_BEGAN = {
    MemberStatus.STEPPING_BACK: "they started stepping back",
    MemberStatus.LEFT: "they left",
    MemberStatus.ACTIVE: "they came back",
}


def is_joined_line(change: StatusChange) -> bool:
    """Whether ``change`` is a member's first history line, "Joined" (on the date joined)."""
    return change.status == MemberStatus.ACTIVE.value and change.reason == "Joined"


def later_changes(member: Member) -> list[StatusChange]:
    """The status history after the "Joined" line (stepping back, leaving, returning)."""
    changes = list(member.status_changes)
    if changes and is_joined_line(changes[0]):
        changes = changes[1:]
    return changes


def refuse_before_latest(member: Member, effective_on: date, label: str) -> None:
    """A status change dated before the latest one would put the history out of order."""
    later = later_changes(member)
    if not later:
        return
    latest = max(later, key=lambda c: (c.effective_on, c.id or 0))
    if effective_on < latest.effective_on:
        raise ValidationError(
            "effective_on",
            f"{label} must be on or after {format_date(latest.effective_on)}, when "
            f"{_BEGAN[MemberStatus(latest.status)]} — give that day or a later one.",
        )


def check_date_joined(member: Member, joined: date) -> None:
    """Date joined cannot be after any status change (stepping back, leaving, returning)."""
    later = later_changes(member)
    if not later:
        return
    first = min(later, key=lambda c: (c.effective_on, c.id or 0))
    if joined > first.effective_on:
        raise ValidationError(
            "date_joined",
            f"Date joined must be on or before {format_date(first.effective_on)}, when "
            f"{_BEGAN[MemberStatus(first.status)]} — give that day or an earlier one.",
        )


def follow_date_joined(member: Member, joined: date) -> None:
    """Keep the "Joined" history line on the date joined."""
    changes = member.status_changes
    if changes and is_joined_line(changes[0]):
        changes[0].effective_on = joined
