"""The finance batch's "Paid by" and "Approved by" columns are wide enough for their words
(issue #6 walk-through: with four-figure sums "Demo Coordinator" printed as "Demo Coor /
dinator" on a sheet finance staff sign): they wrap between words, never inside one."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Table

from involve_desktop.core.sheets.finance_batch import (
    COLUMNS,
    FinanceBatchSheet,
    batch_options,
    finance_batch_story,
    render_finance_batch,
)
from involve_desktop.core.sheets.fonts import FONT_REGULAR, text_width
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import Orientation, SheetOptions
from involve_desktop.core.sheets.payment_data import finance_batch_sheet
from involve_desktop.core.sheets.styles import sheet_styles
from tests.core.payments.helpers import MARCH
from tests.sheets.pdfread import page_lines, reader
from tests.sheets.test_payment_sheets import march  # noqa: F401 - fixture

APPROVER = "Demo Coordinator"


def _table(story) -> Table:
    return next(f for f in story if isinstance(f, Table) and len(f._colWidths) == len(COLUMNS))


def _big_month(sheet: FinanceBatchSheet) -> FinanceBatchSheet:
    """The same people with four-figure sums, approved by the demo's coordinator."""
    people = tuple(
        replace(
            p,
            time_pence=105000,
            total_pence=105000 + p.expenses_pence,
            lines=tuple(replace(x, approved_by=APPROVER) for x in p.lines),
            expenses=tuple(replace(x, approved_by=APPROVER) for x in p.expenses),
        )
        for p in sheet.batch.people
    )
    return replace(sheet, batch=replace(sheet.batch, people=people))


def test_paid_by_and_approved_by_fit_their_words(session, coordinator, march) -> None:  # noqa: F811
    sheet = _big_month(finance_batch_sheet(session, coordinator, *MARCH))
    for large in (False, True):
        options = batch_options(sheet, SheetOptions(large_print=large))
        widths = _table(finance_batch_story(sheet, options))._colWidths
        size = sheet_styles(large).body_size
        padding = 4 * mm  # the cell's padding, 2 mm each side
        paid_by, approved = COLUMNS.index("Paid by"), COLUMNS.index("Approved by")
        for person in sheet.batch.people:
            for word in person.method.label.split():
                assert widths[paid_by] >= text_width(word, FONT_REGULAR, size) + padding
        for word in APPROVER.split():
            assert widths[approved] >= text_width(word, FONT_REGULAR, size) + padding


def test_the_approver_prints_in_whole_words_on_portrait(
    session,
    coordinator,
    march,  # noqa: F811
) -> None:
    sheet = _big_month(finance_batch_sheet(session, coordinator, *MARCH))
    pdf = render_finance_batch(sheet, SheetOptions(privacy=PrivacyMode.FULL))
    (lines,) = page_lines(pdf)
    words = [word for line in lines for word in line.split()]
    people = len(sheet.batch.people)
    assert words.count("Coordinator") == people  # whole, never "Coor" + "dinator"
    assert words.count("transfer") == words.count("Bank") > 0  # "Bank transfer" whole
    box = reader(pdf).pages[0].mediabox
    assert float(box.width) < float(box.height)  # still fits A4 portrait
    small = finance_batch_sheet(session, coordinator, *MARCH)
    assert batch_options(small, SheetOptions()).orientation is Orientation.PORTRAIT
