"""Printing and exporting from the Payments area: the finance batch (PDF preview, and a CSV
file for the finance software), payment statements, and a person's expense claim form.

PDFs are made for the period shown (any two dates, not only whole months) by the payment
sheets' own functions (``core.sheets.payment_data``; the Sheets area offers the same sheets
by month), then shown in the print preview, where they are printed or saved. The CSV is
written as UTF-8 with a byte-order mark so Excel shows "£" and accented names correctly;
the user is told where it went. Dialogs that would wait for a person go through module
functions (``choose_csv_path``, ``preview``) that tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from sqlalchemy.orm import Session

from involve_desktop.core.services import payments_batch
from involve_desktop.core.sheets import payment_data
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.output import write_bytes_atomically
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.payments.period_bar import period_slug, period_words
from involve_desktop.ui.print_preview import PrintPreviewDialog
from involve_desktop.ui.save_file import may_replace, with_type

if TYPE_CHECKING:
    from involve_desktop.ui.payments.payments_view import PaymentsView

TITLE = "Payments"
# Finance pays the right person, a statement goes to that person and they sign their own
# claim form: these confidential sheets print full names, not the "Zoë S." default.
FULL_NAMES = SheetOptions(privacy=PrivacyMode.FULL)
CSV_FOLDER_KEY = "payments/csv_folder"


def csv_file_name(start: date, end: date) -> str:
    """ "finance-batch-2026-10.csv" for a whole month."""
    return f"finance-batch-{period_slug(start, end)}.csv"


def csv_bytes(text: str) -> bytes:
    """The CSV text as UTF-8 with a byte-order mark (Excel then reads £ correctly)."""
    return text.encode("utf-8-sig")


def choose_csv_path(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save the CSV (None if cancelled, or if the user would not replace a
    file already there that the dialog did not see)."""
    name, _chosen = QFileDialog.getSaveFileName(
        parent, "Export finance batch", str(suggested), "CSV file (*.csv)"
    )
    if not name:
        return None
    path = with_type(name, "csv")
    return path if may_replace(parent, "Export finance batch", path, typed=name) else None


def export_csv(view: PaymentsView, start: date, end: date) -> Path | None:
    """Save the approved items of the period as CSV; returns the file written (or None)."""
    batch = None
    with service_call(view, title=TITLE) as call, view.context.session() as session:
        batch = payments_batch.finance_batch(session, view.actor, start, end)
    if call.failed or batch is None:
        return None
    if not batch.people:
        QMessageBox.information(
            view,
            "Export finance batch",
            f"Nothing is approved for {period_words(start, end)} yet, so there is nothing to "
            "export. Approve pay lines and claims first (Pay lines and Expenses tabs).",
        )
        return None
    settings = QSettings()
    folder = Path(str(settings.value(CSV_FOLDER_KEY, str(Path.home()))))
    path = choose_csv_path(view, folder / csv_file_name(start, end))
    if path is None:
        return None
    try:
        write_bytes_atomically(path, csv_bytes(payments_batch.finance_batch_csv(batch)))
    except OSError as error:
        QMessageBox.warning(
            view,
            "Export finance batch",
            f"Could not save {path}: {error.strerror or error}. If the file is open in a "
            "spreadsheet, close it there and try again; or choose another folder.",
        )
        return None
    settings.setValue(CSV_FOLDER_KEY, str(path.parent))
    rows = sum(len(p.lines) + len(p.expenses) for p in batch.people)
    QMessageBox.information(
        view,
        "Export finance batch",
        f"Saved the finance batch for {period_words(start, end)} ({rows} rows, "
        f"{len(batch.people)} people) to:\n{path}\n\nIt holds people's names and what they "
        "are paid: keep it somewhere safe and delete it when finance have it.",
    )
    return path


# -- PDFs -------------------------------------------------------------------------------------


def preview(parent: QWidget, pdf: bytes, title: str, file_name: str) -> None:
    """The print preview (replaced in tests)."""
    dialog = PrintPreviewDialog(pdf, title, file_name, parent)
    dialog.exec()
    dialog.deleteLater()


def _make(view: PaymentsView, make: Callable[[Session], bytes]) -> bytes | None:
    """Run ``make`` in a short session; None if it failed (the problem is shown)."""
    pdf: bytes | None = None
    with service_call(view, title=TITLE) as call, view.context.session() as session:
        pdf = make(session)
    return None if call.failed else pdf


def print_batch(view: PaymentsView, start: date, end: date) -> bytes | None:
    """Preview the finance batch (approved, waiting to be paid) for the period."""
    pdf = _make(
        view,
        lambda session: payment_data.finance_batch_pdf(
            session, view.actor, start, end, FULL_NAMES, today=view.today
        ),
    )
    if pdf is not None:
        preview(
            view,
            pdf,
            f"Finance batch — {period_words(start, end)}",
            f"finance-batch-{period_slug(start, end)}.pdf",
        )
    return pdf


def print_statements(
    view: PaymentsView, start: date, end: date, member_id: int | None = None
) -> bytes | None:
    """Preview one person's statement, or everyone's with anything in the period (one per
    page)."""
    if member_id is None:
        ids: list[int] = []
        with service_call(view, title=TITLE) as call, view.context.session() as session:
            ids = payments_batch.people_with_statements(session, view.actor, start, end)
        if call.failed:
            return None
        if not ids:
            QMessageBox.information(
                view,
                "Print statements",
                f"Nobody has pay lines or claims in {period_words(start, end)}, so there are "
                "no statements to print.",
            )
            return None
    pdf = _make(
        view,
        lambda session: payment_data.payment_statements_pdf(
            session, view.actor, start, end, member_id, FULL_NAMES, today=view.today
        ),
    )
    if pdf is not None:
        who = "one person" if member_id is not None else "everyone"
        preview(
            view,
            pdf,
            f"Payment statements — {period_words(start, end)} ({who})",
            f"payment-statements-{period_slug(start, end)}.pdf",
        )
    return pdf


def _ask_whose_form(view: PaymentsView) -> int | None:
    """Nobody chosen in the list: ask whose form it is (it had only said "Choose the person
    first", a dead end for a new coordinator)."""
    from involve_desktop.ui.payments.person_chooser import ChoosePersonDialog

    dialog = ChoosePersonDialog(
        view.context, view.actor, view, "Whose expense claim form? Type part of their name:"
    )
    dialog.exec()
    chosen = dialog.member_id if dialog.result() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()
    return chosen


def print_claim_form(
    view: PaymentsView, member_id: int | None, start: date, end: date
) -> bytes | None:
    """Preview an expense claim form for one person (asked for when none is chosen): their
    involvement days in the period with room to write what each cost, the claims already
    entered and empty rows."""
    if member_id is None:
        member_id = _ask_whose_form(view)
    if member_id is None:
        return None
    pdf = _make(
        view,
        lambda session: payment_data.expense_claim_form_pdf(
            session, view.actor, member_id, start, end, FULL_NAMES, today=view.today
        ),
    )
    if pdf is not None:
        preview(
            view,
            pdf,
            "Expense claim form",
            f"expense-claim-form-{member_id}-{period_slug(start, end)}.pdf",
        )
    return pdf
