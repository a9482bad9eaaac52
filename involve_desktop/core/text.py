"""Text helpers: alphabetical order the way people expect it for names from many languages,
and natural order for names with numbers in them ("venue 3" before "venue 12")."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus an accent.
_EXTRA = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ß": "ss",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
    }
)


_APOSTROPHES = str.maketrans("", "", "'’‘`ʼ")


def search_key(text: str) -> str:
    """``sort_key`` without apostrophes, so "O’Brien", "O'Brien" and "obrien" all match."""
    return sort_key(text).translate(_APOSTROPHES)


def sort_key(text: str) -> str:
    """A key that sorts "Łukasz", "Zoë" and "Siobhán" among plain letters: Ł with L, ë with e."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_DIGITS = re.compile(r"([0-9]+)")


def natural_sort_key(text: str) -> tuple[str | int, ...]:
    """``sort_key`` with each run of digits compared as a number, so "Venue 3" comes before
    "venue 12" and "Ward 9" before "Ward 10"; case and accents are ignored as in ``sort_key``.

    The key alternates text and numbers, always starting (and ending) with text, so any two
    keys compare position by position without mixing types. Add an id as a tie-break where
    two names could give the same key ("Ward 3" and "ward 03").
    """
    parts = _DIGITS.split(sort_key(text))
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))
