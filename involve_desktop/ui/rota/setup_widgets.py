"""Small widgets shared by the rota set-up, auto-fill and availability dialogs."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QTime
from PySide6.QtGui import QIntValidator, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QToolTip,
    QWidget,
)

from involve_desktop.core.services import reference_lists
from involve_desktop.core.services.reference_lists import TrainingTypeInfo
from involve_desktop.core.services.rota_dto import hhmm
from involve_desktop.core.services.rota_rules import MONTHS, WEEKDAYS
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate, to_qdate, with_error
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call

__all__ = [
    "WEEKDAYS",
    "date_edit",
    "from_qdate",
    "to_qdate",
    "with_error",
    "time_edit",
    "time_value",
    "optional_spin",
    "spin_value",
    "optional_int",
    "int_value",
    "read_only_table",
    "fill_table",
    "intro",
    "hhmm",
]


def time_edit(value: time, accessible_name: str) -> QTimeEdit:
    """A 24-hour time box ("09:00")."""
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(accessible_name)
    return edit


def time_value(edit: QTimeEdit) -> time:
    """The time in a time box."""
    t = edit.time()
    return time(t.hour(), t.minute())


NO_MINUS = "Only 0 or more here — a minus sign is not used."


class CountSpin(QSpinBox):
    """A number box for counts: a typed minus sign is not silently dropped (which would
    turn "-1" into "1") but refused with a tip beside the box (``refused`` holds it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refused = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.text() == "-":
            self.refused = NO_MINUS
            QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), NO_MINUS, self)
            event.accept()
            return
        self.refused = ""
        super().keyPressEvent(event)


def optional_spin(blank_text: str, accessible_name: str, maximum: int = 50) -> QSpinBox:
    """A number box from 1 to ``maximum`` whose lowest setting reads ``blank_text`` (None)."""
    spin = CountSpin()
    spin.setRange(0, maximum)
    spin.setSpecialValueText(blank_text)
    spin.setAccessibleName(accessible_name)
    return spin


def spin_value(spin: QSpinBox) -> int | None:
    """The number in an optional number box, or None at its blank setting."""
    return spin.value() or None


def optional_int(accessible_name: str, placeholder: str = "blank = no limit") -> QLineEdit:
    """A whole-number box that may be left blank."""
    edit = QLineEdit()
    # Negative numbers are let through so the service can say what is wrong beside the
    # field: a validator that only allowed 0 up would quietly turn "-1" into "1".
    edit.setValidator(QIntValidator(-9999, 9999, edit))
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(accessible_name)
    edit.setMaximumWidth(160)
    return edit


def int_value(edit: QLineEdit) -> int | None:
    """The whole number typed, or None when blank."""
    text = edit.text().strip()
    return int(text) if text else None


def read_only_table(headers: list[str], accessible_name: str) -> QTableWidget:
    """A table of whole rows that can be selected but not edited in place."""
    table = tab_leaves(QTableWidget(0, len(headers)))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setAccessibleName(accessible_name)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    """Replace the rows of a read-only table."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


def intro(text: str, parent: QWidget | None = None) -> QLabel:
    """A wrapped line of explanation."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def second_key(dialog: QWidget, button: QAbstractButton, key: str) -> QShortcut:
    """``key`` ("Ctrl+N") presses ``button`` too, while it is shown and enabled, and its
    Alt letter keeps working: ``setShortcut`` would replace the letter's shortcut."""
    shortcut = QShortcut(QKeySequence(key), dialog)

    def press() -> None:
        if button.isVisible() and button.isEnabled():
            button.animateClick()

    shortcut.activated.connect(press)
    return shortcut


def next_month(today: date) -> tuple[date, date]:
    """The first and last day of the calendar month after ``today``'s."""
    first = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first, last


def month_name(day: date) -> str:
    """ "December 2026"."""
    return f"{MONTHS[day.month - 1]} {day.year}"


class PeriodFields:
    """ "From" and "To" date boxes with their error labels, for dialogs that act on a period,
    and quick choices: "Next month (December 2026)" and "4 weeks from today"."""

    def __init__(self, start: date, end: date, today: date | None = None) -> None:
        self.today = today or date.today()
        self.start = date_edit(start, "First day")
        self.end = date_edit(end, "Last day")
        self.labels = {"start": error_label(), "end": error_label()}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.focus = {"start": self.start, "end": self.end}
        first, _last = next_month(self.today)
        self.next_month_button = QPushButton(f"Next &month ({month_name(first)})")
        self.next_month_button.setToolTip("From the 1st to the last day of next month")
        self.next_month_button.clicked.connect(lambda _checked=False: self.choose_next_month())
        self.four_weeks_button = QPushButton("4 &weeks from today")
        self.four_weeks_button.clicked.connect(lambda _checked=False: self.choose_four_weeks())

    def add_rows(self, form: QFormLayout) -> None:
        """Put the two boxes, each with its error line, and the quick choices into ``form``."""
        form.addRow("From:", with_error(self.start, self.labels["start"]))
        form.addRow("To:", with_error(self.end, self.labels["end"]))
        quick = QWidget()
        row = QHBoxLayout(quick)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.next_month_button)
        row.addWidget(self.four_weeks_button)
        row.addStretch(1)
        form.addRow("Or:", quick)

    def set_dates(self, start: date, end: date) -> None:
        """Show ``start`` to ``end``."""
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(end))

    def choose_next_month(self) -> None:
        """The whole of next month."""
        self.set_dates(*next_month(self.today))

    def choose_four_weeks(self) -> None:
        """Today and the 27 days after it."""
        self.set_dates(self.today, self.today + timedelta(days=27))

    def dates(self) -> tuple[date, date]:
        """The chosen first and last day."""
        return from_qdate(self.start.date()), from_qdate(self.end.date())


class TrainingChoice(QComboBox):
    """Which training a shift needs: any training type in the list, or "No training needed"."""

    NONE_TEXT = "No training needed (rare — e.g. a social)"

    def __init__(self, types: list[TrainingTypeInfo], selected_id: int | None) -> None:
        super().__init__()
        self.setAccessibleName("Training needed")
        for info in types:
            self.addItem(info.name, info.id)
        if selected_id is not None and self.findData(selected_id) < 0:
            self.addItem("(a training no longer in the list)", selected_id)
        self.addItem(self.NONE_TEXT, None)
        self.setCurrentIndex(
            self.findData(selected_id) if selected_id is not None else self.count() - 1
        )

    def training_id(self) -> int | None:
        """The chosen training's id, or None for no training."""
        return self.currentData()


def load_training_types(context: AppContext, parent: QWidget) -> list[TrainingTypeInfo]:
    """The active training types (an empty list if they cannot be read; the error is shown)."""
    found: list[TrainingTypeInfo] = []
    with service_call(parent), context.session() as session:
        found = reference_lists.training_types(session)
    return found
