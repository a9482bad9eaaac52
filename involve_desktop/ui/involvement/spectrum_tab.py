"""Leadership spectrum self-assessments: the dated list with the stage each reached, the
comparison over time, and the dialog to record one.

The list shows date, status (draft / finished), stage reached, what the next stage still
needs (how many statements), who took part (how many; members with lived experience). Enter
or double-click opens one; Ctrl+N starts a new one; Delete removes a draft (after asking);
Ctrl+P prints the chosen one (or the latest) through the preview. Under it, every finished
self-assessment side by side (tick "Include drafts" to add drafts).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import spectrum
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.spectrum_compare import compare_assessments
from involve_desktop.core.services.spectrum_dto import AssessmentRow, AssessmentStatus
from involve_desktop.core.services.spectrum_statements import RULE_TEXT
from involve_desktop.core.sheets.spectrum_sheet import LEGEND, spectrum_sheet_pdf
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement.spectrum_compare_view import ComparisonTable
from involve_desktop.ui.involvement.spectrum_dialog import SpectrumDialog
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.print_preview import PrintPreviewDialog
from involve_desktop.ui.table_model import (
    Column,
    DtoTableModel,
    show_initial_order,
    sorting_proxy,
)

NOTHING_YET = "No self-assessments yet. Start one with New self-assessment (Ctrl+N)."


def _next_words(row: AssessmentRow) -> str:
    if row.next_stage is None:
        return "Top of the spectrum"
    return f"{row.missing_count} still needed for {row.next_stage.label}"


COLUMNS: list[Column[AssessmentRow]] = [
    Column("Date", lambda r: format_date(r.day), sort_key=lambda r: (r.day, r.id)),
    Column("Status", lambda r: r.status.label),
    Column("Stage reached", lambda r: r.stage.label, sort_key=lambda r: r.stage.rank),
    Column("Next stage", _next_words, sort_key=lambda r: (-r.stage.rank, r.missing_count)),
    Column(
        "Took part",
        lambda r: str(r.participants),
        sort_key=lambda r: r.participants,
        align_right=True,
    ),
    Column(
        "Members with lived experience",
        lambda r: str(r.members_with_lived_experience),
        sort_key=lambda r: r.members_with_lived_experience,
        align_right=True,
    ),
    Column("Led by", lambda r: r.led_by or ""),
]


class SpectrumTab(QWidget):
    """See the module docstring."""

    new_text: str | None = "New self-assessment…"  # Ctrl+N in this tab
    print_text: str | None = "Print self-assessment…"  # Ctrl+P in this tab

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
        self.model: DtoTableModel[AssessmentRow] = DtoTableModel(COLUMNS, self)
        self.proxy = sorting_proxy(self.model, self)
        self.table = tab_leaves(QTableView())
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Self-assessments")
        self.table.verticalHeader().setVisible(False)
        show_initial_order(self.table, 0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _i: self.open_chosen())
        self.table.activated.connect(lambda _i: self.open_chosen())
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_chosen)
        self.empty = QLabel(NOTHING_YET)
        self.rule = QLabel(f"How the stage is worked out: {RULE_TEXT}")
        self.rule.setWordWrap(True)
        self.new_button = QPushButton("&New self-assessment…")
        self.open_button = QPushButton("&Open…")
        self.delete_button = QPushButton("&Delete draft…")
        self.print_button = QPushButton("&Print self-assessment…")
        self.new_button.clicked.connect(self.add_new)
        self.open_button.clicked.connect(self.open_chosen)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.print_button.clicked.connect(self.print_sheet)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.delete_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.comparison = ComparisonTable()
        self.include_drafts = QCheckBox("&Include drafts")
        self.include_drafts.toggled.connect(lambda _on: self.refresh())
        compare_head = QHBoxLayout()
        legend = QLabel(f"<b>Compared over time</b> — {LEGEND}")
        legend.setWordWrap(True)
        compare_head.addWidget(legend, 1)
        compare_head.addWidget(self.include_drafts)
        lower = QWidget()
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addLayout(compare_head)
        lower_column.addWidget(self.comparison, 1)
        upper = QWidget()
        upper_column = QVBoxLayout(upper)
        upper_column.setContentsMargins(0, 0, 0, 0)
        upper_column.addLayout(buttons)
        upper_column.addWidget(self.empty)
        upper_column.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        column = QVBoxLayout(self)
        column.addWidget(self.rule)
        column.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self._loaded = False

    def _today(self) -> date:
        return self.today or date.today()

    def chosen(self) -> AssessmentRow | None:
        """The highlighted self-assessment (None when none is)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def _enable(self) -> None:
        row = self.chosen()
        self.open_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.status is AssessmentStatus.DRAFT)
        self.print_button.setEnabled(self.model.rowCount() > 0)

    def refresh(self) -> None:
        """Reload the list and the comparison (called when the tab is shown)."""
        keep = self.chosen()
        rows: list[AssessmentRow] = []
        with service_call(self, title="Leadership spectrum") as call, self.context.session() as s:
            rows = spectrum.list_assessments(s, self.actor)
            table = compare_assessments(
                s, self.actor, include_drafts=self.include_drafts.isChecked()
            )
        if call.failed:
            return
        self.model.set_rows(rows)
        self.comparison.show_comparison(table)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.table.resizeColumnsToContents()
        self._select(keep.id if keep else (rows[0].id if rows else None))
        self._loaded = True
        self._enable()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Load on first show."""
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def _select(self, assessment_id: int | None) -> None:
        for r in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            if self.model.row_at(source).id == assessment_id:
                self.table.selectRow(r)
                return

    def _open_dialog(self, assessment_id: int | None) -> None:
        info = None
        if assessment_id is not None:
            with (
                service_call(self, title="Leadership spectrum") as call,
                self.context.session() as s,
            ):
                info = spectrum.get_assessment(s, self.actor, assessment_id)
            if call.failed:
                return
        dialog = SpectrumDialog(self.context, self.actor, info, self, today=self._today())
        dialog.exec()
        saved = dialog.result_value or dialog.assessment
        dialog.deleteLater()
        self.refresh()
        if saved is not None:
            self._select(saved.id)

    def add_new(self) -> None:
        """Ctrl+N in this tab: record a new self-assessment."""
        self._open_dialog(None)

    def open_chosen(self) -> None:
        """Open the highlighted self-assessment."""
        row = self.chosen()
        if row is not None:
            self._open_dialog(row.id)

    def delete_chosen(self) -> None:
        """Delete the highlighted draft, after asking."""
        row = self.chosen()
        if row is None:
            return
        if row.status is not AssessmentStatus.DRAFT:
            QMessageBox.information(
                self,
                "Delete draft",
                "Finished self-assessments are kept as the group's record; only drafts can "
                "be deleted.",
            )
            return
        if not ask(
            self,
            "Delete draft",
            f"Delete the draft self-assessment of {format_date(row.day)}?",
        ):
            return
        with service_call(self, title="Delete draft"), self.context.session() as s:
            spectrum.delete_assessment(s, self.actor, row.id)
        self.refresh()

    def print_sheet(self) -> None:
        """Ctrl+P in this tab: the chosen self-assessment (or the latest) on paper."""
        row = self.chosen() or (self.model.all_rows()[0] if self.model.rowCount() else None)
        if row is None:
            QMessageBox.information(self, "Print self-assessment", NOTHING_YET)
            return
        pdf: bytes | None = None
        with service_call(self, title="Print self-assessment") as call, self.context.session() as s:
            pdf = spectrum_sheet_pdf(s, self.actor, row.id, today=self._today())
        if call.failed or pdf is None:
            return
        preview = PrintPreviewDialog(
            pdf,
            f"Self-assessment — {format_date(row.day)}",
            f"spectrum-self-assessment-{row.day.isoformat()}.pdf",
            self,
        )
        preview.exec()
        preview.deleteLater()
