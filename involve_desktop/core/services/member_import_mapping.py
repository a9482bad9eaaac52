"""Which spreadsheet column holds what: guessing from headings, checking the user's choice.

Also turns the text of one row into a ``MemberInput`` (cells are understood by
``member_import_values``), and its Status, Left on and Check in by cells into a status and
its dates, reporting text it cannot understand as (field, value, reason) so the preview can
list it against the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from typing import TypeVar

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.member_dto import (
    AccessNeeds,
    MemberInput,
    MemberStatus,
    Restricted,
)
from involve_desktop.core.services.member_import_values import (
    CellProblem,
    lost_letters,
    parse_access,
    parse_cell,
    parse_contact,
    parse_status,
    parse_uk_date,
    parse_yes_no,
    restore_phone,
    turn_name,
)
from involve_desktop.core.text import sort_key

T = TypeVar("T")


class ImportField(StrEnum):
    """What a spreadsheet column can be imported as (a column not mapped is left out)."""

    FULL_NAME = "full_name"
    FIRST_NAME = "first_name"
    SURNAME = "surname"
    PREFERRED_NAME = "preferred_name"
    PRONOUNS = "pronouns"
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"
    POSTCODE = "postcode"
    PREFERRED_CONTACT = "preferred_contact"
    DATE_JOINED = "date_joined"
    STATUS = "status"
    LEFT_ON = "left_on"
    CHECK_IN_ON = "check_in_on"
    ACCESS_NEEDS = "access_other"
    LIVED_EXPERIENCE = "lived_experience"
    EMERGENCY_CONTACT = "emergency_contact"
    NOTES = "notes"

    @property
    def label(self) -> str:
        """The words users see in the mapping and in problem lists."""
        return _LABELS[self]

    @property
    def restricted(self) -> bool:
        """True for fields only roles allowed to edit restricted information may import."""
        return self in RESTRICTED_FIELDS


_LABELS = {
    ImportField.FULL_NAME: "Full name",
    ImportField.FIRST_NAME: "First name",
    ImportField.SURNAME: "Surname",
    ImportField.PREFERRED_NAME: "Preferred name",
    ImportField.PRONOUNS: "Pronouns",
    ImportField.EMAIL: "Email",
    ImportField.PHONE: "Phone",
    ImportField.ADDRESS: "Address",
    ImportField.POSTCODE: "Postcode",
    ImportField.PREFERRED_CONTACT: "Preferred contact",
    ImportField.DATE_JOINED: "Date joined",
    ImportField.STATUS: "Status",
    ImportField.LEFT_ON: "Left on",
    ImportField.CHECK_IN_ON: "Check in by",
    ImportField.ACCESS_NEEDS: "Access needs",
    ImportField.LIVED_EXPERIENCE: "Lived experience",
    ImportField.EMERGENCY_CONTACT: "Emergency contact",
    ImportField.NOTES: "Notes",
}
RESTRICTED_FIELDS = frozenset(
    {ImportField.LIVED_EXPERIENCE, ImportField.EMERGENCY_CONTACT, ImportField.NOTES}
)
# Fields whose text is a name: a "?" in them is a letter Excel's plain CSV could not keep.
NAME_FIELDS = frozenset(
    {
        ImportField.FULL_NAME,
        ImportField.FIRST_NAME,
        ImportField.SURNAME,
        ImportField.PREFERRED_NAME,
    }
)
# Dates that belong to the Status column: they need it, and the permission it needs.
STATUS_DATE_FIELDS = (ImportField.LEFT_ON, ImportField.CHECK_IN_ON)
# A check-in is planned ahead: a two-digit year ("01/03/27") may be up to this many years on.
_CHECK_IN_YEARS_AHEAD = 20
# Several columns may hold parts of the address (Address 1, Address 2, Town…).
MULTI_COLUMN_FIELDS = frozenset({ImportField.ADDRESS})
FIELD_LABELS = {f.value: f.label for f in ImportField}  # ValidationError.field → label

Mapping = tuple[ImportField | None, ...]

_EXACT: dict[str, ImportField] = {}
for _field, _names in {
    ImportField.FULL_NAME: "name|full name|fullname|member|member name|names|surname first name|"
    "surname forename|last name first name|name surname first",
    ImportField.FIRST_NAME: "first name|firstname|forename|forenames|given name|first names|"
    "christian name",
    ImportField.SURNAME: "surname|last name|lastname|family name|second name",
    ImportField.PREFERRED_NAME: "preferred name|known as|nickname|goes by|name used|"
    "preferred first name",
    ImportField.PRONOUNS: "pronouns|pronoun",
    ImportField.EMAIL: "email|e mail|email address|e mail address|mail",
    ImportField.PHONE: "phone|mobile|tel|telephone|phone number|mobile number|contact number|"
    "tel no|telephone number|mobile phone|landline|phone no",
    ImportField.ADDRESS: "address|street|town|city|town city|village|address line",
    ImportField.POSTCODE: "postcode|post code|postal code|zip|zip code",
    ImportField.PREFERRED_CONTACT: "preferred contact|contact method|preferred contact method|"
    "how to contact|contact preference|contact by",
    ImportField.DATE_JOINED: "date joined|joined|start date|joining date|date of joining|"
    "member since|joined on|started|date started|joined date",
    ImportField.STATUS: "status|member status|membership status|current status",
    ImportField.LEFT_ON: "left on|date left|leaving date|left date",
    ImportField.CHECK_IN_ON: "check in by|check in|check in date",
    ImportField.ACCESS_NEEDS: "access needs|access requirements|accessibility|access|"
    "accessibility needs",
    ImportField.LIVED_EXPERIENCE: "lived experience|has lived experience|lived exp",
    ImportField.EMERGENCY_CONTACT: "emergency contact|next of kin|ice|emergency contact details",
    ImportField.NOTES: "notes|note|comments|comment",
}.items():
    for _name in _names.split("|"):
        _EXACT[_name] = _field

# Headings that contain these words (checked in order) when no exact match is found.
_CONTAINS: list[tuple[str, ImportField | None]] = [
    ("consent", None),
    ("emergency", ImportField.EMERGENCY_CONTACT),
    ("lived experience", ImportField.LIVED_EXPERIENCE),
    ("known as", ImportField.PREFERRED_NAME),
    ("preferred name", ImportField.PREFERRED_NAME),
    ("email", ImportField.EMAIL),
    ("e mail", ImportField.EMAIL),
    ("postcode", ImportField.POSTCODE),
    ("post code", ImportField.POSTCODE),
    ("phone", ImportField.PHONE),
    ("mobile", ImportField.PHONE),
    ("tel", ImportField.PHONE),
    ("address", ImportField.ADDRESS),
    ("joined", ImportField.DATE_JOINED),
    ("start date", ImportField.DATE_JOINED),
    ("forename", ImportField.FIRST_NAME),
    ("first name", ImportField.FIRST_NAME),
    ("surname", ImportField.SURNAME),
    ("last name", ImportField.SURNAME),
    ("notes", ImportField.NOTES),
]


def _heading_words(heading: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", sort_key(heading)).split()
    return " ".join(w for w in words if not w.isdigit())


def guess_field(heading: str) -> ImportField | None:
    """The field a column heading most likely means ("E-mail" → Email), or None."""
    words = _heading_words(heading)
    if not words:
        return None
    if words in _EXACT:
        return _EXACT[words]
    padded = f" {words} "
    for fragment, field in _CONTAINS:
        if f" {fragment} " in padded:
            return field
    return None


def guess_mapping(headers: Sequence[str]) -> Mapping:
    """A field for each column, guessed from its heading; each field used once (but Address)."""
    guesses = [guess_field(h) for h in headers]
    if ImportField.SURNAME in guesses and ImportField.FIRST_NAME not in guesses:
        # "Name" beside "Surname" means the first name.
        guesses = [ImportField.FIRST_NAME if g is ImportField.FULL_NAME else g for g in guesses]
    seen: set[ImportField] = set()
    mapping: list[ImportField | None] = []
    for field in guesses:
        if field is not None and field not in MULTI_COLUMN_FIELDS and field in seen:
            field = None
        if field is not None:
            seen.add(field)
        mapping.append(field)
    return tuple(mapping)


def mapping_problems(
    headers: Sequence[str],
    mapping: Mapping,
    *,
    may_import_restricted: bool,
    may_set_status: bool = True,
) -> list[str]:
    """What is wrong with a column mapping, in plain words (empty when it can be used).

    ``may_set_status``: whether the account may change a member's status (the Status
    column is applied with the status rules, which need that permission).
    """
    problems: list[str] = []
    chosen = [f for f in mapping if f is not None]
    if not {ImportField.FULL_NAME, ImportField.FIRST_NAME, ImportField.SURNAME} & set(chosen):
        problems.append(
            "Choose which column holds the names: set one column to Full name (or two "
            "columns to First name and Surname)."
        )
    for field in ImportField:
        columns = [headers[i] for i, f in enumerate(mapping) if f is field]
        if len(columns) > 1 and field not in MULTI_COLUMN_FIELDS:
            names = " and ".join(f"“{c}”" for c in columns)
            problems.append(
                f"{field.label} is chosen for more than one column ({names}). Keep one and "
                "set the others to “Don't import”."
            )
        if columns and field.restricted and not may_import_restricted:
            problems.append(
                f"“{columns[0]}” holds restricted information ({field.label.lower()}), which "
                "your account cannot import. Set it to “Don't import”, or ask a coordinator."
            )
    if ImportField.STATUS in chosen and not may_set_status:
        column = headers[mapping.index(ImportField.STATUS)]
        problems.append(
            f"“{column}” holds each person's status, which your account cannot change. Set "
            "it to “Don't import”, or ask a coordinator."
        )
    for field in STATUS_DATE_FIELDS:
        if field not in chosen:
            continue
        column = headers[mapping.index(field)]
        if ImportField.STATUS not in chosen:
            problems.append(
                f"“{column}” ({field.label}) goes with each person's status, but no column "
                f"is set to Status. Set the status column to Status, or set “{column}” to "
                "“Don't import”."
            )
        elif not may_set_status:
            problems.append(
                f"“{column}” ({field.label}) is part of each person's status, which your "
                "account cannot change. Set it to “Don't import”, or ask a coordinator."
            )
    return problems


def row_status(
    cells: Sequence[str], mapping: Mapping, problems: list[CellProblem]
) -> MemberStatus | None:
    """The status the row's Status cell gives (None: blank or no Status column)."""
    if ImportField.STATUS not in mapping:
        return None
    text = _cell(cells, mapping, ImportField.STATUS)
    return parse_cell(ImportField.STATUS.label, text or None, parse_status, problems)


