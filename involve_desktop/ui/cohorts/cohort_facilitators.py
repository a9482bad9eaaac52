"""The Facilitators tab of the cohort dialog: who facilitates (graduate co-facilitators
said in words: "Graduate co-facilitator (Peer Leadership Programme, Cohort 2)"), add a
member — graduates suggested first, each with why — or an outside person (name and job
title, e.g. trust staff), and remove someone. Changes happen at once."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import cohorts_facilitators
from involve_desktop.core.services.cohorts_dto import (
    CofacilitatorSuggestion,
    CohortInfo,
    FacilitatorInfo,
    FacilitatorInput,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.cohorts.cohorts_columns import FACILITATOR_COLUMNS, plain_table
from involve_desktop.ui.cohorts.form_dialog import FormDialog
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.meetings_columns import fit_columns
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import ROW_ROLE, DtoTableModel
from involve_desktop.ui.widgets import buttons_row

SUGGESTED_NOTE = (
    "Suggested graduate co-facilitators: people who graduated before this cohort starts, "
    "those from this programme and who have co-facilitated least first. Or type any name."
)


class OutsideDialog(FormDialog):
    """An outside facilitator: name and job title."""

    def __init__(
        self, context: AppContext, actor: Actor, cohort: CohortInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context,
            "Add an outside facilitator",
            "&Add them",
            ("outside_name", "job_title"),
            parent,
        )
        self.actor, self.cohort = actor, cohort
        self.setMinimumWidth(460)
        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.job = QLineEdit()
        self.job.setAccessibleName("Job title")
        self.job.setPlaceholderText("e.g. Recovery College Lead, NHS trust")
        self.row("&Name:", "outside_name", self.name, "Someone not in the members list")
        self.row("&Job title:", "job_title", self.job)
        self.finish()
        self.name.setFocus()

    def apply(self) -> FacilitatorInfo:
        data = FacilitatorInput(outside_name=self.name.text(), job_title=self.job.text() or None)
        with self.context.session() as session:
            return cohorts_facilitators.add_facilitator(session, self.actor, self.cohort.id, data)


class FacilitatorsTab(QWidget):
    """See the module docstring."""

    changed = Signal()

    def __init__(
        self, context: AppContext, actor: Actor, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.today = context, actor, today
        self.can_manage = actor.can(Permission.MANAGE_COHORTS)
        self.cohort: CohortInfo | None = None
        self.suggestions: list[CofacilitatorSuggestion] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("About the facilitators")
        self.model: DtoTableModel[FacilitatorInfo] = DtoTableModel(FACILITATOR_COLUMNS, self)
        self.table = plain_table(self.model, "Facilitators")
        self.member_button = QPushButton("Add &member…")
        self.member_button.setToolTip("A member — graduates of earlier cohorts suggested first")
        self.member_button.clicked.connect(self.add_member)
        self.outside_button = QPushButton("Add &outside facilitator…")
        self.outside_button.setToolTip("Someone not in the members list, e.g. trust staff")
        self.outside_button.clicked.connect(self.add_outside)
        self.remove_button = QPushButton("&Remove…")
        self.remove_button.clicked.connect(self.remove)
        for b in (self.member_button, self.outside_button, self.remove_button):
            b.setAutoDefault(False)
            b.setVisible(self.can_manage)
        column = QVBoxLayout(self)
        column.addWidget(self.note)
        column.addWidget(self.table, 1)
        column.addLayout(buttons_row(self.member_button, self.outside_button, self.remove_button))

    def show_cohort(self, cohort: CohortInfo) -> None:
        """Show ``cohort``'s facilitators and the graduates suggested for it."""
        self.cohort = cohort
        self.load()

    def load(self) -> None:
        """Read the facilitators and suggestions again."""
        if self.cohort is None:
            return
        found: tuple[FacilitatorInfo, ...] = ()
        with service_call(self, title="Facilitators"), self.context.session() as session:
            found = cohorts_facilitators.list_facilitators(session, self.actor, self.cohort.id)
            if self.can_manage:
                self.suggestions = cohorts_facilitators.suggest_cofacilitators(
                    session,
                    self.actor,
                    self.cohort.programme_id,
                    cohort_id=self.cohort.id,
                    today=self.today,
                )
        self.model.set_rows(found)
        fit_columns(self.table)
        if self.model.rowCount():
            self.table.selectRow(0)
        self.remove_button.setEnabled(bool(found))
        graduates = sum(1 for f in found if f.graduate_cofacilitator)
        text = (
            f"{len(found)} facilitating, {graduates} of them graduate co-facilitators."
            if found
            else "No facilitators yet."
        )
        if self.can_manage and self.suggestions:
            names = ", ".join(s.name for s in self.suggestions[:3])
            more = " and others" if len(self.suggestions) > 3 else ""
            text += f" Graduates who could co-facilitate: {names}{more} (Add member…)."
        elif self.can_manage and not graduates:
            text += " No graduates of earlier cohorts are free to suggest yet."
        self.note.setText(text)

    def current(self) -> FacilitatorInfo | None:
        """The facilitator chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.table.model().data(rows[0], ROW_ROLE) if rows else None

    def add_member(self) -> None:
        """Choose a member to facilitate (graduates suggested first)."""
        from involve_desktop.ui.cohorts.member_choice import MemberChoiceDialog

        cohort = self.cohort
        if cohort is None or not self.can_manage:
            return

        def act(member_id: int) -> FacilitatorInfo:
            with self.context.session() as session:
                return cohorts_facilitators.add_facilitator(
                    session,
                    self.actor,
                    cohort.id,
                    FacilitatorInput(member_id=member_id),
                    today=self.today,
                )

        taken = {f.member_id for f in self.model.all_rows() if f.member_id is not None}
        dialog = MemberChoiceDialog(
            self.context,
            self.actor,
            f"Add a facilitator — {cohort.title}",
            "&Add as facilitator",
            act,
            self,
            suggested=[(s.member_id, f"{s.name} — {s.reason}") for s in self.suggestions],
            suggested_note=SUGGESTED_NOTE,
            leave_out=taken,
        )
        self._run(dialog)

    def add_outside(self) -> None:
        """Add someone not in the members list."""
        if self.cohort is not None and self.can_manage:
            self._run(OutsideDialog(self.context, self.actor, self.cohort, self))

    def _run(self, dialog: FormDialog) -> None:
        dialog.exec()
        done = dialog.result_value is not None
        dialog.deleteLater()
        if done:
            self.load()
            self.changed.emit()

    def remove(self) -> None:
        """Take the chosen person off the facilitators (asks first)."""
        chosen = self.current()
        if chosen is None or not self.can_manage:
            return
        if not ask(
            self,
            "Remove facilitator?",
            f"Take {chosen.name} off this cohort's facilitators? They come off the sessions "
            "still to come; sessions already held keep who facilitated them.",
        ):
            return
        with service_call(self, title="Facilitators") as call, self.context.session() as session:
            cohorts_facilitators.remove_facilitator(
                session, self.actor, chosen.id, today=self.today
            )
        if not call.failed:
            self.load()
            self.changed.emit()
