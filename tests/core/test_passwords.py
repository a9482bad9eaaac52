"""Password hashing: argon2id, and the unknown-username path costs as much as a wrong password."""

from __future__ import annotations

from involve_desktop.core import passwords


def test_hash_and_verify() -> None:
    stored = passwords.hash_password("a long passphrase")
    assert stored.startswith("$argon2id$")
    assert passwords.verify_password(stored, "a long passphrase")
    assert not passwords.verify_password(stored, "a wrong passphrase")
    assert not passwords.needs_rehash(stored)


def test_unknown_username_verifies_against_a_hash_as_costly_as_a_real_one() -> None:
    # The written-out dummy hash must carry today's parameters, or an unknown username
    # would answer faster (or slower) than a known one with a wrong password.
    assert not passwords.needs_rehash(passwords._DUMMY_HASH)  # noqa: SLF001
    assert not passwords.verify_password(None, "not a real password")
    assert not passwords.verify_password(None, "anything")
