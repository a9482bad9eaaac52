"""The you said, we did log: the list by status, the entry dialog, and the notice-board
poster (Ctrl+P, through the preview; it prints no names).

Each row shows when it was said, "You said", "We did", the status (a not-possible entry
with its reason), who is responsible and the activity it came from. Filter by status.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QWidget
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import you_said
from involve_desktop.core.services.activities_dto import YouSaidInfo, YouSaidStatus
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.sheets.you_said_we_did import you_said_we_did_pdf
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement.activity_list import RecordListTab
from involve_desktop.ui.involvement.you_said_dialog import YouSaidDialog
from involve_desktop.ui.meetings.meetings_columns import fit_columns
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import Column

NOTHING_YET = "Nothing in the log yet. Add what people told you with New entry (Ctrl+N)."


def status_text(e: YouSaidInfo) -> str:
    """ "Done", "Planned", or "Not possible: reason"."""
    if e.status is YouSaidStatus.NOT_POSSIBLE and e.reason:
        return f"Not possible: {e.reason}"
    return e.status.label


def did_text(e: YouSaidInfo) -> str:
    """What was done; for an entry that was not possible (and nothing done), why not — so
    the Status column stays short and the table fits the window."""
    if e.status is YouSaidStatus.NOT_POSSIBLE and e.reason and not e.we_did:
        return f"Not possible: {e.reason}"
    return e.we_did or ""


COLUMNS: list[Column[YouSaidInfo]] = [
    Column("Said on", lambda e: format_date(e.day), sort_key=lambda e: (e.day, e.id)),
    Column("You said", lambda e: e.you_said, tooltip=lambda e: e.you_said),
    Column("We did", did_text, tooltip=did_text),
    Column("Status", lambda e: e.status.label, tooltip=status_text),
    Column("Responsible", lambda e: e.responsible or ""),
    Column("Activity", lambda e: e.activity_title or ""),
]


class YouSaidTab(RecordListTab[YouSaidInfo]):
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
        words = ("You said, we did", NOTHING_YET, "&New entry…", "&Print poster…")
        super().__init__(context, actor, COLUMNS, words, parent, today)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        self.status.addItem("Every status", None)
        for status in YouSaidStatus:
            self.status.addItem(status.label, status)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        label = QLabel("&Show:")
        label.setBuddy(self.status)
        self.filters.addWidget(label)
        self.filters.addWidget(self.status)
        self.filters.addStretch(1)
        self.lay_out()

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

    def make_dialog(self, entry: YouSaidInfo | None) -> QDialog:
        """The entry dialog."""
        return YouSaidDialog(self.context, self.actor, entry, self, today=self.day())

    def delete_words(self, entry: YouSaidInfo) -> str:
        """The question asked before deleting."""
        return f"Delete “{entry.you_said}” from the log?"

    def delete_row(self, session: Session, entry: YouSaidInfo) -> None:
        """Delete through the log's services."""
        you_said.delete_entry(session, self.actor, entry.id)

    def print_sheet(self) -> None:
        """Ctrl+P in this tab: the past year's poster through the preview."""
        self.preview(
            lambda s: you_said_we_did_pdf(s, self.actor, today=self.day()),
            "You said, we did",
            "you-said-we-did.pdf",
        )
