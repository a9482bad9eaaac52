"""Changes whose stored values need their own words in the audit trail: the leadership
self-assessment's answers ("Good involvement 2: No → Yes"), the involvement report's year
("April 2026 to March 2027") and sections, a monthly group's week ("first"), and fields
holding member ids ("5,6,7" → their names).

Each wording reuses the words the screens use (the spectrum's stages and answers, the
report's section titles and reporting year), so the trail and the screens never differ.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.audit_names import (
    RecordNames,
    id_list,
    reference_words,
    reporting_year_words,
)
from involve_desktop.core.services.spectrum_statements import (
    Answer,
    Stage,
    statements_of,
)

NONE = "(none)"
_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_NTH = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last", 5: "last"}


def _statement_numbers() -> tuple[dict[str, str], dict[str, str]]:
    """Each statement key as the self-assessment screen numbers it ("Good involvement 2"),
    and its text."""
    numbers: dict[str, str] = {}
    texts: dict[str, str] = {}
    for stage in Stage:
        for n, statement in enumerate(statements_of(stage), start=1):
            numbers[statement.key] = f"{stage.label} {n}"
            texts[statement.key] = statement.text
    return numbers, texts


_NUMBERS, _TEXTS = _statement_numbers()


def _answers(value: str) -> dict[str, str]:
    """The stored "b_surveys=yes; g_influence=partly" as {statement key: answer}."""
    pairs = (part.strip().partition("=") for part in value.split(";") if part.strip())
    return {key: answer for key, _eq, answer in pairs}


def _answer(code: str | None) -> str:
    if not code:
        return "not answered"
    try:
        return Answer(code).label
    except ValueError:
        return code


def _statement(key: str) -> str:
    return _NUMBERS.get(key, key.replace("_", " "))


def answers_words(value: Any) -> str:
    """A self-assessment's answers: "Beginnings 1: Yes, Beginnings 2: Partly, …"."""
    if not isinstance(value, str) or not value.strip():
        return NONE
    return ", ".join(f"{_statement(k)}: {_answer(a)}" for k, a in _answers(value).items())


def answers_change(old: Any, new: Any) -> str:
    """Only the statements whose answer changed, with their words: "Good involvement 2
    “People who use services influence governance, policy and practice.”: No → Yes"."""
    before = _answers(old) if isinstance(old, str) else {}
    after = _answers(new) if isinstance(new, str) else {}
    keys = [k for k in _NUMBERS if before.get(k) != after.get(k)]
    keys += [k for k in {**before, **after} if k not in _NUMBERS and before.get(k) != after.get(k)]
    changed = (
        f"{_statement(k)}{_quoted(k)}: {_answer(before.get(k))} → {_answer(after.get(k))}"
        for k in keys
    )
    return ", ".join(changed) or "no answer changed"


def _quoted(key: str) -> str:
    text = _TEXTS.get(key)
    return f" “{text}”" if text else ""


def year_words(value: Any) -> str | None:
    """An involvement report's year by its first day, as the report writes it."""
    try:
        return reporting_year_words(date.fromisoformat(str(value)))
    except ValueError:
        return None


def sections_words(value: Any) -> str | None:
    """The report's sections by their titles ("What we will do next year")."""
    from involve_desktop.core.services.involvement_report import SECTIONS  # cycle

    titles = {name: title for name, title, _hint in SECTIONS}
    if not isinstance(value, list):
        return None
    return ", ".join(titles.get(str(v), str(v).replace("_", " ")) for v in value) or NONE


def dated_text(value: Any) -> str | None:
    """A service's own sentence with ISO days in it ("… on 2026-03-02 is no longer
    recorded") with each day as people write it ("Mon 2 Mar 2026")."""
    if not isinstance(value, str):
        return None
    return _ISO_DAY.sub(lambda m: format_date(date.fromisoformat(m[0])), value)


def nth_words(value: Any) -> str | None:
    """A monthly group's week of the month: 1 → "first", -1 → "last"."""
    return _NTH.get(value) if isinstance(value, int) else None


def members_words(entity: str, field: str, value: Any, names: RecordNames | None) -> str | None:
    """A field holding member ids, as their names ("5,6" → "Alan Wright, Bethan Doyle")."""
    ids = id_list(entity, field, value)
    if ids is None:
        return None
    return ", ".join(reference_words("member", i, names) for i in ids) or NONE


# (entity, field) → the words for one value, or None to word it the ordinary way.
SPECIAL: dict[tuple[str, str], Callable[[Any], str | None]] = {
    ("spectrum_assessment", "answers"): answers_words,
    ("involvement_report", "year"): year_words,
    ("involvement_report", "sections changed"): sections_words,
    ("meeting_group", "nth"): nth_words,
    ("pay_line", "withdrawn"): dated_text,  # written by the payments service, not typed
}
# (entity, field) → the words for an [old, new] pair, when only the difference reads well.
SPECIAL_CHANGES: dict[tuple[str, str], Callable[[Any, Any], str]] = {
    ("spectrum_assessment", "answers"): answers_change,
}
