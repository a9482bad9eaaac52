"""The annual involvement report (issue 9, point 5): choose the reporting year, write the
three narrative sections (saved with Ctrl+S or the Save button), and preview or print the
PDF for trustees and commissioners (Ctrl+P). The figures are counted when it is printed;
only the coordinator's words are stored.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.involvement_report import (
    SECTIONS,
    ReportingYear,
    ReportNarrative,
    YearKind,
    read_narrative,
    reporting_year,
    save_narrative,
    year_containing,
)
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement.report_print import preview_annual_report
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.today import LiveToday

YEARS_OFFERED = 6
KIND_LABELS = {
    YearKind.FINANCIAL: "Financial year (April to March)",
    YearKind.CALENDAR: "Calendar year (January to December)",
}


class ReportTab(QWidget):
    """See the module docstring."""

    today = LiveToday()

    new_text: str | None = None  # one report per year: choose the year instead
    print_text: str | None = "Preview and print the annual report…"

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.today = today  # None: follows the real date (LiveToday)
        self.loaded: ReportNarrative | None = None
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName("Kind of reporting year")
        for kind, label in KIND_LABELS.items():
            self.kind_box.addItem(label, kind)
        self.year_box = QComboBox()
        self.year_box.setAccessibleName("Reporting year")
        self.edits: dict[str, QPlainTextEdit] = {}
        labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        top = QHBoxLayout()
        top.addWidget(self.kind_box)
        top.addWidget(self.year_box, 1)
        year_label = QLabel("&Year")
        year_label.setBuddy(self.kind_box)
        form.addRow(year_label, top)
        for name, title, hint in SECTIONS:
            edit = QPlainTextEdit()
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(title)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(48)
            self.edits[name] = edit
            labels[name] = error_label()
            box = QVBoxLayout()
            box.addWidget(edit)
            box.addWidget(labels[name])
            label = QLabel(title)
            label.setBuddy(edit)
            form.addRow(label, box)
        self.status = QLabel()
        fallback = error_label()
        self.errors = FieldErrors(labels, fallback)
        for name, edit in self.edits.items():
            self.errors.watch(name, edit)
        self.save_button = QPushButton("&Save the words")
        self.save_button.setToolTip("Save what you wrote for this year (Ctrl+S)")
        self.print_button = QPushButton("&Preview and print…")
        self.print_button.setToolTip("The report for trustees and commissioners (Ctrl+P)")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        intro = QLabel(
            "Your words open the report; the figures (counts only, no names) are added from "
            "the records when it is printed."
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(fallback)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_sheet)
        self.kind_box.currentIndexChanged.connect(self._fill_years)
        self.year_box.currentIndexChanged.connect(self._year_changed)
        self._fill_years()

    @property
    def year(self) -> ReportingYear:
        """The reporting year chosen."""
        return self.year_box.currentData()

    def _fill_years(self) -> None:
        kind = YearKind(self.kind_box.currentData())  # Qt hands back the plain value
        latest = year_containing(self.today, kind)
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for back in range(YEARS_OFFERED):
            year = reporting_year(latest.start.replace(year=latest.start.year - back))
            self.year_box.addItem(year.label, year)
        self.year_box.blockSignals(False)
        self._load()

    def _texts(self) -> dict[str, str]:
        return {name: edit.toPlainText() for name, edit in self.edits.items()}

    def _unsaved(self) -> bool:
        if self.loaded is None:
            return False
        return any(
            getattr(self.loaded, name) != text.strip() for name, text in self._texts().items()
        )

    def _year_changed(self) -> None:
        """Another year chosen: offer to save words typed for the one left, then load."""
        if self._unsaved():
            answer = QMessageBox.question(
                self,
                "Save your words?",
                "You changed the words for the year you were on. Save them before opening "
                "another year? (No leaves them out.)",
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.save()
        self._load()

    def _load(self) -> None:
        narrative = None
        with service_call(self, title="Annual report") as call, self.context.session() as session:
            narrative = read_narrative(session, self.actor, self.year.start)
        if call.failed or narrative is None:
            return
        self._show(narrative)

    def _show(self, narrative: ReportNarrative) -> None:
        self.loaded = narrative
        for name, edit in self.edits.items():
            edit.setPlainText(getattr(narrative, name))
        self.status.setText(
            "Not written yet for this year."
            if narrative.version is None
            else f"Saved for {self.year.label}."
        )

    def save(self) -> bool:
        """Save the three sections for the chosen year."""
        if self.loaded is None:
            return False
        data = ReportNarrative(self.loaded.starts_on, **self._texts(), version=self.loaded.version)
        saved = None
        with (
            service_call(self, self.errors, dict(self.edits), title="Save the report") as call,
            self.context.session() as session,
        ):
            saved = save_narrative(session, self.actor, data)
        if call.failed or saved is None:
            return False
        if saved.starts_on == self.year.start:
            self._show(saved)
            self.status.setText(f"Saved for {self.year.label}.")
        return True

    def add_new(self) -> None:
        """Ctrl+N: nothing to add (one report per year)."""

    def print_sheet(self) -> None:
        """Ctrl+P: save unsaved words (asking first), then preview the report."""
        if self._unsaved():
            answer = QMessageBox.question(
                self,
                "Save your words first?",
                "The report prints the saved words. Save what you wrote before printing?",
            )
            if answer == QMessageBox.StandardButton.Yes and not self.save():
                return
        if not self._empty_sections_accepted():
            return
        preview_annual_report(
            self, self.context, self.actor, self.year.start, today=self.today, year=self.year
        )

    def _empty_sections_accepted(self) -> bool:
        """Before printing: say which sections are still empty (trustees would read
        "Not written yet" there); No puts the cursor in the first empty one."""
        saved = self.loaded
        empty = [
            (name, title)
            for name, title, _hint in SECTIONS
            if saved is None or not getattr(saved, name).strip()
        ]
        if not empty:
            return True
        answer = QMessageBox.question(
            self,
            "Some words are not written yet",
            "These parts of the report are empty: "
            + "; ".join(f"“{title}”" for _name, title in empty)
            + ". The printed report says “Not written yet” in their place.\n\n"
            "Preview the report anyway? (No takes you to the first empty part.)",
        )
        if answer == QMessageBox.StandardButton.Yes:
            return True
        self.edits[empty[0][0]].setFocus()
        return False

    def refresh(self) -> None:
        """Reload the chosen year's words (unless some are being edited)."""
        if not self._unsaved():
            self._load()
