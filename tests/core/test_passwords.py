"""Password hashing: argon2id, and the unknown-username path costs as much as a wrong password."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    "password",
    [
        "password",
        "Password1",
        "PASSWORD!",
        "12345678",
        "p@ssw0rd",
        "Passw0rd!!",
        "qwerty123",
        "iloveyou",
        "I love you",
        "Sunshine2024",
        "2024-football",
    ],
)
def test_the_most_common_passwords_are_refused_however_dressed_up(password: str) -> None:
    assert passwords.guessable_reason(password) == passwords.COMMON_PASSWORD


@pytest.mark.parametrize(
    ("password", "what"),
    [
        ("samwise99", "the username"),
        ("Samwise!!", "the username"),
        ("RiversideVoices", "the group's name"),
        ("riverside voices 1", "the group's name"),
        ("Riverside2024", "the group's name"),
        ("Coordinat0r1", None),  # one of the app's own words: common
    ],
)
def test_a_password_made_from_a_name_is_refused_naming_which(password: str, what) -> None:
    names = [("the username", "samwise"), ("the group's name", "Riverside Voices")]
    reason = passwords.guessable_reason(password, names)
    if what is None:
        assert reason == passwords.COMMON_PASSWORD
    else:
        assert reason == passwords.NAME_PASSWORD.format(what=what)
        assert "Choose another" in reason


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery",
        "demo-password",  # the demo's password keeps working
        "a good long password",
        "kettle river orange",
        "Voices carry far over the river",
        "x7#kQ2!m9z",
    ],
)
def test_a_passphrase_or_a_random_password_passes(password: str) -> None:
    names = [("the username", "sam"), ("the group's name", "Riverside Voices")]
    assert passwords.guessable_reason(password, names) is None


def test_the_list_holds_about_a_thousand_lower_case_words() -> None:
    from involve_desktop.core.common_passwords import COMMON_PASSWORDS

    assert 1000 <= len(COMMON_PASSWORDS) < 1100
    assert all(word == word.lower() and " " not in word for word in COMMON_PASSWORDS)
    assert {"password", "123456", "qwerty", "letmein"} <= COMMON_PASSWORDS
