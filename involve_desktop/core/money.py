"""Money typed by users, read into integer pence (and shown back as "£12.50").

Money is integer pence everywhere; floats never touch it. ``parse_pounds`` reads what
people type ("12.50", "£12.50", "12", "12.5", "£1,234.05").
"""

from __future__ import annotations

import re

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_pence

__all__ = ["MAX_PENCE", "format_pence", "parse_pounds", "per_hour_amount"]

MAX_PENCE = 100_000 * 100  # £100,000: anything above is a typing mistake
_AMOUNT = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$")


def parse_pounds(text: str, field: str = "amount") -> int:
    """Pounds as typed → pence: "£12.50" → 1250, "12.5" → 1250, "1,234.05" → 123405.

    Raises ValidationError naming ``field`` for an empty, non-numeric, negative, over-precise
    (more than 2 decimal places) or absurd (over £100,000) amount.
    """
    raw = (text or "").strip().replace(" ", "")
    if raw.startswith("£"):
        raw = raw[1:]
    if not raw:
        raise ValidationError(field, "Type an amount in pounds — for example 12.50.")
    if raw.startswith("-") or raw.startswith("−"):
        raise ValidationError(field, "The amount cannot be negative — type it without a minus.")
    match = _AMOUNT.match(raw)
    if match is None or (match.group(1) is None and not match.group(2)):
        raise ValidationError(
            field, f"“{text.strip()}” is not an amount in pounds — for example 12.50."
        )
    whole, decimals = match.group(1) or "0", match.group(2) or ""
    if len(decimals) > 2:
        raise ValidationError(
            field, "Pounds and pence take at most 2 decimal places — for example 12.50."
        )
    pence = int(whole.replace(",", "")) * 100 + int(decimals.ljust(2, "0") or "0")
    if pence > MAX_PENCE:
        raise ValidationError(
            field, f"{format_pence(pence)} is more than {format_pence(MAX_PENCE)}; check it."
        )
    return pence


def per_hour_amount(rate_pence: int, minutes: int) -> int:
    """An hourly rate for ``minutes``, rounded half up to whole pence, in integers only:
    50 min at 1200p → 1000p; 7 min at 1201p → 140p (140.1167 rounds down)."""
    return (rate_pence * minutes * 2 + 60) // 120
