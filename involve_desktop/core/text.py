"""Text helpers: alphabetical order the way people expect it for names from many languages."""

from __future__ import annotations

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
