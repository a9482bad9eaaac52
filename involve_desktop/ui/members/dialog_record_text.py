"""The words of the record dialogs: which status changes are offered, and how they read."""

from __future__ import annotations

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.member_dto import MemberDetail, MemberStatus, RoleHeld

KEEPS_HISTORY = (
    "Stepping back is a pause, not leaving: their roles, training, consent and history all "
    "stay, and nobody needs to give a reason."
)
# (label on the choice, label on the date, explanation) for each change allowed from a status.
CHANGES: dict[MemberStatus, list[tuple[MemberStatus, str, str, str]]] = {
    MemberStatus.ACTIVE: [
        (
            MemberStatus.STEPPING_BACK,
            "Step back for a while",
            "Stepping back from:",
            KEEPS_HISTORY + " You can set a date to check in with them.",
        ),
        (
            MemberStatus.LEFT,
            "Leave the group",
            "Left on:",
            "They are hidden from the members list, but nothing is deleted: you can "
            "restore them later.",
        ),
    ],
    MemberStatus.STEPPING_BACK: [
        (
            MemberStatus.ACTIVE,
            "Return to active",
            "Back from:",
            "Welcome back: everything they had before is still here.",
        ),
        (
            MemberStatus.LEFT,
            "Leave the group",
            "Left on:",
            "They are hidden from the members list, but nothing is deleted: you can "
            "restore them later.",
        ),
    ],
    MemberStatus.LEFT: [
        (
            MemberStatus.ACTIVE,
            "Restore — they have come back",
            "Back from:",
            "They return to the members list with all their history.",
        ),
    ],
}


def status_sentence(member: MemberDetail) -> str:
    """ "Zoë Adams is stepping back (check in on Tue 3 Mar 2026)." and the like."""
    name = member.display_name
    if member.status is MemberStatus.STEPPING_BACK:
        check = f" (check in on {format_date(member.check_in_on)})" if member.check_in_on else ""
        return f"{name} is stepping back{check}."
    if member.status is MemberStatus.LEFT:
        when = f" on {format_date(member.left_on)}" if member.left_on else ""
        why = f" ({member.left_reason})" if member.left_reason else ""
        return f"{name} left the group{when}{why}."
    return f"{name} is active."


def role_text(role: RoleHeld) -> str:
    """ "Peer supporter, since Tue 3 Mar 2026"."""
    return f"{role.name}, since {format_date(role.start_on)}"
