"""The schedule part of the group dialog: how often, which day, times, from/to, bank holidays.

Only the boxes the chosen pattern uses are shown (a weekday for weekly and monthly, which
week for monthly, one meeting's date for fortnightly); the schedule is also said in words
as it is typed, the way the groups list will show it.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from involve_desktop.core.services.meetings_dto import (
    LAST_WEEK,
    ScheduleInfo,
    ScheduleInput,
    ScheduleKind,
)
from involve_desktop.core.services.meetings_schedule import describe_schedule
from involve_desktop.ui.members.dialog_widgets import OptionalDate
from involve_desktop.ui.rota.setup_widgets import (
    WEEKDAYS,
    date_edit,
    from_qdate,
    time_edit,
    time_value,
    to_qdate,
    with_error,
)

KINDS = (ScheduleKind.WEEKLY, ScheduleKind.FORTNIGHTLY, ScheduleKind.MONTHLY, ScheduleKind.NONE)
WEEKS = ((1, "First"), (2, "Second"), (3, "Third"), (4, "Fourth"), (LAST_WEEK, "Last"))
FIELDS = ("schedule", "weekday", "nth", "anchor_on", "start_time", "end_time", "valid_from")
FIELDS += ("valid_to",)


class ScheduleFields:
    """The schedule boxes; ``add_rows`` puts them in a form, ``value`` reads them."""

    def __init__(self, labels: dict[str, QLabel]) -> None:
        self.labels = labels
        self.kind = QComboBox()
        self.kind.setAccessibleName("How often")
        for kind in KINDS:
            self.kind.addItem(kind.label, kind)
        self.weekday = QComboBox()
        self.weekday.setAccessibleName("Day of the week")
        self.weekday.addItems(list(WEEKDAYS))
        self.nth = QComboBox()
        self.nth.setAccessibleName("Which week of the month")
        for value, text in WEEKS:
            self.nth.addItem(f"{text} week of the month", value)
        self.anchor = date_edit(accessible_name="Date of one meeting")
        self.start = time_edit(time(14), "Start time")
        self.end = time_edit(time(16), "End time")
        self.valid_from = date_edit(accessible_name="First day of the schedule")
        self.valid_to = OptionalDate("Ends on", "Last day of the schedule")
        self.skip_bank = QCheckBox("Skip bank holidays (England and Wales)")
        self.skip_bank.setChecked(True)
        self.words = QLabel()
        self.words.setAccessibleName("The schedule in words")
        self.words.setWordWrap(True)
        self.form: QFormLayout | None = None
        self._rows: dict[str, int] = {}
        self.focus: dict[str, QWidget] = {
            "schedule": self.kind,
            "weekday": self.weekday,
            "nth": self.nth,
            "anchor_on": self.anchor,
            "start_time": self.start,
            "end_time": self.end,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
        }
        for widget in (self.kind, self.weekday, self.nth):
            widget.currentIndexChanged.connect(lambda _i: self._update())
        for edit in (self.start, self.end):
            edit.timeChanged.connect(lambda _t: self._update())
        self.anchor.dateChanged.connect(lambda _d: self._update())

    def add_rows(self, form: QFormLayout) -> None:
        """Add the boxes (each with its error line) to ``form``."""
        self.form = form
        rows = [
            ("schedule", "How &often:", self.kind, None),
            ("weekday", "&Day:", self.weekday, None),
            ("nth", "&Week:", self.nth, None),
            (
                "anchor_on",
                "One &meeting on:",
                self.anchor,
                "They meet every 2 weeks from this date.",
            ),
            ("start_time", "&Starts:", self.start, None),
            ("end_time", "&Ends:", self.end, None),
            ("valid_from", "&From:", self.valid_from, "No meetings are made before this day."),
            ("valid_to", "&Until:", self.valid_to, None),
        ]
        for key, text, widget, hint in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            self._rows[key] = form.rowCount()
            form.addRow(label, with_error(widget, self.labels[key], hint))
        self._rows["skip"] = form.rowCount()
        form.addRow("", self.skip_bank)
        form.addRow("In words:", self.words)
        self._update()

    def kind_value(self) -> ScheduleKind:
        """The pattern chosen."""
        return ScheduleKind(self.kind.currentData())

    def _update(self) -> None:
        kind = self.kind_value()
        if self.form is not None:
            shown = {
                "weekday": kind in (ScheduleKind.WEEKLY, ScheduleKind.MONTHLY),
                "nth": kind is ScheduleKind.MONTHLY,
                "anchor_on": kind is ScheduleKind.FORTNIGHTLY,
                "valid_from": kind is not ScheduleKind.NONE,
                "valid_to": kind is not ScheduleKind.NONE,
                "skip": kind is not ScheduleKind.NONE,
            }
            for key, visible in shown.items():
                self.form.setRowVisible(self._rows[key], visible)
        value = self.value()
        weekday = value.anchor_on.weekday() if value.anchor_on else value.weekday
        info = ScheduleInfo(
            value.kind,
            value.start_time,
            value.end_time,
            weekday,
            value.nth,
            value.anchor_on,
            value.valid_from,
            value.valid_to,
            value.skip_bank_holidays,
        )
        self.words.setText(describe_schedule(info))

    def value(self) -> ScheduleInput:
        """The schedule typed, as the service's input."""
        kind = self.kind_value()
        return ScheduleInput(
            kind=kind,
            start_time=time_value(self.start),
            end_time=time_value(self.end),
            weekday=self.weekday.currentIndex() if kind is not ScheduleKind.FORTNIGHTLY else None,
            nth=self.nth.currentData() if kind is ScheduleKind.MONTHLY else None,
            anchor_on=from_qdate(self.anchor.date()) if kind is ScheduleKind.FORTNIGHTLY else None,
            valid_from=from_qdate(self.valid_from.date())
            if kind is not ScheduleKind.NONE
            else None,
            valid_to=self.valid_to.value() if kind is not ScheduleKind.NONE else None,
            skip_bank_holidays=self.skip_bank.isChecked(),
        )

    def load(self, schedule: ScheduleInfo, today: date) -> None:
        """Show a saved schedule."""
        self.kind.setCurrentIndex(max(self.kind.findData(schedule.kind), 0))
        if schedule.weekday is not None:
            self.weekday.setCurrentIndex(schedule.weekday)
        if schedule.nth is not None:
            self.nth.setCurrentIndex(max(self.nth.findData(schedule.nth), 0))
        self.anchor.setDate(to_qdate(schedule.anchor_on or today))
        if schedule.start_time is not None:
            self.start.setTime(time_edit(schedule.start_time, "").time())
        if schedule.end_time is not None:
            self.end.setTime(time_edit(schedule.end_time, "").time())
        self.valid_from.setDate(to_qdate(schedule.valid_from or today))
        self.valid_to.set_value(schedule.valid_to)
        self.skip_bank.setChecked(schedule.skip_bank_holidays)
        self._update()
