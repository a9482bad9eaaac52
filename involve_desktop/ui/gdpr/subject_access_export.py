"""Subject access export… on a member's page: pick a folder, write the JSON and the PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from involve_desktop.core.services import gdpr_access
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.gdpr_dto import SubjectAccessResult
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call

TITLE = "Subject access export"


def result_text(result: SubjectAccessResult) -> str:
    """What the coordinator is told once the files are written."""
    text = (
        f"Everything held about this person is in the folder\n{result.folder}\n\n"
        f"{result.json_path.name} (every field, for computers) and {result.pdf_path.name} "
        f"(to read or print): {result.row_count} records from {len(result.tables)} areas "
        f"and {result.audit_count} recorded changes."
    )
    if result.mentions_to_review:
        text += (
            f"\n\nTheir name also appears {result.mentions_to_review} time(s) in other "
            "people's records. Those were not copied (they are about someone else too): "
            "read them and decide what to share before sending."
        )
    return text + "\n\nSend it within one month of the request, by a safe route."


def choose_folder(parent: QWidget) -> Path | None:
    """Ask where to save (a USB stick or a private folder); None if cancelled."""
    folder = QFileDialog.getExistingDirectory(parent, "Save the subject access export in")
    return Path(folder) if folder else None


def export_for(
    context: AppContext, actor: Actor, member_id: int, parent: QWidget
) -> SubjectAccessResult | None:
    """Ask for a folder, write the export there and say where it went."""
    folder = choose_folder(parent)
    if folder is None:
        return None
    result = None
    with service_call(parent, title=TITLE) as call, context.session() as session:
        result = gdpr_access.export_subject_access(session, actor, member_id, folder)
    if call.failed or result is None:
        return None
    QMessageBox.information(parent, TITLE, result_text(result))
    return result
