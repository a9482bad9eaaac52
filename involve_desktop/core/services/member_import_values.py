"""Understanding the text of one spreadsheet cell: UK dates, Yes/No, contact methods, status,
names, and letters lost on the way (Excel's plain "CSV" turns Ł into "?").

Each parser raises ValueError with the reason in plain words, which the import preview shows
against the line and field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from involve_desktop.core.services.member_dto import AccessNeeds, ContactMethod, MemberStatus
from involve_desktop.core.text import sort_key


@dataclass(frozen=True)
class CellProblem:
    """Text in a cell that could not be understood."""

    field: str
    value: str
    reason: str


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for name in names.split()
}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ][\d:.]*)?$")
# A time after the date (Excel and LibreOffice write "03/04/2021 00:00") is ignored.
_DAY_FIRST = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$"
)
_WORDS = re.compile(
    r"^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([a-z]+)\.?,?[\s\-/.]*(\d{4}|\d{2})$"
)
_EXCEL_EPOCH = date(1899, 12, 30)


def _dated(year_text: str, month: int, day: int, today: date) -> date:
    """The date; a two-digit year is the one within the last 100 years, not in the future
    ("01/01/27" read on 28 Nov 2026 is 1927, which date joined then refuses as a slip)."""
    year = int(year_text)
    if len(year_text) != 2:
        return date(year, month, day)
    century = today.year // 100 * 100
    try:
        recent = date(century + year, month, day)
    except ValueError:  # 29/02/25: no such day this century; perhaps last century
        return date(century - 100 + year, month, day)
    return recent if recent <= today else date(century - 100 + year, month, day)


def parse_uk_date(text: str, today: date) -> date:
    """A date written the UK way: 03/04/2021, 3/4/21, 3 Apr 2021 or 2021-04-03.

    Raises ValueError with the reason in plain words.
    """
    value = " ".join(text.strip().lower().split())
    try:
        if match := _ISO.match(value):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_FIRST.match(value):
            return _dated(match[3], int(match[2]), int(match[1]), today)
        if (match := _WORDS.match(value)) and match[2] in _MONTHS:
            return _dated(match[3], _MONTHS[match[2]], int(match[1]), today)
        if re.fullmatch(r"\d{5}", value) and 20_000 <= int(value) <= 80_000:
            return _EXCEL_EPOCH + timedelta(days=int(value))  # an Excel date serial number
    except ValueError:
        raise ValueError(
            f"“{text}” is not a real date — write dates day first, for example 03/04/2021."
        ) from None
    raise ValueError(
        f"“{text}” is not a date Involve Desktop understands — write it like 03/04/2021."
    )


_CONTACTS = {
    ContactMethod.EMAIL: "email|e mail|mail",
    ContactMethod.PHONE: "phone|phone call|call|telephone|tel|ring|landline|mobile",
    ContactMethod.TEXT: "text|text message|sms|texts|whatsapp",
    ContactMethod.POST: "post|letter|by post|letters",
    ContactMethod.IN_PERSON: "in person|in person only|face to face|at group",
}
_CONTACT_WORDS = {word: method for method, words in _CONTACTS.items() for word in words.split("|")}
_YES = {"yes", "y", "true", "1", "x", "✓", "✔", "ticked"}
_NO = {"no", "n", "false", "0", "none", "not known"}
_ACCESS = {
    "large print": "large_print",
    "interpreter": "interpreter",
    "step free": "step_free",
    "step free access": "step_free",
    "wheelchair access": "step_free",
    "hearing loop": "hearing_loop",
    "loop": "hearing_loop",
}
_NOTHING = {"", "none", "no", "n a", "na", "nil"}


def _plain_words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", sort_key(text)).split())


def parse_contact(text: str) -> ContactMethod | None:
    """A preferred contact method from words like "Email", "Text message" or "SMS"."""
    words = _plain_words(text)
    if not words:
        return None
    if words in _CONTACT_WORDS:
        return _CONTACT_WORDS[words]
    raise ValueError(
        f"“{text}” is not a contact method — use Email, Phone call, Text message, Post or "
        "In person only."
    )


# The words the export writes (MemberStatus.label) and a few other systems use.
_STATUSES = {
    MemberStatus.ACTIVE: "active|current|current member",
    MemberStatus.STEPPING_BACK: "stepping back|stepped back|on a break|paused",
    MemberStatus.LEFT: "left|left the group|former|former member|ex member",
}
_STATUS_WORDS = {word: status for status, words in _STATUSES.items() for word in words.split("|")}


def parse_status(text: str) -> MemberStatus | None:
    """Active, Stepping back or Left (as the export writes them); None when blank."""
    words = _plain_words(text.replace("_", " "))
    if not words:
        return None
    if words in _STATUS_WORDS:
        return _STATUS_WORDS[words]
    raise ValueError(
        f"“{text}” is not a status — write Active, Stepping back or Left, or leave it "
        "blank for Active; or, if this column is not the member's status, set it to "
        "“Don't import” on step 2."
    )


LOST_LETTER_FIX = "save the spreadsheet as “CSV UTF-8” (or .xlsx) and import again."


def lost_letters(label: str, text: str | None, *, question_marks: bool) -> CellProblem | None:
    """A problem when ``text`` shows letters lost in saving: the replacement character �,
    or (``question_marks``: a name read from a plain single-byte CSV, the only kind that
    loses letters that way) a "?" where a letter was ("?ukasz Green")."""
    if not text:
        return None
    if "\ufffd" in text:
        mark, real = "\ufffd", ""
    elif question_marks and "?" in text:
        mark = "?"
        real = (
            " If the ? really is part of the name, remove it and add it in the app after "
            "the import."
        )
    else:
        return None
    return CellProblem(
        label,
        text,
        f"“{mark}” where a letter should be (Excel's plain CSV loses letters such as Ł or ö): "
        + LOST_LETTER_FIX
        + real,
    )


def parse_yes_no(text: str) -> bool | None:
    """Yes/No (Y, True, 1…); None when blank."""
    words = _plain_words(text) or text.strip()
    if not words:
        return None
    if words in _YES:
        return True
    if words in _NO:
        return False
    raise ValueError(f"“{text}” is not Yes or No — write Yes or No, or leave it blank.")


def parse_access(text: str) -> AccessNeeds:
    """Access needs from "Large print, step-free access, BSL signer" (the rest goes to Other)."""
    flags: dict[str, bool] = {}
    other: list[str] = []
    for part in re.split(r"[,;/\n]+", text):
        words = _plain_words(part)
        if words in _ACCESS:
            flags[_ACCESS[words]] = True
        elif words not in _NOTHING:
            other.append(part.strip())
    return AccessNeeds(**flags, other=", ".join(other) or None)


def turn_name(text: str) -> str:
    """ "Adams, Zoë" → "Zoë Adams"; any other name is returned trimmed, as written."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) == 2 and all(parts):
        return f"{parts[1]} {parts[0]}"
    return text.strip()


def restore_phone(text: str) -> str:
    """Put back the leading 0 a spreadsheet drops from numbers stored as numbers."""
    if re.fullmatch(r"[1-9]\d{9}", text):
        return "0" + text
    if re.fullmatch(r"44[1-9]\d{9}", text):
        return "+" + text
    return text


T = TypeVar("T")


def parse_cell(
    label: str, text: str | None, parse: Callable[[str], T], problems: list[CellProblem]
) -> T | None:
    """``parse(text)``, or None with the reason added to ``problems`` under ``label``."""
    if text is None:
        return None
    try:
        return parse(text)
    except ValueError as err:
        problems.append(CellProblem(label, text, str(err)))
        return None
