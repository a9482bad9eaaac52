"""Members' names as shown and searched: the name someone goes by, and the columns kept for
fast search and ordering (``sort_name``, ``name_key``, ``search_text``)."""

from __future__ import annotations

import re

from involve_desktop.core import validation
from involve_desktop.core.text import search_key, sort_key

ERASED_PREFIX = "Erased person"
_ERASED = re.compile(rf"{ERASED_PREFIX} \d+")


def anonymous_name(member_id: int) -> str:
    """The name an erased person is left with: "Erased person 123"."""
    return f"{ERASED_PREFIX} {member_id}"


def is_anonymous_name(name: str) -> bool:
    """True for an erased person's name ("Erased person 123"): a sheet prints it whole in
    every privacy mode, since shortened ("Erased 1.") every erased person reads the same."""
    return _ERASED.fullmatch(" ".join(name.split())) is not None


def display_name(full_name: str, preferred_name: str | None) -> str:
    """The name someone goes by, as printed on sheets and shown in lists.

    A preferred name of one word is a first name they go by, so it replaces the first word
    of the full name ("Shiv" + "Siobhán Ó Briain" → "Shiv Ó Briain"); a preferred name of
    several words is the whole name they use ("Jay Smith").
    """
    preferred = " ".join((preferred_name or "").split())
    if not preferred:
        return full_name
    words = full_name.split()
    if " " in preferred or len(words) < 2:
        return preferred
    return " ".join([preferred, *words[1:]])


def with_apart(name: str, apart: str | None) -> str:
    """ "Zoë Clarke (joined Mar 2024)": a name with what tells it apart from someone of the
    same name (``names_apart.telling_apart``), or just the name when nothing is needed."""
    return f"{name} ({apart})" if apart else name


def _search_text(
    full_name: str,
    preferred_name: str | None,
    email: str | None,
    phone: str | None,
    full_key: str | None = None,
) -> str:
    """``full_key`` is ``search_key(full_name)`` when the caller has it already."""
    parts = [search_key(full_name) if full_key is None else full_key]
    parts += [search_key(preferred_name or ""), (email or "").lower()]
    parts.append(validation.phone_digits(phone))
    return " | ".join(p for p in parts if p)


def derived_columns(
    full_name: str, preferred_name: str | None, email: str | None, phone: str | None
) -> dict[str, str]:
    """The columns kept for fast search and ordering (sort_name, name_key, search_text)."""
    full_key = search_key(full_name)
    return {
        "sort_name": sort_key(display_name(full_name, preferred_name))[:200],
        "name_key": full_key[:200],
        "search_text": _search_text(full_name, preferred_name, email, phone, full_key),
    }
