"""Import step 3: the preview — how many lines are ready, which have problems and why.

Nothing is saved on this page. Problems are listed by row number (as the spreadsheet
shows it), field, what the cell says and why, and possible duplicates with the person they
may be; the list can be saved as a CSV to work through in the spreadsheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from involve_desktop.core.services.member_import import (
    ImportPreview,
    PossibleDuplicate,
    RowProblem,
    preview_import,
    write_problem_report,
)
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.members.import_progress import busy_cursor, progress_dialog
from involve_desktop.ui.messages import error_label, show_error
from involve_desktop.ui.save_file import may_replace, with_type
from involve_desktop.ui.table_model import Column, DtoTableModel
from involve_desktop.ui.widgets import buttons_row

if TYPE_CHECKING:
    from involve_desktop.ui.members.import_wizard import ImportWizard

FOLDER_KEY = "members/import_folder"

PROBLEM_COLUMNS: list[Column[RowProblem]] = [
    Column("Row", lambda p: str(p.line), sort_key=lambda p: p.line, align_right=True),
    Column("Field", lambda p: p.field),
    Column("What it says", lambda p: p.value or "(blank)"),
    Column("Problem", lambda p: p.reason, tooltip=lambda p: p.reason),
]
DUPLICATE_COLUMNS: list[Column[PossibleDuplicate]] = [
    Column("Row", lambda d: str(d.line), sort_key=lambda d: d.line, align_right=True),
    Column("Name in your file", lambda d: d.name),
    Column("May be", lambda d: d.matches),
    Column("Same", lambda d: ", ".join(d.reasons)),
]


def _table(model: DtoTableModel, name: str) -> QTableView:
    view = tab_leaves(QTableView())
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class PreviewPage(QWizardPage):
    """Checks every line (nothing saved yet) and shows what would happen."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Check before importing")
        self.setSubTitle(
            "Step 3 of 4. Nothing has been saved yet. Rows with problems can be fixed in "
            "your spreadsheet; possible duplicates may be people already in the group."
        )
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setAccessibleName("Import summary")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.summary.setFont(font)
        self.error = error_label()
        self.problems_label = QLabel("Rows with problems (they will not be imported as they are):")
        self.problems: DtoTableModel[RowProblem] = DtoTableModel(PROBLEM_COLUMNS, self)
        self.problems_view = _table(self.problems, "Rows with problems")
        self.duplicates_label = QLabel("Possible duplicates:")
        self.duplicates: DtoTableModel[PossibleDuplicate] = DtoTableModel(DUPLICATE_COLUMNS, self)
        self.duplicates_view = _table(self.duplicates, "Possible duplicates")
        self.save_button = QPushButton("&Save this list…")
        self.save_button.setToolTip("Save the rows to fix as a CSV file to open beside your sheet")
        self.save_button.clicked.connect(self.save_list)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems_view, 2)
        layout.addWidget(self.duplicates_label)
        layout.addWidget(self.duplicates_view, 1)
        layout.addLayout(buttons_row(self.save_button))

    def initializePage(self) -> None:  # noqa: N802
        self.error.setVisible(False)
        if self._wizard.preview is None:
            self._wizard.preview = self._make_preview()
        self._show(self._wizard.preview)
        self.completeChanged.emit()

    def _make_preview(self) -> ImportPreview | None:
        table, mapping = self._wizard.table, self._wizard.mapping
        if table is None or mapping is None:
            return None
        try:
            with (
                busy_cursor(),
                progress_dialog(self, "Checking each row…", len(table.rows)) as progress,
                self._wizard.context.session() as session,
            ):
                return preview_import(
                    session, self._wizard.actor, table, mapping, progress=progress
                )
        except Exception as error:  # noqa: BLE001 - shown in plain words, logged if unexpected
            show_error(self, error, "Import members")
            self.error.setText("⚠ The file could not be checked. Go back and try again.")
            self.error.setVisible(True)
            return None

    def _show(self, preview: ImportPreview | None) -> None:
        if preview is None:
            self.summary.clear()
            self.problems.set_rows([])
            self.duplicates.set_rows([])
            return
        self.summary.setText(preview.summary())
        self.problems.set_rows(preview.problems)
        dups = [r.duplicate for r in preview.duplicates if r.duplicate is not None]
        self.duplicates.set_rows(dups)
        for widget in (self.problems_label, self.problems_view):
            widget.setVisible(bool(preview.problems))
        for widget in (self.duplicates_label, self.duplicates_view):
            widget.setVisible(bool(dups))
        self.save_button.setVisible(bool(preview.problems or dups))

    def isComplete(self) -> bool:  # noqa: N802
        return self._wizard.preview is not None

    def save_list(self) -> None:
        """Save the problems and possible duplicates as a CSV file the user chooses."""
        preview = self._wizard.preview
        if preview is None:
            return
        settings = QSettings()
        folder = Path(str(settings.value(FOLDER_KEY, str(Path.home()))))
        suggested = folder / f"{Path(preview.file_name).stem} - rows to fix.csv"
        name, _chosen = QFileDialog.getSaveFileName(
            self, "Save the rows to fix", str(suggested), "CSV file (*.csv)"
        )
        if not name:
            return
        path = with_type(name, "csv")
        if not may_replace(self, "Save the rows to fix", path, typed=name):
            return
        try:
            with busy_cursor():
                write_problem_report(preview, path)
        except Exception as error:  # noqa: BLE001 - shown in plain words
            show_error(self, error, "Save the rows to fix")
