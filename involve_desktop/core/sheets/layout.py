"""The A4 page every sheet is printed on, and ``build_pdf`` which turns flowables into a PDF.

Each page has a header (group name, sheet title, optional subtitle such as a date range) and
a footer ("Printed on Tue 3 Mar 2026", "Page x of y", and "Confidential — contains personal
information" on sheets with names). Page totals are filled in once the whole document is laid
out: the canvas keeps every page until ``save`` and then draws "Page x of y" on each.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from involve_desktop.core.formatting import format_date
from involve_desktop.core.sheets.fonts import FONT_BOLD, FONT_REGULAR, clean_text, fit_text
from involve_desktop.core.sheets.options import Orientation, SheetOptions
from involve_desktop.core.sheets.styles import RULE_GREY, SheetStyles, sheet_styles

CONFIDENTIAL_TEXT = "Confidential — contains personal information"
APP_NAME = "Involve Desktop"

SIDE_MARGIN = 16 * mm
TOP_MARGIN = 12 * mm
BOTTOM_MARGIN = 10 * mm
_FOOTER_RULE_GAP = 1.5 * mm  # between the footer text and the rule above it


@dataclass(frozen=True)
class SheetHeader:
    """What the top of every page says. Empty group name or subtitle lines are left out."""

    title: str
    group_name: str | None = None
    subtitle: str | None = None


@dataclass(frozen=True)
class PageGeometry:
    """Where the header, body frame and footer sit on one A4 page, in points."""

    width: float
    height: float
    header_height: float
    footer_height: float

    @property
    def content_width(self) -> float:
        """Width available to flowables (and table columns)."""
        return self.width - 2 * SIDE_MARGIN

    @property
    def frame_bottom(self) -> float:
        """Lowest y of the body frame."""
        return BOTTOM_MARGIN + self.footer_height

    @property
    def frame_height(self) -> float:
        """Height available to flowables on one page."""
        return self.height - TOP_MARGIN - self.header_height - self.frame_bottom


def page_size(orientation: Orientation) -> tuple[float, float]:
    """A4 in the given orientation, (width, height) in points."""
    return landscape(A4) if orientation is Orientation.LANDSCAPE else portrait(A4)


def _header_lines(header: SheetHeader, styles: SheetStyles) -> list[tuple[str, str, float]]:
    """(text, font, size) for each header line that has text."""
    lines = []
    if clean_text(header.group_name):
        lines.append((clean_text(header.group_name), FONT_BOLD, styles.group_size))
    lines.append((clean_text(header.title), FONT_BOLD, styles.title_size))
    if clean_text(header.subtitle):
        lines.append((clean_text(header.subtitle), FONT_REGULAR, styles.body_size))
    return lines


def page_geometry(options: SheetOptions, header: SheetHeader) -> PageGeometry:
    """The page layout for these options and this header."""
    styles = sheet_styles(options.large_print)
    width, height = page_size(options.orientation)
    header_height = sum(size * 1.25 for _, _, size in _header_lines(header, styles)) + 5 * mm
    footer_height = 2 * styles.small_size * 1.35 + _FOOTER_RULE_GAP + 3 * mm
    return PageGeometry(width, height, header_height, footer_height)


def _draw_header(
    canvas: Canvas, geometry: PageGeometry, header: SheetHeader, styles: SheetStyles
) -> None:
    """Group name, title and subtitle at the top of the page, then a thin rule."""
    y = geometry.height - TOP_MARGIN
    canvas.setFillColorRGB(0, 0, 0)
    for text, font, size in _header_lines(header, styles):
        y -= size * 1.25
        fitted, fitted_size = fit_text(text, font, size, size * 0.7, geometry.content_width)
        canvas.setFont(font, fitted_size)
        canvas.drawString(SIDE_MARGIN, y + size * 0.25, fitted)
    canvas.setLineWidth(0.75)
    canvas.line(SIDE_MARGIN, y - 1.5 * mm, geometry.width - SIDE_MARGIN, y - 1.5 * mm)


def _draw_footer(
    canvas: Canvas,
    geometry: PageGeometry,
    styles: SheetStyles,
    printed_on: date,
    confidential: bool,
) -> None:
    """Thin rule, the confidential line (if any) and the printed date."""
    top = BOTTOM_MARGIN + 2 * styles.small_size * 1.35 + _FOOTER_RULE_GAP
    canvas.setStrokeColor(RULE_GREY)
    canvas.setLineWidth(0.4)
    canvas.line(SIDE_MARGIN, top, geometry.width - SIDE_MARGIN, top)
    canvas.setFillColorRGB(0, 0, 0)
    line = styles.small_size * 1.35
    if confidential:
        canvas.setFont(FONT_BOLD, styles.small_size)
        canvas.drawString(SIDE_MARGIN, BOTTOM_MARGIN + line + 1 * mm, CONFIDENTIAL_TEXT)
    canvas.setFont(FONT_REGULAR, styles.small_size)
    canvas.drawString(SIDE_MARGIN, BOTTOM_MARGIN + 1 * mm, f"Printed on {format_date(printed_on)}")


def _draw_page_number(
    canvas: Canvas, number: int, total: int, *, geometry: PageGeometry, styles: SheetStyles
) -> None:
    """ "Page x of y" at the bottom right, drawn once the total is known."""
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(FONT_BOLD, styles.small_size)
    canvas.drawRightString(
        geometry.width - SIDE_MARGIN, BOTTOM_MARGIN + 1 * mm, f"Page {number} of {total}"
    )


class NewPageCount(Flowable):
    """Put first on a page (after a PageBreak) to count pages afresh from there: a
    statement for each person in one PDF says "Page 1 of 2" for each person's own pages."""

    width = height = 0

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        start = getattr(self.canv, "start_page_count", None)
        if start is not None:
            start()


