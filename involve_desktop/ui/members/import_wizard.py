"""The import wizard: choose a spreadsheet → match its columns → check → choose → done.

Each step calls the import service (``core.services.member_import``); nothing is saved
until the user chooses on step 4, and then all of it in one go or none of it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_import import (
    ImportFileError,
    ImportMode,
    ImportPreview,
    ImportRefused,
    ImportResult,
    ImportTable,
    Mapping,
    commit_import,
    import_plan,
    list_lines,
    read_table,
)
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.import_mapping_page import MappingPage
from involve_desktop.ui.members.import_preview_page import FOLDER_KEY, PreviewPage
from involve_desktop.ui.members.import_progress import busy_cursor
from involve_desktop.ui.messages import error_label, show_error
from involve_desktop.ui.widgets import buttons_row

FILE_FILTER = "Spreadsheets (*.csv *.xlsx *.txt);;CSV files (*.csv *.txt);;Excel (*.xlsx)"


class FilePage(QWizardPage):
    """Step 1: choose the spreadsheet; it is read when the user goes on."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Import members from a spreadsheet")
        self.setSubTitle("Step 1 of 4. Choose the file with your members in it.")
        about = QLabel(
            "Save the list from Excel, LibreOffice or Google Sheets as a CSV file or an Excel "
            "(.xlsx) file. Put one member on each row, with headings such as Name, Email, "
            "Phone, Postcode and Date joined in the first row. Nothing is saved until you "
            "have checked what will be imported."
        )
        about.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setAccessibleName("Spreadsheet file")
        self.path.setPlaceholderText("No file chosen yet")
        self.path.textChanged.connect(self.completeChanged)
        self.choose_button = QPushButton("&Choose file…")
        self.choose_button.clicked.connect(self.choose_file)
        self.error = error_label()
        form = QFormLayout()
        form.addRow("File:", self.path)
        form.addRow("", buttons_row(self.choose_button))
        form.addRow("", self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addStretch(1)

    def choose_file(self) -> None:
        """Ask which file to import, starting in the folder used last time."""
        folder = str(QSettings().value(FOLDER_KEY, str(Path.home())))
        name, _chosen = QFileDialog.getOpenFileName(
            self, "Choose the spreadsheet to import", folder, FILE_FILTER
        )
        if name:
            self.path.setText(name)
            self.error.setVisible(False)
            # Enter now goes on to the next step rather than choosing the file again.
            self.wizard().button(QWizard.WizardButton.NextButton).setFocus()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        path = Path(self.path.text().strip()).expanduser()
        try:
            with busy_cursor():
                table = read_table(path)
        except ImportFileError as error:
            self.error.setText(f"⚠ {error.message}")
            self.error.setVisible(True)
            return False
        except Exception as error:  # noqa: BLE001 - logged, shown in plain words
            show_error(self, error, "Import members")
            return False
        self.error.setVisible(False)
        QSettings().setValue(FOLDER_KEY, str(path.parent))
        self._wizard.use_table(table)
        return True


class ChoicePage(QWizardPage):
    """Step 4: import the ready rows and skip the rest, or import nothing for now.

    It starts on the safe choice: everything when every row is ready, else nothing (the
    user fixes the spreadsheet, or ticks "Import the … ready rows" knowing what is skipped).
    """

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("What would you like to do?")
        self.setSubTitle("Step 4 of 4. Choose one; nothing is saved until you press Import.")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Import")
        self.import_ready = QRadioButton()
        self.import_nothing = QRadioButton(
            "Import nothing now — I will &fix the spreadsheet and import it again"
        )
        self.include_duplicates = QCheckBox()
        self.include_duplicates.toggled.connect(self._changed)
        self.group = QButtonGroup(self)
        for button in (self.import_ready, self.import_nothing):
            self.group.addButton(button)
            button.toggled.connect(self._changed)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.import_ready)
        layout.addWidget(self.include_duplicates)
        layout.addWidget(self.import_nothing)
        layout.addWidget(self.explain)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        preview = self._wizard.preview
        if preview is None:
            return
        ready, problems, dups = preview.ready, preview.with_problems, preview.duplicates
        self.import_ready.setEnabled(bool(ready or dups))
        self.include_duplicates.setText(
            f"Also import the {len(dups):,} &possible duplicate{'s' if len(dups) != 1 else ''} "
            "(only if you are sure they are different people)"
        )
        self.include_duplicates.setVisible(bool(dups))
        self.include_duplicates.setChecked(False)
        self.group.setExclusive(False)
        for button in (self.import_ready, self.import_nothing):
            button.setChecked(False)
        self.group.setExclusive(True)
        if not problems and not dups and ready:
            self.import_ready.setChecked(True)  # nothing to skip: all of it
        else:
            self.import_nothing.setChecked(True)  # all or nothing: nothing until they choose
        self._changed()

    def _changed(self) -> None:
        self.include_duplicates.setEnabled(self.import_ready.isChecked())
        preview = self._wizard.preview
        if preview is not None:
            chosen, skipped = import_plan(preview, self.include_duplicates.isChecked())
            text = f"&Import the {len(chosen):,} ready row{'s' if len(chosen) != 1 else ''}"
            if skipped:
                text += f" and skip the {len(skipped):,} listed ({list_lines(skipped)})"
            self.import_ready.setText(text)
        if self.import_nothing.isChecked():
            self.explain.setText(
                "Nothing will be saved. Fix the rows listed on the previous step (you can "
                "save that list), then import the file again. To import the ready rows "
                "now and skip the others, choose the first option."
            )
        else:
            self.explain.setText("")
        self.setButtonText(
            QWizard.WizardButton.CommitButton,
            "Close" if self.import_nothing.isChecked() else "Import",
        )
        self.completeChanged.emit()

    def cleanupPage(self) -> None:  # noqa: N802
        super().cleanupPage()
        if self._wizard.preview is None:
            # The import was refused as out of date ("check the preview again"): going
            # back shows the file checked again, as the message asks.
            self._wizard.preview_page.initializePage()

    def isComplete(self) -> bool:  # noqa: N802
        if self.import_nothing.isChecked():
            return True
        preview = self._wizard.preview
        if preview is None or not self.import_ready.isChecked():
            return False
        return bool(import_plan(preview, self.include_duplicates.isChecked())[0])

    def validatePage(self) -> bool:  # noqa: N802
        preview = self._wizard.preview
        if preview is None or self.import_nothing.isChecked():
            self._wizard.import_result = None
            return preview is not None
        include = self.include_duplicates.isChecked() and self.include_duplicates.isVisible()
        skipping = preview.with_problems or (preview.duplicates and not include)
        mode = ImportMode.SKIP_PROBLEMS if skipping else ImportMode.ALL_OR_NOTHING
        count = len(import_plan(preview, include)[0])
        self.explain.setText(f"Importing {count:,} members… a large file can take a few seconds.")
        try:
            with busy_cursor(), self._wizard.context.session() as session:
                result = commit_import(
                    session, self._wizard.actor, preview, mode, include_duplicates=include
                )
        except Exception as error:  # noqa: BLE001 - plain words; nothing was saved
            self.explain.setText("Nothing was imported.")
            if isinstance(error, ImportRefused):
                self._wizard.preview = None  # out of date: Back checks the file again
                self.completeChanged.emit()
            show_error(self, error, "Import members")
            return False
        self._wizard.import_result = result
        self._wizard.members_imported.emit(result.imported)
        return True


