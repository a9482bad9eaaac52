"""Two rota lists: a person's schedule for a month and the gaps list for a period.

The schedule lists the person's shifts in date order (date, time, site, who else is on,
cover); the gaps list lists every shift below its minimum with its state in words, how
many more peers it needs and why it is a gap (counts of people, never names). Names follow
the chosen privacy mode.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.member_names import with_apart
from involve_desktop.core.sheets.fonts import clean_text
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import PrivacyMode, distinct_short_names, format_name
from involve_desktop.core.sheets.options import SheetOptions, check_text
from involve_desktop.core.sheets.rota_data import (
    GapsSheet,
    PersonScheduleSheet,
    RotaShiftRow,
    period_text,
)
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

SCHEDULE_TITLE = "Rota schedule"
GAPS_TITLE = "Rota gaps"
NO_SHIFTS = "No shifts this month."
SCHEDULE_HEADER = ("Date", "Time", "Site", "Also on shift", "Cover")
GAPS_HEADER = ("Date", "Time", "Site", "On shift", "State", "Needs")
SCHEDULE_SHARES = (0.2, 0.16, 0.24, 0.24, 0.16)
GAPS_SHARES = (0.2, 0.16, 0.22, 0.18, 0.12, 0.12)


def _names(shift: RotaShiftRow, mode: PrivacyMode, empty: str) -> str:
    """Who is on, as the privacy mode prints them; in "first name and initial" two on the
    same shift whose names would read the same get longer ones ("Callum Br., Callum Bu."),
    and two of the very same name what tells them apart ("Zoë C. (joined May 2025)")."""
    if mode is PrivacyMode.FIRST_INITIAL:
        shorts = distinct_short_names(shift.names)
        return ", ".join(shift.names_as_printed(shorts.__getitem__)) or empty
    return ", ".join(shift.names_as_printed(lambda n: format_name(n, mode))) or empty


def _cover(shift: RotaShiftRow, styles: SheetStyles, *, state_only: bool = False) -> Paragraph:
    words = escape(shift.state_words if state_only else shift.cover_words)
    return Paragraph(f"<b>{words}</b>" if shift.state.is_gap else words, styles.cell)


def _table(
    header: tuple[str, ...],
    rows: list[list],
    shares: tuple[float, ...],
    width: float,
    styles: SheetStyles,
) -> Flowable:
    heading = [paragraph(text, styles.cell_bold) for text in header]
    return ruled_table(heading, rows, [width * s for s in shares], styles, fit_rows=True)


def _schedule_header(sheet: PersonScheduleSheet, mode: PrivacyMode) -> SheetHeader:
    who = with_apart(format_name(sheet.name, mode), sheet.apart)
    return SheetHeader(
        title=sheet.title or f"{SCHEDULE_TITLE} — {who}",
        group_name=sheet.group_name,
        subtitle=f"{sheet.month:%B %Y}",
    )


def render_person_schedule(
    sheet: PersonScheduleSheet,
    options: SheetOptions | None = None,
    *,
    printed_on: date | None = None,
) -> bytes:
    """One person's shifts in a month as a PDF."""
    options = options or SheetOptions()
    sheet = replace(
        sheet,
        group_name=check_text("group_name", "Group name", sheet.group_name),
        title=check_text("title", "Title", sheet.title) or None,
    )
    styles = sheet_styles(options.large_print)
    header = _schedule_header(sheet, options.privacy)
    story: list[Flowable]
    if not sheet.shifts:
        story = [Spacer(1, 4 * mm), paragraph(NO_SHIFTS, styles.body)]
    else:
        rows = [
            [
                paragraph(format_date(s.day), styles.cell),
                s.times,
                paragraph(s.site, styles.cell),
                paragraph(_names(s, options.privacy, "Nobody else yet"), styles.cell),
                _cover(s, styles),
            ]
            for s in sheet.shifts
        ]
        width = page_geometry(options, header).content_width
        count = len(sheet.shifts)
        summary = f"{count} shift{'s' if count != 1 else ''} this month."
        story = [
            paragraph(summary, styles.body),
            Spacer(1, 2 * mm),
            _table(SCHEDULE_HEADER, rows, SCHEDULE_SHARES, width, styles),
        ]
    return build_pdf(story, header=header, options=options, has_names=True, printed_on=printed_on)


def _reasons(sheet: GapsSheet) -> tuple[str, ...]:
    """The reason beside each gap ("" where none was given)."""
    return sheet.reasons if len(sheet.reasons) == len(sheet.shifts) else ("",) * len(sheet.shifts)


def _gaps_header(sheet: GapsSheet) -> SheetHeader:
    title = sheet.title or (f"{GAPS_TITLE} — {sheet.one_site}" if sheet.one_site else GAPS_TITLE)
    return SheetHeader(
        title=title, group_name=sheet.group_name, subtitle=period_text(sheet.start, sheet.end)
    )


def render_gaps(
    sheet: GapsSheet, options: SheetOptions | None = None, *, printed_on: date | None = None
) -> bytes:
    """The gaps list as a PDF."""
    options = options or SheetOptions()
    sheet = replace(
        sheet,
        group_name=check_text("group_name", "Group name", sheet.group_name),
        title=check_text("title", "Title", sheet.title) or None,
    )
    styles = sheet_styles(options.large_print)
    header = _gaps_header(sheet)
    story: list[Flowable]
    if not sheet.shifts:
        story = [Spacer(1, 4 * mm), paragraph(sheet.no_gaps, styles.body)]
    else:
        rows: list[list] = []
        why_rows: list[int] = []
        for s, why in zip(sheet.shifts, _reasons(sheet), strict=True):
            rows.append(
                [
                    paragraph(format_date(s.day), styles.cell),
                    s.times,
                    paragraph(s.site, styles.cell),
                    paragraph(_names(s, options.privacy, "No one"), styles.cell),
                    _cover(s, styles, state_only=True),
                    Paragraph(f"<b>{s.more_needed} more</b>", styles.cell),
                ]
            )
            if why:  # under the gap, across the whole row
                rows.append([Paragraph(f"Why: {escape(clean_text(why))}", styles.cell)])
                rows[-1] += [""] * (len(GAPS_HEADER) - 1)
                why_rows.append(len(rows))  # table row (the heading is row 0)
        count = len(sheet.shifts)
        summary = (
            f"{count} shift{'s' if count != 1 else ''} below the minimum number of peers "
            "together. ALONE means one peer with nobody to support them. Why says who could "
            "fill each one, or what stops everyone."
        )
        if sheet.ends_early:
            summary = f"{summary} {sheet.ends_early}"
        width = page_geometry(options, header).content_width
        story = [
            paragraph(clean_text(summary), styles.body),
            Spacer(1, 2 * mm),
            _gaps_table(rows, why_rows, width, styles),
        ]
    return build_pdf(story, header=header, options=options, has_names=True, printed_on=printed_on)


def _gaps_table(
    rows: list[list], why_rows: list[int], width: float, styles: SheetStyles
) -> Flowable:
    """The gaps table; each "Why" line spans the row, kept with its gap above it."""
    table = _table(GAPS_HEADER, rows, GAPS_SHARES, width, styles)
    commands = []
    for row in why_rows:
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("TOPPADDING", (0, row), (-1, row), 0),
            ("NOSPLIT", (0, row - 1), (-1, row)),
            ("LINEBELOW", (0, row), (-1, row), 0.75, colors.black),  # one gap ends here
        ]
    if commands:
        table.setStyle(TableStyle(commands))
    return table
