"""The finance batch: what to pay for a period, for the finance sign-off.

One row per person (member number, name, how they are paid, time, expenses, total, who
approved), then the total for each payment method and the grand total, and lines for the
finance sign-off (checked, authorised, paid). Only approved items count (never
involvement recorded without payment). The same figures go to finance software as CSV
(``payments_batch.finance_batch_csv``). Confidential footer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from involve_desktop.core.formatting import format_pence
from involve_desktop.core.services.payments_dto import FinanceBatch, PaymentMethod
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import format_name
from involve_desktop.core.sheets.options import SheetOptions, check_text
from involve_desktop.core.sheets.payment_parts import (
    column_widths,
    header_cells,
    period_words,
    right_align,
    sign_lines,
    totals_block,
    wide_enough,
)
from involve_desktop.core.sheets.styles import paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Finance batch: involvement payments and expenses"
COLUMNS = ("No.", "Name", "Paid by", "Time", "Expenses", "Total", "Approved by")
NO_METHOD = "Not recorded"
EMPTY = "Nothing approved and waiting to be paid in this period."
SIGN_OFF = ("Checked by", "Authorised by", "Paid by")


@dataclass(frozen=True)
class FinanceBatchSheet:
    """What to print: the batch, and which statuses it covers in words."""

    batch: FinanceBatch
    covers: str = "Approved, waiting to be paid"
    group_name: str | None = None
    title: str | None = None


def finance_batch_story(sheet: FinanceBatchSheet, options: SheetOptions) -> list[Flowable]:
    """People, totals per method, grand total and the sign-off lines."""
    styles = sheet_styles(options.large_print)
    width = page_geometry(options, _header(sheet)).content_width
    batch = sheet.batch
    story: list[Flowable] = [paragraph(f"Covers: {sheet.covers}.", styles.body), Spacer(1, 3 * mm)]
    if not batch.people:
        return [*story, paragraph(EMPTY, styles.body)]
    money = [format_pence(p.total_pence) for p in batch.people]
    widths = column_widths(
        styles,
        width,
        [
            ("No.", [str(p.member_id) for p in batch.people]),
            ("Name", 3),
            ("Paid by", 2),
            ("Time", money),
            ("Expenses", money),
            ("Total", money),
            ("Approved by", 2),
        ],
    )
    rows = [
        [
            str(p.member_id),
            paragraph(format_name(p.name, options.privacy), styles.cell),
            paragraph(p.method.label if p.method else NO_METHOD, styles.cell),
            format_pence(p.time_pence),
            format_pence(p.expenses_pence),
            format_pence(p.total_pence),
            paragraph(p.approved_by, styles.cell),
        ]
        for p in batch.people
    ]
    table = ruled_table(
        header_cells(COLUMNS, styles, [3, 4, 5]), rows, widths, styles, fit_rows=True
    )
    story.append(right_align(table, [3, 4, 5]))
    by_method: list[tuple[str, int]] = [
        (m.label, batch.by_method[m]) for m in PaymentMethod if m in batch.by_method
    ]
    unknown = batch.total_pence - sum(batch.by_method.values())
    if unknown:
        by_method.append((NO_METHOD, unknown))
    people = len(batch.people)
    totals = [
        *by_method,
        (f"Grand total ({people} {'person' if people == 1 else 'people'})", batch.total_pence),
    ]
    story += [
        KeepTogether(
            [
                Paragraph("Totals by how people are paid", styles.heading),
                totals_block(totals, styles, width),
            ]
        ),
        KeepTogether(
            [
                Paragraph("Finance sign-off", styles.heading),
                sign_lines(SIGN_OFF, styles, width),
            ]
        ),
    ]
    return story


def _header(sheet: FinanceBatchSheet) -> SheetHeader:
    return SheetHeader(
        title=sheet.title or DEFAULT_TITLE,
        group_name=sheet.group_name,
        subtitle=period_words(sheet.batch.start, sheet.batch.end),
    )


def render_finance_batch(
    sheet: FinanceBatchSheet, options: SheetOptions | None = None, *, printed_on: date | None = None
) -> bytes:
    """Render the finance batch to PDF bytes."""
    options = wide_enough(options or SheetOptions())
    sheet = FinanceBatchSheet(
        sheet.batch,
        sheet.covers,
        check_text("group_name", "Group name", sheet.group_name),
        check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
    )
    return build_pdf(
        finance_batch_story(sheet, options),
        header=_header(sheet),
        options=options,
        has_names=True,
        printed_on=printed_on,
    )
