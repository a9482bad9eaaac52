"""4PI involvement activity records: the list with its 4PI check, filters, and the dialog.

Each row shows the date, title, kind, people present (members and others, how many with
lived experience) and the 4PI column: "✓ complete" or what is still missing ("⚠ impact not
recorded yet"). Filter by words, kind, or only those still to complete. Enter or
double-click opens a record; Ctrl+N adds one; Ctrl+P prints the chosen one as a 4PI record
through the preview.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import activities
from involve_desktop.core.services.activities_dto import ActivityFilter, ActivityInfo, ActivityKind
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.sheets.activity_record import activity_record_pdf
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement.activity_dialog import ActivityDialog
from involve_desktop.ui.meetings.meetings_columns import fit_columns, list_table
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.print_preview import PrintPreviewDialog
from involve_desktop.ui.table_model import Column, DtoTableModel

NOTHING_YET = "No involvement activities recorded yet. Add one with New activity (Ctrl+N)."


COLUMNS: list[Column[ActivityInfo]] = [
    Column("Date", lambda a: format_date(a.day), sort_key=lambda a: (a.day, a.id)),
    Column("Title", lambda a: a.title),
    Column("Kind", lambda a: a.kind.label),
    Column(
        "Present",
        lambda a: str(a.people_present),
        sort_key=lambda a: a.people_present,
        tooltip=lambda a: "Members, staff, carers and families, and others",
        align_right=True,
    ),
    Column(
        "Members",
        lambda a: str(len(a.members)),
        sort_key=lambda a: len(a.members),
        align_right=True,
    ),
    Column(
        "Lived experience",
        lambda a: str(a.lived_experience_present),
        sort_key=lambda a: a.lived_experience_present,
        tooltip=lambda a: "Members present, and others with lived experience",
        align_right=True,
    ),
    Column("4PI", lambda a: a.complete_text, tooltip=lambda a: "\n".join(a.gaps) or "Complete"),
]


class ActivitiesTab(QWidget):
    """See the module docstring."""

    new_text: str | None = "New activity…"  # Ctrl+N in this tab
    print_text: str | None = "Print 4PI record…"  # Ctrl+P in this tab

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
        self.today = today
        self.may_change = actor.can(Permission.MANAGE_INVOLVEMENT)
        self.find = QLineEdit()
        self.find.setPlaceholderText("Find by title or who asked for it")
        self.find.setAccessibleName("Find activities")
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(lambda _t: self.refresh())
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of activity")
        self.kind.addItem("All kinds", None)
        for kind in ActivityKind:
            self.kind.addItem(kind.label, kind)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.incomplete = QCheckBox("Only those still to &complete")
        self.incomplete.toggled.connect(lambda _on: self.refresh())
        self.model: DtoTableModel[ActivityInfo] = DtoTableModel(COLUMNS, self)
        self.table = list_table(self.model, "Involvement activities", self)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.empty = QLabel(NOTHING_YET)
        self.empty.setWordWrap(True)
        self.count = QLabel()
        self.count.setAccessibleName("How many activities")
        self.new_button = QPushButton("&New activity…")
        self.new_button.clicked.connect(self.add_new)
        self.open_button = QPushButton("&Open…")
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button = QPushButton("&Print 4PI record…")
        self.print_button.clicked.connect(self.print_sheet)
        for button in (self.new_button, self.delete_button):
            button.setEnabled(self.may_change)
        filters = QHBoxLayout()
        label = QLabel("&Find:")
        label.setBuddy(self.find)
        filters.addWidget(label)
        filters.addWidget(self.find, 2)
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.incomplete)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.delete_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        column = QVBoxLayout(self)
        column.addLayout(filters)
        column.addWidget(self.empty)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        self.refresh()

    def _day(self) -> date:
        return self.today or date.today()

    def chosen_filter(self) -> ActivityFilter:
        """The filters as the service takes them."""
        return ActivityFilter(
            kind=self.kind.currentData(),
            incomplete_only=self.incomplete.isChecked(),
            text=self.find.text(),
        )

    def refresh(self) -> None:
        """Reload (called when the tab is shown and after each change)."""
        rows: list[ActivityInfo] = []
        with service_call(self, title="Involvement activities"), self.context.session() as s:
            rows = activities.list_activities(s, self.actor, self.chosen_filter())
        self.model.set_rows(rows)
        fit_columns(self.table)
        self.empty.setVisible(not rows and not self.find.text() and self.kind.currentIndex() == 0)
        still = sum(1 for r in rows if r.gaps)
        self.count.setText(f"{len(rows)} shown; {still} still to complete")

    def selected(self) -> ActivityInfo | None:
        """The activity chosen in the list."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = self.table.model().mapToSource(index)
        return self.model.row_at(source.row())

    def _open_index(self, _index: QModelIndex) -> None:
        self.open_selected()

    def _edit(self, activity: ActivityInfo | None) -> None:
        dialog = ActivityDialog(self.context, self.actor, activity, self, today=self._day())
        dialog.exec()
        dialog.deleteLater()
        self.refresh()

    def add_new(self) -> None:
        """Ctrl+N in this tab."""
        if self.may_change:
            self._edit(None)

    def open_selected(self) -> None:
        """Open the chosen activity's record."""
        chosen = self.selected()
        if chosen is None:
            QMessageBox.information(self, "Open", "Choose an activity in the list first.")
            return
        fresh = None
        with service_call(self, title="Open activity"), self.context.session() as s:
            fresh = activities.get_activity(s, self.actor, chosen.id)
        if fresh is not None:
            self._edit(fresh)

    def delete_selected(self) -> None:
        """Delete the chosen activity, after asking."""
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete activity?",
            f"Delete the record of “{chosen.title}” ({format_date(chosen.day)})? "
            "You said, we did entries linked to it are kept.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with service_call(self, title="Delete activity"), self.context.session() as s:
            activities.delete_activity(s, self.actor, chosen.id)
        self.refresh()

    def print_sheet(self) -> None:
        """Ctrl+P in this tab: the chosen activity as a 4PI record, through the preview."""
        chosen = self.selected()
        if chosen is None and self.model.rowCount() == 1:
            chosen = self.model.row_at(0)
        if chosen is None:
            QMessageBox.information(
                self, "Print 4PI record", "Choose the activity to print in the list first."
            )
            return
        pdf: bytes | None = None
        with service_call(self, title="Print 4PI record") as call, self.context.session() as s:
            pdf = activity_record_pdf(s, self.actor, chosen.id, today=self._day())
        if call.failed or pdf is None:
            return
        name = "-".join("".join(c if c.isalnum() else " " for c in chosen.title.lower()).split())
        dialog = PrintPreviewDialog(pdf, f"4PI record — {chosen.title}", f"4pi-{name}.pdf", self)
        dialog.exec()
        dialog.deleteLater()
