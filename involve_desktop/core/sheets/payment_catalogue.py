"""The payment sheets in the catalogue: payment statements, the finance batch and the
expense claim form (coordinators only). Imported at the end of ``catalogue``, which it
registers into.
"""

from __future__ import annotations

from datetime import date

from involve_desktop.core.permissions import Permission
from involve_desktop.core.sheets import (
    expense_claim_form,
    finance_batch,
    payment_data,
    payment_statement,
)
from involve_desktop.core.sheets.catalogue import SheetSpec, register
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.params import SheetField, SheetParams

_COORDINATORS_PAYMENTS = frozenset({Permission.PRINT_SHEETS, Permission.VIEW_PAYMENTS})
_PAYMENTS_WHO = "Only coordinators print payment sheets."


def _draw_payment_statements(
    _params: SheetParams,
    options: SheetOptions,
    sheet: payment_statement.PaymentStatementSheet,
    day: date,
) -> bytes:
    return payment_statement.render_payment_statements(sheet, options, printed_on=day)


def _draw_finance_batch(
    _params: SheetParams, options: SheetOptions, sheet: finance_batch.FinanceBatchSheet, day: date
) -> bytes:
    return finance_batch.render_finance_batch(sheet, options, printed_on=day)


def _draw_expense_claim_form(
    _params: SheetParams,
    options: SheetOptions,
    sheet: expense_claim_form.ExpenseClaimFormSheet,
    day: date,
) -> bytes:
    return expense_claim_form.render_expense_claim_form(sheet, options, printed_on=day)


register(
    SheetSpec(
        key="payment-statement",
        title=payment_statement.DEFAULT_TITLE,
        description=(
            "One person's involvement payments and expenses for a month (last month unless "
            "you say): how they are paid, each paid line with time, rate, amount and status, "
            "expenses, involvement recorded without payment in their own terms, totals paid "
            "and still to pay, and when benefits advice was offered. Leave Person empty for "
            "everyone with payments or expenses that month, one per page. Marked "
            "Confidential."
        ),
        draw=_draw_payment_statements,
        load=payment_data.load_payment_statements,
        fields=frozenset({SheetField.TITLE, SheetField.PERSON, SheetField.MONTH}),
        prints_names=True,
        default_privacy=PrivacyMode.FULL,
        permissions=_COORDINATORS_PAYMENTS,
        who_may=_PAYMENTS_WHO,
    )
)
register(
    SheetSpec(
        key="finance-batch",
        title="Finance batch",
        description=(
            "What was approved and is waiting to be paid for a month (last month unless you "
            "say), for the finance sign-off: each person's member number, name, how they are "
            "paid, time, expenses, total and who approved; the total for each way of paying "
            "and the grand total; lines to sign. The same figures can be saved as a CSV file "
            "for finance software. Marked Confidential."
        ),
        draw=_draw_finance_batch,
        load=payment_data.load_finance_batch,
        fields=frozenset({SheetField.TITLE, SheetField.MONTH}),
        prints_names=True,
        default_privacy=PrivacyMode.FULL,
        permissions=_COORDINATORS_PAYMENTS,
        who_may=_PAYMENTS_WHO,
    )
)
register(
    SheetSpec(
        key="expense-claim-form",
        title=expense_claim_form.DEFAULT_TITLE,
        description=(
            "A claim form for one person and month (this month unless you say), to fill in "
            "and sign: the days they were involved with room to write what each cost them, "
            "claims already entered, empty rows, a receipt box on every row, the declaration "
            "and signature, and a box for the office. Black on white so it photocopies "
            "well. Marked Confidential."
        ),
        draw=_draw_expense_claim_form,
        load=payment_data.load_expense_claim_form,
        fields=frozenset({SheetField.TITLE, SheetField.PERSON, SheetField.MONTH, SheetField.ROWS}),
        prints_names=True,
        default_privacy=PrivacyMode.FULL,
        default_rows=expense_claim_form.DEFAULT_EMPTY_ROWS,
        min_rows=expense_claim_form.MIN_EMPTY_ROWS,
        max_rows=expense_claim_form.MAX_EMPTY_ROWS,
        permissions=_COORDINATORS_PAYMENTS,
        who_may=_PAYMENTS_WHO,
    )
)
