"""Previewing the annual involvement report: make the PDF through the sheet catalogue (which
checks the account) and open the usual print preview."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from involve_desktop.core.services import organisation
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.involvement_report import ReportingYear, year_containing
from involve_desktop.core.sheets.catalogue import SheetData, SheetParams, get_sheet
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.report_catalogue import KEY
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.print_preview import PrintPreviewDialog


def annual_report_pdf(context: AppContext, actor: Actor, year: ReportingYear, today: date) -> bytes:
    """The annual report of ``year`` as PDF bytes (raises what the services raise)."""
    with context.session() as session:
        group = organisation.group_name(session)
    params = SheetParams(month=f"{year.start:%Y-%m}", group_name=group)
    data = SheetData(sessions=context.sessions, actor=actor)
    return get_sheet(KEY).render(params, SheetOptions(), data, today=today)


def preview_annual_report(
    parent: QWidget,
    context: AppContext,
    actor: Actor,
    day: date,
    *,
    today: date | None = None,
    year: ReportingYear | None = None,
) -> bool:
    """Preview the report of ``year`` (default: the financial year ``day`` is in)."""
    chosen = year or year_containing(day)
    pdf: bytes | None = None
    with service_call(parent, title="Print the annual report") as call:
        pdf = annual_report_pdf(context, actor, chosen, today or date.today())
    if call.failed or pdf is None:
        return False
    name = f"annual-involvement-report-{chosen.start:%Y-%m}.pdf"
    dialog = PrintPreviewDialog(pdf, f"Annual involvement report {chosen.label}", name, parent)
    dialog.exec()
    dialog.deleteLater()
    return True
