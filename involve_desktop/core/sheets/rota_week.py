"""The weekly rota: A4 landscape, a large clear grid to pin on a ward wall.

Every site: one row per site, Monday to Sunday across, each cell listing that day's shifts
(times in bold, then the names, then the cover in words). One site: one row per shift time
(e.g. "09:00–13:00"), the days across, names and cover in each cell. Cover is always in words
("ALONE — needs 1 more", "No one — needs 2", "Covered"), gaps in bold, never colour alone.

Readable from across a room: the cell text is set as large as lets the week fit one page
(up to 22 pt, 28 pt in large print) without breaking a word or a name, and never below body
size + 1 (a week too full for that runs onto a second page); the rows then share out what
is left of the page, leaving room to write changes in by hand. Bank holidays are named under their
day's heading ("Bank holiday: Christmas Day").

It is made to be pinned up where peer supporters and ward staff see it, so it carries no
"Confidential" footer (a marker that would be wrong on a wall). The privacy rules still hold:
only the names people go by, in the privacy mode chosen (first name and initial unless told
otherwise), and nothing else about anyone — no bank status, training, reasons or roles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from involve_desktop.core.sheets.fonts import FONT_BOLD, FONT_REGULAR, clean_text, text_width
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import PrivacyMode, distinct_short_names, format_name
from involve_desktop.core.sheets.options import Orientation, SheetOptions, check_text
from involve_desktop.core.sheets.rota_data import RotaShiftRow, WeeklyRotaSheet, period_text
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Weekly rota"
EMPTY_TEXT = "There are no shifts this week."
KEY_TEXT = (
    "ALONE: one peer on shift with nobody to support them. \u201cNo one\u201d: nobody is on "
    "the shift yet. \u201cneeds N more\u201d: fewer peers than the shift needs together."
)
CELL_PAD = 1.5 * mm
FIRST_COLUMN = {False: 33 * mm, True: 44 * mm}  # site or time column; wider in large print
MAX_SIZE = {False: 22.0, True: 28.0}  # the largest cell text when a week is short
KEY_GAP = 3 * mm
HOLIDAY_SCALE = 0.8


def day_heading(day: date) -> str:
    """ "Mon 2 Mar"."""
    return f"{day:%a} {day.day} {day:%b}"


def shift_markup(
    shift: RotaShiftRow,
    mode: PrivacyMode,
    *,
    with_times: bool,
    time_size: float | None = None,
    fit_width: float | None = None,
) -> str:
    """Paragraph markup for one shift: times (bold), names, cover words (bold if a gap)."""
    times = escape(shift.times)
    too_wide = bool(time_size and fit_width) and (
        text_width(shift.times, FONT_BOLD, time_size or 0) > (fit_width or 0)
    )
    if with_times and too_wide:
        times = times.replace("–", "–<br/>")  # break after the dash, not inside a time
    lines = [f"<b>{times}</b>"] if with_times else []
    if with_times and time_size:
        lines = [f'<font size="{time_size}">{lines[0]}</font>']
    if shift.cancelled:
        lines.append("<b>Cancelled</b>")
        if shift.cancelled_reason:
            lines.append(escape(clean_text(shift.cancelled_reason)))
        return "<br/>".join(lines)
    # A name never breaks across lines ("Natasha" / "H." reads as two people); what tells
    # two of the same name apart may go under it, in pieces.
    for name in shift.names:
        pieces = _name_pieces(name, mode)
        lines.append(" ".join(escape(piece).replace(" ", "\u00a0") for piece in pieces))
    words = escape(shift.cover_words).replace(" — ", "<br/>")
    lines.append(f"<b>{words}</b>" if shift.state.is_gap else words)
    return "<br/>".join(lines)


def grid_style(styles: SheetStyles, one_site: bool, size: float | None = None) -> ParagraphStyle:
    """Cell text at ``size`` (by default a little larger than body text, more for one
    site), for reading at a distance on a wall."""
    size = size or styles.body_size + (3 if one_site else 1)
    return ParagraphStyle("RotaCell", parent=styles.cell, fontSize=size, leading=size * 1.2)


def _cell(
    shifts: list[RotaShiftRow],
    options: SheetOptions,
    style: ParagraphStyle,
    *,
    with_times: bool,
    width: float,
) -> list[Flowable] | str:
    """One grid cell: each shift in it, a little space between them (``width``: text room)."""
    if not shifts:
        return ""
    cell: list[Flowable] = []
    for index, shift in enumerate(shifts):
        if index:
            cell.append(Spacer(1, style.fontSize * 0.7))
        markup = shift_markup(
            shift,
            options.privacy,
            with_times=with_times,
            time_size=style.fontSize - 1,
            fit_width=width,
        )
        cell.append(Paragraph(markup, style))
    return cell


def _widths(first: float, total: float) -> list[float]:
    return [first] + [(total - first) / 7] * 7


def day_markup(day: date, holiday: str | None, size: float) -> str:
    """A column heading: "Fri 25 Dec" in bold, and on a bank holiday "Bank holiday:
    Christmas Day" under it in regular type a little smaller (words, not shading)."""
    text = escape(day_heading(day))
    if holiday:
        note = f"Bank holiday: {escape(clean_text(holiday))}"
        text += f'<br/><font face="{FONT_REGULAR}" size="{size * HOLIDAY_SCALE:g}">{note}</font>'
    return text


