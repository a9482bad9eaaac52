"""Pieces shared by the member dialogs: date boxes, optional dates and a field with its error.

Dates read "Tue 3 Mar 2026" whatever the system language, weeks start on Monday, and an
optional date has a plain tick box ("Has an end date") rather than a magic empty value.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

# The day comes first so a date can be typed: Tab in, type "27", the month ("N" for Nov)
# and the year; the weekday follows the date by itself. With the weekday first, Qt refused
# typed days that no longer matched it.
DATE_FORMAT = "d MMM yyyy, ddd"
_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """A QDate as a Python date."""
    return date(day.year(), day.month(), day.day())


def date_edit(day: date | None = None, accessible_name: str = "Date") -> QDateEdit:
    """A date box with a calendar pop-up showing "3 Mar 2026, Tue"; today unless told.

    Typing works section by section (day, month, year); Alt+Down or F4 opens the calendar.
    """
    edit = QDateEdit()
    edit.setLocale(_LOCALE)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    edit.calendarWidget().setLocale(_LOCALE)
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setDate(to_qdate(day or date.today()))
    edit.setAccessibleName(accessible_name)
    return edit


class OptionalDate(QWidget):
    """A tick box ("Has an end date") that switches a date box on; unticked means no date."""

    changed = Signal()

    def __init__(self, question: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(question)
        self.edit = date_edit(accessible_name=accessible_name)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        """The chosen date, or None when the box is unticked."""
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        """Tick the box and show ``day``, or untick it for None (the date box keeps its date)."""
        if day is not None:
            self.edit.setDate(to_qdate(day))
        self.check.setChecked(day is not None)


def with_error(widget: QWidget, error: QLabel, hint: str | None = None) -> QWidget:
    """A field with an optional grey hint and its (hidden) error message right under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    if hint:
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setObjectName("fieldHint")
        layout.addWidget(note)
    layout.addWidget(error)
    box.setFocusProxy(widget)
    # A form's label names this box as its buddy, but a label's Alt+letter only focuses a
    # buddy that takes focus itself (the box must not: it would break Tab and first focus).
    # Once the form is built, its label points at the field instead.
    QTimer.singleShot(0, box, lambda: _label_the_field(box, widget))
    return box


def _label_the_field(box: QWidget, field: QWidget) -> None:
    """Make the label whose buddy is ``box`` (if any) name ``field`` instead."""
    if not (isValid(box) and isValid(field)):
        return  # the form was closed and deleted before the timer ran
    for label in box.window().findChildren(QLabel):
        if isValid(label) and label.buddy() is box:
            label.setBuddy(field)


def save_cancel(save_text: str) -> QDialogButtonBox:
    """Save and Cancel buttons, Save renamed to say what it does and showing Ctrl+S."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setText(save_text)
    save.setToolTip(f"{save_text} (Ctrl+S)")
    save.setDefault(True)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip("Close (Esc)")
    return buttons


def radio_choices(title: str, options: list[str]) -> tuple[QWidget, QButtonGroup]:
    """Radio buttons stacked in a column, the first chosen; returns the box and its group."""
    box = QWidget()
    box.setAccessibleName(title)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(box)
    for index, text in enumerate(options):
        button = QRadioButton(text)
        group.addButton(button, index)
        column.addWidget(button)
    group.button(0).setChecked(True)
    return box, group
