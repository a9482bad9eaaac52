"""The Meetings area: groups (top), the chosen group's meetings, summary and council (below).

Coordinators (MANAGE_MEETING_GROUPS) add and change groups; accounts that run a group
(RUN_MEETINGS, facilitators only for the groups linked to them) add, change, cancel and
reinstate its meetings, make them from the schedule, take attendance (Enter or double-click
on a meeting; for a meeting still to come, "Record apologies…" records only apologies) and
print sign-in sheets (Ctrl+P). Facilitators see only their own groups.
Ctrl+F finds a group by typing; Ctrl+N adds a meeting (or a group, when there is none).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import meetings_groups, meetings_meetings
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import GroupInfo, MeetingInfo
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.groups_split import GroupsSplit
from involve_desktop.ui.meetings.meetings_columns import (
    GROUP_COLUMNS,
    fit_columns,
    keep_within_width,
    list_table,
    meeting_columns,
)
from involve_desktop.ui.meetings.summary_view import CouncilView, SummaryView
from involve_desktop.ui.members.list_flow import flow_widget
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import ROW_ROLE, DtoTableModel, show_initial_order
from involve_desktop.ui.today import LiveToday
from involve_desktop.ui.widgets import EmptyArea

NO_GROUPS = (
    "No groups yet — add a group that meets (a peer support group, a forum, a workshop) to "
    "plan its meetings, print sign-in sheets and take attendance."
)
ADD_GROUP = "A&dd a group…"
NO_GROUPS_READ_ONLY = "No groups to show — a coordinator links your account to the groups you run."
SHOWS = (("Last 4 weeks and upcoming", "upcoming"), ("Past", "past"), ("All", "all"))
RECENT_DAYS = 28  # recent past meetings stay in view: their sheets are typed in later
TAKE_ATTENDANCE = "&Take attendance…"
ATTENDANCE_TIP = "Type in the ticks from the sign-in sheet (Enter)"
# A meeting after today: apologies usually come before a group meets.
RECORD_APOLOGIES = "Record apo&logies…"
APOLOGIES_TIP = "Who has sent apologies for this meeting to come; ticks go in after it (Enter)"


def _selected(table: QTableView) -> object | None:
    rows = table.selectionModel().selectedRows()
    return table.model().data(rows[0], ROW_ROLE) if rows else None


class MeetingsView(QWidget):
    """Groups and their meetings; see the module docstring."""

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
        self.can_manage = actor.can(Permission.MANAGE_MEETING_GROUPS)
        self.can_run = actor.can(Permission.RUN_MEETINGS)
        self.groups: list[GroupInfo] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a group (Ctrl+F)")
        self.search.setAccessibleName("Find a group")
        self.search.setClearButtonEnabled(True)
        self.new_group_button = QPushButton("N&ew group…")
        self.new_group_button.clicked.connect(self.new_group)
        self.edit_group_button = QPushButton("&Change group…")
        self.edit_group_button.clicked.connect(self.edit_group)
        self.archive_button = QPushButton("Archi&ve group")
        self.archive_button.clicked.connect(self.toggle_archive)
        self.group_model: DtoTableModel[GroupInfo] = DtoTableModel(GROUP_COLUMNS, self)
        self.group_table = list_table(self.group_model, "Groups", sort_column=0)  # A→Z
        keep_within_width(self.group_table, keep_whole=(0,))  # names: "… East", "… North"
        self.group_table.selectionModel().selectionChanged.connect(
            lambda _now, _before: self._group_chosen()
        )
        self.group_table.activated.connect(lambda _i: self.edit_group())
        self.search.textChanged.connect(self.group_table.model().setFilterFixedString)
        self.empty = EmptyArea("Meetings message", ADD_GROUP)
        self.empty.show_message(NO_GROUPS if self.can_manage else NO_GROUPS_READ_ONLY)
        self.empty.button.setToolTip("A group that meets, its schedule and its members")
        self.empty.button.clicked.connect(self.new_group)
        top_row = QHBoxLayout()
        top_row.addWidget(self.search, 1)
        top_row.addWidget(
            flow_widget(self.new_group_button, self.edit_group_button, self.archive_button)
        )
        top = QWidget()
        top_column = QVBoxLayout(top)
        top_column.setContentsMargins(0, 0, 0, 0)
        top_column.addLayout(top_row)
        top_column.addWidget(self.empty)
        top_column.addWidget(self.group_table, 1)
        top_column.addStretch(0)  # the room below the words while there is no group

        self.tabs = QTabWidget()
        self.tabs.addTab(self._meetings_page(), "&Meetings")
        self.summary = SummaryView(context, actor, today=today)
        self.council = CouncilView(context, actor, today=today)
        self.tabs.addTab(self.summary, "S&ummary")
        self.council_index = self.tabs.addTab(self.council, "Council ma&jority")
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())
        self.heading = QLabel()
        self.heading.setAccessibleName("Group chosen")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        bottom = self.group_detail = QWidget()
        bottom_column = QVBoxLayout(bottom)
        bottom_column.setContentsMargins(0, 0, 0, 0)
        bottom_column.addWidget(self.heading)
        bottom_column.addWidget(self.tabs, 1)

        self.split = GroupsSplit(top, bottom, self.group_table, self.search)
        self.splitter = self.split.splitter
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.splitter)
        # only now that every button sits in this view: setVisible(True) on a button with
        # no parent yet shows it as a window of its own and takes focus from the main one
        for button in (self.new_group_button, self.edit_group_button, self.archive_button):
            button.setVisible(self.can_manage)
        for button in self.run_buttons:
            button.setVisible(self.can_run)
        self.load_groups()

    def _meetings_page(self) -> QWidget:
        self.show_combo = QComboBox()
        self.show_combo.setAccessibleName("Which meetings")
        for text, key in SHOWS:
            self.show_combo.addItem(text, key)
        self.show_combo.currentIndexChanged.connect(lambda _i: self.load_meetings())
        show_label = QLabel("&Show:")
        show_label.setBuddy(self.show_combo)
        self.meeting_model: DtoTableModel[MeetingInfo] = DtoTableModel(
            meeting_columns(lambda: self.today), self
        )
        self.meeting_table = keep_within_width(
            list_table(self.meeting_model, "Meetings"), keep_whole=(0, 1)
        )
        self._dates_ordered_for: str | None = None  # the "Show" choice the date order suits
        self.meeting_table.activated.connect(lambda _i: self.take_attendance())
        self.meeting_table.selectionModel().selectionChanged.connect(
            lambda _now, _before: self._update_buttons()
        )
        self.no_meetings = QLabel()
        self.no_meetings.setWordWrap(True)
        self.no_meetings.setAccessibleName("Meetings list message")
        self.attendance_button = QPushButton(TAKE_ATTENDANCE)
        self.attendance_button.setToolTip(ATTENDANCE_TIP)
        self.attendance_button.clicked.connect(self.take_attendance)
        self.add_button = QPushButton("&Add meeting…")
        self.add_button.setToolTip("A one-off meeting (Ctrl+N)")
        self.add_button.clicked.connect(self.add_meeting)
        self.edit_button = QPushButton("Change meet&ing…")
        self.edit_button.clicked.connect(self.edit_meeting)
        self.cancel_button = QPushButton("Ca&ncel meeting…")
        self.cancel_button.clicked.connect(self.cancel_or_reinstate)
        self.generate_button = QPushButton("Gene&rate meetings…")
        self.generate_button.setToolTip("Make meetings from the group's schedule")
        self.generate_button.clicked.connect(self.generate)
        self.print_button = QPushButton("&Print sign-in sheets…")
        self.print_button.setToolTip("This meeting, or the next few (Ctrl+P)")
        self.print_button.clicked.connect(self.print_sign_in)
        self.run_buttons = [
            self.attendance_button,
            self.add_button,
            self.edit_button,
            self.cancel_button,
            self.generate_button,
            self.print_button,
        ]
        show_row = QHBoxLayout()
        show_row.addWidget(show_label)
        show_row.addWidget(self.show_combo)
        show_row.addWidget(self.no_meetings, 1)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addLayout(show_row)
        column.addWidget(self.meeting_table, 1)
        column.addWidget(flow_widget(*self.run_buttons))
        return page

    # -- reading ----------------------------------------------------------------------------

    def load_groups(self, select_id: int | None = None) -> None:
        """Read the groups again, keeping (or choosing) the selection."""
        current = self.current_group()
        wanted = select_id if select_id is not None else (current.id if current else None)
        found: list[GroupInfo] = []
        with service_call(self, title="Meetings"), self.context.session() as session:
            found = meetings_groups.list_groups(session, self.actor, include_archived=True)
        self.groups = found
        self.group_model.set_rows(found)
        self.empty.button.setVisible(self.can_manage)
        self.empty.setVisible(not found)
        self.group_table.setVisible(bool(found))
        self.group_detail.setVisible(bool(found))  # no group: nothing to show below
        top = self.group_table.parentWidget().layout()
        top.setStretch(top.count() - 1, 0 if found else 1)
        fit_columns(self.group_table)
        self.split.share()
        proxy = self.group_table.model()
        row = 0
        for r in range(proxy.rowCount()):
            if proxy.data(proxy.index(r, 0), ROW_ROLE).id == wanted:
                row = r
        if proxy.rowCount():
            self.group_table.selectRow(row)
        self._group_chosen()

    def current_group(self) -> GroupInfo | None:
        """The group chosen in the list."""
        return _selected(self.group_table)  # type: ignore[return-value]

    def current_meeting(self) -> MeetingInfo | None:
        """The meeting chosen in the list."""
        return _selected(self.meeting_table)  # type: ignore[return-value]

    def _group_chosen(self) -> None:
        group = self.current_group()
        self.heading.setText(
            f"{group.name} — {group.description}" + (" (archived)" if group.archived else "")
            if group
            else ""
        )
        self.archive_button.setText(
            "Rest&ore group" if group and group.archived else "Archi&ve group"
        )
        self.tabs.setTabVisible(self.council_index, bool(group and group.is_council))
        self.load_meetings()
        self._refresh_tab()

    def _refresh_tab(self) -> None:
        group = self.current_group()
        if self.tabs.currentWidget() is self.summary:
            self.summary.show_group(group.id if group else None)
        elif self.tabs.currentWidget() is self.council:
            self.council.show_group(group.id if group and group.is_council else None)

    def load_meetings(self, select_id: int | None = None) -> None:
        """Read the chosen group's meetings (upcoming, past or all)."""
        group = self.current_group()
        current = self.current_meeting()
        wanted = select_id if select_id is not None else (current.id if current else None)
        found: list[MeetingInfo] = []
        show = self.show_combo.currentData()
        if group is not None:
            start = self.today - timedelta(days=RECENT_DAYS) if show == "upcoming" else None
            end = self.today - timedelta(days=1) if show == "past" else None
            with service_call(self, title="Meetings"), self.context.session() as session:
                found = meetings_meetings.list_meetings(session, self.actor, group.id, start, end)
        self.meeting_model.set_rows(found)
        if show != self._dates_ordered_for:  # past: newest first; else soonest first
            past = show == "past"
            order = Qt.SortOrder.DescendingOrder if past else Qt.SortOrder.AscendingOrder
            show_initial_order(self.meeting_table, 0, order)
            self._dates_ordered_for = show
        fit_columns(self.meeting_table)
        proxy = self.meeting_table.model()
        shown = [proxy.data(proxy.index(r, 0), ROW_ROLE) for r in range(proxy.rowCount())]
        self.meeting_table.selectRow(self._row_to_select(shown, wanted))
        self.no_meetings.setText(self._no_meetings_text(group, show) if not found else "")
        self._update_buttons()

    def _row_to_select(self, shown: list[MeetingInfo], wanted: int | None) -> int:
        """The meeting asked for; else the oldest held meeting still waiting for its
        attendance, else the next one to come, else the first."""
        for rules in (
            lambda m: m.id == wanted,
            lambda m: not m.cancelled and m.day <= self.today and not m.attendance_recorded,
            lambda m: not m.cancelled and m.day >= self.today,
        ):
            rows = [r for r, m in enumerate(shown) if rules(m)]
            if rows:
                return min(rows, key=lambda r: shown[r].day)
        return 0

    def _no_meetings_text(self, group: GroupInfo | None, show: str) -> str:
        if group is None:
            return ""
        if show == "past":
            return "No past meetings."
        if self.can_run:
            return "No meetings to come — Generate meetings… makes them from the schedule."
        return "No meetings to come."

    def _update_buttons(self) -> None:
        group, meeting = self.current_group(), self.current_meeting()
        usable = group is not None and not group.archived
        self.edit_group_button.setEnabled(group is not None)
        self.archive_button.setEnabled(group is not None)
        self.add_button.setEnabled(usable)
        self.generate_button.setEnabled(usable and group.schedule.kind.value != "none")
        self.print_button.setEnabled(group is not None)
        self.attendance_button.setEnabled(meeting is not None and not meeting.cancelled)
        ahead = meeting is not None and meeting.day > self.today
        self.attendance_button.setText(RECORD_APOLOGIES if ahead else TAKE_ATTENDANCE)
        self.attendance_button.setToolTip(APOLOGIES_TIP if ahead else ATTENDANCE_TIP)
        self.edit_button.setEnabled(meeting is not None and not meeting.cancelled)
        self.cancel_button.setEnabled(meeting is not None)
        self.cancel_button.setText(
            "Rei&nstate meeting" if meeting and meeting.cancelled else "Ca&ncel meeting…"
        )

    # -- groups -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: type to find a group."""
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        """Ctrl+N: a meeting for the chosen group, or a group when there is none to add to."""
        group = self.current_group()
        if group is not None and not group.archived and self.can_run:
            self.add_meeting()
        elif self.can_manage:
            self.new_group()

    def _group_dialog(self, group_id: int | None) -> None:
        from involve_desktop.ui.meetings.group_dialog import GroupDialog

        dialog = GroupDialog(self.context, self.actor, group_id, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        saved = dialog.saved_id
        dialog.deleteLater()
        if accepted or saved != group_id:
            self.load_groups(saved)

    def new_group(self) -> None:
        """Add a group (coordinators)."""
        if self.can_manage:
            self._group_dialog(None)

    def edit_group(self) -> None:
        """Change the chosen group (coordinators)."""
        group = self.current_group()
        if group is not None and self.can_manage:
            self._group_dialog(group.id)

    def toggle_archive(self) -> None:
        """Archive the chosen group (asking first) or bring it back."""
        group = self.current_group()
        if group is None:
            return
        if not group.archived and not ask(
            self,
            "Archive group",
            f"Archive {group.name}? No new meetings will be made for it. Its meetings and "
            "attendance stay in the records, and you can restore it later.",
        ):
            return
        with service_call(self, title="Meetings") as call, self.context.session() as session:
            meetings_groups.archive_group(session, self.actor, group.id, not group.archived)
        if not call.failed:
            self.load_groups(group.id)

    # -- meetings ---------------------------------------------------------------------------

    def _after(self, dialog: QDialog, select_id: int | None = None) -> bool:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        self.load_groups()
        if select_id is not None:
            self.load_meetings(select_id)
        return accepted

    def add_meeting(self) -> None:
        """A one-off meeting for the chosen group."""
        from involve_desktop.ui.meetings.meeting_dialogs import MeetingDialog

        group = self.current_group()
        if group is None or not self.can_run:
            return
        dialog = MeetingDialog(self.context, self.actor, group, parent=self, day=self.today)
        dialog.accepted.connect(lambda: self.show_combo.setCurrentIndex(2))
        self._after(dialog)
        if dialog.saved is not None:
            self.load_meetings(dialog.saved.id)

    def edit_meeting(self) -> None:
        """Change the chosen meeting."""
        from involve_desktop.ui.meetings.meeting_dialogs import MeetingDialog

        group, meeting = self.current_group(), self.current_meeting()
        if group is None or meeting is None or meeting.cancelled:
            return
        self._after(MeetingDialog(self.context, self.actor, group, meeting, self), meeting.id)

    def cancel_or_reinstate(self) -> None:
        """Cancel the chosen meeting with a reason, or reinstate a cancelled one."""
        from involve_desktop.ui.meetings.meeting_dialogs import CancelDialog

        meeting = self.current_meeting()
        if meeting is None:
            return
        if not meeting.cancelled:
            self._after(CancelDialog(self.context, self.actor, meeting, self), meeting.id)
            return
        with service_call(self, title="Meetings") as call, self.context.session() as session:
            meetings_meetings.reinstate_meeting(session, self.actor, meeting.id)
        if not call.failed:
            self.load_meetings(meeting.id)

    def generate(self) -> None:
        """Make the chosen group's meetings from its schedule (next two months offered)."""
        from involve_desktop.ui.meetings.generate_dialog import GenerateMeetingsDialog

        group = self.current_group()
        if group is None:
            return
        end = self.today + timedelta(days=55)
        self._after(GenerateMeetingsDialog(self.context, self.actor, group, self.today, end, self))

    def take_attendance(self, _index: QModelIndex | None = None) -> None:
        """Type in the ticks from the chosen meeting's sign-in sheet; for a meeting still
        to come, record the apologies sent ahead (the screen offers nothing else)."""
        from involve_desktop.ui.meetings.attendance_entry import AttendanceDialog

        meeting = self.current_meeting()
        if meeting is None or meeting.cancelled or not self.can_run:
            return
        dialog = AttendanceDialog(self.context, self.actor, meeting.id, self, today=self.today)
        dialog.exec()
        dialog.deleteLater()
        self.load_groups()
        self.load_meetings(meeting.id)

    def print_sign_in(self) -> None:
        """Ctrl+P: sign-in sheets for the chosen meeting or the group's next meetings."""
        from involve_desktop.ui.meetings.sign_in_print import SignInPrintDialog

        group = self.current_group()
        if group is None:
            QMessageBox.information(
                self, "Print sign-in sheets", "Choose a group first, then print its sheets."
            )
            return
        dialog = SignInPrintDialog(
            self.context, self.actor, group, self.current_meeting(), self, today=self.today
        )
        dialog.exec()
        dialog.deleteLater()

    def open_target(self, target: object) -> None:
        """From Home: a meeting id chooses its group and that meeting (all meetings shown
        when it is not among the recent and upcoming ones)."""
        if not isinstance(target, int):
            return
        meeting: MeetingInfo | None = None
        with service_call(self, title="Meetings"), self.context.session() as session:
            meeting = meetings_meetings.get_meeting(session, self.actor, target)
        if meeting is None:
            return
        self.tabs.setCurrentIndex(0)
        self.load_groups(select_id=meeting.group_id)
        self.load_meetings(select_id=target)
        chosen = self.current_meeting()
        if chosen is None or chosen.id != target:
            self.show_combo.setCurrentIndex(self.show_combo.findData("all"))
            self.load_meetings(select_id=target)
        self.meeting_table.setFocus()
