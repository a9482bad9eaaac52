"""The certificate of completion: one A4 landscape page per graduate, for plain paper.

Dignified and plain: a double rule round the page, the organisation's name, "Certificate
of Completion", the person's name as they want to be known, the programme, the cohort and
its dates, the completion date, and a signature line for each facilitator with their name
and role underneath. Black on white (it survives any office printer), DejaVu Sans embedded
so every name prints as written (Zoë, Siobhán, Nguyễn). No header, footer, page numbers or
"Confidential" mark: it is the person's own certificate, and nothing about them but their
name and achievement is printed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from involve_desktop.core.sheets.fonts import (
    FONT_BOLD,
    FONT_REGULAR,
    clean_text,
    fit_text,
    register_fonts,
    text_width,
)
from involve_desktop.core.sheets.layout import APP_NAME

TITLE = "Certificate of Completion"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MAX_SIGNATURES = 4
NAME_RULE = 140 * mm  # the shortest rule under the name


def long_date(day: date) -> str:
    """ "10 March 2026": how a date reads on a certificate."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Signatory:
    """A facilitator who signs: their name and the words under it ("Facilitator")."""

    name: str
    role: str


@dataclass(frozen=True)
class Certificate:
    """One person's certificate. ``name`` is the name they want to be known by."""

    name: str
    programme: str
    cohort: str
    completed_on: date
    signatories: tuple[Signatory, ...]
    group_name: str | None = None
    start_on: date | None = None
    end_on: date | None = None


def _centred(canvas: Canvas, text: str, font: str, size: float, y: float, width: float) -> float:
    """Draw ``text`` centred on the page at ``y``, shrunk to fit ``width``; its width."""
    page_width = canvas._pagesize[0]
    fitted, fitted_size = fit_text(clean_text(text), font, size, size * 0.6, width)
    canvas.setFont(font, fitted_size)
    canvas.drawCentredString(page_width / 2, y, fitted)
    return text_width(fitted, font, fitted_size)


def _cohort_line(cert: Certificate) -> str:
    if cert.start_on and cert.end_on and cert.start_on != cert.end_on:
        return f"{cert.cohort} · {long_date(cert.start_on)} to {long_date(cert.end_on)}"
    return cert.cohort


def _signatures(canvas: Canvas, signatories: Sequence[Signatory], width: float) -> None:
    page_width = canvas._pagesize[0]
    shown = list(signatories)[:MAX_SIGNATURES]
    if not shown:
        return
    slot = width / len(shown)
    line = min(62 * mm, slot - 10 * mm)
    base = 42 * mm
    canvas.setLineWidth(0.6)
    for index, person in enumerate(shown):
        centre = (page_width - width) / 2 + slot * (index + 0.5)
        canvas.line(centre - line / 2, base, centre + line / 2, base)
        name, size = fit_text(clean_text(person.name), FONT_BOLD, 11, 7, line)
        canvas.setFont(FONT_BOLD, size)
        canvas.drawCentredString(centre, base - 5.5 * mm, name)
        role, size = fit_text(clean_text(person.role), FONT_REGULAR, 9, 6, line)
        canvas.setFont(FONT_REGULAR, size)
        canvas.drawCentredString(centre, base - 10 * mm, role)


def _page(canvas: Canvas, cert: Certificate) -> None:
    width, height = canvas._pagesize
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setLineWidth(2.2)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.setLineWidth(0.6)
    canvas.rect(15.5 * mm, 15.5 * mm, width - 31 * mm, height - 31 * mm)
    room = width - 60 * mm
    if clean_text(cert.group_name):
        _centred(canvas, cert.group_name or "", FONT_REGULAR, 15, height - 38 * mm, room)
    _centred(canvas, TITLE, FONT_BOLD, 32, height - 58 * mm, room)
    _centred(canvas, "This is to certify that", FONT_REGULAR, 13, height - 76 * mm, room)
    name_width = _centred(canvas, cert.name, FONT_BOLD, 30, height - 93 * mm, room)
    rule = min(max(NAME_RULE, name_width + 12 * mm), room) / 2  # under the whole name
    canvas.setLineWidth(0.4)
    canvas.line(width / 2 - rule, height - 97 * mm, width / 2 + rule, height - 97 * mm)
    _centred(canvas, "has completed the", FONT_REGULAR, 13, height - 108 * mm, room)
    _centred(canvas, cert.programme, FONT_BOLD, 22, height - 120 * mm, room)
    _centred(canvas, _cohort_line(cert), FONT_REGULAR, 12, height - 129 * mm, room)
    _centred(
        canvas,
        f"Completed on {long_date(cert.completed_on)}",
        FONT_REGULAR,
        13,
        height - 141 * mm,
        room,
    )
    _signatures(canvas, cert.signatories, width - 50 * mm)


def render_certificates(certificates: Sequence[Certificate]) -> bytes:
    """One landscape page per certificate (in the order given), as PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), initialFontName=FONT_REGULAR)
    canvas.setTitle(TITLE)
    canvas.setAuthor(clean_text(certificates[0].group_name) if certificates else APP_NAME)
    canvas.setCreator(APP_NAME)
    for cert in certificates:
        _page(canvas, cert)
        canvas.showPage()
    if not certificates:
        canvas.setFont(FONT_REGULAR, 13)
        canvas.drawString(30 * mm, 150 * mm, "No one has graduated from this cohort yet.")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
