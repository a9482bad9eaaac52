"""A peer supporter's own view: their shifts, weekly availability, time off and limits.

``AvailabilityDialog(context, actor, member_id=None, parent=None, print_sheet=None)``:
choose a current peer supporter (bank supporters are marked "bank"), edit the weekly times
they can do, add or remove days they cannot (no reason is asked), set limits (blank = no
limit) and Save. Their shifts from four weeks ago to eight weeks ahead are listed with what
happened; "Save to a calendar file…" writes them as .ics for their phone, and "Print their
month…" asks which month (the month of their next shift first, else this month) and hands
the person's schedule sheet to ``print_sheet(key, values)``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import (
    member_search,
    names_apart,
    reference_lists,
    rota_availability,
    rota_ics,
    rota_shifts,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter
from involve_desktop.core.services.member_names import with_apart
from involve_desktop.core.services.rota_dto import PersonAvailability, ShiftView, UnavailableInfo
from involve_desktop.core.services.rota_rules import hours_text
from involve_desktop.core.sheets.params import SheetField
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.availability_weekly import WeeklyEditor
from involve_desktop.ui.rota.setup_widgets import (
    date_edit,
    fill_table,
    from_qdate,
    int_value,
    intro,
    month_name,
    optional_int,
    read_only_table,
    with_error,
)
from involve_desktop.ui.widgets import buttons_row

UPCOMING_WEEKS = 8
PAST_WEEKS = 4
CALENDAR_FOLDER_KEY = "rota/calendarFolder"
PrintSheet = Callable[[str, dict[SheetField, str]], None]


def shift_row(view: ShiftView, member_id: int) -> list[str]:
    """When, site and what happened (or "Cancelled: reason", "Upcoming") for one person."""
    mine = next((a for a in view.assignees if a.member_id == member_id), None)
    if view.slot.cancelled:
        state = f"Shift cancelled: {view.cancelled_reason or 'no reason given'}"
    elif mine is not None and mine.attendance is not None:
        state = mine.attendance.label
        if mine.actual_minutes and mine.actual_minutes != view.slot.minutes:
            state += f" ({hours_text(mine.actual_minutes)})"
    elif view.slot.day >= date.today():
        state = "Upcoming"
    else:
        state = "Not recorded yet"
    return [view.slot.when, view.slot.site_name, state]


def month_choices(today: date, next_shift: date | None) -> tuple[list[date], int]:
    """First days of last month to three months ahead (and the next shift's month if later),
    and the index to offer first: the next shift's month, or this month."""
    first = today.replace(day=1)
    months = [(first - timedelta(days=1)).replace(day=1), first]
    while len(months) < 5 or (next_shift is not None and months[-1] < next_shift.replace(day=1)):
        months.append((months[-1] + timedelta(days=32)).replace(day=1))
    target = next_shift.replace(day=1) if next_shift is not None else first
    return months, months.index(target) if target in months else 1


class AvailabilityDialog(EditDialog):
    """When a peer supporter can work, when they cannot, and their limits."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        member_id: int | None = None,
        parent: QWidget | None = None,
        print_sheet: PrintSheet | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.print_sheet = context, actor, print_sheet
        self.current: PersonAvailability | None = None
        self.views: list[ShiftView] = []
        self.setWindowTitle("Peer supporters — shifts, availability and limits")
        self.resize(900, 640)
        self.person = QComboBox()
        self.person.setAccessibleName("Peer supporter")
        self.weekly = WeeklyEditor()
        self.un_list = QListWidget()
        self.un_list.setAccessibleName("Unavailable periods")
        self.un_from = date_edit(accessible_name="Unavailable from")
        self.un_to = date_edit(accessible_name="Unavailable until")
        self.add_un_button = QPushButton("Add &period")
        self.add_un_button.clicked.connect(self.add_unavailable)
        self.remove_un_button = QPushButton("Remo&ve period")
        self.remove_un_button.clicked.connect(self.remove_unavailable)
        self.max_shifts = optional_int("Most shifts a week")
        self.max_hours = optional_int("Most hours a month")
        names = ["to_time", "weekday", "end_on", "max_shifts_per_week", "max_hours_per_month"]
        self.labels: dict[str, QLabel] = {n: error_label() for n in names}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.upcoming = read_only_table(["When", "Site", "What happened"], "Their shifts")
        # Keep "What happened" in view: the site name gives way (elided, whole in a tooltip).
        header = self.upcoming.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.calendar_button = QPushButton("Save to a &calendar file…")
        self.calendar_button.setToolTip(
            "Their next 8 weeks of shifts as an .ics file for a phone or email calendar"
        )
        self.calendar_button.clicked.connect(self.save_calendar)
        self.print_button = QPushButton("Print their &month…")
        self.print_button.clicked.connect(self.print_month)
        self.print_button.setVisible(print_sheet is not None)
        self.save_button = QPushButton("&Save availability and limits")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.saved_note = QLabel()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self._lay_out(close)
        self._loaded: object = None
        self.save_keys(self.save, self.save_button, tip="Save weekly times and limits")
        self._load_people(member_id)
        self._shown_index = self.person.currentIndex()  # whose times the boxes show
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.load()

    def _lay_out(self, close: QDialogButtonBox) -> None:
        weekly_box = QGroupBox("Usually available")
        column = QVBoxLayout(weekly_box)
        column.addWidget(intro("An end before the start runs past midnight."))
        column.addWidget(self.weekly, 1)
        column.addWidget(self.labels["weekday"])
        column.addWidget(self.labels["to_time"])
        limits_box = QGroupBox("Limits (to protect wellbeing)")
        form = QFormLayout(limits_box)
        form.addRow(
            "Shifts a week:", with_error(self.max_shifts, self.labels["max_shifts_per_week"])
        )
        form.addRow(
            "Hours a month:", with_error(self.max_hours, self.labels["max_hours_per_month"])
        )
        form.addRow("", intro("Leave blank for no limit."))
        un_box = QGroupBox("Not available")
        column = QVBoxLayout(un_box)
        column.addWidget(intro("Days they cannot do. No reason is asked or kept. Saved at once."))
        column.addWidget(self.un_list, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel("From"))
        row.addWidget(self.un_from)
        row.addWidget(QLabel("to"))
        row.addWidget(self.un_to)
        column.addLayout(row)
        column.addWidget(self.labels["end_on"])
        column.addLayout(buttons_row(self.add_un_button, self.remove_un_button))
        shifts_box = QGroupBox(
            f"Their shifts ({PAST_WEEKS} weeks ago to {UPCOMING_WEEKS} weeks ahead)"
        )
        shifts_column = QVBoxLayout(shifts_box)
        shifts_column.addWidget(self.upcoming)
        shifts_column.addLayout(buttons_row(self.calendar_button, self.print_button))
        left = QVBoxLayout()
        left.addWidget(weekly_box, 2)
        left.addWidget(limits_box)
        left.addLayout(buttons_row(self.save_button, self.saved_note))
        right = QVBoxLayout()
        right.addWidget(un_box, 1)
        right.addWidget(shifts_box, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        top = QFormLayout()
        top.addRow("Peer supporter:", self.person)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.fallback)
        layout.addWidget(close)

    def _load_people(self, member_id: int | None) -> None:
        rows: dict[int, tuple[str, bool]] = {}
        apart: dict[int, str] = {}
        with service_call(self), self.context.session() as session:
            for code, bank in (("bank_peer_supporter", True), ("peer_supporter", False)):
                role = reference_lists.role_type_id(session, code)
                found = member_search.list_members(
                    session, self.actor, MemberFilter(role_type_id=role)
                )
                for m in found.rows:
                    rows[m.id] = (m.display_name, bank)
            apart = names_apart.telling_apart(session, {m: name for m, (name, _) in rows.items()})
        people = sorted(rows.items(), key=lambda item: item[1][0].casefold())
        for mid, (name, bank) in people:
            name = with_apart(name, apart.get(mid))
            self.person.addItem(f"{name} (bank)" if bank else name, mid)
        if member_id is not None:
            index = self.person.findData(member_id)
            if index < 0:
                self.person.addItem(f"Member {member_id}", member_id)
                index = self.person.count() - 1
            self.person.setCurrentIndex(index)
        if self.person.count() == 0:
            self.fallback.setText(
                "No peer supporters yet — give someone the peer supporter role on their record."
            )
            self.fallback.setVisible(True)

    def _person_chosen(self, index: int) -> None:
        """Another person chosen: ask "Discard your changes?" first when weekly times or
        limits typed for the one shown are unsaved; *Keep editing* puts them back."""
        if index == self._shown_index:
            return
        if self.has_unsaved_edits() and not dialog_keys.ask_discard(self):
            self.person.blockSignals(True)
            self.person.setCurrentIndex(self._shown_index)
            self.person.blockSignals(False)
            return
        self._shown_index = index
        self.load()

    def member_id(self) -> int | None:
        """The chosen person's member id."""
        return self.person.currentData()

    def load(self) -> None:
        """Show the chosen person's availability, limits and upcoming shifts."""
        mid = self.member_id()
        enabled = mid is not None
        for widget in (
            self.weekly,
            self.save_button,
            self.add_un_button,
            self.remove_un_button,
            self.calendar_button,
            self.print_button,
        ):
            widget.setEnabled(enabled)
        self.saved_note.clear()
        if mid is None:
            return
        self.errors.clear()
        views = []
        with service_call(self) as call, self.context.session() as session:
            self.current = rota_availability.availability(session, self.actor, mid)
            today = date.today()
            views = rota_shifts.person_shifts(
                session,
                self.actor,
                mid,
                today - timedelta(weeks=PAST_WEEKS),
                today + timedelta(weeks=UPCOMING_WEEKS),
            )
        if call.failed or self.current is None:
            return
        self.weekly.set_slots(self.current.weekly)
        self._show_unavailable(self.current.unavailable)
        limit = self.current.max_shifts_per_week
        self.max_shifts.setText("" if limit is None else str(limit))
        limit = self.current.max_hours_per_month
        self.max_hours.setText("" if limit is None else str(limit))
        self.views = list(views or [])
        self._loaded = self.typed()
        rows = [shift_row(view, mid) for view in views]
        fill_table(self.upcoming, rows or [["No shifts booked.", "", ""]])
        for row in range(self.upcoming.rowCount()):
            item = self.upcoming.item(row, 1)
            if item is not None:
                item.setToolTip(item.text())

    def save_calendar(self) -> None:
        """Save their next eight weeks of shifts as an .ics file."""
        mid = self.member_id()
        if mid is None or self.current is None:
            return
        settings = QSettings()
        folder = str(settings.value(CALENDAR_FOLDER_KEY, str(Path.home())))
        suggested = Path(folder) / f"{self.current.name} shifts.ics"
        name, _ = QFileDialog.getSaveFileName(
            self, "Save shifts to a calendar file", str(suggested), "Calendar files (*.ics)"
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".ics") else Path(name + ".ics")
        today = date.today()
        data = b""
        with service_call(self) as call, self.context.session() as session:
            data = rota_ics.person_calendar(
                session, self.actor, mid, today, today + timedelta(weeks=UPCOMING_WEEKS)
            )
        if call.failed:
            return
        try:
            path.write_bytes(data)
        except OSError as error:
            QMessageBox.warning(self, "Calendar file", f"Could not save {path}: {error.strerror}.")
            return
        settings.setValue(CALENDAR_FOLDER_KEY, str(path.parent))
        QMessageBox.information(
            self,
            "Calendar file",
            f"Saved {self.current.name}'s shifts to {path}.\n\nOpen it on their phone or "
            "email it to them; their calendar app adds the shifts (saving again later "
            "updates them rather than adding copies).",
        )

    def next_shift_day(self) -> date | None:
        """The day of their next shift from today (not cancelled), if any is listed."""
        today = date.today()
        days = [v.slot.day for v in self.views if v.slot.day >= today and not v.slot.cancelled]
        return min(days) if days else None

    def print_month(self) -> None:
        """Print this person's schedule for a month they choose (through the Sheets area);
        offered first: the month of their next shift, or this month."""
        mid = self.member_id()
        if mid is None or self.print_sheet is None:
            return
        months, chosen = month_choices(date.today(), self.next_shift_day())
        labels = [month_name(m) for m in months]
        name = self.current.name if self.current else "their"
        picked, ok = QInputDialog.getItem(
            self,
            "Print their month",
            f"Which month of {name}'s shifts?",
            labels,
            chosen,
            False,
        )
        if not ok or picked not in labels:
            return
        month = months[labels.index(picked)]
        values = {SheetField.PERSON: str(mid), SheetField.MONTH: month.strftime("%Y-%m")}
        self.accept()
        self.print_sheet("rota-schedule", values)

    def _show_unavailable(self, periods: tuple[UnavailableInfo, ...]) -> None:
        self.un_list.clear()
        for p in periods:
            text = format_date(p.start_on)
            if p.end_on != p.start_on:
                text += f" to {format_date(p.end_on)}"
            self.un_list.addItem(text)

    def save(self) -> None:
        """Save the weekly times and the limits."""
        mid = self.member_id()
        if mid is None:
            return
        slots = self.weekly.slots()
        shifts, hours = int_value(self.max_shifts), int_value(self.max_hours)
        focus = {"max_shifts_per_week": self.max_shifts, "max_hours_per_month": self.max_hours}
        with (
            service_call(self, self.errors, focus) as call,
            self.context.session() as session,
        ):
            rota_availability.set_weekly_availability(session, self.actor, mid, slots)
            rota_availability.set_limits(session, self.actor, mid, shifts, hours)
        if not call.failed:
            self.errors.clear()
            self.saved_note.setText("✓ Saved.")
            self._loaded = self.typed()

    def typed(self) -> object:
        """The weekly times and limits as shown (to tell whether Esc would lose any)."""
        return (self.weekly.slots(), self.max_shifts.text(), self.max_hours.text())

    def has_unsaved_edits(self) -> bool:
        """Esc or Close asks first when weekly times or limits were changed and not saved."""
        return self.member_id() is not None and self.typed() != self._loaded

    def add_unavailable(self) -> None:
        """Record the period typed (saved at once)."""
        mid = self.member_id()
        if mid is None:
            return
        start, end = from_qdate(self.un_from.date()), from_qdate(self.un_to.date())
        note = None
        with (
            service_call(self, self.errors, {"end_on": self.un_to}) as call,
            self.context.session() as session,
        ):
            rota_availability.add_unavailable(session, self.actor, mid, start, end)
            note = self._time_off_note(session, mid, start, end)
        if not call.failed:
            self.errors.clear()
            self._reload_unavailable(mid)
            if note:
                QMessageBox.information(self, "Time off", note)

    def _time_off_note(self, session: Session, mid: int, start: date, end: date) -> str | None:
        """How many of their shifts from today fall in the time off (now gaps), for a
        coordinator; None when none do."""
        if self.current is None or not self.actor.can(Permission.MANAGE_ROTA):
            return None
        count = rota_shifts.shifts_ahead(session, self.actor, mid, first=start, last=end)
        when = f"from {format_date(max(start, date.today()))} to {format_date(end)}"
        return rota_shifts.cover_needed_note(self.current.name, count, when)

    def remove_unavailable(self) -> None:
        """Delete the chosen period (saved at once)."""
        mid, row = self.member_id(), self.un_list.currentRow()
        if mid is None or self.current is None or not 0 <= row < len(self.current.unavailable):
            return
        period = self.current.unavailable[row]
        with service_call(self) as call, self.context.session() as session:
            rota_availability.remove_unavailable(session, self.actor, period.id)
        if not call.failed:
            self._reload_unavailable(mid)

    def _reload_unavailable(self, mid: int) -> None:
        with service_call(self), self.context.session() as session:
            self.current = rota_availability.availability(session, self.actor, mid)
        if self.current is not None:
            self._show_unavailable(self.current.unavailable)