class _NumberedCanvas(Canvas):
    """A canvas that holds pages back until ``save`` so each can say "Page x of y" (counted
    within each part a ``NewPageCount`` starts)."""

    def __init__(
        self, *args: Any, page_number: Callable[[Canvas, int, int], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._page_number = page_number
        self._part_starts: set[int] = {0}

    def start_page_count(self) -> None:
        """Count pages from this one afresh."""
        self._part_starts.add(len(self._pages))

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = self._pages
        starts = sorted(s for s in self._part_starts if s < len(pages)) or [0]
        ends = [*starts[1:], len(pages)]
        for start, end in zip(starts, ends, strict=True):
            for index in range(start, end):
                self.__dict__.update(pages[index])
                self._page_number(self, index - start + 1, end - start)
                super().showPage()
        super().save()


def build_pdf(
    story: Sequence[Flowable],
    *,
    header: SheetHeader,
    options: SheetOptions,
    has_names: bool,
    printed_on: date | None = None,
) -> bytes:
    """Lay ``story`` out on A4 pages with the shared header and footer; return PDF bytes.

    ``has_names`` adds the Confidential footer: set it on every sheet that prints or collects
    people's names. ``printed_on`` defaults to today.
    """
    styles = sheet_styles(options.large_print)
    geometry = page_geometry(options, header)
    day = printed_on or date.today()

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        _draw_header(canvas, geometry, header, styles)
        _draw_footer(canvas, geometry, styles, day, has_names)
        canvas.restoreState()

    frame = Frame(
        SIDE_MARGIN,
        geometry.frame_bottom,
        geometry.content_width,
        geometry.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    buffer = io.BytesIO()
    title = clean_text(header.title)
    group = clean_text(header.group_name)
    doc = BaseDocTemplate(
        buffer,
        pagesize=(geometry.width, geometry.height),
        pageTemplates=[PageTemplate(id="sheet", frames=[frame], onPage=on_page)],
        title=f"{title} — {group}" if group else title,
        author=group or APP_NAME,
        subject=title,
        creator=APP_NAME,
        initialFontName=FONT_REGULAR,  # so no page refers to an unembedded Helvetica
        initialFontSize=styles.body_size,
    )
    number = partial(_draw_page_number, geometry=geometry, styles=styles)
    doc.build(list(story), canvasmaker=partial(_NumberedCanvas, page_number=number))
    return buffer.getvalue()
