"""Seating someone on a panel: a lived-experience member, or staff (a member or outside).

Both dialogs seat the person themselves (``add_seat``) and close only when that worked.
A hard refusal ("Ben is stepping back…") is shown inside the dialog so another person can
be chosen. When only a limit is in the way (recruitment-panel training not current, or
another panel that day) the dialog shows the limit and asks "Seat them anyway?" with a
reason that must be given; the reason is kept on the seat and in the audit trail.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import (
    member_search,
    panels_people,
    panels_seats,
    panels_view_helpers,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter, MemberStatus
from involve_desktop.core.services.panels_dto import (
    PanelInfo,
    PanelRefused,
    SeatInput,
    SeatKind,
    Suggestion,
)
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.meetings.people_picker import FindBox
from involve_desktop.ui.members.dialog_widgets import save_cancel, with_error
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.panels.find_arrows import ArrowsIntoList
from involve_desktop.ui.panels.panels_words import since_text

ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_LIMIT = 30
TOP_NOTE = "one of the 3 who sat most"


class SeatDialog(EditDialog):
    """What both seat dialogs share: the role box, the errors and the "anyway" step."""

    kind = SeatKind.STAFF

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        panel: PanelInfo,
        parent: QWidget | None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.panel = context, actor, panel
        self.today = today or date.today()
        self.result_info: PanelInfo | None = None
        self.role = QLineEdit()
        self.role.setAccessibleName("Role on the panel")
        self.role.setPlaceholderText("Optional — e.g. Chair")
        self.anyway = QLabel()
        self.anyway.setWordWrap(True)
        self.anyway.setAccessibleName("Limit")
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason to seat them anyway")
        self.reason.setPlaceholderText("e.g. Refresher training booked for next week")
        self.reason_label = QLabel("&Reason:")
        self.reason_label.setBuddy(self.reason)
        self.labels = {
            name: error_label()
            for name in ("member", "outside_name", "job_title", "panel_role", "override_reason")
        }
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.buttons = save_cancel("&Seat them")
        self.seat_button = self.buttons.button(self.buttons.StandardButton.Save)
        self.buttons.accepted.connect(self.seat)
        self.buttons.rejected.connect(self.reject)
        self._limit_for: tuple | None = None
        self.focus: dict[str, QWidget] = {"override_reason": self.reason, "panel_role": self.role}
        self._show_anyway(False)

    def _tail(self, form: QFormLayout) -> None:
        """Role, the "anyway" step and the buttons, under the subclass's own rows."""
        role_label = QLabel("Role on the &panel:")
        role_label.setBuddy(self.role)
        form.addRow(role_label, with_error(self.role, self.labels["panel_role"]))
        form.addRow(self.anyway)
        form.addRow(self.reason_label, with_error(self.reason, self.labels["override_reason"]))
        column = QVBoxLayout(self)
        column.addLayout(form, 1)
        column.addWidget(self.fallback)
        column.addWidget(self.buttons)
        self.save_keys(self.seat, self.seat_button)

    def _show_anyway(self, shown: bool, message: str = "") -> None:
        self.anyway.setText(
            f"⚠ {message}\nSeat them anyway? Give the reason; it is kept with the panel."
            if shown
            else ""
        )
        for widget in (self.anyway, self.reason_label, self.reason):
            widget.setVisible(shown)
        if not shown:
            self.reason.clear()
            self.errors.clear_field("override_reason")
        self.seat_button.setText("&Seat them anyway" if shown else "&Seat them")

    def seat_input(self) -> SeatInput:
        """Who to seat, as chosen (ValidationError naming the box if nothing is)."""
        raise NotImplementedError

    def _choice_changed(self) -> None:
        """A different person: the "anyway" step no longer applies."""
        self.errors.clear()
        self._limit_for = None
        self._show_anyway(False)

    def seat(self) -> None:
        """Seat the person; close if it worked, else say why here."""
        self.errors.clear()
        override = self._limit_for is not None
        info: PanelInfo | None = None
        with service_call(self, self.errors, self.focus, "Seat on the panel") as call:
            data = self.seat_input()
            if override and not self.reason.text().strip():
                raise ValidationError(
                    "override_reason",
                    "Give the reason for seating them anyway — for example "
                    "“Refresher booked for 5 March”.",
                )
            with self.context.session() as session:
                info = panels_seats.add_seat(
                    session,
                    self.actor,
                    self.panel.id,
                    data,
                    override=override,
                    override_reason=self.reason.text() if override else None,
                )
        if call.failed:
            error = call.error
            if isinstance(error, PanelRefused) and error.overridable and not override:
                self._limit_for = (data.kind, data.member_id)
                self.errors.clear()
                self._show_anyway(True, error.message)
                self.reason.setFocus()
            elif isinstance(error, PanelRefused) and not error.overridable:
                self._show_anyway(False)
            return
        self.result_info = info
        self.accept()


