"""Printing and exporting from the Payments area: the finance batch (PDF preview, and a CSV
file for the finance software), payment statements, and a blank expense claim form.

PDFs are made by the sheets in the catalogue ("finance-batch", "payment-statement",
"expense-claim-form") with the signed-in account, then shown in the print preview, where
they are printed or saved. The CSV is written as UTF-8 with a byte-order mark so Excel
shows "£" and accented names correctly; the user is told where it went. Dialogs that would
wait for a person go through module functions (``choose_csv_path``, ``preview``) that tests
replace.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.services import organisation, payments_batch
from involve_desktop.core.sheets.catalogue import SheetData, SheetParams, get_sheet
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.output import write_bytes_atomically
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.payments.period_bar import period_slug, period_words
from involve_desktop.ui.print_preview import PrintPreviewDialog

if TYPE_CHECKING:
    from involve_desktop.ui.payments.payments_view import PaymentsView

TITLE = "Payments"
CSV_FOLDER_KEY = "payments/csv_folder"


def csv_file_name(start: date, end: date) -> str:
    """ "finance-batch-2026-10.csv" for a whole month."""
    return f"finance-batch-{period_slug(start, end)}.csv"


def csv_bytes(text: str) -> bytes:
    """The CSV text as UTF-8 with a byte-order mark (Excel then reads £ correctly)."""
    return text.encode("utf-8-sig")


def choose_csv_path(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save the CSV (None if cancelled)."""
    name, _chosen = QFileDialog.getSaveFileName(
        parent, "Export finance batch", str(suggested), "CSV file (*.csv)"
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".csv" else path.with_suffix(".csv")


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


def render(view: PaymentsView, key: str, **values: Any) -> bytes | None:
    """Make sheet ``key`` with ``values`` (SheetParams fields); None if it failed (shown)."""
    pdf: bytes | None = None
    with service_call(view, title=TITLE):
        with view.context.session() as session:
            group = organisation.group_name(session)
        spec = get_sheet(key)
        pdf = spec.render(
            SheetParams(group_name=group, **values),
            SheetOptions(),
            SheetData(view.context.sessions, view.actor),
            today=view.today,
        )
    return pdf


def period_values(start: date, end: date) -> dict[str, Any]:
    """The sheet inputs for a period (see the payment sheets in the catalogue)."""
    return {"date_text": start.isoformat(), "month": f"{start:%Y-%m}"} | _end_value(end)


def _end_value(end: date) -> dict[str, Any]:
    from dataclasses import fields

    names = {f.name for f in fields(SheetParams)}
    return {"end_text": end.isoformat()} if "end_text" in names else {}


def print_batch(view: PaymentsView, start: date, end: date) -> None:
    """Preview the finance batch for the period."""
    pdf = render(view, "finance-batch", **period_values(start, end))
    if pdf is not None:
        preview(
            view,
            pdf,
            f"Finance batch — {period_words(start, end)}",
            f"finance-batch-{period_slug(start, end)}.pdf",
        )


def print_statements(
    view: PaymentsView, start: date, end: date, member_ids: Sequence[int] | None = None
) -> None:
    """Preview one person's statement, or everyone's with anything in the period."""
    if member_ids is None:
        with service_call(view, title=TITLE) as call, view.context.session() as session:
            member_ids = payments_batch.people_with_statements(session, view.actor, start, end)
        if call.failed:
            return
        if not member_ids:
            QMessageBox.information(
                view,
                "Print statements",
                f"Nobody has pay lines or claims in {period_words(start, end)}, so there are "
                "no statements to print.",
            )
            return
    person = {"person": str(member_ids[0])} if len(member_ids) == 1 else {}
    pdf = render(view, "payment-statement", **period_values(start, end), **person)
    if pdf is not None:
        who = "one person" if person else "everyone"
        preview(
            view,
            pdf,
            f"Payment statements — {period_words(start, end)} ({who})",
            f"payment-statements-{period_slug(start, end)}.pdf",
        )


def print_claim_form(view: PaymentsView, member_id: int | None) -> None:
    """Preview a blank expense claim form, with the person's name on it when one is chosen."""
    values: dict[str, Any] = {"person": str(member_id)} if member_id is not None else {}
    try:
        pdf = render(view, "expense-claim-form", **values)
    except InvolveError:  # pragma: no cover - render shows its own errors
        return
    if pdf is not None:
        preview(view, pdf, "Expense claim form", "expense-claim-form.pdf")
