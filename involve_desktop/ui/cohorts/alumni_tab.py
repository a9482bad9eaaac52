"""The Alumni actions tab: initiatives graduates led together (title, date, people,
outcome), newest first; coordinators add, change and remove them. A facilitator sees the
actions of people on their own cohorts (``cohorts_alumni.list_actions``), and a line says so."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import cohorts_alumni
from involve_desktop.core.services.cohorts_access import OWN_COHORTS_ONLY
from involve_desktop.core.services.cohorts_dto import AlumniActionInfo, ProgrammeInfo
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.cohorts.cohorts_columns import ALUMNI_COLUMNS, plain_table
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.meetings_columns import fit_columns, keep_within_width
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import ROW_ROLE, DtoTableModel
from involve_desktop.ui.today import LiveToday
from involve_desktop.ui.widgets import buttons_row


class AlumniTab(QWidget):
    """See the module docstring."""

    today = LiveToday()

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.today = today  # None: follows the real date (LiveToday)
        self.can_manage = actor.can(Permission.MANAGE_COHORTS)
        self.programme: ProgrammeInfo | None = None
        self.programmes: list[ProgrammeInfo] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Alumni actions message")
        self.scope = QLabel(OWN_COHORTS_ONLY)  # a facilitator sees their own cohorts' people
        self.scope.setWordWrap(True)
        self.scope.setAccessibleName("Alumni actions limit")
        self.model: DtoTableModel[AlumniActionInfo] = DtoTableModel(ALUMNI_COLUMNS, self)
        self.table = plain_table(self.model, "Alumni actions", 0, Qt.SortOrder.DescendingOrder)
        keep_within_width(self.table, keep_whole=(0,))  # the date is read whole
        self.table.activated.connect(lambda _i: self.edit_action())
        self.add_button = QPushButton("&Add action…")
        self.add_button.setToolTip("Log an initiative graduates led together")
        self.add_button.clicked.connect(self.add_action)
        self.edit_button = QPushButton("Change acti&on…")
        self.edit_button.clicked.connect(self.edit_action)
        self.delete_button = QPushButton("Remo&ve…")
        self.delete_button.setToolTip("Remove an action logged by mistake")
        self.delete_button.clicked.connect(self.delete_action)
        column = QVBoxLayout(self)
        column.addWidget(self.note)
        column.addWidget(self.scope)
        column.addWidget(self.table, 1)
        column.addLayout(buttons_row(self.add_button, self.edit_button, self.delete_button))
        # only now that they sit in this tab: setVisible(True) on a button with no parent yet
        # shows it as a window of its own, which takes focus from the main window
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(self.can_manage)
        self.scope.setVisible(not self.can_manage)

    def load(self, programme: ProgrammeInfo | None, programmes: list[ProgrammeInfo]) -> None:
        """Read the log (one programme's, or all)."""
        self.programme, self.programmes = programme, programmes
        found: list[AlumniActionInfo] = []
        with service_call(self, title="Alumni actions"), self.context.session() as session:
            found = cohorts_alumni.list_actions(
                session, self.actor, programme.id if programme else None
            )
        self.model.set_rows(found)
        fit_columns(self.table)
        if self.model.rowCount():
            self.table.selectRow(0)
        self.note.setText(
            "Initiatives graduates led together, newest first."
            if found
            else "No alumni actions logged yet — log the first with Add action…"
            if self.can_manage
            else "No alumni actions to show."
        )
        self.edit_button.setEnabled(bool(found))
        self.delete_button.setEnabled(bool(found))

    def current(self) -> AlumniActionInfo | None:
        """The action chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.table.model().data(rows[0], ROW_ROLE) if rows else None

    def _open(self, action: AlumniActionInfo | None) -> None:
        from involve_desktop.ui.cohorts.alumni_dialog import AlumniDialog

        dialog = AlumniDialog(
            self.context,
            self.actor,
            action,
            self.programmes,
            self.programme,
            self,
            today=self.today,
        )
        dialog.exec()
        dialog.deleteLater()
        self.load(self.programme, self.programmes)

    def add_action(self) -> None:
        """Log a new alumni action."""
        if self.can_manage:
            self._open(None)

    def edit_action(self) -> None:
        """Change the chosen action."""
        action = self.current()
        if action is not None and self.can_manage:
            self._open(action)

    def delete_action(self) -> None:
        """Remove the chosen action (asks first)."""
        action = self.current()
        if action is None or not self.can_manage:
            return
        if not ask(
            self,
            "Remove alumni action?",
            f"Remove “{action.title}” from the log? Do this only if it was logged by mistake.",
        ):
            return
        with service_call(self, title="Alumni actions"), self.context.session() as session:
            cohorts_alumni.delete_action(session, self.actor, action.id)
        self.load(self.programme, self.programmes)
