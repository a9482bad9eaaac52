"""Panel participation for a period: how many panels, who sat how often, and how
concentrated the lived-experience seats were (the over-reliance figures in words).

One row per member who sat on a held panel in the period: the name they go by (privacy
mode), lived-experience seats, staff seats, the last panel they sat on. Outside staff are
counted, not named. Nothing else about anyone. Confidential footer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Paragraph, Spacer

from involve_desktop.core.formatting import format_date
from involve_desktop.core.sheets.columns import CELL_PADDING
from involve_desktop.core.sheets.fonts import FONT_BOLD, FONT_REGULAR, text_width
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import format_name
from involve_desktop.core.sheets.options import SheetOptions, check_text
from involve_desktop.core.sheets.styles import paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Panel participation summary"
COLUMNS = ("Name", "Lived experience seats", "Staff seats", "Last sat")
NOBODY = "No one sat on a held panel in this period."


@dataclass(frozen=True)
class SummaryRow:
    """One person's seats in the period."""

    name: str
    lived_seats: int
    staff_seats: int
    last_sat: date | None


@dataclass(frozen=True)
class PanelSummarySheet:
    """What the summary prints: the period, the counts, the rows and the figures."""

    start: date
    end: date
    counts: tuple[str, ...]  # sentences: "12 panels held", …
    rows: tuple[SummaryRow, ...]
    reliance: str
    top_people: tuple[tuple[str, int], ...] = ()
    warning: bool = False
    group_name: str | None = None
    title: str | None = None


def panel_summary_story(sheet: PanelSummarySheet, options: SheetOptions) -> list[Flowable]:
    """Counts, the over-reliance figures, then the table of people."""
    styles = sheet_styles(options.large_print)
    width = page_geometry(options, _header(sheet)).content_width
    story: list[Flowable] = [paragraph(line, styles.body) for line in sheet.counts]
    story.append(Paragraph("How concentrated the seats were", styles.heading))
    if sheet.warning:
        story.append(paragraph("WARNING — the same few people:", styles.body_bold))
    story.append(paragraph(sheet.reliance, styles.body))
    if sheet.top_people:
        most = "; ".join(
            f"{format_name(name, options.privacy)}: {seats}" for name, seats in sheet.top_people
        )
        story.append(paragraph(f"Sat most (lived-experience seats): {most}.", styles.body))
    story += [Spacer(1, 2), Paragraph("Seats per person", styles.heading)]
    if not sheet.rows:
        story.append(paragraph(NOBODY, styles.body))
        return story
    size = styles.body_size
    number = CELL_PADDING + max(
        text_width(word, FONT_BOLD, size) for heading in COLUMNS[1:3] for word in heading.split()
    )
    last = CELL_PADDING + text_width("Wed 30 Sep 2026", FONT_REGULAR, size)
    name = width - 2 * number - last
    rows = [
        [
            paragraph(format_name(r.name, options.privacy), styles.cell),
            str(r.lived_seats),
            str(r.staff_seats),
            format_date(r.last_sat) if r.last_sat else "",
        ]
        for r in sheet.rows
    ]
    widths = [name, number, number, last]
    header = [Paragraph(text, styles.cell_bold) for text in COLUMNS]  # headings may wrap
    story.append(ruled_table(header, rows, widths, styles, fit_rows=True))
    return story


def _header(sheet: PanelSummarySheet) -> SheetHeader:
    return SheetHeader(
        title=sheet.title or DEFAULT_TITLE,
        group_name=sheet.group_name,
        subtitle=f"{format_date(sheet.start)} to {format_date(sheet.end)}",
    )


def render_panel_summary(
    sheet: PanelSummarySheet,
    options: SheetOptions | None = None,
    *,
    printed_on: date | None = None,
) -> bytes:
    """Render the summary to PDF bytes."""
    options = options or SheetOptions()
    clean = PanelSummarySheet(
        sheet.start,
        sheet.end,
        sheet.counts,
        sheet.rows,
        sheet.reliance,
        sheet.top_people,
        sheet.warning,
        check_text("group_name", "Group name", sheet.group_name),
        check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
    )
    return build_pdf(
        panel_summary_story(clean, options),
        header=_header(clean),
        options=options,
        has_names=True,
        printed_on=printed_on,
    )
