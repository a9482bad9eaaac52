"""Printing from the Cohorts area: certificates of completion, the cohort summary, and a
session's register (the cohort group's meeting sign-in sheet).

Each makes the PDF through the sheet services (which check the account and refuse
certificates for anyone not yet graduated) and opens the usual print preview.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtWidgets import QWidget

from involve_desktop.core.services import meetings_groups
from involve_desktop.core.services.cohorts_dto import CohortInfo, SessionInfo
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.sheets.cohort_data import certificates_pdf, cohort_summary_pdf
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.print_preview import PrintPreviewDialog


def slug(text: str) -> str:
    """A file-name friendly form of ``text``."""
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split()) or "cohort"


def _preview(parent: QWidget, pdf: bytes, title: str, file_name: str) -> None:
    dialog = PrintPreviewDialog(pdf, title, file_name, parent)
    dialog.exec()
    dialog.deleteLater()


def print_certificates(
    parent: QWidget,
    context: AppContext,
    actor: Actor,
    cohort_id: int,
    member_ids: Iterable[int] | None,
    title: str = "cohort",
) -> bool:
    """Preview certificates for the graduates (``member_ids``: only these; None: all)."""
    pdf: bytes | None = None
    wanted = None if member_ids is None else list(member_ids)
    with service_call(parent, title="Print certificates") as call, context.session() as session:
        pdf = certificates_pdf(session, actor, cohort_id, wanted)
    if call.failed or pdf is None:
        return False
    _preview(parent, pdf, f"Certificates — {title}", f"certificates-{slug(title)}.pdf")
    return True


def print_summary(
    parent: QWidget, context: AppContext, actor: Actor, cohort: CohortInfo, today: date
) -> bool:
    """Preview the cohort summary."""
    pdf: bytes | None = None
    with service_call(parent, title="Print cohort summary") as call, context.session() as session:
        pdf = cohort_summary_pdf(session, actor, cohort.id, today=today)
    if call.failed or pdf is None:
        return False
    _preview(
        parent, pdf, f"Cohort summary — {cohort.title}", f"cohort-summary-{slug(cohort.title)}.pdf"
    )
    return True


def print_register(
    parent: QWidget,
    context: AppContext,
    actor: Actor,
    cohort: CohortInfo,
    chosen: SessionInfo | None,
    *,
    today: date,
) -> bool:
    """The sign-in dialog for the cohort's group: this session (when chosen) or the next."""
    from involve_desktop.ui.meetings.sign_in_print import SignInPrintDialog

    group = None
    with service_call(parent, title="Print register") as call, context.session() as session:
        group = meetings_groups.get_group(session, actor, cohort.meeting_group_id).group
    if call.failed or group is None:
        return False
    meeting = chosen.meeting if chosen is not None else None
    dialog = SignInPrintDialog(context, actor, group, meeting, parent, today=today)
    dialog.setWindowTitle(f"Print register — {cohort.title}")
    dialog.exec()
    printed = dialog.pdf is not None
    dialog.deleteLater()
    return printed
