"""Training due or expired: who needs a refresher, in two sections (expired first).

Each row says its state in words ("Expired", "Due for renewal") — never colour alone — so
the sheet reads the same from a black-and-white printer and when a page is torn off.
Within a section, rows run from the earliest expiry date; ties alphabetical by name.
Dates are written in full ("Sun 31 May 2026") when the columns fit; narrower pages (large
print) drop the weekday, and then the completed date, so names stay readable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.member_dto import TrainingState
from involve_desktop.core.sheets.columns import measure_columns
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import PrivacyMode, format_name, name_sort_key
from involve_desktop.core.sheets.options import SheetOptions, check_text
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Training due or expired"
HEADER = ("Name", "Training", "Completed", "Expires", "State")


@dataclass(frozen=True)
class TrainingDueRow:
    """One person's latest record of one training, with its state on the day printed."""

    name: str
    training: str
    completed_on: date
    expires_on: date
    state: TrainingState


@dataclass(frozen=True)
class TrainingDueSheet:
    """What to print: expired and due rows, the window in days, and the page's words."""

    rows: tuple[TrainingDueRow, ...]
    within_days: int
    group_name: str | None = None
    title: str | None = None
    subtitle: str | None = None


def _section_heading(state: TrainingState, count: int, within_days: int) -> str:
    people = "1 record" if count == 1 else f"{count} records"
    if state is TrainingState.EXPIRED:
        return f"Expired — {people}"
    days = "1 day" if within_days == 1 else f"{within_days} days"
    return f"Due for renewal in the next {days} — {people}"


def short_date(day: date) -> str:
    """ "3 Mar 2026" — the app's date without the weekday, for narrow columns."""
    return format_date(day).split(" ", 1)[1]


@dataclass(frozen=True)
class _Layout:
    """Which columns to print and how to write dates; the first that fits the page wins."""

    date_text: Callable[[date], str]
    with_completed: bool
    nowrap: frozenset[int]

    def header(self) -> list[str]:
        """The column headings this layout prints."""
        return [h for h in HEADER if self.with_completed or h != "Completed"]

    def texts(self, row: TrainingDueRow, privacy: PrivacyMode) -> list[str]:
        """One row's cell texts, in column order."""
        dates = [row.completed_on, row.expires_on] if self.with_completed else [row.expires_on]
        name = format_name(row.name, privacy)
        return [name, row.training, *(self.date_text(d) for d in dates), row.state.label]


LAYOUTS = (
    _Layout(format_date, True, frozenset({2, 3, 4})),
    _Layout(short_date, True, frozenset({2, 3})),
    _Layout(short_date, False, frozenset({2})),  # large print on a portrait page
)


def _choose_layout(
    rows: tuple[TrainingDueRow, ...], options: SheetOptions, styles: SheetStyles, width: float
) -> tuple[_Layout, list[float]]:
    """The fullest layout whose columns fit ``width`` (the last one otherwise)."""
    for layout in LAYOUTS:
        texts = [layout.texts(row, options.privacy) for row in rows]
        columns = list(zip(*texts, strict=True))
        header = layout.header()
        fit = measure_columns(header, columns, styles, nowrap=layout.nowrap, bold={len(header) - 1})
        if fit.fits(width):
            break
    return layout, fit.widths(width)


def _table(
    rows: list[TrainingDueRow],
    layout: _Layout,
    widths: list[float],
    styles: SheetStyles,
    privacy: PrivacyMode,
) -> Flowable:
    cell, bold = styles.cell, styles.cell_bold
    body = []
    for row in rows:
        cells = [paragraph(text, cell) for text in layout.texts(row, privacy)]
        if row.state is TrainingState.EXPIRED:  # bold as well as the word, never colour
            cells[-1] = paragraph(row.state.label, bold)
        body.append(cells)
    heading = [paragraph(text, bold) for text in layout.header()]
    return ruled_table(heading, body, widths, styles, fit_rows=True)


def training_due_story(sheet: TrainingDueSheet, options: SheetOptions) -> list[Flowable]:
    """Two sections, expired first; a plain sentence when nothing is due."""
    styles = sheet_styles(options.large_print)
    story: list[Flowable] = []
    if sheet.rows:
        width = page_geometry(options, _header(sheet)).content_width
        layout, widths = _choose_layout(sheet.rows, options, styles, width)
    for state in (TrainingState.EXPIRED, TrainingState.DUE):
        rows = [row for row in sheet.rows if row.state is state]
        if not rows:
            continue
        rows.sort(key=lambda r: (r.expires_on, name_sort_key(format_name(r.name, options.privacy))))
        heading = _section_heading(state, len(rows), sheet.within_days)
        story.append(Paragraph(heading, styles.heading))
        story.append(_table(rows, layout, widths, styles, options.privacy))
        story.append(Spacer(1, 3 * mm))
    if not story:
        days = "1 day" if sheet.within_days == 1 else f"{sheet.within_days} days"
        text = f"Nobody's training has expired or is due for renewal in the next {days}."
        story = [Spacer(1, 4 * mm), paragraph(text, styles.body)]
    return story


def _header(sheet: TrainingDueSheet) -> SheetHeader:
    return SheetHeader(
        title=sheet.title or DEFAULT_TITLE, group_name=sheet.group_name, subtitle=sheet.subtitle
    )


def render_training_due(
    sheet: TrainingDueSheet, options: SheetOptions | None = None, *, printed_on: date | None = None
) -> bytes:
    """Render the training list to PDF bytes (raises ``SheetInputError`` on a too-long title)."""
    options = options or SheetOptions()
    sheet = TrainingDueSheet(
        rows=sheet.rows,
        within_days=sheet.within_days,
        group_name=check_text("group_name", "Group name", sheet.group_name),
        title=check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
        subtitle=sheet.subtitle,
    )
    return build_pdf(
        training_due_story(sheet, options),
        header=_header(sheet),
        options=options,
        has_names=True,
        printed_on=printed_on,
    )
