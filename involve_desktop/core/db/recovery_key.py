"""The recovery key: a random key a person can read, write down, print and type back.

Twenty-five characters from Crockford's base32 alphabet (digits and capitals without I, L, O
and U), shown in five groups of five: ``7QX2M-K9D4R-…`` — 125 random bits. Typing is
forgiving: case, spaces and dashes do not matter, and O, I and L are read as 0, 1 and 1.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS, GROUP_SIZE = 5, 5
LENGTH = GROUPS * GROUP_SIZE
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_recovery_key() -> str:
    """A fresh recovery key, grouped for reading: ``ABCDE-FGHJK-…``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return grouped(raw)


def grouped(raw: str) -> str:
    """``raw`` (25 characters) in groups of five joined by dashes."""
    return "-".join(raw[i : i + GROUP_SIZE] for i in range(0, len(raw), GROUP_SIZE))


def normalise(typed: str) -> str | None:
    """The recovery key as stored (grouped), from what someone typed; None if it cannot be one."""
    raw = "".join(ch for ch in typed.upper() if ch not in " -\t\n").translate(_LOOK_ALIKES)
    if len(raw) != LENGTH or any(ch not in ALPHABET for ch in raw):
        return None
    return grouped(raw)
