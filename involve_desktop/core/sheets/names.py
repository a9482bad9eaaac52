"""How people's names appear on printed sheets: the privacy modes and their formatting.

Pure functions, no reportlab: ``format_name("Zoë Smith", PrivacyMode.FULL)`` → "Zoë Smith",
``FIRST_INITIAL`` → "Zoë S.", ``INITIALS`` → "Z. S.". Callers pass the name the person wants
to be known by (their preferred name), never a legal name they have not chosen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from enum import StrEnum

from involve_desktop.core.services.member_names import is_anonymous_name
from involve_desktop.core.text import sort_key


class PrivacyMode(StrEnum):
    """How much of each name a sheet prints; the value is the CLI spelling."""

    FULL = "full"
    FIRST_INITIAL = "initial"
    INITIALS = "initials"

    @property
    def label(self) -> str:
        """Plain-English label with an example, for forms and help text."""
        return _LABELS[self]


_LABELS = {
    PrivacyMode.FULL: "Full name (Zoë Smith)",
    PrivacyMode.FIRST_INITIAL: "First name and initial (Zoë S.)",
    PrivacyMode.INITIALS: "Initials (Z. S.)",
}


def _words(name: str) -> list[str]:
    """The name's words, NFC-composed, with extra and odd whitespace removed."""
    composed = unicodedata.normalize("NFC", name)
    return composed.split()


def _initial(word: str) -> str:
    """First letter or digit of ``word`` (with its accents), upper-cased when that is safe.

    Leading punctuation is skipped ("(Jo)" → "J"); a word with no letter gives "".
    """
    for index, char in enumerate(word):
        if char.isalnum():
            marks = ""
            for follower in word[index + 1 :]:
                if not unicodedata.combining(follower):
                    break
                marks += follower
            upper = char.upper()
            return (upper if len(upper) == 1 else char) + marks
    return ""


def _written_together(word: str) -> bool:
    """True for a name in Chinese, Japanese or Korean script, written without spaces
    ("陈伟", "김민준"): one word that is the whole name, family name first."""
    first = unicodedata.name(word[0], "") if word else ""
    return first.startswith(("CJK ", "HANGUL ", "HIRAGANA ", "KATAKANA "))


def format_name(name: str, mode: PrivacyMode) -> str:
    """Format one person's name for a sheet in the given privacy mode.

    - FULL: the name with whitespace tidied ("  Zoë   Smith " → "Zoë Smith").
    - FIRST_INITIAL: first word and the initial of the last word ("Zoë S."); a single
      name stays as it is ("Cher"), except one in Chinese, Japanese or Korean script
      written without spaces, which is the whole name: its first character ("陈伟" → "陈.").
    - INITIALS: the initial of every word ("Mary Ann Smith" → "M. A. S.", "Cher" → "C.").

    Empty or blank names give "". An erased person's "Erased person 21" stays whole in
    every mode: shortened, every erased person would print the same.
    """
    words = _words(name)
    if not words:
        return ""
    if mode is PrivacyMode.FULL or is_anonymous_name(name):
        return " ".join(words)
    if mode is PrivacyMode.FIRST_INITIAL:
        if len(words) == 1:
            only = words[0]
            return f"{only[0]}." if _written_together(only) and len(only) > 1 else only
        last = _initial(words[-1])
        return f"{words[0]} {last}." if last else words[0]
    initials = [_initial(word) for word in words]
    return " ".join(f"{initial}." for initial in initials if initial)


def name_sort_key(name: str) -> tuple[str, str]:
    """Sort key for listing names alphabetically as printed: accents and case ignored.

    "Łukasz" sorts with L, "Zoë" with Z; ties are broken by the exact text so the order
    is stable.
    """
    return sort_key(" ".join(_words(name))), name


def distinct_short_names(names: Iterable[str]) -> dict[str, str]:
    """Each name's "first name and initial" form, made longer where two would read the same.

    ``["Callum Brown", "Callum Burgess", "Aisha Khan"]`` → ``{"Callum Brown": "Callum Br.",
    "Callum Burgess": "Callum Bu.", "Aisha Khan": "Aisha K."}``: a clashing surname shows as
    many letters as it takes to tell the two apart, or the whole surname ("Jo Smith" and
    "Jo Smithson" → "Jo Smith", "Jo Smiths."). Names that clash with nobody keep the usual
    short form; two people with exactly the same name stay the same (nothing in the name
    tells them apart). Keys are the names as given.
    """
    given = list(dict.fromkeys(names))
    short = {name: format_name(name, PrivacyMode.FIRST_INITIAL) for name in given}
    by_short: dict[str, list[str]] = {}
    for name in given:
        by_short.setdefault(sort_key(short[name]), []).append(name)
    for clashing in by_short.values():
        people = {sort_key(" ".join(_words(n))): n for n in clashing}
        if len(people) < 2:
            continue
        # Each clashing name's last word as a key, read once for the whole group.
        lasts = {n: sort_key(w[-1]) for n in clashing if len(w := _words(n)) > 1}
        together = {n: w[0] for n in clashing if len(w := _words(n)) == 1}
        for name in clashing:
            if name in together:  # "陈伟", "陈明": as many characters as tell them apart
                short[name] = _longer_together(together[name], set(together.values()))
                continue
            others = {last for other, last in lasts.items() if other != name}
            short[name] = _longer_short(name, others)
    return short


def _longer_together(word: str, words: set[str]) -> str:
    """A name written without spaces, cut after as many characters as tell it apart from
    ``words`` ("陈伟" beside "陈明" → "陈伟."), or whole."""
    others = words - {word}
    for length in range(2, len(word)):
        if not any(other.startswith(word[:length]) for other in others):
            return f"{word[:length]}."
    return word


def _longer_short(name: str, other_lasts: set[str]) -> str:
    """``name`` with as much of its last word as tells it apart from the other names' last
    words (``other_lasts``, as sort keys)."""
    words = _words(name)
    first, last = words[0], words[-1]
    other_lasts = other_lasts - {sort_key(last)}
    for length in range(2, len(last)):
        start = sort_key(last[:length])
        if not any(other.startswith(start) for other in other_lasts):
            return f"{first} {last[:length]}."
    return f"{first} {last}"
