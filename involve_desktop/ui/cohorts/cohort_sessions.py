"""The Sessions tab of the cohort dialog: the plan (number, day, time, topic, who came),
"Plan sessions…" from a pattern, add / change / cancel / reinstate one, "Take attendance…"
(the meetings attendance entry on the session's meeting) and "Print register…" (the
meeting sign-in sheet). ``changed`` is sent after anything that may change progress."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import cohorts_sessions
from involve_desktop.core.services.cohorts_dto import CohortInfo, SessionInfo
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.cohorts.cohorts_columns import plain_table, session_columns
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.meetings_columns import fit_columns
from involve_desktop.ui.members.list_flow import flow_widget
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import ROW_ROLE, DtoTableModel


class SessionsTab(QWidget):
    """See the module docstring."""

    changed = Signal()

    def __init__(
        self, context: AppContext, actor: Actor, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.today = context, actor, today
        self.can_manage = actor.can(Permission.MANAGE_COHORTS)
        self.cohort: CohortInfo | None = None
        self.planned = 10
        # the plan's sentence above the list, then the hint (or why attendance must wait)
        self.plan_note = self.plan_hint = ""
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("About the sessions")
        self.model: DtoTableModel[SessionInfo] = DtoTableModel(session_columns(today), self)
        self.table = plain_table(self.model, "Sessions", 1, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(lambda _i: self.take_attendance())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        def button(text: str, tip: str, slot) -> QPushButton:  # noqa: ANN001
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            return b

        self.attendance_button = button(
            "&Take attendance…",
            "Type in who came to the chosen session (Enter)",
            self.take_attendance,
        )
        self.register_button = button(
            "Print &register…", "The chosen session's sign-in sheet", self.print_register
        )
        self.plan_button = button(
            "&Plan sessions…", "Make the whole plan from a weekly pattern", self.plan
        )
        self.add_button = button("&Add session…", "Add one session to the plan", self.add_session)
        self.edit_button = button(
            "&Change session…",
            "Day, times, topic or venue of the chosen session",
            self.edit_session,
        )
        self.cancel_button = button(
            "Ca&ncel session…", "Cancel the chosen session with a reason", self.cancel_session
        )
        self.reinstate_button = button(
            "Re&instate", "Undo the chosen session's cancellation", self.reinstate
        )
        for b in (
            self.plan_button,
            self.add_button,
            self.edit_button,
            self.cancel_button,
            self.reinstate_button,
        ):
            b.setVisible(self.can_manage)
        column = QVBoxLayout(self)
        column.addWidget(self.note)
        column.addWidget(self.table, 1)
        column.addWidget(
            flow_widget(
                self.attendance_button,
                self.register_button,
                self.plan_button,
                self.add_button,
                self.edit_button,
                self.cancel_button,
                self.reinstate_button,
            )
        )

    def show_cohort(self, cohort: CohortInfo, planned: int) -> None:
        """Show ``cohort``'s plan (``planned``: the programme's number of sessions)."""
        self.cohort, self.planned = cohort, planned
        self.load()

    def load(self, select_meeting: int | None = None) -> None:
        """Read the plan again, keeping the chosen session (or the next one to come)."""
        if self.cohort is None:
            return
        current = self.current()
        wanted = select_meeting or (current.meeting.id if current else None)
        found: list[SessionInfo] = []
        with service_call(self, title="Sessions"), self.context.session() as session:
            found = cohorts_sessions.list_sessions(session, self.actor, self.cohort.id)
        self.model.set_rows(found)
        fit_columns(self.table)
        self.table.resizeColumnToContents(3)  # topics in full
        if wanted is None:
            due = [s for s in found if s.meeting.day <= self.today and not s.meeting.cancelled]
            wanted = due[-1].meeting.id if due else (found[0].meeting.id if found else None)
        proxy = self.table.model()
        for r in range(proxy.rowCount()):
            if proxy.data(proxy.index(r, 0), ROW_ROLE).meeting.id == wanted:
                self.table.selectRow(r)
        self.plan_hint = ""
        if not found:
            self.plan_note = (
                "No sessions planned yet — make the plan with Plan sessions… (a weekday, "
                "times and how many), or add sessions one by one."
                if self.can_manage
                else "No sessions planned yet."
            )
        else:
            held = sum(1 for s in found if s.meeting.day <= self.today and not s.meeting.cancelled)
            self.plan_note = f"{len(found)} sessions in the plan, {held} held so far."
            self.plan_hint = (
                "Choose a session and Take attendance… to type in who came from the register."
            )
        self.plan_button.setEnabled(not found)
        self.plan_button.setToolTip(
            "Make the whole plan from a weekly pattern"
            if not found
            else "The plan is made: add or change sessions one by one"
        )
        self._update_buttons()

    def current(self) -> SessionInfo | None:
        """The session chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.table.model().data(rows[0], ROW_ROLE) if rows else None

    def choose(self, number: int) -> None:
        """Select session ``number``."""
        proxy = self.table.model()
        for r in range(proxy.rowCount()):
            if proxy.data(proxy.index(r, 0), ROW_ROLE).number == number:
                self.table.selectRow(r)

    def _update_buttons(self) -> None:
        chosen = self.current()
        live = chosen is not None and not chosen.meeting.cancelled
        to_come = live and chosen.meeting.day > self.today
        why = (
            f"Session {chosen.number} is on {format_date(chosen.meeting.day)}: take "
            "attendance on or after that day."
            if to_come
            else ""
        )
        self.attendance_button.setEnabled(live and not to_come)
        self.attendance_button.setToolTip(why or "Type in who came to the chosen session (Enter)")
        # the reason a greyed-out Take attendance… gives, where it is read without hovering
        self.note.setText(" ".join(t for t in (self.plan_note, why or self.plan_hint) if t))
        self.register_button.setEnabled(live)
        self.edit_button.setEnabled(live)
        self.cancel_button.setEnabled(live)
        self.reinstate_button.setEnabled(chosen is not None and chosen.meeting.cancelled)

    # -- actions ----------------------------------------------------------------------------

    def _dialog(self, dialog: QDialog) -> None:
        dialog.exec()
        value = getattr(dialog, "result_value", None)
        dialog.deleteLater()
        if value is not None:
            meeting = getattr(value, "meeting", None)
            self.load(meeting.id if meeting is not None else None)
            self.changed.emit()

    def plan(self) -> None:
        """Make the plan from a pattern."""
        from involve_desktop.ui.cohorts.session_dialogs import PlanDialog

        if self.cohort is not None and self.can_manage:
            self._dialog(
                PlanDialog(
                    self.context, self.actor, self.cohort, self.planned, self, today=self.today
                )
            )

    def add_session(self) -> None:
        """Add one session."""
        from involve_desktop.ui.cohorts.session_dialogs import SessionDialog

        if self.cohort is not None and self.can_manage:
            planned = [s.meeting for s in self.model.all_rows()]
            last = max(planned, key=lambda m: (m.day, m.start_time), default=None)
            self._dialog(
                SessionDialog(
                    self.context, self.actor, self.cohort, None, self, today=self.today, last=last
                )
            )

    def edit_session(self) -> None:
        """Change the chosen session."""
        from involve_desktop.ui.cohorts.session_dialogs import SessionDialog

        chosen = self.current()
        if self.cohort is not None and chosen is not None and self.can_manage:
            self._dialog(
                SessionDialog(self.context, self.actor, self.cohort, chosen, self, today=self.today)
            )

    def cancel_session(self) -> None:
        """Cancel the chosen session with a reason."""
        from involve_desktop.ui.cohorts.session_dialogs import CancelSessionDialog

        chosen = self.current()
        if chosen is not None and self.can_manage:
            self._dialog(CancelSessionDialog(self.context, self.actor, chosen, self))

    def reinstate(self) -> None:
        """Undo the chosen session's cancellation."""
        chosen = self.current()
        if chosen is None or not self.can_manage:
            return
        with service_call(self, title="Sessions") as call, self.context.session() as session:
            cohorts_sessions.reinstate_session(
                session, self.actor, chosen.meeting.id, today=self.today
            )
        if not call.failed:
            self.load(chosen.meeting.id)
            self.changed.emit()

    def take_attendance(self) -> None:
        """The meetings attendance entry for the chosen session; progress follows at once."""
        from involve_desktop.ui.meetings.attendance_entry import AttendanceDialog

        chosen = self.current()
        if chosen is None or not self.attendance_button.isEnabled():
            return
        dialog = AttendanceDialog(self.context, self.actor, chosen.meeting.id, self)
        dialog.setWindowTitle(f"Attendance — {chosen.label}")
        dialog.exec()
        dialog.deleteLater()
        self.load(chosen.meeting.id)
        self.changed.emit()

    def print_register(self) -> None:
        """The chosen session's sign-in sheet (the register), through the print preview."""
        from involve_desktop.ui.cohorts.cohort_print import print_register

        if self.cohort is not None:
            print_register(
                self, self.context, self.actor, self.cohort, self.current(), today=self.today
            )