@dataclass(frozen=True)
class _Grid:
    """What the grid shows, before choosing a type size: row keys, labels and cells."""

    first_heading: str
    keys: list[str]
    label_texts: list[str]
    by_key: dict[tuple[str, date], list[RotaShiftRow]]
    days: list[date]
    with_times: bool


def _grid(sheet: WeeklyRotaSheet) -> _Grid:
    days = [sheet.monday + timedelta(days=n) for n in range(7)]
    by_key: dict[tuple[str, date], list[RotaShiftRow]] = defaultdict(list)
    if sheet.one_site is not None:
        keys = sorted({s.times for s in sheet.shifts})
        for shift in sheet.shifts:
            by_key[(shift.times, shift.day)].append(shift)
        return _Grid("Shift", keys, keys, by_key, days, with_times=False)
    keys = list(sheet.sites)
    for shift in sheet.shifts:
        by_key[(shift.site, shift.day)].append(shift)
    return _Grid("Site", keys, [clean_text(k) for k in keys], by_key, days, with_times=True)


def _words(grid: _Grid, sheet: WeeklyRotaSheet, options: SheetOptions) -> list[str]:
    """Every word printed in the day columns (names as the privacy mode prints them)."""
    words: list[str] = [w for day in grid.days for w in day_heading(day).split()]
    for _day, name in sheet.bank_holidays:
        words += ["holiday:", *clean_text(name).split()]
    for shifts in grid.by_key.values():
        for shift in shifts:
            words += shift.cover_words.split()
            words += clean_text(shift.cancelled_reason).split()
    return words


def _name_pieces(name: str, mode: PrivacyMode) -> list[str]:
    """A name as printed, then what tells it apart (if anything) in pieces a line may break
    between: "Zoë C. (joined May 2025)" → ["Zoë C.", "(joined", "May 2025)"]. None of the
    pieces is broken (a name across lines reads as two people)."""
    printed = format_name(name, mode)
    head, bracket, tail = printed.partition(" (")
    if not bracket:
        return [printed]
    words = f"({tail}".split()
    return [head, *words[:-2], " ".join(words[-2:])]


def _names(grid: _Grid, options: SheetOptions) -> list[str]:
    """Every name printed in the day columns, whole (a name is never broken), and the
    pieces of what tells two of the same name apart."""
    return [
        piece
        for shifts in grid.by_key.values()
        for shift in shifts
        for name in shift.names
        for piece in _name_pieces(name, options.privacy)
    ]


def _label_words(text: str) -> list[str]:
    """The pieces a first-column label may break into: at spaces and after a dash."""
    return [w for w in re.split(r"\s+|(?<=–)", text) if w]


def column_widths(grid: _Grid, options: SheetOptions, size: float, width: float) -> list[float]:
    """The first column as wide as its longest bold word at ``size`` needs (at least the
    usual width, at most a quarter of the page), the seven days sharing the rest."""
    longest = max(
        (
            text_width(word, FONT_BOLD, size)
            for text in [grid.first_heading, *grid.label_texts]
            for word in _label_words(text)
        ),
        default=0,
    )
    least = FIRST_COLUMN[options.large_print] * (0.7 if grid.first_heading == "Shift" else 1)
    first = min(max(least, longest + 2 * CELL_PAD + 2), width / 4)
    return _widths(first, width)


def _table(
    grid: _Grid,
    sheet: WeeklyRotaSheet,
    options: SheetOptions,
    styles: SheetStyles,
    size: float,
    width: float,
) -> Table:
    """The grid as a table with its text at ``size`` points; the first column is as wide as
    its longest word needs (within limits)."""
    style = grid_style(styles, sheet.one_site is not None, size)
    bold = ParagraphStyle("RotaHead", parent=style, fontName=FONT_BOLD)
    widths = column_widths(grid, options, size, width)
    inner = widths[1] - 2 * CELL_PAD - 1
    label_style = bold if sheet.one_site is None else grid_style(styles, False, size)
    labels = [
        Paragraph(f"<b>{escape(t).replace('–', '–<br/>')}</b>", label_style)
        if text_width(t, FONT_BOLD, size) > widths[0] - 2 * CELL_PAD - 1 and "–" in t
        else Paragraph(f"<b>{escape(t)}</b>", label_style)
        for t in grid.label_texts
    ]
    holidays = dict(sheet.bank_holidays)
    rows = [
        [
            label,
            *[
                _cell(
                    grid.by_key[(key, day)], options, style, with_times=grid.with_times, width=inner
                )
                for day in grid.days
            ],
        ]
        for key, label in zip(grid.keys, labels, strict=True)
    ]
    heading = [Paragraph(escape(grid.first_heading), bold)] + [
        Paragraph(day_markup(day, holidays.get(day), size), bold) for day in grid.days
    ]
    table = ruled_table(heading, rows, widths, styles, fit_rows=True)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("TOPPADDING", (0, 1), (-1, -1), size * 0.4),
                ("BOTTOMPADDING", (0, 1), (-1, -1), size * 0.6),
            ]
        )
    )
    return table


