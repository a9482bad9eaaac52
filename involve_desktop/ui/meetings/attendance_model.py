"""The rows of the attendance entry screen: number, name, and Present / Apologies / blank.

Rows are in the printed sign-in sheet's order (expected people by name, then walk-ins), so
the person typing can follow the paper line by line. States are kept here until saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from involve_desktop.core.services.meetings_dto import AttendanceRow, AttendanceState

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("No.", "Name", "Attendance")
MARKS = {AttendanceState.PRESENT: "✓ Present", AttendanceState.APOLOGIES: "Apologies", None: ""}


class AttendanceModel(QAbstractTableModel):
    """Who is on the list and what is marked for each; ``dirty`` while the marks differ
    from the saved ones (a mark put back as it was is not a change)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendanceRow] = []
        self._states: dict[int, AttendanceState | None] = {}
        self._saved: dict[int, AttendanceState] = {}  # the marks as stored, to compare with

    @property
    def dirty(self) -> bool:
        """True when some mark differs from what is saved."""
        marked = {m: s for m, s in self._states.items() if s is not None}
        return marked != self._saved

    def keep_as_saved(self, member_id: int | None = None) -> None:
        """The marks shown are now saved (only ``member_id``'s, when given)."""
        marks = self._states if member_id is None else {member_id: self._states.get(member_id)}
        for m, state in marks.items():
            if state is None:
                self._saved.pop(m, None)
            else:
                self._saved[m] = state

    def set_rows(self, rows: tuple[AttendanceRow, ...] | list[AttendanceRow]) -> None:
        """Show these rows with their saved states."""
        self.beginResetModel()
        self._rows = list(rows)
        self._states = {r.member_id: r.state for r in rows}
        self._saved = {r.member_id: r.state for r in rows if r.state is not None}
        self.endResetModel()

    def add_row(self, row: AttendanceRow, state: AttendanceState | None) -> int:
        """Add a walk-in at the end (or mark them if already listed); their row number."""
        for number, existing in enumerate(self._rows):
            if existing.member_id == row.member_id:
                self.set_state(number, state)
                return number
        number = len(self._rows)
        self.beginInsertRows(QModelIndex(), number, number)
        self._rows.append(row)
        self._states[row.member_id] = state
        self.endInsertRows()
        return number

    def member_at(self, row: int) -> AttendanceRow:
        """The person on ``row``."""
        return self._rows[row]

    def state_at(self, row: int) -> AttendanceState | None:
        """What is marked for ``row``."""
        return self._states.get(self._rows[row].member_id)

    def set_state(self, row: int, state: AttendanceState | None) -> None:
        """Mark ``row``."""
        member_id = self._rows[row].member_id
        if self._states.get(member_id) == state:
            return
        self._states[member_id] = state
        index = self.index(row, 2)
        self.dataChanged.emit(self.index(row, 0), index)

    def toggle(self, row: int, state: AttendanceState) -> None:
        """Space / A: mark ``state``, or clear it if it was already marked."""
        self.set_state(row, None if self.state_at(row) == state else state)

    def states(self) -> dict[int, AttendanceState | None]:
        """member id → state, for saving."""
        return dict(self._states)

    def counts(self) -> tuple[int, int, int]:
        """(present, apologies, not marked)."""
        values = [self._states.get(r.member_id) for r in self._rows]
        present = sum(1 for v in values if v is AttendanceState.PRESENT)
        apologies = sum(1 for v in values if v is AttendanceState.APOLOGIES)
        return present, apologies, len(values) - present - apologies

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        state = self._states.get(person.member_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                return str(index.row() + 1)
            if index.column() == 1:
                return person.name if person.expected else f"{person.name} (not on the sheet)"
            text = MARKS[state]
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{person.name}: {text or 'not marked'}"
            return text
        if role == Qt.ItemDataRole.FontRole and index.column() == 2 and state is not None:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None
