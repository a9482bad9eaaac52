"""Payment statements: one person's involvement, payments and expenses for a period, one
person per page (a single statement, or everyone's at month end).

Each statement says how the person is paid, lists each paid line (date, what, time or
sessions, rate, amount, status) and expense claim, then involvement recorded without
payment in their own terms ("Recorded — you chose not to be paid" / "expenses only"),
the totals (paid so far, approved and still to pay, and apart from those what still waits
for approval), and when benefits advice was offered. A table that runs onto another page
starts it with the person's name ("… — paid for your time, continued").
The name is the one they go by in the chosen privacy mode; nothing says why anyone is
involved — no diagnosis, no "service user" or "patient". Confidential footer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from involve_desktop.core.formatting import format_date, format_pence
from involve_desktop.core.services.payments_dto import (
    PaymentMethod,
    PaymentStatement,
    PayStatus,
)
from involve_desktop.core.sheets.layout import NewPageCount, SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import format_name
from involve_desktop.core.sheets.options import SheetOptions, check_text
from involve_desktop.core.sheets.payment_parts import (
    column_widths,
    continued,
    day_words,
    header_cells,
    label_block,
    period_words,
    status_words,
    table_heading,
    totals_block,
    wide_enough,
)
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Payment statement"
LINE_COLUMNS = ("Date", "What", "Time", "Rate", "Amount", "Status")
EXPENSE_COLUMNS = ("Date", "What for", "Receipt", "Amount", "Status")
RECORDED_COLUMNS = ("Date", "What", "Time")
DECLINED_HEADING = "Recorded — you chose not to be paid"
EXPENSES_ONLY_HEADING = "Recorded — expenses only (time not paid)"
NOTHING = "Nothing recorded for this period."
THANKS = "Thank you for your time and everything you bring to the group."


@dataclass(frozen=True)
class PaymentStatementSheet:
    """What to print: one or more statements (each from a new page)."""

    statements: tuple[PaymentStatement, ...]
    group_name: str | None = None
    title: str | None = None


def _method_words(statement: PaymentStatement) -> str:
    if statement.method is None:
        return "Not recorded yet — please tell us how you would like to be paid"
    return statement.method.label


def _advice_words(statement: PaymentStatement) -> str:
    if statement.benefits_advice_offered_on:
        return f"Offered on {format_date(statement.benefits_advice_offered_on)}"
    return "Not recorded — ask us if you would like advice about payments and benefits"


def _lines_table(
    statement: PaymentStatement, styles: SheetStyles, width: float, name: str
) -> Flowable:
    lines = statement.lines
    widths = column_widths(
        styles,
        width,
        [
            ("Date", 2),
            ("What", 4),
            ("Time", [x.quantity_text for x in lines]),
            ("Rate", 2),
            ("Amount", [format_pence(x.amount_pence) for x in lines]),
            ("Status", 2),
        ],
    )
    rows = [
        [
            paragraph(day_words(x.day, statement.start, statement.end), styles.cell),
            paragraph(x.description, styles.cell),
            paragraph(x.quantity_text, styles.cell),
            paragraph(x.rate_text, styles.cell),
            format_pence(x.amount_pence),
            paragraph(status_words(x), styles.cell),
        ]
        for x in lines
    ]
    header = header_cells(LINE_COLUMNS, styles, [4])
    caption = f"{name} — paid for your time, continued"
    return continued(header, rows, widths, styles, caption, right=[4])


def _expenses_table(
    statement: PaymentStatement, styles: SheetStyles, width: float, name: str
) -> Flowable:
    widths = column_widths(
        styles,
        width,
        [
            ("Date", 2),
            ("What for", 4),
            ("Receipt", ["Held", "None"]),
            ("Amount", [format_pence(c.amount_pence) for c in statement.expenses]),
            ("Status", 2),
        ],
    )
    rows = [
        [
            paragraph(day_words(c.day, statement.start, statement.end), styles.cell),
            paragraph(c.item, styles.cell),
            "Held" if c.receipt_held else "None",
            format_pence(c.amount_pence),
            paragraph(status_words(c), styles.cell),
        ]
        for c in statement.expenses
    ]
    header = header_cells(EXPENSE_COLUMNS, styles, [3])
    caption = f"{name} — expenses, continued"
    return continued(header, rows, widths, styles, caption, right=[3])


def _recorded(statement: PaymentStatement, styles: SheetStyles, width: float) -> list[Flowable]:
    story: list[Flowable] = []
    for method, heading in (
        (PaymentMethod.DECLINED, DECLINED_HEADING),
        (PaymentMethod.EXPENSES_ONLY, EXPENSES_ONLY_HEADING),
    ):
        lines = [x for x in statement.not_payable_lines if x.method is method]
        if not lines:
            continue
        widths = column_widths(
            styles, width, [("Date", 1), ("What", 3), ("Time", [x.quantity_text for x in lines])]
        )
        rows = [
            [
                paragraph(day_words(x.day, statement.start, statement.end), styles.cell),
                paragraph(x.description, styles.cell),
                paragraph(x.quantity_text, styles.cell),
            ]
            for x in lines
        ]
        story += [
            *table_heading(heading, styles),
            ruled_table(
                header_cells(RECORDED_COLUMNS, styles),
                rows,
                widths,
                styles,
                fit_rows=True,
            ),
        ]
    return story


def statement_story(
    statement: PaymentStatement, options: SheetOptions, width: float
) -> list[Flowable]:
    """One person's statement."""
    styles = sheet_styles(options.large_print)
    name = format_name(statement.name, options.privacy)
    story: list[Flowable] = [
        paragraph(name, styles.heading),
        label_block(
            [
                ("Period", period_words(statement.start, statement.end)),
                ("How you are paid", _method_words(statement)),
                ("Benefits advice", _advice_words(statement)),
            ],
            styles,
            width,
        ),
    ]
    has_any = statement.lines or statement.expenses or statement.not_payable_lines
    if not has_any:
        return [*story, Spacer(1, 3 * mm), paragraph(NOTHING, styles.body)]
    if statement.lines:
        story += [
            *table_heading("Paid for your time", styles),
            _lines_table(statement, styles, width, name),
        ]
    if statement.expenses:
        story += [
            *table_heading("Expenses", styles),
            _expenses_table(statement, styles, width, name),
        ]
    story += _recorded(statement, styles, width)
    totals = [
        ("For your time", statement.time_pence),
        ("Expenses", statement.expenses_pence),
        ("Total", statement.total_pence),
    ]
    story += [
        Spacer(1, 4 * mm),
        KeepTogether(
            [
                paragraph(f"Totals for {name}", styles.body_bold),
                Spacer(1, 1 * mm),
                totals_block(totals, styles, width),
                Spacer(1, 2 * mm),
                totals_block(_still_to_pay(statement), styles, width, bold_last=False),
                Spacer(1, 5 * mm),
                paragraph(THANKS, styles.body),
            ]
        ),
    ]
    return story