def suggestion_text(s: Suggestion, today: date, top: bool = False) -> str:
    """ "Damian Bird — last sat 2 weeks ago · 8 panels in the year before this one ·
    ✓ trained" ("never sat" for someone who has not sat yet); ``top`` adds "⚠ one of the 3
    who sat most" when the over-reliance warning is on. The count is of the 12 months
    before this panel's day (not "the past year": for a panel months ahead that read as
    "0 panels" beside "one of the 3 who sat most")."""
    if s.last_sat is None:
        return f"{s.name} — never sat · ✓ trained"
    count = plural(s.sat_last_12_months, "panel")
    when = f"{since_text(s.last_sat, today)} · {count} in the year before this one"
    text = f"{s.name} — {when} · ✓ trained"
    return f"{text} · ⚠ {TOP_NOTE}" if top else text


class AddLivedDialog(SeatDialog):
    """Choose a lived-experience member: suggestions first, or search for anyone."""

    kind = SeatKind.LIVED_EXPERIENCE

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        panel: PanelInfo,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(context, actor, panel, parent, today)
        self.setWindowTitle(f"Add lived-experience member — {panel.post_title}")
        self.setMinimumWidth(760)
        self.suggested: list[Suggestion] = []
        self.top: set[int] = set()  # the 3 who sat most, when that is over the limit
        with service_call(self, title="Suggestions"), context.session() as session:
            self.suggested = panels_people.suggestions(session, actor, panel.id)
            figures = panels_people.over_reliance(session, actor, today=self.today)
            if figures.warning:
                self.top = {p.member_id for p in figures.top_people}
        self.search = FindBox()
        self.search.setPlaceholderText("Search any member by name (suggestions show when empty)")
        self.search.setAccessibleName("Search members")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.fill())
        self.search.enter_pressed.connect(self._first)
        self.list = QListWidget()
        self.list.setAccessibleName("People to choose from")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda *_a: self._choice_changed())
        self.list.itemDoubleClicked.connect(lambda _i: self.seat())  # Enter: the Seat button
        ArrowsIntoList(self.search, self.list)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("About this list")
        self.focus["member"] = self.search
        form = QFormLayout()
        find_label = QLabel("&Find:")
        find_label.setBuddy(self.search)
        form.addRow(find_label, self.search)
        form.addRow(self.note)
        form.addRow(with_error(self.list, self.labels["member"]))
        self._tail(form)
        self.fill()
        self.search.setFocus()

    def fill(self) -> None:
        """Suggestions (ranked, who has not sat for longest first), or members matching."""
        self.list.clear()
        typed = self.search.text().strip()
        suggested = {s.member_id: s for s in self.suggested}
        if not typed:
            for s in self.suggested:
                self._item(suggestion_text(s, self.today, s.member_id in self.top), s.member_id)
            self.note.setText(
                "Suggested: members with current recruitment-panel training who are free that day, "
                "who has not sat for longest first."
                if self.suggested
                else "No one is suggested: nobody with current recruitment-panel training is "
                "free that day. Search for a member by name to seat them anyway."
            )
        else:
            found = []
            why: dict[int, str] = {}
            seated = {s.member_id for s in self.panel.seats}
            with service_call(self, title="Search"), self.context.session() as session:
                found = member_search.list_members(
                    session,
                    self.actor,
                    MemberFilter(search=typed, statuses=frozenset({MemberStatus.ACTIVE})),
                ).rows[:SEARCH_LIMIT]
                found = [row for row in found if row.id not in seated]
                others = [row.id for row in found if row.id not in suggested]
                why = panels_view_helpers.why_not_suggested(
                    session, self.actor, self.panel.id, others
                )
            for row in found:
                s = suggested.get(row.id)
                if s is not None:
                    text = suggestion_text(s, self.today, row.id in self.top)
                else:
                    reason = why.get(row.id) or "choose them to see why"
                    text = f"{row.display_name} — not suggested: {reason}"
                self._item(text, row.id)
            self.note.setText("" if found else "No active member matches that name.")
        if self.list.count():
            self.list.setCurrentRow(0)

    def _item(self, text: str, member_id: int) -> None:
        item = QListWidgetItem(text, self.list)
        item.setData(ID_ROLE, member_id)

    def _first(self) -> None:
        if self.list.count():
            self.list.setCurrentRow(0)
            self.list.setFocus()

    def choose(self, member_id: int) -> bool:
        """Select ``member_id`` in the list (searching by nothing first); True if found."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == member_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def seat_input(self) -> SeatInput:
        item = self.list.currentItem()
        if item is None:
            raise ValidationError("member", "Choose who is sitting on the panel.")
        return SeatInput(
            SeatKind.LIVED_EXPERIENCE, item.data(ID_ROLE), panel_role=self.role.text() or None
        )


class AddStaffDialog(SeatDialog):
    """Seat a member of staff: someone in the members list, or an outside person."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        panel: PanelInfo,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(context, actor, panel, parent, today)
        self.setWindowTitle(f"Add staff — {panel.post_title}")
        self.setMinimumWidth(560)
        self.outside_radio = QRadioButton("Someone from &outside the members list")
        self.member_radio = QRadioButton("A &member")
        self.outside_radio.setChecked(True)
        self.outside_name = QLineEdit()
        self.outside_name.setAccessibleName("Name")
        self.job_title = QLineEdit()
        self.job_title.setAccessibleName("Job title")
        self.job_title.setPlaceholderText("e.g. Service Manager")
        self.search = FindBox()
        self.search.setPlaceholderText("Type part of a name")
        self.search.setAccessibleName("Search members")
        self.search.textChanged.connect(lambda _t: self.fill())
        self.list = QListWidget()
        self.list.setAccessibleName("Members")
        self.list.currentItemChanged.connect(lambda *_a: self._choice_changed())
        ArrowsIntoList(self.search, self.list)
        self.outside_radio.toggled.connect(self._side_changed)
        self.focus |= {
            "outside_name": self.outside_name,
            "job_title": self.job_title,
            "member": self.search,
        }
        form = QFormLayout()
        form.addRow(self.outside_radio)
        name_label = QLabel("&Name:")
        name_label.setBuddy(self.outside_name)
        form.addRow(name_label, with_error(self.outside_name, self.labels["outside_name"]))
        job_label = QLabel("&Job title:")
        job_label.setBuddy(self.job_title)
        form.addRow(job_label, with_error(self.job_title, self.labels["job_title"]))
        form.addRow(self.member_radio)
        find_label = QLabel("&Find:")
        find_label.setBuddy(self.search)
        form.addRow(find_label, self.search)
        form.addRow(with_error(self.list, self.labels["member"]))
        self._tail(form)
        self._side_changed(True)
        self.outside_name.setFocus()

    def _side_changed(self, outside: bool) -> None:
        self._choice_changed()
        self.outside_name.setEnabled(outside)
        self.search.setEnabled(not outside)
        self.list.setEnabled(not outside)
        if not outside and not self.list.count():
            self.fill()

    def fill(self) -> None:
        """Active members matching the search (everyone when it is empty)."""
        self.list.clear()
        found = []
        with service_call(self, title="Search"), self.context.session() as session:
            found = member_search.list_members(
                session,
                self.actor,
                MemberFilter(
                    search=self.search.text().strip(), statuses=frozenset({MemberStatus.ACTIVE})
                ),
            ).rows[:SEARCH_LIMIT]
        seated = {s.member_id for s in self.panel.seats}
        for row in found:
            if row.id not in seated:
                item = QListWidgetItem(row.display_name, self.list)
                item.setData(ID_ROLE, row.id)
        if self.list.count():
            self.list.setCurrentRow(0)

    def seat_input(self) -> SeatInput:
        role = self.role.text() or None
        job = self.job_title.text() or None
        if self.outside_radio.isChecked():
            return SeatInput(
                SeatKind.STAFF,
                outside_name=self.outside_name.text(),
                job_title=self.job_title.text(),
                panel_role=role,
            )
        item = self.list.currentItem()
        if item is None:
            raise ValidationError("member", "Choose who is sitting on the panel.")
        return SeatInput(SeatKind.STAFF, item.data(ID_ROLE), job_title=job, panel_role=role)