def fitted_size(
    grid: _Grid,
    sheet: WeeklyRotaSheet,
    options: SheetOptions,
    styles: SheetStyles,
    width: float,
    height: float,
) -> float:
    """The largest type size (up to ``MAX_SIZE``) at which the grid fits on one page and
    every word fits its column; the usual size when even that does not fit (it then runs
    onto more pages)."""
    smallest = styles.body_size + 1
    largest = MAX_SIZE[options.large_print]
    words, names = _words(grid, sheet, options), _names(grid, options)
    size = largest
    while size > smallest:
        inner = column_widths(grid, options, size, width)[1] - 2 * CELL_PAD - 1
        fits_words = all(text_width(w, FONT_BOLD, size) <= inner for w in words) and all(
            text_width(n, FONT_REGULAR, size) <= inner for n in names
        )
        if fits_words:
            table = _table(grid, sheet, options, styles, size, width)
            if table.wrap(width, height)[1] <= height:
                return size
        size -= 0.5
    return smallest


def told_apart(
    sheet: WeeklyRotaSheet, options: SheetOptions
) -> tuple[WeeklyRotaSheet, SheetOptions]:
    """Names as they will print, told apart, then printed as they are (the options come
    back in "full name" so nothing shortens them again). In "first name and initial", two
    people whose names would print the same anywhere in the week get longer ones ("Callum
    Br.", "Callum Bu."), as on the Rota screen; two with the very same name get what tells
    them apart after it ("Zoë C. (joined May 2025)")."""
    mode = options.privacy
    every = [name for shift in sheet.shifts for name in shift.names]
    if mode is PrivacyMode.FIRST_INITIAL:
        shown = distinct_short_names(every)
    else:
        shown = {name: format_name(name, mode) for name in every}
    shifts = tuple(
        replace(shift, names=shift.names_as_printed(shown.__getitem__), aparts=())
        for shift in sheet.shifts
    )
    return replace(sheet, shifts=shifts), replace(options, privacy=PrivacyMode.FULL)


def weekly_rota_story(sheet: WeeklyRotaSheet, options: SheetOptions) -> list[Flowable]:
    """The key line and one grid (sites × days, or shift times × days for one site), its
    text as large as fits one A4 landscape page, for reading on a wall."""
    sheet, options = told_apart(sheet, options)
    styles = sheet_styles(options.large_print)
    if not sheet.shifts and not sheet.sites:
        return [Spacer(1, 4 * mm), paragraph(EMPTY_TEXT, styles.body)]
    grid = _grid(sheet)
    if not grid.keys:
        return [Spacer(1, 4 * mm), paragraph(EMPTY_TEXT, styles.body)]
    geometry = page_geometry(options, _header(sheet))
    width = geometry.content_width
    key = paragraph(KEY_TEXT, styles.body)
    room = geometry.frame_height - key.wrap(width, geometry.frame_height)[1] - KEY_GAP - 1
    size = fitted_size(grid, sheet, options, styles, width, room)
    table = _table(grid, sheet, options, styles, size, width)
    height = table.wrap(width, room)[1]
    if height < room:  # spread the rows down the page: room to write changes in by hand
        extra = (room - height) / len(grid.keys)
        table.setStyle(TableStyle([("BOTTOMPADDING", (0, 1), (-1, -1), size * 0.6 + extra)]))
    return [key, Spacer(1, KEY_GAP), table]


def _header(sheet: WeeklyRotaSheet) -> SheetHeader:
    title = sheet.title or DEFAULT_TITLE
    if sheet.one_site and not sheet.title:
        title = f"{DEFAULT_TITLE} — {sheet.one_site}"
    return SheetHeader(
        title=title,
        group_name=sheet.group_name,
        subtitle=f"Week of {period_text(sheet.monday, sheet.monday + timedelta(days=6))}",
    )


def render_weekly_rota(
    sheet: WeeklyRotaSheet, options: SheetOptions | None = None, *, printed_on: date | None = None
) -> bytes:
    """Render the weekly rota to PDF bytes, always on A4 landscape."""
    options = replace(options or SheetOptions(), orientation=Orientation.LANDSCAPE)
    sheet = replace(
        sheet,
        group_name=check_text("group_name", "Group name", sheet.group_name),
        title=check_text("title", "Title", sheet.title) or None,
    )
    return build_pdf(
        weekly_rota_story(sheet, options),
        header=_header(sheet),
        options=options,
        has_names=False,  # a wall sheet: see the module docstring
        printed_on=printed_on,
    )
