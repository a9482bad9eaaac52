"""Options every sheet accepts (page orientation, large print, privacy) and input checks.

``SheetInputError`` is both the app's ``ValidationError`` (so the GUI can show the message
next to the named field) and a ``ValueError`` (so plain callers can catch it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.sheets.fonts import clean_text
from involve_desktop.core.sheets.names import PrivacyMode

MAX_TEXT_LENGTH = 150


class Orientation(StrEnum):
    """A4 page orientation; the value is what forms and the CLI show."""

    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True)
class SheetOptions:
    """How to print any sheet. Privacy defaults to first name + initial (privacy by default)."""

    orientation: Orientation = Orientation.PORTRAIT
    large_print: bool = False
    privacy: PrivacyMode = PrivacyMode.FIRST_INITIAL


class SheetInputError(ValidationError, ValueError):
    """Bad input for a sheet; ``field`` names the option ("rows", "title", …)."""


def check_count(field: str, label: str, value: int, low: int, high: int) -> int:
    """Return ``value`` if it is a whole number from ``low`` to ``high``, else raise.

    The message names the field in the user's words, e.g. "Number of rows must be …".
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise SheetInputError(
            field, f"{label} must be a whole number from {low} to {high}, not {value!r}."
        )
    if not low <= value <= high:
        raise SheetInputError(field, f"{label} must be from {low} to {high}; you gave {value}.")
    return value


def check_text(field: str, label: str, value: str | None, limit: int = MAX_TEXT_LENGTH) -> str:
    """Return ``value`` tidied for printing ("" for None), or raise if it is too long."""
    text = clean_text(value)
    if len(text) > limit:
        raise SheetInputError(
            field,
            f"{label} is too long to print ({len(text)} characters); "
            f"shorten it to {limit} characters or fewer.",
        )
    return text