class ResultPage(QWizardPage):
    """The end: what was imported and which rows were skipped."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Import finished")
        self.message = QLabel()
        self.message.setObjectName("importResult")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Import result")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        result, preview = self._wizard.import_result, self._wizard.preview
        if result is not None:
            self.setTitle("Import finished")
            self.message.setText(
                f"{result.message()}\n\nThe new members are in the Members list now."
            )
            return
        self.setTitle("Nothing was imported")
        lines = [r.line for r in preview.with_problems] if preview else []
        text = "Nothing was imported."
        if lines:
            text += f" Fix {list_lines(lines)} in your spreadsheet, then import it again."
        self.message.setText(text)


class ImportWizard(QWizard):
    """Import members from a CSV or Excel file, checking every row before anything is saved.

    ``members_imported(count)`` is emitted after a successful import.
    """

    members_imported = Signal(int)

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.table: ImportTable | None = None
        self.mapping: Mapping | None = None
        self.preview: ImportPreview | None = None
        self.import_result: ImportResult | None = None
        self.setWindowTitle("Import members")
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.choice_page = ChoicePage(self)
        self.result_page = ResultPage(self)
        for page in (
            self.file_page,
            self.mapping_page,
            self.preview_page,
            self.choice_page,
            self.result_page,
        ):
            self.addPage(page)
        self.resize(860, 600)

    def use_table(self, table: ImportTable) -> None:
        """A file was read: check it again; keep the column choices if the headings match."""
        if self.table is None or table.headers != self.table.headers:
            self.mapping = None
        self.preview = None
        self.table = table
