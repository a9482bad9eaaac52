"""Small widgets shared by the rota set-up, auto-fill and availability dialogs."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QTime
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QWidget,
)

from involve_desktop.core.services import reference_lists
from involve_desktop.core.services.reference_lists import TrainingTypeInfo
from involve_desktop.core.services.rota_dto import hhmm
from involve_desktop.ui.context import AppContext
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

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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


def optional_spin(blank_text: str, accessible_name: str, maximum: int = 50) -> QSpinBox:
    """A number box from 1 to ``maximum`` whose lowest setting reads ``blank_text`` (None)."""
    spin = QSpinBox()
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
    edit.setValidator(QIntValidator(0, 9999, edit))
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
    table = QTableWidget(0, len(headers))
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


class PeriodFields:
    """ "From" and "To" date boxes with their error labels, for dialogs that act on a period."""

    def __init__(self, start: date, end: date) -> None:
        self.start = date_edit(start, "First day")
        self.end = date_edit(end, "Last day")
        self.labels = {"start": error_label(), "end": error_label()}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.focus = {"start": self.start, "end": self.end}

    def add_rows(self, form: QFormLayout) -> None:
        """Put the two boxes, each with its error line, into ``form``."""
        form.addRow("From:", with_error(self.start, self.labels["start"]))
        form.addRow("To:", with_error(self.end, self.labels["end"]))

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
