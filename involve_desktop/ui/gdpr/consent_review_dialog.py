"""Consent review: current members with no consent recorded or past its review date.

Enter, a double-click or Open member… opens that person's page (``member_chosen``), where
Record consent… is.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import gdpr_review
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.gdpr_dto import ConsentReviewRow
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import (
    Column,
    DtoTableModel,
    show_initial_order,
    sorting_proxy,
)

TITLE = "Consent review"


def _day(day: date | None) -> str:
    return format_date(day) if day else "—"


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


COLUMNS: list[Column[ConsentReviewRow]] = [
    Column("Name", lambda r: r.name),
    Column("Status", lambda r: r.status_label),
    Column("Consent", lambda r: r.problem.label),
    Column("Given", lambda r: _day(r.given_on), lambda r: _iso(r.given_on)),
    Column("Review by", lambda r: _day(r.review_on), lambda r: _iso(r.review_on)),
]


class ConsentReviewDialog(QDialog):
    """The list of members whose consent to ask for, each one a step from their page."""

    member_chosen = Signal(int)

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.setWindowTitle(TITLE)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model: DtoTableModel[ConsentReviewRow] = DtoTableModel(COLUMNS, self)
        self.proxy = sorting_proxy(self.model, self)
        self.table = tab_leaves(QTableView())
        self.table.setModel(self.proxy)
        show_initial_order(self.table, 0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName("Members whose consent to ask for")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self.open_member())
        self.open_button = QPushButton("&Open member…")
        self.open_button.clicked.connect(self.open_member)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 24)
        self.load()

    def load(self) -> None:
        """Read who needs asking."""
        rows: list[ConsentReviewRow] = []
        with service_call(self, title=TITLE), self.context.session() as session:
            rows = gdpr_review.consent_review(session, self.actor)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.open_button.setEnabled(bool(rows))
        if rows:
            people = "1 member" if len(rows) == 1 else f"{len(rows)} members"
            self.intro.setText(
                f"{people} with no consent recorded or past the review date. Open each one "
                "and use Record consent… once you have asked them."
            )
            self.table.selectRow(0)
        else:
            self.intro.setText("Everyone's consent is recorded and in date.")

    def open_member(self) -> None:
        """Open the chosen person's page and close the review."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = self.model.row_at(self.proxy.mapToSource(rows[0]).row())
        self.member_chosen.emit(row.member_id)
        self.accept()
