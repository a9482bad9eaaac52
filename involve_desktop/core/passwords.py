"""Password hashing with argon2id, above OWASP's minimum (memory ≥ 19 MiB, time ≥ 2), and
the rule against easily guessed passwords (:func:`guessable_reason`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2id, 64 MiB, 3 passes, 4 lanes: RFC 9106's second recommended option.
_HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)

MIN_PASSWORD_LENGTH = 8

COMMON_PASSWORD = (
    "This password is one of the most common ones and easy to guess. Choose another — a "
    "few words together are easy to remember."
)
NAME_PASSWORD = (
    "This password is made from {what}, so it is easy to guess. Choose another — a few "
    "words together are easy to remember."
)
# Added to a word to meet a rule ("Password1!", "2024summer"): taken off before comparing.
_ADDED_AT_ENDS = re.compile(r"^[\d\W_]+|[\d\W_]+$")
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
# Symbols and digits written for the letters they look like ("p@ssw0rd").
_LOOKALIKES = str.maketrans(
    {"@": "a", "4": "a", "$": "s", "5": "s", "0": "o", "3": "e", "!": "i", "1": "i", "7": "t"}
)
# A name's words shorter than this are not refused on their own ("Al", "Voices of Leeds").
_NAME_WORD_MIN = 4

# A hash to verify against when the username is unknown, so both failures take as long.
# Written out rather than made at import (a quarter of a second at every start); it must
# use _HASHER's parameters, which a test checks.
_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$s2eWr6MRW+YZEyQurbTnOQ"
    "$UrpU9qLR1Aqs2gcjRHiAVXwMsQNrkeCXXHTd8NjG1ng"
)


def hash_password(password: str) -> str:
    """Hash a password for storage."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when ``password`` matches ``stored_hash``; None spends the same time and fails."""
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(stored_hash)


def _forms(password: str) -> set[str]:
    """The ways a guesser would try ``password``: lower case, without spaces or symbols,
    without digits or symbols added at either end, and with look-alike symbols read as
    letters."""
    lower = password.strip().lower()
    core = _ADDED_AT_ENDS.sub("", lower)
    forms = {lower, _NOT_LETTER_OR_DIGIT.sub("", lower), core, _NOT_LETTER_OR_DIGIT.sub("", core)}
    forms.add(_NOT_LETTER_OR_DIGIT.sub("", lower.translate(_LOOKALIKES)))
    forms.add(_NOT_LETTER_OR_DIGIT.sub("", _ADDED_AT_ENDS.sub("", lower).translate(_LOOKALIKES)))
    return {form for form in forms if form}


def _name_forms(name: str) -> set[str]:
    """A name as a password guesser would use it: whole (without spaces) and each long word."""
    lower = name.strip().lower()
    whole = _NOT_LETTER_OR_DIGIT.sub("", lower)
    words = {w for w in _NOT_LETTER_OR_DIGIT.split(lower) if len(w) >= _NAME_WORD_MIN}
    return ({whole} if whole else set()) | words


def guessable_reason(password: str, names: Iterable[tuple[str, str | None]] = ()) -> str | None:
    """Why ``password`` is too easy to guess, or None when it is not.

    Refused: one of the most common passwords (``common_passwords``), also with digits or
    symbols added at the ends, in capitals or with look-alike symbols ("Password1",
    "p@ssw0rd!"); and any of ``names`` — pairs of (what it is, e.g. "the username", and
    the text) — the same way ("sam2024", "RiversideVoices!"). A passphrase of a few
    ordinary words passes.
    """
    from involve_desktop.core.common_passwords import COMMON_PASSWORDS

    forms = _forms(password)
    if forms & COMMON_PASSWORDS:
        return COMMON_PASSWORD
    for what, name in names:
        if name and forms & _name_forms(name):
            return NAME_PASSWORD.format(what=what)
    return None
