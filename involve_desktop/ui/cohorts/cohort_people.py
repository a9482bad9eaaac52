"""The People tab of the cohort dialog: everyone with a place or asking for one, their
state and dates, and each person's **progress** worked out live from attendance ("Needs 2
more of the remaining 3 sessions", "✓ Completed the attendance needed", "Cannot now
complete: missed required session 4"). Apply / Offer / Enrol / Withdraw… act at once (the
waiting list is taken in order; after a withdrawal the next person waiting is named and
can be offered the place); Graduate… records graduation for those ticked; Print
certificates… prints the graduates' certificates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import cohorts_enrolment, cohorts_progress
from involve_desktop.core.services.cohorts_dto import (
    CohortInfo,
    CohortProgress,
    CohortStatus,
    EnrolmentInfo,
    EnrolmentState,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.ui.cohorts.cohorts_columns import PLACE_COLUMNS, PlaceRow, plain_table
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.meetings_columns import fit_columns
from involve_desktop.ui.members.list_flow import flow_widget
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import ROW_ROLE, DtoTableModel

LIVE = {EnrolmentState.APPLIED, EnrolmentState.OFFERED, EnrolmentState.WAITING}


class PeopleTab(QWidget):
    """See the module docstring."""

    changed = Signal()

    def __init__(
        self, context: AppContext, actor: Actor, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.today = context, actor, today
        self.can_manage = actor.can(Permission.MANAGE_COHORTS)
        self.cohort: CohortInfo | None = None
        self.progress: CohortProgress | None = None
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Completion rule and places")
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.waiting.setAccessibleName("Waiting list")
        self.model: DtoTableModel[PlaceRow] = DtoTableModel(PLACE_COLUMNS, self)
        self.table = plain_table(self.model, "People on the cohort")
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("What happened")

        def button(text: str, tip: str, slot) -> QPushButton:  # noqa: ANN001
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            b.setVisible(self.can_manage)
            return b

        self.apply_button = button(
            "&Apply for someone…", "Record that a member applied", self.apply
        )
        self.offer_button = button("&Offer a place", "Offer the chosen person a place", self.offer)
        self.enrol_button = button(
            "&Enrol", "The chosen person takes their place (waiting list when full)", self.enrol
        )
        self.withdraw_button = button(
            "&Withdraw…", "The chosen person leaves; their history stays", self.withdraw
        )
        self.graduate_button = button(
            "&Graduate…", "Record graduation for those who met the rule", self.graduate
        )
        self.undo_button = button(
            "Un&do graduation…", "Take back a graduation recorded by mistake", self.undo
        )
        self.certificates_button = QPushButton("Print &certificates…")
        self.certificates_button.setToolTip("Certificates of completion for the graduates")
        self.certificates_button.setAutoDefault(False)
        self.certificates_button.clicked.connect(self.print_certificates)
        column = QVBoxLayout(self)
        column.addWidget(self.note)
        column.addWidget(self.waiting)
        column.addWidget(self.table, 1)
        column.addWidget(self.status)
        column.addWidget(
            flow_widget(
                self.apply_button,
                self.offer_button,
                self.enrol_button,
                self.withdraw_button,
                self.graduate_button,
                self.certificates_button,
                self.undo_button,
            )
        )

    def show_cohort(self, cohort: CohortInfo) -> None:
        """Show ``cohort``'s people."""
        self.cohort = cohort
        self.load()

    def load(self, select_member: int | None = None) -> None:
        """Read places and progress again (after attendance, a change of rule, …)."""
        if self.cohort is None:
            return
        current = self.current()
        wanted = select_member or (current.member_id if current else None)
        places: list[EnrolmentInfo] = []
        progress: CohortProgress | None = None
        with service_call(self, title="People") as call, self.context.session() as session:
            places = cohorts_enrolment.list_enrolments(session, self.actor, self.cohort.id)
            progress = cohorts_progress.progress(
                session, self.actor, self.cohort.id, today=self.today
            )
        if call.failed or progress is None:
            return
        self.progress = progress
        self.cohort = progress.cohort
        by_member = {p.member_id: p for p in progress.people}
        self.model.set_rows([PlaceRow(e, by_member.get(e.member_id)) for e in places])
        fit_columns(self.table)
        self.table.resizeColumnToContents(3)  # the progress sentence is read in full
        proxy = self.table.model()
        for r in range(proxy.rowCount()):
            if proxy.data(proxy.index(r, 0), ROW_ROLE).enrolment.member_id == wanted:
                self.table.selectRow(r)
                break
        else:
            if proxy.rowCount():
                self.table.selectRow(0)
        c = progress.cohort
        taken = c.enrolled + c.completed
        taken_text = (
            f"{taken} of {c.capacity} places taken"
            if c.capacity is not None
            else f"{plural(taken, 'place')} taken (no limit)"
        )
        self.note.setText(
            f"To complete: {progress.rule.lower()} — {progress.needed} of "
            f"{progress.total_sessions} sessions ({progress.held} held so far). "
            f"{taken_text}, {c.completed} graduated, {c.withdrawn} withdrawn."
        )
        queue = sorted(
            (e for e in places if e.waiting_position is not None),
            key=lambda e: e.waiting_position or 0,
        )
        self.waiting.setText(
            "Waiting list, in order: " + ", ".join(f"{e.waiting_position}. {e.name}" for e in queue)
            if queue
            else "No one is on the waiting list."
        )
        if not places:
            self.status.setText(
                "No one has applied yet — Apply for someone… records a member's application."
                if self.can_manage
                else "No one has applied yet."
            )
        self._update_buttons()

    def current(self) -> EnrolmentInfo | None:
        """The place chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.table.model().data(rows[0], ROW_ROLE).enrolment if rows else None

    def choose(self, member_id: int) -> None:
        """Select ``member_id``'s row."""
        proxy = self.table.model()
        for r in range(proxy.rowCount()):
            if proxy.data(proxy.index(r, 0), ROW_ROLE).enrolment.member_id == member_id:
                self.table.selectRow(r)

    def _update_buttons(self) -> None:
        chosen = self.current()
        state = chosen.state if chosen else None
        self.offer_button.setEnabled(state in (EnrolmentState.APPLIED, EnrolmentState.WAITING))
        self.enrol_button.setEnabled(state in (EnrolmentState.OFFERED, EnrolmentState.WAITING))
        self.withdraw_button.setEnabled(state in LIVE | {EnrolmentState.ENROLLED})
        self.undo_button.setEnabled(state is EnrolmentState.COMPLETED)
        finished = self.cohort is not None and self.cohort.status is CohortStatus.FINISHED
        self.apply_button.setEnabled(not finished)
        self.apply_button.setToolTip(
            "A finished cohort takes no applications"
            if finished
            else "Record that a member applied"
        )
        rows = self.model.all_rows()
        self.graduate_button.setEnabled(
            any(r.enrolment.state is EnrolmentState.ENROLLED for r in rows)
        )
        self.certificates_button.setEnabled(
            any(r.enrolment.state is EnrolmentState.COMPLETED for r in rows)
        )

    # -- actions ----------------------------------------------------------------------------

    def _after(self, message: str, member_id: int | None) -> None:
        self.status.setText(message)
        self.load(member_id)
        self.changed.emit()

    def apply(self) -> None:
        """Record that a member applied (chosen by name)."""
        from involve_desktop.ui.cohorts.member_choice import MemberChoiceDialog

        cohort = self.cohort
        if cohort is None or not self.can_manage:
            return

        def act(member_id: int) -> EnrolmentInfo:
            with self.context.session() as session:
                return cohorts_enrolment.apply(
                    session, self.actor, cohort.id, member_id, on=self.today
                )

        taken = {
            r.enrolment.member_id
            for r in self.model.all_rows()
            if r.enrolment.state is not EnrolmentState.WITHDRAWN
        }
        dialog = MemberChoiceDialog(
            self.context,
            self.actor,
            f"Apply for a place — {cohort.title}",
            "&Record application",
            act,
            self,
            leave_out=taken,
        )
        dialog.exec()
        done = dialog.result_value
        dialog.deleteLater()
        if done is not None:
            self._after(f"{done.name} applied. Next: Offer a place.", done.member_id)

    def offer(self) -> None:
        """Offer the chosen person a place."""
        chosen = self.current()
        if chosen is None:
            return
        info = None
        with service_call(self, title="Offer a place") as call, self.context.session() as s:
            info = cohorts_enrolment.offer(s, self.actor, chosen.id, on=self.today)
        if not call.failed and info is not None:
            self._after(
                f"{info.name} was offered a place. When they accept, Enrol them.", info.member_id
            )

    def enrol(self) -> None:
        """The chosen person takes their place (or joins the waiting list when it is full)."""
        chosen = self.current()
        if chosen is None:
            return
        result = None
        with service_call(self, title="Enrol") as call, self.context.session() as s:
            result = cohorts_enrolment.enrol(s, self.actor, chosen.id, on=self.today)
        if not call.failed and result is not None:
            self._after(result.message, result.enrolment.member_id)

    def withdraw(self) -> None:
        """Withdraw the chosen person; offer the freed place to the next person waiting."""
        from involve_desktop.ui.cohorts.people_dialogs import WithdrawDialog

        chosen = self.current()
        if chosen is None:
            return
        dialog = WithdrawDialog(self.context, self.actor, chosen, self, today=self.today)
        dialog.exec()
        result = dialog.result_value
        dialog.deleteLater()
        if result is None:
            return
        self._after(result.message, chosen.member_id)
        following = result.next_waiting
        if following is None:
            return
        if not ask(
            self,
            "Offer the free place?",
            f"A place is free. {following.name} is next on the waiting list. "
            f"Offer {following.name} the place now?",
            yes_by_default=True,
        ):
            return
        self.choose(following.member_id)
        if self.current() is not None and self.current().member_id == following.member_id:
            self.offer()

    def graduate(self) -> None:
        """Graduate those ticked; refusals are listed with the reason per person."""
        from involve_desktop.ui.cohorts.people_dialogs import GraduateDialog, graduate_report

        if self.cohort is None or self.progress is None:
            return
        enrolled = [p for p in self.progress.people if p.state is EnrolmentState.ENROLLED]
        dialog = GraduateDialog(
            self.context, self.actor, self.cohort, enrolled, self, today=self.today
        )
        dialog.exec()
        result = dialog.result_value
        dialog.deleteLater()
        if result is None:
            return
        report = graduate_report(result)
        self._after(report, None)
        if result.refused:
            QMessageBox.information(self, "Graduation", report)

    def undo(self) -> None:
        """Take back the chosen person's graduation (asks first)."""
        chosen = self.current()
        if chosen is None or self.cohort is None:
            return
        if not ask(
            self,
            "Undo graduation?",
            f"Take back {chosen.name}'s graduation? They are enrolled again. Do this only if "
            "it was recorded by mistake.",
        ):
            return
        with service_call(self, title="Undo graduation") as call, self.context.session() as s:
            cohorts_progress.undo_graduation(s, self.actor, self.cohort.id, chosen.member_id)
        if not call.failed:
            self._after(f"{chosen.name}'s graduation was taken back.", chosen.member_id)

    def print_certificates(self) -> None:
        """The graduates' certificates through the print preview."""
        from involve_desktop.ui.cohorts.cohort_print import print_certificates

        if self.cohort is not None:
            print_certificates(
                self, self.context, self.actor, self.cohort.id, None, self.cohort.title
            )
