"""Password hashing with argon2id, above OWASP's minimum (memory ≥ 19 MiB, time ≥ 2)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2id, 64 MiB, 3 passes, 4 lanes: RFC 9106's second recommended option.
_HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)

MIN_PASSWORD_LENGTH = 8

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
