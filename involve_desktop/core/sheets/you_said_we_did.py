"""The "You said, we did" poster for a notice board: what people told us and what happened.

A large-type table of the past year's entries, newest first: "You said", "We did" (or
"Planned", or "Not possible" with the reason), and when. Names are never printed: not
members', not who is responsible, and no Confidential mark is needed. Entries marked
"planned" are shown as "We are working on this".

- ``you_said_we_did_pdf(session, actor, …)`` — the You said, we did tab's Ctrl+P;
- ``load_you_said_we_did`` — the Sheets screen and ``involve-desktop print
  you-said-we-did``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.platypus import Flowable, Paragraph
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import organisation, you_said
from involve_desktop.core.services.activities_dto import YouSaidInfo, YouSaidStatus
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require
from involve_desktop.core.sheets.columns import CELL_PADDING
from involve_desktop.core.sheets.fonts import FONT_BOLD, FONT_REGULAR, text_width
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.options import SheetOptions, check_text
from involve_desktop.core.sheets.params import SheetParams
from involve_desktop.core.sheets.styles import paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "You said, we did"
PERIOD_DAYS = 365
NOTHING = "Nothing in the log for this year yet."
WHEN = "Said on"  # the day a member said it (not when it was done)


@dataclass(frozen=True)
class PosterLine:
    """One entry as the poster prints it (no names)."""

    said: str
    did: str
    when: str


@dataclass(frozen=True)
class YouSaidPoster:
    """What the poster prints."""

    lines: tuple[PosterLine, ...]
    start: date
    end: date
    group_name: str | None = None
    title: str | None = None


def poster_line(entry: YouSaidInfo) -> PosterLine:
    """The words the poster shows for one entry (never who is responsible)."""
    if entry.status is YouSaidStatus.DONE:
        did = entry.we_did or ""
    elif entry.status is YouSaidStatus.PLANNED:
        did = (
            f"We are working on this: {entry.we_did}" if entry.we_did else "We are working on this."
        )
    else:
        did = f"Not possible: {entry.reason or ''}".rstrip(": ")
    return PosterLine(entry.you_said, did, format_date(entry.day))


def _header(poster: YouSaidPoster) -> SheetHeader:
    return SheetHeader(
        poster.title or DEFAULT_TITLE,
        poster.group_name or None,
        f"{format_date(poster.start)} to {format_date(poster.end)}",
    )


def poster_story(poster: YouSaidPoster, options: SheetOptions) -> list[Flowable]:
    """The table of entries (or a line saying there are none)."""
    styles = sheet_styles(options.large_print)
    width = page_geometry(options, _header(poster)).content_width
    if not poster.lines:
        return [paragraph(NOTHING, styles.body)]
    when = CELL_PADDING + max(
        text_width(line.when, FONT_REGULAR, styles.body_size) for line in poster.lines
    )
    when = max(when, CELL_PADDING + text_width(WHEN, FONT_BOLD, styles.body_size))
    rows = [
        [paragraph(line.said, styles.cell), paragraph(line.did, styles.cell), line.when]
        for line in poster.lines
    ]
    header = [Paragraph(text, styles.cell_bold) for text in ("You said", "We did", WHEN)]
    return [ruled_table(header, rows, [(width - when) / 2] * 2 + [when], styles, fit_rows=True)]


def render_you_said_we_did(
    poster: YouSaidPoster, options: SheetOptions | None = None, *, printed_on: date | None = None
) -> bytes:
    """Render the poster to PDF bytes (no names, so no Confidential footer)."""
    options = options or SheetOptions()
    clean = YouSaidPoster(
        poster.lines,
        poster.start,
        poster.end,
        check_text("group_name", "Group name", poster.group_name) or None,
        check_text("title", "Title", poster.title) or DEFAULT_TITLE,
    )
    return build_pdf(
        poster_story(clean, options),
        header=_header(clean),
        options=options,
        has_names=False,
        printed_on=printed_on,
    )


def _poster(
    session: Session, actor: Actor, today: date, group: str | None, title: str | None
) -> YouSaidPoster:
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    start = today - timedelta(days=PERIOD_DAYS)
    entries = you_said.list_entries(session, actor, start=start, end=today)
    return YouSaidPoster(
        tuple(poster_line(e) for e in entries),
        start,
        today,
        group or organisation.group_name(session),
        title,
    )


def you_said_we_did_pdf(
    session: Session,
    actor: Actor,
    options: SheetOptions | None = None,
    *,
    today: date | None = None,
) -> bytes:
    """The past year's poster as PDF bytes (the tab's Print)."""
    day = today or date.today()
    return render_you_said_we_did(_poster(session, actor, day, None, None), options, printed_on=day)


def load_you_said_we_did(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> YouSaidPoster:
    """The past year's entries, for the catalogue."""
    return _poster(session, actor, today, params.group_name, params.title)
