"""Export… on the members list: choose a file, save the members shown to CSV or Excel.

The export service (``core.services.member_export``) decides which fields a role may export
and refuses roles that may not export personal data at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.list_filters import plural
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.save_file import may_replace, with_type

EXPORT_FOLDER_KEY = "members/export_folder"
TITLE = "Export members"


def chosen_path(name: str, chosen_filter: str) -> tuple[Path, Literal["csv", "xlsx"]]:
    """The file to write and its format, from the typed name and the chosen file type."""
    suffix = Path(name).suffix.lower()
    fmt: Literal["csv", "xlsx"] = (
        "csv"
        if suffix == ".csv" or (suffix != ".xlsx" and "csv" in chosen_filter.lower())
        else "xlsx"
    )
    return with_type(name, fmt), fmt


def export_members_to_file(
    parent: QWidget, context: AppContext, actor: Actor, filt: MemberFilter
) -> None:
    """Ask where to save, export the members ``filt`` matches, and say how many were saved."""
    from involve_desktop.core.services.member_export import export_members

    settings = QSettings()
    folder = str(settings.value(EXPORT_FOLDER_KEY, str(Path.home())))
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        TITLE,
        str(Path(folder) / "members.xlsx"),
        "Excel workbook (*.xlsx);;CSV file (*.csv)",
    )
    if not name:
        return
    path, fmt = chosen_path(name, chosen)
    if not may_replace(parent, TITLE, path, typed=name):
        return
    with service_call(parent, title=TITLE) as call, context.session() as session:
        written = export_members(session, actor, filt, path, fmt)
    if call.failed:
        return
    settings.setValue(EXPORT_FOLDER_KEY, str(path.parent))
    QMessageBox.information(
        parent,
        TITLE,
        f"Saved {plural(written, 'member')} to {path}.\n\nThis file holds personal "
        "information: keep it somewhere safe and delete it when it is no longer needed.",
    )
