"""Small validators shared by services. Each raises ValidationError naming the field and fix."""

from __future__ import annotations

import re
from datetime import date

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_date

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


def required_text(field: str, label: str, value: str | None, max_length: int) -> str:
    """Trimmed text that must not be empty nor longer than ``max_length``."""
    text = " ".join((value or "").split())
    if not text:
        raise ValidationError(field, f"{label} is needed — please fill it in.")
    if len(text) > max_length:
        raise ValidationError(
            field, f"{label} is too long — keep it to {max_length} characters or fewer."
        )
    return text


def username(value: str | None) -> str:
    """A sign-in name: lower-case letters, digits, dots, dashes or underscores, 2–64 long."""
    text = (value or "").strip().lower()
    if not text:
        raise ValidationError("username", "Username is needed — for example sam.jones.")
    if not _USERNAME.match(text):
        raise ValidationError(
            "username",
            "Username can use letters, numbers, dots, dashes and underscores only, "
            "2 to 64 characters, without spaces — for example sam.jones.",
        )
    return text


def new_password(value: str | None, user: str, min_length: int) -> str:
    """A new password long enough and not the same as the username."""
    password = value or ""
    if len(password) < min_length:
        raise ValidationError(
            "password",
            f"Password needs at least {min_length} characters — a short phrase is easiest "
            "to remember.",
        )
    if password.strip().lower() == user.lower():
        raise ValidationError("password", "Password must not be the same as the username.")
    return password


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# A UK postcode, spaces optional: "SW1A 1AA", "m1 1ae", "B33 8TH".
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")


def optional_text(value: str | None, max_length: int, field: str, label: str) -> str | None:
    """Trimmed text, or None when blank; refuses text longer than ``max_length``."""
    text = (value or "").strip()
    if not text:
        return None
    if len(text) > max_length:
        raise ValidationError(
            field, f"{label} is too long — keep it to {max_length} characters or fewer."
        )
    return text


def email(value: str | None, field: str = "email") -> str | None:
    """An email address, lower-cased domain; None when blank."""
    text = (value or "").strip()
    if not text:
        return None
    if "@" not in text:
        raise ValidationError(field, "Email needs an @ — for example name@example.org.")
    if not _EMAIL.match(text) or len(text) > 254:
        raise ValidationError(
            field, f"Email {text!r} does not look right — for example name@example.org."
        )
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def uk_phone(value: str | None, field: str = "phone") -> str | None:
    """A UK phone number, kept as typed but checked: 10–11 digits from 0, or +44."""
    text = " ".join((value or "").split())
    if not text:
        return None
    if re.search(r"[^0-9+()\s.-]", text):
        raise ValidationError(
            field, "Phone number can only have digits, spaces and + — for example 07700 900123."
        )
    if len(text) > 40:
        raise ValidationError(
            field, "Phone number is too long — write just the number, e.g. 07700 900123."
        )
    digits = phone_digits(text)
    if not digits.startswith("0") or len(digits) not in (10, 11):
        raise ValidationError(
            field,
            "Phone number should be a UK number of 10 or 11 digits starting with 0 "
            "(or +44) — for example 07700 900123.",
        )
    return text


def phone_digits(value: str | None) -> str:
    """The digits of a phone number in national form (+44 7700… → 07700…), for matching."""
    text = (value or "").replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if digits.startswith("44") and text.lstrip().startswith("+"):
        digits = "0" + digits[2:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    return digits


def uk_postcode(value: str | None, field: str = "postcode") -> str | None:
    """A UK postcode, normalised to capitals with one space ("sw1a1aa" → "SW1A 1AA")."""
    text = (value or "").strip().upper()
    if not text:
        return None
    match = _POSTCODE.match(text)
    if not match:
        raise ValidationError(
            field, f"Postcode {text!r} does not look like a UK postcode — for example SW1A 1AA."
        )
    return f"{match.group(1)} {match.group(2)}"


def within_years(
    value: date, field: str, label: str, today: date, *, back: int, ahead: int = 0
) -> date:
    """A date no more than ``back`` years before ``today`` and ``ahead`` years after it (a
    typing slip such as 1900 or 9999 is refused with the range)."""
    earliest = _years_from(today, -back)
    latest = _years_from(today, ahead)
    if not earliest <= value <= latest:
        raise ValidationError(
            field,
            f"{label} {format_date(value)} looks like a typing slip — give a date "
            f"between {format_date(earliest)} and {format_date(latest)}.",
        )
    return value


def _years_from(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def not_in_future(value: date | None, field: str, label: str, today: date) -> date | None:
    """A date that cannot be later than today."""
    if value is not None and value > today:
        raise ValidationError(
            field, f"{label} cannot be in the future — use today's date or an earlier one."
        )
    return value
