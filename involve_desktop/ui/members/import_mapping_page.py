"""Import step 2: which column holds what — guessed from the headings, changed by the user."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from involve_desktop.core.services.member_import import (
    ImportField,
    Mapping,
    guess_mapping,
    mapping_problems_for,
)
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.messages import error_label

if TYPE_CHECKING:
    from involve_desktop.ui.members.import_wizard import ImportWizard

DONT_IMPORT = "Don't import"
NAME_COLUMN, SAMPLE_COLUMN, FIELD_COLUMN = range(3)


def field_choices() -> list[tuple[str, ImportField | None]]:
    """The combo's entries: "Don't import", then each field (restricted ones marked)."""
    choices: list[tuple[str, ImportField | None]] = [(DONT_IMPORT, None)]
    for field in ImportField:
        label = f"{field.label} (restricted)" if field.restricted else field.label
        choices.append((label, field))
    return choices


def _status_hint(mapping: Mapping) -> str:
    """What importing the Status column (and its Left on / Check in by dates) records."""
    if ImportField.LEFT_ON not in mapping and ImportField.CHECK_IN_ON not in mapping:
        return (
            "People marked Stepping back or Left are recorded so from the day you "
            "import (the file does not say when); a blank status means Active."
        )
    left = (
        "on their Left on date (the day you import when it is blank)"
        if ImportField.LEFT_ON in mapping
        else "on the day you import"
    )
    check_in = ", with their Check in by date" if ImportField.CHECK_IN_ON in mapping else ""
    return (
        f"People marked Left are recorded as leaving {left}; people marked Stepping back "
        f"from the day you import{check_in}. A blank status means Active."
    )


class MappingPage(QWizardPage):
    """A table of the file's columns, with example values and what to import each as."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("What is in each column?")
        self.setSubTitle(
            "Step 2 of 4. We have guessed from the headings. Check each column and change "
            "any guess that is wrong; choose “Don't import” for columns you do not need."
        )
        self.table = tab_leaves(QTableWidget(0, 3))
        self.table.setHorizontalHeaderLabels(["Column in your file", "Example values", "Import as"])
        self.table.setAccessibleName("Columns in your file")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SAMPLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FIELD_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:  # noqa: N802
        table = self._wizard.table
        if table is None:
            return
        self.error.setVisible(False)
        guessed = self._wizard.mapping or guess_mapping(table.headers)
        if len(guessed) != len(table.headers):
            guessed = guess_mapping(table.headers)
        choices = field_choices()
        self.table.setRowCount(len(table.headers))
        self.combos = []
        for row, heading in enumerate(table.headers):
            self.table.setItem(row, NAME_COLUMN, QTableWidgetItem(heading))
            samples = QTableWidgetItem(" · ".join(table.samples(row)) or "(empty)")
            samples.setToolTip("\n".join(table.samples(row, 8)))
            self.table.setItem(row, SAMPLE_COLUMN, samples)
            combo = QComboBox()
            combo.setAccessibleName(f"Import “{heading}” as")
            for label, field in choices:
                combo.addItem(label, field.value if field else "")
            combo.setCurrentIndex(
                next(i for i, (_label, f) in enumerate(choices) if f is guessed[row])
            )
            combo.currentIndexChanged.connect(self._update_hint)
            self.table.setCellWidget(row, FIELD_COLUMN, combo)
            self.combos.append(combo)
        self._update_hint()

    def mapping(self) -> Mapping:
        """What the combos say, one entry per column."""
        return tuple(ImportField(c.currentData()) if c.currentData() else None for c in self.combos)

    def set_field(self, column: int, field: ImportField | None) -> None:
        """Choose what ``column`` is imported as (also used by tests)."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field.value if field else ""))

    def _update_hint(self) -> None:
        table = self._wizard.table
        mapping = self.mapping()
        hints = []
        if table is not None and ImportField.FULL_NAME in mapping:
            column = mapping.index(ImportField.FULL_NAME)
            if any("," in s for s in table.samples(column, 20)):
                hints.append(
                    "Names written “Surname, First” are turned round: “Adams, Zoë” becomes "
                    "“Zoë Adams”."
                )
        if mapping.count(ImportField.ADDRESS) > 1:
            hints.append("The address columns are joined, in order, into one address.")
        if ImportField.STATUS in mapping:
            hints.append(_status_hint(mapping))
        hints.append(
            "Dates are read day first, as in the UK: 03/04/2021 is 3 April 2021."
            if ImportField.DATE_JOINED in mapping
            else "No column is set to Date joined: everyone will join on today's date."
        )
        self.hint.setText(" ".join(hints))
        if table is not None:
            self._show_problems(mapping_problems_for(self._wizard.actor, table.headers, mapping))

    def _show_problems(self, problems: list[str]) -> None:
        """Show what is wrong with the mapping (hidden when nothing is)."""
        self.error.setText("⚠ " + "\n⚠ ".join(problems) if problems else "")
        self.error.setVisible(bool(problems))

    def validatePage(self) -> bool:  # noqa: N802
        table = self._wizard.table
        if table is None:
            return False
        mapping = self.mapping()
        # The service's own rules (the ones preview and import refuse with), so a column
        # this account may not import is named here, as soon as it is chosen, rather than
        # only at the end.
        problems = mapping_problems_for(self._wizard.actor, table.headers, mapping)
        self._show_problems(problems)
        if problems:
            return False
        if mapping != self._wizard.mapping:
            self._wizard.mapping = mapping
            self._wizard.preview = None  # the preview must be made again
        return True
