"""The you said, we did log: the list by status, the entry dialog, and the notice-board
poster (Ctrl+P, through the preview; it prints no names).

Each row shows when it was said, "You said", "We did", the status (a not-possible entry
with its reason), who is responsible and the activity it came from. Filter by status.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import you_said
from involve_desktop.core.services.activities_dto import YouSaidInfo, YouSaidStatus
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.sheets.you_said_we_did import you_said_we_did_pdf
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement.you_said_dialog import YouSaidDialog
from involve_desktop.ui.meetings.meetings_columns import fit_columns, list_table
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.print_preview import PrintPreviewDialog
from involve_desktop.ui.table_model import Column, DtoTableModel

NOTHING_YET = "Nothing in the log yet. Add what people told you with New entry (Ctrl+N)."


def status_text(e: YouSaidInfo) -> str:
    """ "Done", "Planned", or "Not possible: reason"."""
    if e.status is YouSaidStatus.NOT_POSSIBLE and e.reason:
        return f"Not possible: {e.reason}"
    return e.status.label


COLUMNS: list[Column[YouSaidInfo]] = [
    Column("Date", lambda e: format_date(e.day), sort_key=lambda e: (e.day, e.id)),
    Column("You said", lambda e: e.you_said, tooltip=lambda e: e.you_said),
    Column("We did", lambda e: e.we_did or "", tooltip=lambda e: e.we_did or ""),
    Column("Status", status_text, tooltip=status_text),
    Column("Responsible", lambda e: e.responsible or ""),
    Column("Activity", lambda e: e.activity_title or ""),
]


class YouSaidTab(QWidget):
    """See the module docstring."""

    new_text: str | None = "New entry…"  # Ctrl+N in this tab
    print_text: str | None = "Print you said, we did poster…"  # Ctrl+P in this tab

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.today = context, actor, today
        self.may_change = actor.can(Permission.MANAGE_INVOLVEMENT)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        self.status.addItem("Every status", None)
        for status in YouSaidStatus:
            self.status.addItem(status.label, status)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model: DtoTableModel[YouSaidInfo] = DtoTableModel(COLUMNS, self)
        self.table = list_table(self.model, "You said, we did", self)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.empty = QLabel(NOTHING_YET)
        self.empty.setWordWrap(True)
        self.count = QLabel()
        self.count.setAccessibleName("How many entries")
        self.new_button = QPushButton("&New entry…")
        self.new_button.clicked.connect(self.add_new)
        self.open_button = QPushButton("&Open…")
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button = QPushButton("&Print poster…")
        self.print_button.clicked.connect(self.print_sheet)
        for button in (self.new_button, self.delete_button):
            button.setEnabled(self.may_change)
        filters = QHBoxLayout()
        label = QLabel("S&how:")
        label.setBuddy(self.status)
        filters.addWidget(label)
        filters.addWidget(self.status)
        filters.addStretch(1)
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

    def refresh(self) -> None:
        """Reload (called when the tab is shown and after each change)."""
        rows: list[YouSaidInfo] = []
        with service_call(self, title="You said, we did"), self.context.session() as s:
            rows = you_said.list_entries(s, self.actor, status=self.status.currentData())
        self.model.set_rows(rows)
        fit_columns(self.table)
        self.empty.setVisible(not rows and self.status.currentIndex() == 0)
        counts = {s: sum(1 for r in rows if r.status is s) for s in YouSaidStatus}
        self.count.setText("; ".join(f"{n} {s.label.lower()}" for s, n in counts.items()))

    def selected(self) -> YouSaidInfo | None:
        """The entry chosen in the list."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.table.model().mapToSource(index).row())

    def _open_index(self, _index: QModelIndex) -> None:
        self.open_selected()

    def _edit(self, entry: YouSaidInfo | None) -> None:
        dialog = YouSaidDialog(self.context, self.actor, entry, self, today=self._day())
        dialog.exec()
        dialog.deleteLater()
        self.refresh()

    def add_new(self) -> None:
        """Ctrl+N in this tab."""
        if self.may_change:
            self._edit(None)

    def open_selected(self) -> None:
        """Open the chosen entry."""
        chosen = self.selected()
        if chosen is None:
            QMessageBox.information(self, "Open", "Choose an entry in the list first.")
            return
        self._edit(chosen)

    def delete_selected(self) -> None:
        """Delete the chosen entry, after asking."""
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete entry?",
            f"Delete “{chosen.you_said}” from the log?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with service_call(self, title="Delete entry"), self.context.session() as s:
            you_said.delete_entry(s, self.actor, chosen.id)
        self.refresh()

    def print_sheet(self) -> None:
        """Ctrl+P in this tab: the past year's poster through the preview."""
        pdf: bytes | None = None
        with service_call(self, title="Print poster") as call, self.context.session() as s:
            pdf = you_said_we_did_pdf(s, self.actor, today=self._day())
        if call.failed or pdf is None:
            return
        dialog = PrintPreviewDialog(pdf, "You said, we did", "you-said-we-did.pdf", self)
        dialog.exec()
        dialog.deleteLater()
