"""Adding or changing a group: details and schedule, people, and the days it does not meet.

``GroupDialog(context, actor, group_id=None, parent=None)``: tabs "Details" (name, kind,
venue, open or closed membership, the regular schedule), "People" (members, usual
facilitators, and — for coordinators — the accounts that run the group) and "Closed days".
Save (Ctrl+S) writes the details, then the people lists; a problem is shown beside its field
(switching to its tab) and everything typed stays. ``saved_id`` is the group after a save.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import accounts, meetings_groups, member_search
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import (
    ClosedDayInfo,
    GroupDetail,
    GroupInput,
    GroupKind,
)
from involve_desktop.ui.conflict import EditVersion
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.meetings.group_schedule import FIELDS, ScheduleFields
from involve_desktop.ui.meetings.people_picker import PeoplePicker
from involve_desktop.ui.members.dialog_widgets import save_cancel
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.setup_widgets import date_edit, from_qdate, intro, with_error
from involve_desktop.ui.widgets import buttons_row

SCHEDULE_NOTE = (
    "Changing the schedule never changes meetings already made; Generate meetings… makes "
    "the new ones."
)


class GroupDialog(EditDialog):
    """Add (``group_id`` None) or change a group; see the module docstring."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        group_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.today = today or date.today()
        self.saved_id: int | None = group_id
        self.detail: GroupDetail | None = None
        self.version = EditVersion(self, None, self._load_theirs)  # set when a group loads
        self.closed: list[ClosedDayInfo] = []
        self.setWindowTitle("Change group" if group_id else "Add a group")
        self.resize(820, 640)
        names = ["name", "kind", "venue", "open_membership", *FIELDS]
        names += ["members", "facilitators", "accounts", "group"]
        self.labels: dict[str, QLabel] = {n: error_label() for n in names}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)

        self.name = QLineEdit()
        self.name.setAccessibleName("Group name")
        self.name.setPlaceholderText("e.g. Tuesday Peer Support")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of group")
        for kind in GroupKind:
            self.kind.addItem(kind.label, kind)
        self.venue = QLineEdit()
        self.venue.setAccessibleName("Venue")
        self.venue.setPlaceholderText("e.g. Oak Street Community Centre, Room 2")
        self.open_radio = QRadioButton("&Open — anyone can come")
        self.closed_radio = QRadioButton("&Closed — members only")
        self.open_radio.setChecked(True)
        membership = QButtonGroup(self)
        membership.addButton(self.open_radio)
        membership.addButton(self.closed_radio)
        self.open_radio.toggled.connect(lambda _on: self._membership_words())
        self.schedule = ScheduleFields(self.labels)
        self.focus: dict[str, QWidget] = {
            "name": self.name,
            "kind": self.kind,
            "venue": self.venue,
            **self.schedule.focus,
        }

        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_page(), "&Details")
        self.tabs.addTab(self._people_page(), "&People")
        self.tabs.addTab(self._closed_page(), "Closed d&ays")
        self.buttons = save_cancel("Save group")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_keys(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.labels["group"])
        layout.addWidget(self.fallback)
        layout.addWidget(self.buttons)
        self._load_choices()
        if group_id is not None:
            self._load(group_id)
        self._membership_words()
        self._saved_state = self._state()
        self.name.setFocus()

    # -- building ---------------------------------------------------------------------------

    def _details_page(self) -> QWidget:
        form = QFormLayout()
        form.addRow("&Name:", with_error(self.name, self.labels["name"]))
        form.addRow("&Kind:", with_error(self.kind, self.labels["kind"]))
        form.addRow("&Venue:", with_error(self.venue, self.labels["venue"]))
        membership = QWidget()
        row = QHBoxLayout(membership)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.open_radio)
        row.addWidget(self.closed_radio)
        row.addStretch(1)
        form.addRow("Membership:", membership)
        self.schedule.add_rows(form)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addLayout(form)
        column.addWidget(intro(SCHEDULE_NOTE))
        column.addStretch(1)
        return page

    def _people_page(self) -> QWidget:
        self.members = PeoplePicker("Members", "Type to find a member")
        self.members_note = intro("")
        self.facilitators = PeoplePicker("Usual facilitators", "Type to find a facilitator")
        self.accounts = PeoplePicker("Accounts that run this group", "Type to find an account")
        self.accounts.setToolTip(
            "A facilitator's account sees and runs only the groups it is linked to."
        )
        self.accounts.setVisible(self.actor.can(Permission.MANAGE_ACCOUNTS))
        pickers = QHBoxLayout()
        for picker, key in (
            (self.members, "members"),
            (self.facilitators, "facilitators"),
            (self.accounts, "accounts"),
        ):
            box = QVBoxLayout()
            box.addWidget(picker, 1)
            box.addWidget(self.labels[key])
            pickers.addLayout(box, 1)
            self.focus[key] = picker
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.members_note)
        column.addLayout(pickers, 1)
        column.addWidget(
            intro(
                "Facilitators are copied onto meetings made from now on; each meeting can "
                "have its own."
            )
        )
        return page

    def _closed_page(self) -> QWidget:
        self.closed_list = QListWidget()
        self.closed_list.setAccessibleName("Closed days")
        self.closed_day = date_edit(self.today, "Closed day")
        self.closed_note = QLineEdit()
        self.closed_note.setAccessibleName("Note (optional)")
        self.closed_note.setPlaceholderText("optional — e.g. venue closed for repairs")
        self.closed_error = error_label()
        self.closed_errors = FieldErrors(
            {"day": self.closed_error, "note": self.closed_error}, self.closed_error
        )
        self.add_closed_button = QPushButton("Add closed day")
        self.add_closed_button.clicked.connect(self.add_closed)
        self.remove_closed_button = QPushButton("Meets again that day")
        self.remove_closed_button.setToolTip("Remove the chosen closed day")
        self.remove_closed_button.clicked.connect(self.remove_closed)
        self.closed_hint = intro("")
        add_row = QHBoxLayout()
        add_row.addWidget(self.closed_day)
        add_row.addWidget(self.closed_note, 1)
        add_row.addWidget(self.add_closed_button)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.closed_hint)
        column.addWidget(self.closed_list, 1)
        column.addLayout(add_row)
        column.addWidget(self.closed_error)
        column.addLayout(buttons_row(self.remove_closed_button))
        return page

    def _membership_words(self) -> None:
        self.members_note.setText(
            "Closed group: only these members are expected, and their names are printed on "
            "the sign-in sheet."
            if self.closed_radio.isChecked()
            else "Open group: anyone can come. The sign-in sheet lists these regulars and "
            "everyone who came in the last 3 months."
        )

    # -- loading ----------------------------------------------------------------------------

    def _load_choices(self) -> None:
        people: list[tuple[int, str]] = []
        account_choices: list[tuple[int, str]] = []
        with service_call(self, title="Group"), self.context.session() as session:
            rows = member_search.list_members(session, self.actor).rows
            people = [(m.id, m.display_name) for m in rows]
            if self.actor.can(Permission.MANAGE_ACCOUNTS):
                account_choices = [
                    (a.id, f"{a.display_name} ({a.role.label.lower()})")
                    for a in accounts.list_accounts(session, self.actor)
                    if a.active
                ]
        self.people_choices, self.account_choices = people, account_choices
        self.members.set_choices(people, [])
        self.facilitators.set_choices(people, [])
        self.accounts.set_choices(account_choices, [])

    def _load_theirs(self) -> int:
        """Show the group as stored now (someone else's save), dropping what was typed."""
        if self.saved_id is not None:
            self._load(self.saved_id)
            self._saved_state = self._state()
        return self.version.version or 1

    def _load(self, group_id: int) -> None:
        with service_call(self, title="Group") as call, self.context.session() as session:
            detail = meetings_groups.get_group(session, self.actor, group_id)
        if call.failed:
            return
        self.detail = detail
        self.version.version = detail.group.version
        group = detail.group
        self.setWindowTitle(f"Change group — {group.name}")
        self.name.setText(group.name)
        self.kind.setCurrentIndex(max(self.kind.findData(group.kind), 0))
        self.venue.setText(group.venue or "")
        (self.open_radio if group.open_membership else self.closed_radio).setChecked(True)
        self.schedule.load(group.schedule, self.today)
        known = {id_ for id_, _ in self.people_choices}
        extra = [(p.member_id, p.name) for p in (*detail.members, *detail.facilitators)]
        choices = self.people_choices + [(i, n) for i, n in extra if i not in known]
        self.members.set_choices(choices, [p.member_id for p in detail.members])
        self.facilitators.set_choices(choices, [p.member_id for p in detail.facilitators])
        offered = {id_ for id_, _ in self.account_choices}
        linked = [(a.account_id, a.display_name) for a in detail.accounts]
        self.accounts.set_choices(
            self.account_choices + [pair for pair in linked if pair[0] not in offered],
            {a.account_id for a in detail.accounts},
        )
        self._show_closed(detail.closed_days)

    def _show_closed(self, closed: tuple[ClosedDayInfo, ...]) -> None:
        self.closed = list(closed)
        self.closed_list.clear()
        for c in self.closed:
            self.closed_list.addItem(format_date(c.day) + (f" — {c.note}" if c.note else ""))
        saved = self.saved_id is not None
        self.closed_hint.setText(
            ("No meetings are made on these days." if self.closed else "No closed days yet.")
            if saved
            else "Save the group first, then add the days it does not meet."
        )
        for widget in (self.closed_day, self.closed_note, self.add_closed_button):
            widget.setEnabled(saved)
        self.remove_closed_button.setEnabled(saved and bool(self.closed))

    # -- saving -----------------------------------------------------------------------------

    def _state(self) -> tuple:
        return (
            self.value(),
            self.members.checked_ids(),
            self.facilitators.checked_ids(),
            self.accounts.checked_ids(),
        )

    def has_unsaved_edits(self) -> bool:
        """What Esc, Cancel or × would lose (``ui/dialog_keys.py`` asks first)."""
        return self._state() != self._saved_state

    def value(self) -> GroupInput:
        """The details typed, as the service's input."""
        return GroupInput(
            name=self.name.text(),
            kind=GroupKind(self.kind.currentData()),
            venue=self.venue.text() or None,
            open_membership=self.open_radio.isChecked(),
            schedule=self.schedule.value(),
        )

    def save(self) -> None:
        """Save the details, then members, facilitators and accounts; stay open on a problem."""
        data = self.value()
        self.errors.clear()

        def attempt(expected: int | None) -> None:
            with self.context.session() as session:
                if self.saved_id is None:
                    info = meetings_groups.create_group(session, self.actor, data, today=self.today)
                    self.saved_id = info.id  # a later problem must not add it twice
                else:
                    info = meetings_groups.update_group(
                        session,
                        self.actor,
                        self.saved_id,
                        data,
                        today=self.today,
                        expected_version=expected,
                    )
                self.version.version = info.version  # our own save is not a conflict
                group_id = self.saved_id
                meetings_groups.set_group_members(
                    session, self.actor, group_id, self.members.checked_ids(), today=self.today
                )
                meetings_groups.set_group_facilitators(
                    session, self.actor, group_id, self.facilitators.checked_ids()
                )
                if self.actor.can(Permission.MANAGE_ACCOUNTS):
                    meetings_groups.set_group_accounts(
                        session, self.actor, group_id, self.accounts.checked_ids()
                    )

        call = self.version.save(attempt, self.errors, self.focus, "Group")
        if call.failed:
            self._show_tab_of_problem()
            return
        self.accept()

    def _show_tab_of_problem(self) -> None:
        """Bring the tab with the field in trouble to the front (its message is beside it)."""
        focused = self.focusWidget()
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if focused is not None and page.isAncestorOf(focused):
                self.tabs.setCurrentIndex(index)
                focused.setFocus()
                return

    # -- closed days ------------------------------------------------------------------------

    def _reload_closed(self) -> None:
        assert self.saved_id is not None
        with service_call(self, title="Group"), self.context.session() as session:
            detail = meetings_groups.get_group(session, self.actor, self.saved_id)
            self._show_closed(detail.closed_days)

    def add_closed(self) -> None:
        """Mark the chosen day closed (no meeting is made that day)."""
        if self.saved_id is None:
            return
        day, note = from_qdate(self.closed_day.date()), self.closed_note.text() or None
        with (
            service_call(self, self.closed_errors, {"day": self.closed_day}) as call,
            self.context.session() as session,
        ):
            meetings_groups.add_closed_day(session, self.actor, self.saved_id, day, note)
        if not call.failed:
            self.closed_note.clear()
            self._reload_closed()

    def remove_closed(self) -> None:
        """The group meets again on the chosen closed day."""
        row = self.closed_list.currentRow()
        if self.saved_id is None or not 0 <= row < len(self.closed):
            return
        with service_call(self, title="Group") as call, self.context.session() as session:
            meetings_groups.remove_closed_day(session, self.actor, self.closed[row].id)
        if not call.failed:
            self._reload_closed()
