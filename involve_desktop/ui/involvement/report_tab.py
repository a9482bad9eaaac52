"""The annual involvement report (issue 9, point 5): choose the reporting year, write the
three narrative sections (saved with Ctrl+S or the Save button), and preview or print the
PDF for trustees and commissioners (Ctrl+P). The figures are counted when it is printed;
only the coordinator's words are stored.

Typed words are never lost without asking: choosing another year (or kind of year) with
unsaved words asks *Save* / *Discard* / *Cancel* (Esc is Cancel: stay on this year with the
words; a save that fails also stays), and the status line says when there are unsaved
changes. ``has_unsaved_edits`` and ``save_or_discard`` let the window ask the same before
signing out, quitting or restoring a backup.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

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
from involve_desktop.ui.messages import FieldErrors, ask, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.today import LiveToday

YEARS_OFFERED = 6
# The three boxes' labels on screen, each with its Alt letter (the PDF prints the titles).
SECTION_LABELS = {
    "year_in_brief": "The year in &brief",
    "what_changed": "What &changed because of members",
    "next_year": "What we will do &next year",
}
SAVE_TITLE = "Save your words?"


class SaveAnswer(StrEnum):
    """What the person chose when asked about unsaved words."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def save_words_box(parent: QWidget | None, year_label: str) -> QMessageBox:
    """The Save / Discard / Cancel question, built but not shown. *Save* is the default;
    Esc and the window's × are *Cancel* (stay, with every word kept)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        SAVE_TITLE,
        f"You changed the words of the annual report for {year_label} and have not saved "
        "them.\n\nSave them, discard them, or cancel and stay on this year?",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    save = box.addButton("&Save them", QMessageBox.ButtonRole.AcceptRole)
    save.setObjectName(SaveAnswer.SAVE)
    discard = box.addButton("&Discard them", QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName(SaveAnswer.DISCARD)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName(SaveAnswer.CANCEL)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    return box


def ask_save_words(parent: QWidget | None, year_label: str) -> SaveAnswer:
    """Ask about unsaved words (tests replace this one function)."""
    box = save_words_box(parent, year_label)
    box.exec()
    clicked = box.clickedButton()
    name = clicked.objectName() if clicked is not None else ""
    return SaveAnswer(name) if name in set(SaveAnswer) else SaveAnswer.CANCEL


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
            label = QLabel(SECTION_LABELS[name])
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
        for edit in self.edits.values():
            edit.textChanged.connect(self._show_status)
        self._kind_index = 0  # the kind and year whose words are in the boxes
        self._year_index = 0
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
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
        self._kind_index, self._year_index = self.kind_box.currentIndex(), 0
        self._load()

    def _texts(self) -> dict[str, str]:
        return {name: edit.toPlainText() for name, edit in self.edits.items()}

    def has_unsaved_edits(self) -> bool:
        """Words typed in the boxes that differ from what is saved for the year shown."""
        if self.loaded is None:
            return False
        return any(
            getattr(self.loaded, name) != text.strip() for name, text in self._texts().items()
        )

    def _loaded_label(self) -> str:
        starts_on = self.loaded.starts_on if self.loaded else self.year.start
        return reporting_year(starts_on).label

    def save_or_discard(self, parent: QWidget | None = None) -> bool:
        """Before something that would lose the words (another year, signing out, quitting,
        restoring): ask Save / Discard / Cancel. True: go ahead (saved, discarded or nothing
        to save); False: stay — the person cancelled, or the save failed (its message
        shown, every word kept)."""
        if not self.has_unsaved_edits():
            return True
        answer = ask_save_words(parent or self, self._loaded_label())
        if answer is SaveAnswer.SAVE:
            return self.save()
        if answer is SaveAnswer.DISCARD:
            assert self.loaded is not None  # has_unsaved_edits said so
            self._show(self.loaded)
            return True
        return False

    def _year_changed(self) -> None:
        """Another year chosen: ask about words typed for the one left, then load. Cancel
        (or a failed save) goes back to the year the words belong to."""
        if not self.save_or_discard():
            self.year_box.blockSignals(True)
            self.year_box.setCurrentIndex(self._year_index)
            self.year_box.blockSignals(False)
            return
        self._year_index = self.year_box.currentIndex()
        self._load()

    def _kind_changed(self) -> None:
        """Financial or calendar years: the same question first, then offer that kind."""
        if not self.save_or_discard():
            self.kind_box.blockSignals(True)
            self.kind_box.setCurrentIndex(self._kind_index)
            self.kind_box.blockSignals(False)
            return
        self._fill_years()

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
            edit.blockSignals(True)  # one status update below, not one per box
            edit.setPlainText(getattr(narrative, name))
            edit.blockSignals(False)
        self._show_status()

    def _show_status(self) -> None:
        """Saved, not written yet, or changed and not saved (in words, not colour)."""
        if self.loaded is None:
            return
        label = self._loaded_label()
        if self.has_unsaved_edits():
            text = f"Changes not saved yet for {label} — Ctrl+S saves them."
        elif self.loaded.version is None:
            text = "Not written yet for this year."
        else:
            text = f"Saved for {label}."
        self.status.setText(text)

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
        self._show(saved)  # the words shown are the year's saved words
        return True

    def add_new(self) -> None:
        """Ctrl+N: nothing to add (one report per year)."""

    def print_sheet(self) -> None:
        """Ctrl+P: save unsaved words (asking first), then preview the report."""
        if self.has_unsaved_edits() and (
            ask(
                self,
                "Save your words first?",
                "The report prints the saved words. Save what you wrote before printing?",
                yes_by_default=True,
            )
            and not self.save()
        ):
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
        if ask(
            self,
            "Some words are not written yet",
            "These parts of the report are empty: "
            + "; ".join(f"“{title}”" for _name, title in empty)
            + ". The printed report says “Not written yet” in their place.\n\n"
            "Preview the report anyway? (No takes you to the first empty part.)",
            yes_by_default=True,
        ):
            return True
        self.edits[empty[0][0]].setFocus()
        return False

    def refresh(self) -> None:
        """Reload the chosen year's words (unless some are being edited)."""
        if not self.has_unsaved_edits():
            self._load()
