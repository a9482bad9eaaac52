"""The period the Payments area shows: last complete month by default, "This month",
"Last month", the month before or after, or any two dates typed in.

Pay lines, claims and the finance batch are all for one period (inclusive dates); the bar
emits ``changed`` with the first and last day whenever the choice changes.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from involve_desktop.core.formatting import format_date
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate, to_qdate
from involve_desktop.ui.rota.setup_widgets import month_name


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of ``day``'s calendar month."""
    first = day.replace(day=1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first, last


def last_month(today: date) -> tuple[date, date]:
    """The last complete calendar month before ``today``'s."""
    return month_of(today.replace(day=1) - timedelta(days=1))


def is_whole_month(start: date, end: date) -> bool:
    """True when ``start``–``end`` is exactly one calendar month."""
    return (start, end) == month_of(start)


def period_words(start: date, end: date) -> str:
    """ "October 2026", or "Thu 1 Oct 2026 to Thu 15 Oct 2026"."""
    if is_whole_month(start, end):
        return month_name(start)
    return f"{format_date(start)} to {format_date(end)}"


def period_slug(start: date, end: date) -> str:
    """For file names: "2026-10" for a whole month, else "2026-10-01-to-2026-10-15"."""
    if is_whole_month(start, end):
        return f"{start:%Y-%m}"
    return f"{start.isoformat()}-to-{end.isoformat()}"


class PeriodBar(QWidget):
    """From and To boxes with quick choices; ``changed(start, end)`` when they change."""

    changed = Signal(object, object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        start, end = last_month(today)
        self.start_edit = date_edit(start, "Period from")
        self.end_edit = date_edit(end, "Period to")
        wide = self.fontMetrics().horizontalAdvance("Wed 30 Sep 2026") + 48  # + the arrow
        for edit in (self.start_edit, self.end_edit):
            edit.setMinimumWidth(wide)
        self.words = QLabel()
        self.words.setAccessibleName("Period shown")
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.RichText)
        self.previous_button = QPushButton("◀")
        self.previous_button.setToolTip("The month before")
        self.previous_button.setAccessibleName("The month before")
        self.previous_button.setMaximumWidth(self.fontMetrics().horizontalAdvance("◀") * 4)
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip("The month after")
        self.next_button.setAccessibleName("The month after")
        self.next_button.setMaximumWidth(self.previous_button.maximumWidth())
        self.last_month_button = QPushButton("&Last month")
        self.last_month_button.setToolTip(month_name(start))
        self.this_month_button = QPushButton("Th&is month")
        self.this_month_button.setToolTip(month_name(today))
        self.previous_button.clicked.connect(lambda _c=False: self.step(-1))
        self.next_button.clicked.connect(lambda _c=False: self.step(1))
        self.last_month_button.clicked.connect(
            lambda _c=False: self.set_period(*last_month(self.today))
        )
        self.this_month_button.clicked.connect(
            lambda _c=False: self.set_period(*month_of(self.today))
        )
        self.start_edit.dateChanged.connect(lambda _d: self._edited())
        self.end_edit.dateChanged.connect(lambda _d: self._edited())
        from_label = QLabel("Pa&yments from:")
        from_label.setBuddy(self.start_edit)
        to_label = QLabel("to:")
        to_label.setBuddy(self.end_edit)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        column.addLayout(row)
        row.addWidget(from_label)
        row.addWidget(self.start_edit)
        row.addWidget(to_label)
        row.addWidget(self.end_edit)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        # Quick choices and the words on a second line, so the area still fits beside the
        # sidebar on a small screen.
        quick = QHBoxLayout()
        column.addLayout(quick)
        quick.addWidget(self.last_month_button)
        quick.addWidget(self.this_month_button)
        quick.addSpacing(8)
        quick.addWidget(self.words, 1)
        self._start, self._end = start, end
        self._show_words()

    def period(self) -> tuple[date, date]:
        """The first and last day shown (inclusive)."""
        return self._start, self._end

    def set_period(self, start: date, end: date) -> None:
        """Show ``start``–``end`` (emits ``changed`` once if it differs)."""
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        self._edited()

    def step(self, months: int) -> None:
        """The month before (-1) or after (1) the one the period starts in."""
        first = self._start.replace(day=1)
        if months < 0:
            self.set_period(*month_of(first - timedelta(days=1)))
        else:
            self.set_period(*month_of(month_of(first)[1] + timedelta(days=1)))

    def _edited(self) -> None:
        start, end = from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())
        if end < start:  # typed a start after the end: keep a sensible period
            end = start
            self.end_edit.blockSignals(True)
            self.end_edit.setDate(to_qdate(end))
            self.end_edit.blockSignals(False)
        if (start, end) == (self._start, self._end):
            return
        self._start, self._end = start, end
        self._show_words()
        self.changed.emit(start, end)

    def _show_words(self) -> None:
        words = period_words(self._start, self._end)
        note = ""
        if self._start > self.today:
            note = " — still to come: nothing is paid before it happens"
        elif self._end >= self.today:
            note = " — not over yet: only what is recorded so far is paid"
        self.words.setText(f"<b>{words}</b>{note}")
        self.words.setAccessibleName(f"Period shown: {words}{note}")

    def text(self) -> str:
        """The period in words, as shown (without the bold)."""
        return self.words.accessibleName().removeprefix("Period shown: ")