def _cell(cells: Sequence[str], mapping: Mapping, field: ImportField) -> str:
    """The text of ``field``'s column in this row ("" when blank or not mapped)."""
    if field not in mapping:
        return ""
    column = mapping.index(field)
    return cells[column] if column < len(cells) else ""


def row_status_dates(
    cells: Sequence[str],
    mapping: Mapping,
    status: MemberStatus | None,
    joined: date | None,
    today: date,
    problems: list[CellProblem],
) -> tuple[date | None, date | None]:
    """The row's Left on and Check in by dates (None when blank, or not understood, with
    the reason added to ``problems``).

    ``joined``: the row's date joined as read (None when its cell could not be read: the
    dates are then not compared with it). A Left on date is only for someone who has
    left, and not after ``today``; a Check in by only for someone stepping back, and may
    be past (an overdue check-in). Neither may be before they joined.
    """
    left_text = _cell(cells, mapping, ImportField.LEFT_ON)
    check_text = _cell(cells, mapping, ImportField.CHECK_IN_ON)
    ahead = date(today.year + _CHECK_IN_YEARS_AHEAD, 12, 31)
    # A Status cell that could not be read has its own problem; no second one here.
    status_unread = status is None and bool(_cell(cells, mapping, ImportField.STATUS))
    left_on = parse_cell(
        ImportField.LEFT_ON.label, left_text or None, lambda t: parse_uk_date(t, today), problems
    )
    check_in_on = parse_cell(
        ImportField.CHECK_IN_ON.label,
        check_text or None,
        lambda t: parse_uk_date(t, ahead),
        problems,
    )
    if left_on is not None and not status_unread:
        if status is not MemberStatus.LEFT:
            problems.append(_only_for(ImportField.LEFT_ON, left_text, MemberStatus.LEFT))
            left_on = None
        elif left_on > today:
            problems.append(
                CellProblem(
                    ImportField.LEFT_ON.label,
                    left_text,
                    f"Left on ({format_date(left_on)}) is after today ({format_date(today)}): "
                    "write the day they left, today or earlier.",
                )
            )
            left_on = None
        elif joined is not None and left_on < joined:
            problems.append(_before_joined(ImportField.LEFT_ON, left_text, left_on, joined))
            left_on = None
    if check_in_on is not None and not status_unread:
        if status is not MemberStatus.STEPPING_BACK:
            problems.append(
                _only_for(ImportField.CHECK_IN_ON, check_text, MemberStatus.STEPPING_BACK)
            )
            check_in_on = None
        elif joined is not None and check_in_on < joined:
            problems.append(
                _before_joined(ImportField.CHECK_IN_ON, check_text, check_in_on, joined)
            )
            check_in_on = None
    return left_on, check_in_on


