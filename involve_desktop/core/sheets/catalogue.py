"""The printable sheets the app offers, so the Sheets screen and the CLI list the same ones.

Each entry says which inputs its form offers (``fields``), whether it prints people's names
(then the privacy mode is offered), and how to render it from ``SheetParams``. A new sheet is
one module with its DTO and render function plus one ``register`` call at the bottom here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from involve_desktop.core.sheets import blank_sign_in
from involve_desktop.core.sheets.options import SheetOptions


class SheetField(StrEnum):
    """An input a sheet's form may offer; values are the field names used in errors."""

    TITLE = "title"
    ROWS = "rows"
    MEETING = "meeting"
    DATE = "date"
    VENUE = "venue"


@dataclass(frozen=True)
class SheetParams:
    """Inputs from the form or the command line; ``None`` means "use the sheet's default"."""

    group_name: str | None = None
    title: str | None = None
    rows: int | None = None
    meeting: str | None = None
    date_text: str | None = None
    venue: str | None = None


Renderer = Callable[[SheetParams, SheetOptions], bytes]


@dataclass(frozen=True)
class SheetSpec:
    """One printable sheet: its key (CLI name), words for people, inputs and renderer."""

    key: str
    title: str
    description: str
    render: Renderer
    fields: frozenset[SheetField]
    prints_names: bool = False
    default_rows: int | None = None
    min_rows: int = 1
    max_rows: int = 500

    @property
    def offers_privacy(self) -> bool:
        """Whether the privacy mode (full name / initial / initials) changes this sheet."""
        return self.prints_names


class UnknownSheetError(KeyError):
    """No sheet has that key; the message lists the ones that exist."""

    def __init__(self, key: str, known: list[str]) -> None:
        super().__init__(key)
        self.key = key
        self.known = known
        self.message = (
            f"There is no sheet called {key!r}. Sheets you can print: {', '.join(known)}."
        )

    def __str__(self) -> str:
        return self.message


_SHEETS: dict[str, SheetSpec] = {}


def register(spec: SheetSpec) -> SheetSpec:
    """Add a sheet to the catalogue (a key can only be used once)."""
    if spec.key in _SHEETS:
        raise ValueError(f"A sheet called {spec.key!r} is already registered.")
    _SHEETS[spec.key] = spec
    return spec


def all_sheets() -> list[SheetSpec]:
    """Every sheet, in the order they were registered (the order screens list them)."""
    return list(_SHEETS.values())


def get_sheet(key: str) -> SheetSpec:
    """The sheet with this key, or ``UnknownSheetError`` naming the known ones."""
    try:
        return _SHEETS[key]
    except KeyError:
        raise UnknownSheetError(key, list(_SHEETS)) from None


def suggested_file_name(spec: SheetSpec, params: SheetParams, day: date | None = None) -> str:
    """A file name for saving, e.g. "sign-in-sheet-2026-03-03.pdf"."""
    title = unicodedata.normalize("NFKD", params.title or spec.title)
    plain = "".join(ch for ch in title if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"['’]", "", plain)
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or spec.key
    return f"{slug}-{(day or date.today()).isoformat()}.pdf"


def _render_blank_sign_in(params: SheetParams, options: SheetOptions) -> bytes:
    """Catalogue adapter: form/CLI inputs → ``BlankSignInSheet`` → PDF bytes."""
    sheet = blank_sign_in.BlankSignInSheet(
        group_name=params.group_name,
        title=params.title,
        rows=blank_sign_in.DEFAULT_ROWS if params.rows is None else params.rows,
        meeting=params.meeting,
        date_text=params.date_text,
        venue=params.venue,
    )
    return blank_sign_in.render_blank_sign_in(sheet, options)


register(
    SheetSpec(
        key="blank-sign-in",
        title=blank_sign_in.DEFAULT_TITLE,
        description=(
            "Numbered rows for people to write their name and sign, with space for the "
            "meeting, date and venue. Print it for any group, even before anyone is added "
            "to the app. No names are printed, but the sheet collects them, so it is "
            "marked Confidential."
        ),
        render=_render_blank_sign_in,
        fields=frozenset(SheetField),
        prints_names=False,
        default_rows=blank_sign_in.DEFAULT_ROWS,
        min_rows=blank_sign_in.MIN_ROWS,
        max_rows=blank_sign_in.MAX_ROWS,
    )
)
