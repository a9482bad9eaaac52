"""The weekly rota: A4 landscape, a large clear grid to pin on a ward wall.

Every site: one row per site, Monday to Sunday across, each cell listing that day's shifts
(times in bold, then the names, then the cover in words). One site: one row per shift time
(e.g. "09:00–13:00"), the days across, names and cover in each cell. Cover is always in words
("ALONE — needs 1 more", "No one — needs 2", "Covered"), gaps in bold, never colour alone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle

from involve_desktop.core.sheets.fonts import FONT_BOLD, clean_text, text_width
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import PrivacyMode, format_name
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
    lines += [escape(format_name(name, mode)) for name in shift.names]
    words = escape(shift.cover_words).replace(" — ", "<br/>")
    lines.append(f"<b>{words}</b>" if shift.state.is_gap else words)
    return "<br/>".join(lines)


def grid_style(styles: SheetStyles, one_site: bool) -> ParagraphStyle:
    """Cell text a little larger than body text (more for one site), for reading at a
    distance on a wall."""
    size = styles.body_size + (3 if one_site else 1)
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


def weekly_rota_story(sheet: WeeklyRotaSheet, options: SheetOptions) -> list[Flowable]:
    """The key line and one grid (sites × days, or shift times × days for one site)."""
    styles = sheet_styles(options.large_print)
    if not sheet.shifts and not sheet.sites:
        return [Spacer(1, 4 * mm), paragraph(EMPTY_TEXT, styles.body)]
    days = [sheet.monday + timedelta(days=n) for n in range(7)]
    width = page_geometry(options, _header(sheet)).content_width
    by_key: dict[tuple[str, date], list[RotaShiftRow]] = defaultdict(list)
    style = grid_style(styles, sheet.one_site is not None)
    if sheet.one_site is not None:
        first_heading = "Shift"
        keys = sorted({s.times for s in sheet.shifts})
        for shift in sheet.shifts:
            by_key[(shift.times, shift.day)].append(shift)
        label_style = grid_style(styles, one_site=False)  # one line in the first column
        row_labels = [Paragraph(f"<b>{escape(k)}</b>", label_style) for k in keys]
    else:
        first_heading = "Site"
        keys = list(sheet.sites)
        for shift in sheet.shifts:
            by_key[(shift.site, shift.day)].append(shift)
        row_labels = [Paragraph(f"<b>{escape(clean_text(k))}</b>", style) for k in keys]
    with_times = sheet.one_site is None
    widths = _widths(FIRST_COLUMN[options.large_print], width)
    inner = widths[1] - 2 * CELL_PAD - 1
    rows = [
        [
            label,
            *[
                _cell(by_key[(key, day)], options, style, with_times=with_times, width=inner)
                for day in days
            ],
        ]
        for key, label in zip(keys, row_labels, strict=True)
    ]
    if not rows:
        return [Spacer(1, 4 * mm), paragraph(EMPTY_TEXT, styles.body)]
    bold = ParagraphStyle("RotaHead", parent=style, fontName=styles.cell_bold.fontName)
    heading = [Paragraph(escape(t), bold) for t in [first_heading, *map(day_heading, days)]]
    table = ruled_table(heading, rows, widths, styles, fit_rows=True)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("TOPPADDING", (0, 1), (-1, -1), styles.body_size * 0.6),
                ("BOTTOMPADDING", (0, 1), (-1, -1), styles.body_size * 0.8),
            ]
        )
    )
    return [paragraph(KEY_TEXT, styles.body), Spacer(1, 3 * mm), table]


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
        has_names=True,
        printed_on=printed_on,
    )
