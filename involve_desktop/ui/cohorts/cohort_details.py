"""The Details tab of the cohort dialog: programme, name, start and end, venue, capacity
(blank for no limit) and status. ``value()`` is the ``CohortInput`` as typed; ``labels`` and
``focus`` let the dialog show each problem beside its box."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from involve_desktop.core.services.cohorts_dto import (
    CohortInfo,
    CohortInput,
    CohortStatus,
    ProgrammeInfo,
)
from involve_desktop.ui.members.dialog_widgets import (
    OptionalDate,
    date_edit,
    from_qdate,
    to_qdate,
    with_error,
)
from involve_desktop.ui.messages import error_label
from involve_desktop.ui.rota.setup_widgets import optional_spin, spin_value

FIELDS = ("programme_id", "name", "start_on", "end_on", "venue", "capacity", "status")


class CohortDetails(QWidget):
    """See the module docstring."""

    def __init__(
        self, programmes: list[ProgrammeInfo], start: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.programmes = {p.id: p for p in programmes}
        self.programme = QComboBox()
        self.programme.setAccessibleName("Programme")
        for p in programmes:
            self.programme.addItem(p.name, p.id)
        self._suggested = ""
        self.programme.currentIndexChanged.connect(lambda _i: self._suggest_name())
        self.name = QLineEdit()
        self.name.setAccessibleName("Cohort name")
        self.name.setPlaceholderText("e.g. Cohort 4, or Spring 2026")
        self.start_on = date_edit(start, "Start date")
        self.end_on = OptionalDate("Has an end date", "End date")
        self.venue = QLineEdit()
        self.venue.setAccessibleName("Venue")
        self.venue.setPlaceholderText("e.g. Riverside Voices office, Room 2")
        self.capacity = optional_spin("No limit", "Places (capacity)", 200)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for s in CohortStatus:
            self.status.addItem(s.label, s)
        self.labels = {name: error_label() for name in FIELDS}
        self.focus: dict[str, QWidget] = {
            "programme_id": self.programme,
            "name": self.name,
            "start_on": self.start_on,
            "end_on": self.end_on,
            "venue": self.venue,
            "capacity": self.capacity,
            "status": self.status,
        }
        hints = {
            "end_on": "Left blank, it is set to the last session's day when you plan sessions",
            "capacity": "When every place is taken, people go on the waiting list in order",
        }
        form = QFormLayout(self)
        for text, name in (
            ("&Programme:", "programme_id"),
            ("&Name:", "name"),
            ("S&tart:", "start_on"),
            ("&End:", "end_on"),
            ("&Venue:", "venue"),
            ("Pl&aces:", "capacity"),
            ("Stat&us:", "status"),
        ):
            label = QLabel(text)
            label.setBuddy(self.focus[name])
            form.addRow(label, with_error(self.focus[name], self.labels[name], hints.get(name)))

    def value(self) -> CohortInput:
        """The cohort as typed."""
        return CohortInput(
            programme_id=self.programme.currentData(),
            name=self.name.text(),
            start_on=from_qdate(self.start_on.date()),
            end_on=self.end_on.value(),
            venue=self.venue.text() or None,
            capacity=spin_value(self.capacity),
            status=self.status.currentData(),
        )

    def set_programme(self, programme_id: int | None) -> None:
        """Choose ``programme_id`` (a new cohort of the programme chosen in the area)."""
        index = self.programme.findData(programme_id)
        if index >= 0:
            self.programme.setCurrentIndex(index)
        self._suggest_name()

    def _suggest_name(self) -> None:
        """A new cohort is named after the programme's count ("Cohort 4") until typed over."""
        chosen = self.programmes.get(self.programme.currentData())
        if chosen is None or self.name.text() not in ("", self._suggested):
            return
        self._suggested = f"Cohort {chosen.cohorts + 1}"
        self.name.setText(self._suggested)

    def set_info(self, info: CohortInfo) -> None:
        """Show a saved cohort's details."""
        self.set_programme(info.programme_id)
        self.name.setText(info.name)
        self.start_on.setDate(to_qdate(info.start_on))
        self.end_on.set_value(info.end_on)
        self.venue.setText(info.venue or "")
        self.capacity.setValue(info.capacity or 0)
        self.status.setCurrentIndex(max(self.status.findData(info.status), 0))
