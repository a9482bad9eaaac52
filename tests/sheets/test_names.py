"""Names on sheets in each privacy mode: full, first name + initial, initials."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from involve_desktop.core.sheets.names import PrivacyMode, format_name, name_sort_key

FULL, INITIAL, INITIALS = PrivacyMode.FULL, PrivacyMode.FIRST_INITIAL, PrivacyMode.INITIALS


@pytest.mark.parametrize(
    ("name", "mode", "expected"),
    [
        ("Zoë Smith", FULL, "Zoë Smith"),
        ("Zoë Smith", INITIAL, "Zoë S."),
        ("Zoë Smith", INITIALS, "Z. S."),
        ("  Zoë \t  Smith \n", FULL, "Zoë Smith"),
        ("  Zoë \t  Smith \n", INITIAL, "Zoë S."),
        ("Cher", FULL, "Cher"),
        ("Cher", INITIAL, "Cher"),
        ("Cher", INITIALS, "C."),
        ("Mary Ann Smith", INITIAL, "Mary S."),
        ("Mary Ann Smith", INITIALS, "M. A. S."),
        ("Łukasz Nowak", INITIALS, "Ł. N."),
        ("siobhán o'brien", INITIALS, "S. O."),
        ("Siobhán Ó Súilleabháin", INITIAL, "Siobhán S."),
        ("Jean-Luc Picard", INITIAL, "Jean-Luc P."),
        ("Nguyễn Văn An", INITIALS, "N. V. A."),
        ("Ana (Jo) Silva", INITIALS, "A. J. S."),
        ("Erased person 16", INITIAL, "Erased person 16"),  # not "Erased 1.": all the same
        ("Erased person 16", INITIALS, "Erased person 16"),
        ("Erased personnel", INITIAL, "Erased P."),  # only the erased name is kept whole
        ("", FULL, ""),
        ("   ", INITIAL, ""),
        ("   ", INITIALS, ""),
    ],
)
def test_format_name_examples(name: str, mode: PrivacyMode, expected: str) -> None:
    assert format_name(name, mode) == expected


def test_decomposed_accents_print_as_one_letter() -> None:
    decomposed = unicodedata.normalize("NFD", "Émile Nguyễn")
    assert format_name(decomposed, FULL) == "Émile Nguyễn"
    assert format_name(decomposed, INITIALS) == "É. N."


def test_cli_spellings_of_modes() -> None:
    assert [mode.value for mode in PrivacyMode] == ["full", "initial", "initials"]
    assert "Zoë S." in PrivacyMode.FIRST_INITIAL.label


def _is_single_initial(token: str) -> bool:
    """ "Z." or "É." (one character, maybe with combining accents, then a full stop)."""
    if not token.endswith(".") or len(token) < 2:
        return False
    body = token[:-1]
    return not any(unicodedata.combining(ch) for ch in body[:1]) and all(
        unicodedata.combining(ch) for ch in body[1:]
    )


names = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@given(names, st.sampled_from(list(PrivacyMode)))
def test_any_text_formats_without_crashing(name: str, mode: PrivacyMode) -> None:
    result = format_name(name, mode)
    assert result == result.strip()
    assert "  " not in result


@given(names)
def test_initials_never_print_more_than_one_letter_of_a_name(name: str) -> None:
    result = format_name(name, INITIALS)
    assert all(_is_single_initial(token) for token in result.split())


@given(
    st.lists(st.text(alphabet="abcdefghijklmnoprstuvwyzéëłŁ", min_size=2, max_size=9), min_size=2)
)
def test_first_initial_never_prints_the_surname(words: list[str]) -> None:
    surname = words[-1]
    result = format_name(" ".join(words), INITIAL)
    printed_words = result.split()
    assert printed_words[0] == words[0]
    assert len(printed_words) == 2 and _is_single_initial(printed_words[1])
    assert surname not in printed_words[1:]


def test_sort_key_ignores_accents_and_case() -> None:
    people = ["Zoë", "Łukasz", "adam", "Émile", "Ellie"]
    assert sorted(people, key=name_sort_key) == ["adam", "Ellie", "Émile", "Łukasz", "Zoë"]


def test_short_names_that_would_read_the_same_are_made_longer() -> None:
    from involve_desktop.core.sheets.names import distinct_short_names

    shown = distinct_short_names(
        ["Callum Brown", "Callum Burgess", "Aisha Khan", "Jo Smith", "Jo Smithson", "Cher"]
    )
    assert shown == {
        "Callum Brown": "Callum Br.",
        "Callum Burgess": "Callum Bu.",
        "Aisha Khan": "Aisha K.",  # clashes with nobody: the usual short form
        "Jo Smith": "Jo Smith",  # the whole surname is what tells them apart
        "Jo Smithson": "Jo Smiths.",
        "Cher": "Cher",
    }
    assert distinct_short_names(["Ann Lee", "Ann Lee"]) == {"Ann Lee": "Ann L."}


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("陈伟", "陈."),
        ("김민준", "김."),
        ("たなかはなこ", "た."),
        ("王", "王"),
        ("田中 太郎", "田中 太."),
    ],
)
def test_a_name_written_without_spaces_is_not_printed_whole_as_first_name_and_initial(name, short):
    """Chinese, Japanese and Korean names are often one word with no space: "first name
    and initial" must not print them whole."""
    assert format_name(name, PrivacyMode.FIRST_INITIAL) == short


def test_two_such_names_that_would_read_the_same_are_told_apart():
    from involve_desktop.core.sheets.names import distinct_short_names

    short = distinct_short_names(["陈伟", "陈明强", "김민준", "Ann Lee"])
    assert short == {"陈伟": "陈伟", "陈明强": "陈明.", "김민준": "김.", "Ann Lee": "Ann L."}
