"""Small validators shared by services. Each raises ValidationError naming the field and fix."""

from __future__ import annotations

import re

from involve_desktop.core.errors import ValidationError

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
