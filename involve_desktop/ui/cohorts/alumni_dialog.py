"""Logging or changing an alumni action: title, date, the people who led it, outcome, and
the programme they came from (optional)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from involve_desktop.core.services import cohorts_alumni, cohorts_pathways, member_search
from involve_desktop.core.services.cohorts_dto import (
    AlumniActionInfo,
    AlumniActionInput,
    ProgrammeInfo,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter
from involve_desktop.ui.cohorts.form_dialog import FormDialog, snapshot
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.people_picker import PeoplePicker
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate, to_qdate
from involve_desktop.ui.operations import service_call

FIELDS = ("title", "day", "member_ids", "outcome", "programme_id")


class AlumniDialog(FormDialog):
    """See the module docstring; ``result_value`` is the saved ``AlumniActionInfo``."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        action: AlumniActionInfo | None,
        programmes: list[ProgrammeInfo],
        programme: ProgrammeInfo | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        title = "New alumni action" if action is None else f"Alumni action — {action.title}"
        super().__init__(context, title, "&Save action", FIELDS, parent)
        self.actor, self.action = actor, action
        self.resize(620, 600)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setPlaceholderText("e.g. Peer-led wellbeing café at the library")
        self.day = date_edit(today or date.today(), "Date")
        self.people = PeoplePicker("People who led it", "Type a name, Enter ticks it")
        self.outcome = QPlainTextEdit()
        self.outcome.setAccessibleName("Outcome")
        self.outcome.setTabChangesFocus(True)
        self.outcome.setFixedHeight(self.fontMetrics().height() * 4)
        self.programme = QComboBox()
        self.programme.setAccessibleName("Programme")
        self.programme.addItem("Not linked to a programme", None)
        for p in programmes:
            self.programme.addItem(p.name, p.id)
        members: list[tuple[int, str]] = []
        with service_call(self, title=self.title), context.session() as session:
            found = member_search.list_members(session, actor, MemberFilter())
            graduated: dict[int, str] = {}
            for p in programmes:
                for g in cohorts_pathways.pathways(session, actor, p.id).graduates:
                    graduated.setdefault(g.member_id, f"{p.name}, {g.cohort_name}")
            members = [
                (m.id, f"{m.display_name} — graduate, {graduated[m.id]}")
                if m.id in graduated
                else (m.id, m.display_name)
                for m in found.rows
            ]
        ticked: set[int] = set()
        if action is not None:
            self.title_edit.setText(action.title)
            self.day.setDate(to_qdate(action.day))
            self.outcome.setPlainText(action.outcome or "")
            self.programme.setCurrentIndex(max(self.programme.findData(action.programme_id), 0))
            ticked = {p.member_id for p in action.people}
            known = {m for m, _ in members}
            members += [(p.member_id, p.name) for p in action.people if p.member_id not in known]
        elif programme is not None:
            self.programme.setCurrentIndex(max(self.programme.findData(programme.id), 0))
        self.people.set_choices(members, ticked)
        self.people.setMinimumHeight(self.fontMetrics().height() * 12)
        self.row("&Title:", "title", self.title_edit)
        self.row("&Date:", "day", self.day)
        self.row("&People:", "member_ids", self.people)
        self.row("Out&come:", "outcome", self.outcome)
        self.row("P&rogramme:", "programme_id", self.programme)
        self.finish()
        self._ticked = self.people.checked_ids()
        self.title_edit.setFocus()

    def is_dirty(self) -> bool:
        """Typing, or a different set of people ticked."""
        return snapshot(self) != self._saved or self.people.checked_ids() != self._ticked

    def apply(self) -> AlumniActionInfo:
        data = AlumniActionInput(
            title=self.title_edit.text(),
            day=from_qdate(self.day.date()),
            member_ids=tuple(sorted(self.people.checked_ids())),
            outcome=self.outcome.toPlainText() or None,
            programme_id=self.programme.currentData(),
        )
        with self.context.session() as session:
            if self.action is None:
                return cohorts_alumni.add_action(session, self.actor, data)
            return cohorts_alumni.update_action(session, self.actor, self.action.id, data)
