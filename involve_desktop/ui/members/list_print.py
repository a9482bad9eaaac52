"""What Ctrl+P prints from the members list: the member sheet that matches the list shown.

- An account that may copy phone numbers and email onto paper (coordinators) gets the
  contact list of the people shown: the list's status becomes the sheet's "Who" (active,
  stepping back, or both), and its role, search words and consent-review filter the
  sheet's. With the training filter on, and the account allowed, it is the training due
  list instead. People who have left are never printed: with "Everyone" shown the words
  say they are left out, and with only "Left" shown the sheet is of current members.
- Any other account that may print sheets of members (facilitators) gets the members
  summary: counts only, no names, so no contact details reach paper.
- An account that may print neither gets None (the window's blank sign-in sheet).

The permissions are those of the sheets' catalogue entries (a test checks they agree), so the
services never refuse what is offered here; the catalogue itself is not imported, as it
imports every sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter, MemberStatus
from involve_desktop.core.sheets.params import MemberScope, SheetField

CONTACT_LIST = "contact-list"
TRAINING_DUE = "training-due"
MEMBERS_SUMMARY = "members-summary"
NEEDS = {
    CONTACT_LIST: (Permission.PRINT_SHEETS, Permission.EXPORT_PERSONAL_DATA),
    TRAINING_DUE: (
        Permission.PRINT_SHEETS,
        Permission.VIEW_MEMBERS,
        Permission.MANAGE_MEMBER_RECORDS,
    ),
    MEMBERS_SUMMARY: (Permission.PRINT_SHEETS, Permission.VIEW_MEMBERS),
}
SHEET_WORDS = {
    CONTACT_LIST: "contact list",
    TRAINING_DUE: "training due list",
    MEMBERS_SUMMARY: "members summary (counts, no names)",
}
WHO_WORDS = {
    "shown": " of the members shown",
    "shown-not-left": " of the members shown, except those who have left",
    "current": " of current members (people who have left are not printed)",
    "": "",
}


@dataclass(frozen=True)
class MemberPrint:
    """The sheet to print and the inputs to fill in on the Sheets screen."""

    key: str
    values: dict[SheetField, str] = field(default_factory=dict)
    who: str = ""  # a key of WHO_WORDS: how the sheet's people compare with the list's

    @property
    def menu_text(self) -> str:
        """The File menu's Ctrl+P words, e.g. "Print contact list of the members shown…"."""
        return f"&Print {SHEET_WORDS[self.key]}{WHO_WORDS[self.who]}…"


def may_print(actor: Actor, key: str) -> bool:
    """Whether ``actor`` holds every permission sheet ``key`` needs."""
    return all(actor.can(permission) for permission in NEEDS[key])


def member_print(actor: Actor, shown: MemberFilter, role_name: str | None) -> MemberPrint | None:
    """The sheet that prints the members ``shown`` (the list's filter; ``role_name`` the name
    of its role filter), or None when ``actor`` may print no member sheet."""
    if shown.training is not None and may_print(actor, TRAINING_DUE):
        return MemberPrint(TRAINING_DUE, _filters(shown, role_name), _who(shown))
    if may_print(actor, CONTACT_LIST):
        return MemberPrint(CONTACT_LIST, _filters(shown, role_name), _who(shown))
    if may_print(actor, MEMBERS_SUMMARY):
        return MemberPrint(MEMBERS_SUMMARY)
    return None


def _scope(shown: MemberFilter) -> MemberScope:
    """The list's status as the sheet's "Who" (people who left are never printed)."""
    current = shown.statuses - {MemberStatus.LEFT}
    if current == {MemberStatus.ACTIVE}:
        return MemberScope.ACTIVE
    if current == {MemberStatus.STEPPING_BACK}:
        return MemberScope.STEPPING_BACK
    return MemberScope.INCLUDING_STEPPING_BACK


def _who(shown: MemberFilter) -> str:
    """How the sheet's people compare with the list's (a key of ``WHO_WORDS``)."""
    if shown.statuses == frozenset({MemberStatus.LEFT}):
        return "current"
    if MemberStatus.LEFT in shown.statuses:
        return "shown-not-left"
    return "shown"


def _filters(shown: MemberFilter, role_name: str | None) -> dict[SheetField, str]:
    """The list's filters as the sheet's inputs: Who, role, search words, consent due."""
    values = {SheetField.MEMBERS: _scope(shown).value}
    if shown.role_type_id is not None and role_name:
        values[SheetField.ROLE] = role_name
    if shown.search.strip() and _who(shown) != "current":
        values[SheetField.SEARCH] = shown.search.strip()
    if shown.consent_due:
        values[SheetField.CONSENT_DUE] = "yes"
    return values
