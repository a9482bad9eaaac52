"""Retention review: people who left more than N years ago, anonymised together on request.

All or nothing: if one person cannot be anonymised, nobody is, and the message says why.
Afterwards a report says how many were anonymised and when backups holding them expire.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import gdpr_review
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.gdpr_dto import RetentionCandidate, RetentionReport
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import (
    Column,
    DtoTableModel,
    show_initial_order,
    sorting_proxy,
)

TITLE = "Retention review"
COLUMNS: list[Column[RetentionCandidate]] = [
    Column("Name", lambda c: c.name),
    Column("Left", lambda c: format_date(c.left_on), lambda c: c.left_on.isoformat()),
    Column(
        "Last involved",
        lambda c: format_date(c.last_involved_on) if c.last_involved_on else "Nothing recorded",
        lambda c: c.last_involved_on.isoformat() if c.last_involved_on else "",
    ),
]


def years_text(years: int) -> str:
    """ "1 year", "6 years"."""
    return "1 year" if years == 1 else f"{years} years"


def report_text(report: RetentionReport) -> str:
    """What bulk anonymising did, in words."""
    people = "1 person" if report.count == 1 else f"{report.count} people"
    first = report.erased[0]
    return f"{people} anonymised. {first.backups_sentence}"


class RetentionReviewDialog(QDialog):
    """The list, Select all, and Anonymise selected… (asks first)."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.report: RetentionReport | None = None
        self.setWindowTitle(TITLE)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model: DtoTableModel[RetentionCandidate] = DtoTableModel(COLUMNS, self)
        self.proxy = sorting_proxy(self.model, self)
        self.table = tab_leaves(QTableView())
        self.table.setModel(self.proxy)
        show_initial_order(self.table, 1, Qt.SortOrder.AscendingOrder)  # longest gone first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAccessibleName("People who left long ago")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.select_all_button = QPushButton("Select &all")
        self.select_all_button.clicked.connect(self.table.selectAll)
        self.anonymise_button = QPushButton("&Anonymise selected…")
        self.anonymise_button.clicked.connect(self.anonymise_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.select_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.anonymise_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 24)
        self.load()

    def load(self) -> None:
        """Read the people due for anonymising."""
        rows: list[RetentionCandidate] = []
        years = gdpr_review.DEFAULT_RETENTION_YEARS
        with service_call(self, title=TITLE), self.context.session() as session:
            years = gdpr_review.retention_years(session)
            rows = gdpr_review.retention_candidates(session, self.actor)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        if rows:
            self.intro.setText(
                f"These people left more than {years_text(years)} ago (Settings → Privacy). "
                "Anonymise them unless there is a reason to keep their details longer."
            )
        else:
            self.intro.setText(f"Nobody who left more than {years_text(years)} ago is still named.")
        self.anonymise_button.setEnabled(bool(rows))
        self.select_all_button.setEnabled(bool(rows))

    def selected(self) -> list[RetentionCandidate]:
        """The people chosen in the list."""
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.row_at(r) for r in sorted(rows)]

    def anonymise_selected(self) -> None:
        """Ask, then anonymise the chosen people all together."""
        chosen = self.selected()
        if not chosen:
            QMessageBox.information(self, TITLE, "Choose the people to anonymise first.")
            return
        people = "1 person" if len(chosen) == 1 else f"{len(chosen)} people"
        answer = QMessageBox.question(
            self,
            TITLE,
            f"Anonymise {people}? Their names, contact details and notes are erased for "
            "good; their involvement still counts in the figures. This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        report = None
        with service_call(self, title=TITLE) as call, self.context.session() as session:
            report = gdpr_review.anonymise_people(
                session, self.actor, [c.member_id for c in chosen]
            )
        if call.failed or report is None:
            return
        self.report = report
        QMessageBox.information(self, TITLE, report_text(report))
        self.load()
