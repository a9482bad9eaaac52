"""The expense claim form: a pre-filled form for one person and period, to fill in and sign.

It names the person (as they go by), lists the days they were involved in the period with
room to write what each cost them (travel, care), the claims already entered (so nothing
is claimed twice), empty rows for anything else, a receipt box on every row, the
declaration with signature and date lines, and a box for the office (approved by, paid
on). Black on white, rows tall enough to write in, no grey behind anything to be written
on, so it photocopies well. Confidential footer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from involve_desktop.core.formatting import format_date, format_pence
from involve_desktop.core.services.payments_dto import ExpenseInfo
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.meeting_sign_in import TickBox
from involve_desktop.core.sheets.names import format_name
from involve_desktop.core.sheets.options import SheetOptions, check_count, check_text
from involve_desktop.core.sheets.payment_parts import (
    column_widths,
    continued,
    header_cells,
    label_block,
    period_words,
    right_align,
    sign_lines,
    status_words,
    table_heading,
    writing_space,
)
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Expense claim form"
DEFAULT_EMPTY_ROWS = 5
MIN_EMPTY_ROWS = 0
MAX_EMPTY_ROWS = 30
CLAIM_COLUMNS = ("Date", "What you did", "What you paid for", "Amount", "Receipt")
ENTERED_COLUMNS = ("Date", "What for", "Amount", "Receipt", "Status")
INTRO = (
    "Write what it cost you to take part on each day below — bus or train fares, mileage, "
    "taxis where needed, care for someone while you were here. Tick Receipt when you attach "
    "one. Claims we already have are listed first, so there is no need to claim them again."
)
DECLARATION = (
    "I spent this money to take part in the activities above, and I have not claimed it "
    "from anywhere else. Receipts are attached where ticked."
)
NO_DAYS = "No involvement is recorded for you in this period yet; use the empty rows."


@dataclass(frozen=True)
class ClaimDay:
    """A day the person was involved, and what they did."""

    day: date
    what: str


@dataclass(frozen=True)
class ExpenseClaimFormSheet:
    """What the form prints for one person and period."""

    member_id: int
    name: str
    start: date
    end: date
    days: tuple[ClaimDay, ...]
    claims: tuple[ExpenseInfo, ...]
    empty_rows: int = DEFAULT_EMPTY_ROWS
    group_name: str | None = None
    title: str | None = None


def _entered(sheet: ExpenseClaimFormSheet, styles: SheetStyles, width: float) -> Flowable:
    rows = [
        [
            paragraph(short_day(c.day), styles.cell),
            paragraph(c.item, styles.cell),
            format_pence(c.amount_pence),
            "Held" if c.receipt_held else "None",
            paragraph(status_words(c), styles.cell),
        ]
        for c in sheet.claims
    ]
    widths = column_widths(
        styles,
        width,
        [
            ("Date", [short_day(c.day) for c in sheet.claims]),
            ("What for", 3),
            ("Amount", [format_pence(c.amount_pence) for c in sheet.claims]),
            ("Receipt", ["Held", "None"]),
            ("Status", 2),
        ],
    )
    header = header_cells(ENTERED_COLUMNS, styles, [2])
    table = ruled_table(header, rows, widths, styles, fit_rows=True)
    return right_align(table, [2])


def short_day(day: date) -> str:
    """ "Mon 2 Nov" (the year is in the period at the top)."""
    return format_date(day).rsplit(" ", 1)[0]


def _claim_rows(
    sheet: ExpenseClaimFormSheet, styles: SheetStyles, width: float, name: str
) -> Flowable:
    widths = column_widths(
        styles,
        width,
        [
            ("Date", ["Wed 30 Nov"]),
            ("What you did", 5),
            ("What you paid for", 3),
            ("Amount", ["£100.00"]),
            ("Receipt", []),
        ],
    )
    box = styles.body_size * 1.1
    rows: list[list[object]] = [
        [
            paragraph(short_day(d.day), styles.cell),
            paragraph(d.what, styles.cell),
            writing_space(styles),
            "",
            TickBox(box),
        ]
        for d in sheet.days
    ]
    rows += [["", "", writing_space(styles), "", TickBox(box)] for _ in range(sheet.empty_rows)]
    header = header_cells(CLAIM_COLUMNS, styles)
    # a second page says whose claim it is (pages of a signed form can come apart)
    caption = f"{name} — your claim, continued"
    return continued(header, rows, widths, styles, caption, centre=[4])


def _office_box(styles: SheetStyles, width: float) -> Flowable:
    inner = width - 8 * mm
    approved = sign_lines(("Approved by",), styles, inner)
    paid = sign_lines(("Paid on", "Amount paid £"), styles, inner, dated=False)
    title = Paragraph("For office use", styles.body_bold)
    box = Table([[title], [approved], [paid]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("TOPPADDING", (0, 0), (-1, 0), 2 * mm),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
            ]
        )
    )
    return box


def claim_form_story(sheet: ExpenseClaimFormSheet, options: SheetOptions) -> list[Flowable]:
    """Who, the intro, claims already entered, the rows to fill in, declaration, office box."""
    styles = sheet_styles(options.large_print)
    width = page_geometry(options, _header(sheet)).content_width
    story: list[Flowable] = [
        label_block(
            [
                ("Name", format_name(sheet.name, options.privacy)),
                ("Member number", str(sheet.member_id)),
                ("Period", period_words(sheet.start, sheet.end)),
            ],
            styles,
            width,
        ),
        paragraph(INTRO, styles.body),
    ]
    if sheet.claims:
        story += [
            *table_heading("Claims we already have", styles),
            _entered(sheet, styles, width),
        ]
    story += table_heading("Your claim", styles)
    if not sheet.days:
        story.append(paragraph(NO_DAYS, styles.body))
    name = format_name(sheet.name, options.privacy)
    story += [
        _claim_rows(sheet, styles, width, name),
        Spacer(1, 2 * mm),
        KeepTogether(
            [
                Paragraph("Total claimed £ ________", styles.body_bold),
                Paragraph("Declaration", styles.heading),
                paragraph(DECLARATION, styles.body),
                sign_lines(("Signed",), styles, width),
                Spacer(1, 5 * mm),
                _office_box(styles, width),
            ]
        ),
    ]
    return story


def _header(sheet: ExpenseClaimFormSheet) -> SheetHeader:
    return SheetHeader(
        title=sheet.title or DEFAULT_TITLE,
        group_name=sheet.group_name,
        subtitle=period_words(sheet.start, sheet.end),
    )


def render_expense_claim_form(
    sheet: ExpenseClaimFormSheet,
    options: SheetOptions | None = None,
    *,
    printed_on: date | None = None,
) -> bytes:
    """Render the form to PDF bytes (``SheetInputError`` for a bad number of empty rows)."""
    options = options or SheetOptions()
    rows = check_count(
        "rows", "Number of empty rows", sheet.empty_rows, MIN_EMPTY_ROWS, MAX_EMPTY_ROWS
    )
    sheet = ExpenseClaimFormSheet(
        sheet.member_id,
        sheet.name,
        sheet.start,
        sheet.end,
        sheet.days,
        sheet.claims,
        rows,
        check_text("group_name", "Group name", sheet.group_name),
        check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
    )
    return build_pdf(
        claim_form_story(sheet, options),
        header=_header(sheet),
        options=options,
        has_names=True,
        printed_on=printed_on,
    )
