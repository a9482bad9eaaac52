"""After the shift: what happened for each person on it, and the hours they actually did.

One row per person: Not recorded yet / Worked / Did not attend / Cancelled, and for "Worked"
the actual hours (left at "as planned", the shift's length is used). "Everyone worked as
planned" fills every row in one go. Saving is all or nothing. Worked shifts appear in the
member's involvement history; "did not attend" and "cancelled" free the place.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import rota_attendance
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import AssigneeInfo, Attendance, ShiftView
from involve_desktop.core.services.rota_rules import hours_text
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.members.dialog_widgets import save_cancel
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.setup_widgets import intro
from involve_desktop.ui.widgets import buttons_row

NOT_RECORDED = "Not recorded yet"


class HoursSpin(QDoubleSpinBox):
    """Actual hours; its lowest setting reads "As planned (4 h)". The arrows (and Page Up /
    Down) step from the planned hours, not from nothing: ▲ from "As planned" gives the
    planned hours plus a quarter, ▼ a quarter less."""

    def __init__(self, planned_minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planned_hours = planned_minutes / 60

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        if self.value() == self.minimum() and steps:
            self.setValue(max(self.planned_hours + steps * self.singleStep(), self.singleStep()))
            self.selectAll()
            return
        super().stepBy(steps)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt's name
        flags = super().stepEnabled()
        if self.isEnabled() and self.value() == self.minimum():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags


class OutcomeRow:
    """The state and hours boxes for one person."""

    def __init__(self, person: AssigneeInfo, planned_minutes: int) -> None:
        self.person = person
        self.state = QComboBox()
        self.state.setAccessibleName(f"What happened for {person.name}")
        self.state.addItem(NOT_RECORDED, None)
        for option in Attendance:
            text = "Cancelled (by them)" if option is Attendance.CANCELLED else option.label
            self.state.addItem(text, option.value)
        self.hours = HoursSpin(planned_minutes)
        self.hours.setAccessibleName(f"Hours {person.name} actually did")
        self.hours.setRange(0, 24)
        self.hours.setSingleStep(0.25)
        self.hours.setDecimals(2)
        self.hours.setSuffix(" h")
        self.hours.setSpecialValueText(f"As planned ({hours_text(planned_minutes)})")
        self.planned_minutes = planned_minutes
        if person.attendance is not None:
            self.state.setCurrentIndex(self.state.findData(person.attendance.value))
        if person.actual_minutes and person.actual_minutes != planned_minutes:
            self.hours.setValue(person.actual_minutes / 60)
        self.state.currentIndexChanged.connect(lambda _i: self._enable_hours())
        self._enable_hours()

    def _enable_hours(self) -> None:
        worked = self.chosen() is Attendance.WORKED
        self.hours.setEnabled(worked)
        if not worked:
            self.hours.setValue(0)

    def chosen(self) -> Attendance | None:
        """The state chosen (Qt hands enum data back as plain strings)."""
        data = self.state.currentData()
        return Attendance(data) if data else None

    def value(self) -> tuple[Attendance | None, float | None]:
        """(state, hours or None for "as planned")."""
        state = self.chosen()
        hours = self.hours.value() if state is Attendance.WORKED and self.hours.value() else None
        return state, hours


class OutcomeDialog(EditDialog):
    """Record what happened on ``view``'s shift for everyone on it."""

    def __init__(
        self, context: AppContext, actor: Actor, view: ShiftView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.view = context, actor, view
        self.setWindowTitle(f"What happened — {view.slot.label}")
        self.rows = [OutcomeRow(p, view.slot.minutes) for p in view.assignees]
        grid = QGridLayout()
        for column, heading in enumerate(("Person", "What happened", "Hours actually done")):
            label = QLabel(f"<b>{heading}</b>")
            grid.addWidget(label, 0, column)
        for r, row in enumerate(self.rows, start=1):
            name = QLabel(row.person.name + (" (bank)" if row.person.bank else ""))
            name.setBuddy(row.state)
            grid.addWidget(name, r, 0)
            grid.addWidget(row.state, r, 1)
            grid.addWidget(row.hours, r, 2)
        self.all_worked_button = QPushButton("&Everyone worked as planned")
        self.all_worked_button.clicked.connect(self.all_worked)
        self.labels = {"attendance": error_label(), "actual_hours": error_label()}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        buttons = save_cancel("Save what happened")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            intro(
                "Worked shifts count in each person's involvement history. Did not attend "
                "and Cancelled free the place (the shift may show as a gap)."
            )
        )
        layout.addLayout(grid)
        layout.addLayout(buttons_row(self.all_worked_button))
        layout.addWidget(self.labels["attendance"])
        layout.addWidget(self.labels["actual_hours"])
        layout.addWidget(self.fallback)
        layout.addWidget(buttons)
        if self.rows:
            self.rows[0].state.setFocus()
        self.save_keys(self.save, buttons.button(buttons.StandardButton.Save))

    def all_worked(self) -> None:
        """Mark everyone as worked the planned hours."""
        for row in self.rows:
            row.state.setCurrentIndex(row.state.findData(Attendance.WORKED.value))
            row.hours.setValue(0)

    def save(self) -> None:
        """Save every row in one step (nothing is saved if one is wrong)."""
        outcomes = {row.person.assignment_id: row.value() for row in self.rows}
        with (
            service_call(self, self.errors) as call,
            self.context.session() as session,
        ):
            rota_attendance.record_shift_outcomes(session, self.actor, outcomes)
        if not call.failed:
            self.accept()
