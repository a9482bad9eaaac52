"""What Ctrl+P prints from the members list: the member sheet that matches the list shown.

- An account that may copy phone numbers and email onto paper (coordinators) gets the
  contact list of the people shown: the list's status becomes the sheet's "Who" (active, or
  active and stepping back) and its role filter the sheet's role. With the training filter
  on, and the account allowed, it is the training due list instead.
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
TEXTS = {
    CONTACT_LIST: "&Print contact list of the members shown…",
    TRAINING_DUE: "&Print training due list of the members shown…",
    MEMBERS_SUMMARY: "&Print members summary (counts, no names)…",
}


@dataclass(frozen=True)
class MemberPrint:
    """The sheet to print and the inputs to fill in on the Sheets screen."""

    key: str
    values: dict[SheetField, str] = field(default_factory=dict)

    @property
    def menu_text(self) -> str:
        """The File menu's Ctrl+P words, e.g. "Print contact list of the members shown…"."""
        return TEXTS[self.key]


def may_print(actor: Actor, key: str) -> bool:
    """Whether ``actor`` holds every permission sheet ``key`` needs."""
    return all(actor.can(permission) for permission in NEEDS[key])


def member_print(actor: Actor, shown: MemberFilter, role_name: str | None) -> MemberPrint | None:
    """The sheet that prints the members ``shown`` (the list's filter; ``role_name`` the name
    of its role filter), or None when ``actor`` may print no member sheet."""
    if shown.training is not None and may_print(actor, TRAINING_DUE):
        return MemberPrint(TRAINING_DUE, _scope_and_role(shown, role_name))
    if may_print(actor, CONTACT_LIST):
        return MemberPrint(CONTACT_LIST, _scope_and_role(shown, role_name))
    if may_print(actor, MEMBERS_SUMMARY):
        return MemberPrint(MEMBERS_SUMMARY)
    return None


def _scope_and_role(shown: MemberFilter, role_name: str | None) -> dict[SheetField, str]:
    """The list's status as the sheet's "Who" (people who left are never printed) and role."""
    active_only = shown.statuses == frozenset({MemberStatus.ACTIVE})
    scope = MemberScope.ACTIVE if active_only else MemberScope.INCLUDING_STEPPING_BACK
    values = {SheetField.MEMBERS: scope.value}
    if shown.role_type_id is not None and role_name:
        values[SheetField.ROLE] = role_name
    return values
