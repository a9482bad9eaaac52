"""Printing from the Panels area: one panel's pack, and the participation summary.

Both make the PDF through the sheet services (``panel_pack_pdf``, ``panel_summary_pdf``,
which check the account may print) and open the usual print preview, where the sheet is
printed or saved as a PDF.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import PanelInfo
from involve_desktop.core.services.panels_people import last_12_months
from involve_desktop.core.sheets.panel_data import panel_pack_pdf, panel_summary_pdf
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.print_preview import PrintPreviewDialog


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split()) or "panel"


def _preview(parent: QWidget, pdf: bytes, title: str, file_name: str) -> None:
    dialog = PrintPreviewDialog(pdf, title, file_name, parent)
    dialog.exec()
    dialog.deleteLater()


def print_pack(parent: QWidget, context: AppContext, actor: Actor, panel: PanelInfo) -> bool:
    """Preview the panel pack for ``panel``; False if it could not be made (already said)."""
    pdf: bytes | None = None
    with service_call(parent, title="Print panel pack") as call, context.session() as session:
        pdf = panel_pack_pdf(session, actor, panel.id)
    if call.failed or pdf is None:
        return False
    name = f"panel-pack-{_slug(panel.post_title)}-{panel.day.isoformat()}.pdf"
    _preview(parent, pdf, f"Panel pack — {panel.post_title}", name)
    return True


def print_summary(parent: QWidget, context: AppContext, actor: Actor, today: date) -> bool:
    """Preview the participation summary for the last 12 months."""
    start, end = last_12_months(today)
    pdf: bytes | None = None
    with (
        service_call(parent, title="Print participation summary") as call,
        context.session() as session,
    ):
        pdf = panel_summary_pdf(session, actor, start, end, today=today)
    if call.failed or pdf is None:
        return False
    _preview(parent, pdf, "Panel participation summary", f"panel-summary-{end.isoformat()}.pdf")
    return True
