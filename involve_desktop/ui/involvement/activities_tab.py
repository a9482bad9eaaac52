"""4PI involvement activity records: the list with its 4PI check, filters, and the dialog.

Each row shows the date, title, kind, people present (members and others, how many with
lived experience) and the 4PI column: "✓ complete" or what is still missing ("⚠ impact not
recorded yet"). Filter by words, kind, or only those still to complete. Enter or
double-click opens a record; Ctrl+N adds one; Ctrl+P prints the chosen one as a 4PI record
through the preview.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import activities
from involve_desktop.core.services.activities_dto import ActivityFilter, ActivityInfo, ActivityKind
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.sheets.activity_record import activity_record_pdf
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement.activity_dialog import ActivityDialog
from involve_desktop.ui.involvement.activity_list import RecordListTab
from involve_desktop.ui.involvement.activity_principles import PrinciplesDialog
from involve_desktop.ui.meetings.meetings_columns import fit_columns
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import Column

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
        tooltip=lambda a: "Members picked by name on the activity's Presence page",
        align_right=True,
    ),
    Column(
        "Lived experience",
        lambda a: str(a.lived_experience_present),
        sort_key=lambda a: a.lived_experience_present,
        tooltip=lambda a: (
            "Of everyone present: members whose record says they have lived experience, "
            "and staff, carers or others who have it"
        ),
        align_right=True,
    ),
    Column("4PI", lambda a: a.complete_text, tooltip=lambda a: "\n".join(a.gaps) or "Complete"),
]


class ActivitiesTab(RecordListTab[ActivityInfo]):
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
        words = ("Involvement activities", NOTHING_YET, "&New activity…", "&Print 4PI record…")
        super().__init__(context, actor, COLUMNS, words, parent, today)
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
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(10)
        self.find.setMinimumWidth(100)
        self.incomplete = QCheckBox("Still to &complete")
        self.incomplete.toggled.connect(lambda _on: self.refresh())
        label = QLabel("F&ind:")
        label.setBuddy(self.find)
        self.filters.addWidget(label)
        self.filters.addWidget(self.find, 2)
        self.filters.addWidget(self.kind, 1)
        self.filters.addWidget(self.incomplete)
        self.principles_button = QPushButton("Our principle&s…")
        self.principles_button.setToolTip("The shared values the group agreed (4PI Principles)")
        self.principles_button.clicked.connect(self.edit_principles)
        self.principles_button.setEnabled(self.may_change)
        self.extra_buttons.append(self.principles_button)
        self.lay_out()

    def edit_principles(self) -> None:
        """The group's agreed principles and when they were agreed."""
        dialog = PrinciplesDialog(self.context, self.actor, self, today=self.day())
        dialog.exec()
        dialog.deleteLater()

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

    def make_dialog(self, entry: ActivityInfo | None) -> QDialog:
        """The four-section activity dialog."""
        return ActivityDialog(self.context, self.actor, entry, self, today=self.day())

    def fresh(self, entry: ActivityInfo) -> ActivityInfo | None:
        """The activity read again, so the dialog starts from what is saved now."""
        again = None
        with service_call(self, title="Open activity"), self.context.session() as s:
            again = activities.get_activity(s, self.actor, entry.id)
        return again

    def delete_words(self, entry: ActivityInfo) -> str:
        """The question asked before deleting."""
        return (
            f"Delete the record of “{entry.title}” ({format_date(entry.day)})? "
            "You said, we did entries linked to it are kept."
        )

    def delete_row(self, session: Session, entry: ActivityInfo) -> None:
        """Delete through the activity services."""
        activities.delete_activity(session, self.actor, entry.id)

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
        name = "-".join("".join(c if c.isalnum() else " " for c in chosen.title.lower()).split())
        self.preview(
            lambda s: activity_record_pdf(s, self.actor, chosen.id, today=self.day()),
            f"4PI record — {chosen.title}",
            f"4pi-{name}.pdf",
        )