def _only_for(field: ImportField, text: str, status: MemberStatus) -> CellProblem:
    return CellProblem(
        field.label,
        text,
        f"A {field.label} date is only for someone whose Status is {status.label}: change "
        f"the Status to {status.label}, or clear {field.label}.",
    )


def _before_joined(field: ImportField, text: str, day: date, joined: date) -> CellProblem:
    return CellProblem(
        field.label,
        text,
        f"{field.label} ({format_date(day)}) is before they joined ({format_date(joined)}): "
        f"correct {field.label} or Date joined (a blank Date joined means today).",
    )


def typed_cells(cells: Sequence[str], mapping: Mapping) -> dict[str, str]:
    """Each mapped field's label → its cell(s) as typed (address parts joined), for the
    problem list's "What it says"."""
    typed: dict[str, list[str]] = {}
    for cell, field in zip(cells, mapping, strict=False):
        if field is not None and cell:
            typed.setdefault(field.label, []).append(cell)
    return {
        label: ", ".join(parts) if label == ImportField.ADDRESS.label else parts[0]
        for label, parts in typed.items()
    }


def row_input(
    cells: Sequence[str], mapping: Mapping, today: date, *, single_byte_csv: bool = False
) -> tuple[MemberInput, list[CellProblem]]:
    """The MemberInput one row describes, and the cells that could not be understood.

    ``single_byte_csv``: the row comes from a plain single-byte CSV, so a "?" in a name
    is taken for a letter lost in saving (elsewhere it may really be part of the name).
    """
    values: dict[ImportField, list[str]] = {}
    for cell, field in zip(cells, mapping, strict=False):
        if field is not None and cell:
            values.setdefault(field, []).append(cell)

    def one(field: ImportField) -> str | None:
        return values[field][0] if field in values else None

    problems: list[CellProblem] = []
    for field, texts in values.items():
        for text in texts[:1] if field not in MULTI_COLUMN_FIELDS else texts:
            lost = lost_letters(
                field.label, text, question_marks=single_byte_csv and field in NAME_FIELDS
            )
            if lost is not None:
                problems.append(lost)

    def parsed(field: ImportField, parse: Callable[[str], T]) -> T | None:
        return parse_cell(field.label, one(field), parse, problems)

    full = one(ImportField.FULL_NAME)
    full = turn_name(full) if full else ""
    if not full:
        full = " ".join(p for p in (one(ImportField.FIRST_NAME), one(ImportField.SURNAME)) if p)
    preferred = one(ImportField.PREFERRED_NAME)
    if preferred and " ".join(preferred.split()) == " ".join(full.split()):
        preferred = None
    address = ", ".join(values.get(ImportField.ADDRESS, [])) or None
    access_text = one(ImportField.ACCESS_NEEDS)
    restricted = Restricted(
        lived_experience=parsed(ImportField.LIVED_EXPERIENCE, parse_yes_no),
        emergency_contact=one(ImportField.EMERGENCY_CONTACT),
        notes=one(ImportField.NOTES),
    )
    data = MemberInput(
        full_name=full,
        preferred_name=preferred,
        pronouns=one(ImportField.PRONOUNS),
        email=one(ImportField.EMAIL),
        phone=restore_phone(one(ImportField.PHONE) or "") or None,
        address=address,
        postcode=one(ImportField.POSTCODE),
        preferred_contact=parsed(ImportField.PREFERRED_CONTACT, parse_contact),
        date_joined=parsed(ImportField.DATE_JOINED, lambda t: parse_uk_date(t, today)),
        access=parse_access(access_text) if access_text else AccessNeeds(),
        restricted=None if restricted == Restricted() else restricted,
    )
    return data, problems