def _still_to_pay(statement: PaymentStatement) -> list[tuple[str, int]]:
    """Paid so far, then what is still to pay split by where it stands: approved (on its
    way) and, when there is any, what is still waiting for approval (it may change)."""

    def waiting(status: PayStatus) -> int:
        items = [*statement.lines, *statement.expenses]
        return sum(x.amount_pence for x in items if x.status is status)

    rows = [
        ("Paid so far", statement.paid_pence),
        ("Approved, still to pay", waiting(PayStatus.APPROVED)),
    ]
    pending = waiting(PayStatus.PENDING)
    if pending:
        rows.append(("Waiting for approval", pending))
    return rows


def _header(sheet: PaymentStatementSheet) -> SheetHeader:
    subtitle = ""
    if sheet.statements:
        first = sheet.statements[0]
        subtitle = period_words(first.start, first.end)
    return SheetHeader(
        title=sheet.title or DEFAULT_TITLE, group_name=sheet.group_name, subtitle=subtitle
    )


def render_payment_statements(
    sheet: PaymentStatementSheet,
    options: SheetOptions | None = None,
    *,
    printed_on: date | None = None,
) -> bytes:
    """Render the statements to PDF bytes, each person from a new page."""
    options = wide_enough(options or SheetOptions())
    sheet = PaymentStatementSheet(
        sheet.statements,
        check_text("group_name", "Group name", sheet.group_name),
        check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
    )
    width = page_geometry(options, _header(sheet)).content_width
    styles = sheet_styles(options.large_print)
    story: list[Flowable] = []
    for number, statement in enumerate(sheet.statements):
        if number:
            story.append(PageBreak())
        story.append(NewPageCount())  # "Page 1 of 2" within each person's statement
        story += statement_story(statement, options, width)
    if not story:
        story = [paragraph("Nobody has payments or expenses in this period.", styles.body)]
    return build_pdf(
        story, header=_header(sheet), options=options, has_names=True, printed_on=printed_on
    )
