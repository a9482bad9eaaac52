"""The finance batch: what to pay for a period, for the finance sign-off.

One row per person (member number, name, how they are paid, time, expenses, total, who
approved), then the total for each payment method and the grand total, and lines for the
finance sign-off (checked, authorised, paid), kept on the page of the totals. People who
declined payment for their time are listed as "Expenses only (declined payment for time)":
their approved expenses are still repaid. Only approved items count (never involvement
recorded without payment); lines for time of someone who no longer takes payment for it are
left out and named above the table. The same figures go to finance software as CSV
(``payments_batch.finance_batch_csv``). Confidential footer. A batch whose columns would not
fit A4 portrait without breaking words (long approver names, four-figure sums) is printed
landscape.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from involve_desktop.core.formatting import format_pence
from involve_desktop.core.services.payments_dto import FinanceBatch, PaymentMethod
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import format_name
from involve_desktop.core.sheets.options import Orientation, SheetOptions, check_text
from involve_desktop.core.sheets.payment_parts import (
    column_widths,
    header_cells,
    period_words,
    right_align,
    sign_lines,
    totals_block,
    wide_enough,
)
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Finance batch: involvement payments and expenses"
COLUMNS = ("No.", "Name", "Paid by", "Time", "Expenses", "Total", "Approved by")
NO_METHOD = "Not recorded"
# People who decline payment for their time still get their expenses back (DOMAIN.md): the
# batch must tell finance to repay them, not "Declined payment".
DECLINED_WORDS = "Expenses only (declined payment for time)"
EMPTY = "Nothing approved and waiting to be paid in this period."
SIGN_OFF = ("Checked by", "Authorised by", "Paid by")
NAME_SHARE = 0.15  # names wrap between words in what is left, down to this share


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
    left_out = held_back_words(batch, options)
    if left_out:
        story += [*(paragraph(words, styles.body) for words in left_out), Spacer(1, 3 * mm)]
    if not batch.people:
        return [*story, paragraph(EMPTY, styles.body)]
    widths = _widths(batch, styles, width)
    rows = [
        [
            str(p.member_id),
            paragraph(format_name(p.name, options.privacy), styles.cell),
            paragraph(method_words(p.method), styles.cell),
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
        (method_words(m), batch.by_method[m]) for m in PaymentMethod if m in batch.by_method
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
        # One block: the sign-off is never left alone on a last page, away from the
        # totals it signs off (seen in large print).
        KeepTogether(
            [
                Paragraph("Totals by how people are paid", styles.heading),
                totals_block(totals, styles, width),
                Paragraph("Finance sign-off", styles.heading),
                sign_lines(SIGN_OFF, styles, width),
            ]
        ),
    ]
    return story


def held_back_words(batch: FinanceBatch, options: SheetOptions) -> list[str]:
    """One sentence per person whose lines for time were left out of the batch because
    their preference no longer pays for time (their expenses stay in)."""
    by_person: dict[int, list[str]] = {}
    for line in batch.held_back:
        by_person.setdefault(line.member_id, []).append(line.name)
    out = []
    for member_id, names in by_person.items():
        count = len(names)
        out.append(
            f"Left out: {count} line{'s' if count != 1 else ''} for time for "
            f"{format_name(names[0], options.privacy)} (No. {member_id}), who no longer takes "
            "payment for their time (declined or expenses only). Put "
            f"{'them' if count != 1 else 'it'} back to waiting on the Pay lines tab and "
            f"{'they are' if count != 1 else 'it is'} recorded, not paid."
        )
    return out


def method_words(method: PaymentMethod | None) -> str:
    """How finance pays this person, in the batch's words."""
    if method is None:
        return NO_METHOD
    return DECLINED_WORDS if method is PaymentMethod.DECLINED else method.label


def _words(texts: list[str]) -> list[str]:
    return [word for text in texts for word in text.split()] or [""]


def _measured(batch: FinanceBatch) -> dict[str, list[str]]:
    """The columns as wide as their widest text: numbers and money whole; how paid and who
    approved as wide as their longest word, so they wrap between words (a weighted share
    had broken "Demo Coordinator" mid-word)."""
    money = [format_pence(p.total_pence) for p in batch.people]
    return {
        "No.": [str(p.member_id) for p in batch.people],
        "Paid by": _words([method_words(p.method) for p in batch.people]),
        "Time": money,
        "Expenses": money,
        "Total": money,
        "Approved by": _words([p.approved_by for p in batch.people]),
    }


def _widths(batch: FinanceBatch, styles: SheetStyles, width: float) -> list[float]:
    measured = _measured(batch)
    return column_widths(
        styles, width, [(name, measured.get(name, 1)) for name in COLUMNS], min_share=NAME_SHARE
    )


def fits(batch: FinanceBatch, options: SheetOptions, header: SheetHeader) -> bool:
    """True when every measured column gets its full width on this page (names wrap)."""
    styles = sheet_styles(options.large_print)
    width = page_geometry(options, header).content_width
    wanted = _widths(batch, styles, 10 * width)
    got = _widths(batch, styles, width)
    return all(got[i] >= wanted[i] - 0.01 for i, name in enumerate(COLUMNS) if name != "Name")


def batch_options(sheet: FinanceBatchSheet, options: SheetOptions) -> SheetOptions:
    """Large print, or a batch too wide for portrait, goes on A4 landscape."""
    options = wide_enough(options)
    if options.orientation is Orientation.PORTRAIT and not fits(
        sheet.batch, options, _header(sheet)
    ):
        return replace(options, orientation=Orientation.LANDSCAPE)
    return options


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
    sheet = FinanceBatchSheet(
        sheet.batch,
        sheet.covers,
        check_text("group_name", "Group name", sheet.group_name),
        check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
    )
    options = batch_options(sheet, options or SheetOptions())
    return build_pdf(
        finance_batch_story(sheet, options),
        header=_header(sheet),
        options=options,
        has_names=True,
        printed_on=printed_on,
    )
