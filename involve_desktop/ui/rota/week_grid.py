"""The week grid: one row per site, one column per day (Mon–Sun), each cell the day's shifts.

Each shift reads "09:00–13:00 / Aisha K., Ben M. / ✓ Covered" (one line each; the tooltip and
screen readers get "09:00–13:00 · Aisha Khan, Ben Morris · ✓ Covered", the full names). Two
people whose short names would read the same anywhere in the week shown get longer ones
("Callum Br.", "Callum Bu."; ``names.distinct_short_names``). Coverage is always in words
with a sign and the cell has an icon for its worst shift, so nothing relies on colour. An
overnight shift reads "22:00–06:00 (next day)". Someone on a shift from today on who has left,
is stepping back or has time off that day reads "Zoë C. (left)" and does not count toward its
cover (``rota_rules.away_from_shift``), so the coordinator sees why it is a gap.
Enter or a double-click asks to open the cell's shift (choosing one when there are several).
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QInputDialog,
    QStyle,
    QTableView,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.rota_dto import (
    AssigneeInfo,
    Attendance,
    CoverageState,
    ShiftView,
    SiteInfo,
)
from involve_desktop.core.sheets.names import distinct_short_names
from involve_desktop.ui.keyboard import tab_leaves

SHIFTS_ROLE = Qt.ItemDataRole.UserRole + 10
AnyIndex = QModelIndex | QPersistentModelIndex
SITE_HEADER_CHARS = 16  # wrap long site names in the row header instead of cutting them
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_ORDER = [
    CoverageState.NO_ONE,
    CoverageState.ALONE,
    CoverageState.SHORT,
    CoverageState.COVERED,
    CoverageState.FULL,
]


ShortNames = Mapping[str, str]
FULL_NAMES: ShortNames = {}  # no short forms: every name in full (tooltips, screen readers)


def short_names(views: Iterable[ShiftView]) -> dict[str, str]:
    """The short name of everyone on these shifts, told apart where two would read the same
    ("Callum Brown", "Callum Burgess" → "Callum Br.", "Callum Bu.")."""
    return distinct_short_names(a.name for view in views for a in view.assignees)


def short_name(name: str, shorts: ShortNames | None = None) -> str:
    """ "Aisha Khan" → "Aisha K." (or the form ``shorts`` gives it); a single name stays."""
    if shorts is not None:
        return shorts.get(name, name)
    return distinct_short_names([name])[name]


def person_words(person: AssigneeInfo, shorts: ShortNames | None = None) -> str:
    """ "Aisha K.", "Dafydd S. (bank)", "Mai N. (did not attend)", "Zoë C. (left)" — an
    absence in words (someone who left, is stepping back or has time off does not count).

    ``shorts`` maps full names to the short forms to show (``FULL_NAMES`` for full names);
    without it the name is shortened on its own."""
    text = short_name(person.name, shorts)
    if person.apart:  # someone of the same name is on the rota shown
        text += f" ({person.apart})"
    text += " (bank)" if person.bank else ""
    if person.attendance is Attendance.DID_NOT_ATTEND:
        text += " (did not attend)"
    elif person.attendance is Attendance.CANCELLED:
        text += " (cancelled)"
    elif person.away:
        text += f" ({person.away})"
    return text


def who_is_on(view: ShiftView) -> str:
    """ "Aisha K., Ben M. (bank)": the shift's people, told apart where two would read the
    same ("Callum Br., Callum Bu."); "" when no one is on."""
    shorts = short_names([view])
    return ", ".join(person_words(a, shorts) for a in view.assignees)


def coverage_words(view: ShiftView) -> str:
    """ "✓ Covered", "⚠ ALONE — needs 1 more", "✗ No one — needs 2", "Cancelled: …"."""
    if view.slot.cancelled:
        return f"Cancelled: {view.cancelled_reason or 'no reason given'}"
    more = max(view.slot.min_peers - view.on_count, 0)
    state = view.state
    if state is CoverageState.NO_ONE:
        return f"✗ No one — needs {view.slot.min_peers}"
    if state is CoverageState.ALONE:
        return f"⚠ ALONE — needs {more} more"
    if state is CoverageState.SHORT:
        return f"⚠ Short — needs {more} more"
    return f"✓ {state.label}"


def shift_line(
    view: ShiftView, with_site: bool = False, shorts: ShortNames | None = FULL_NAMES
) -> str:
    """One shift on one line: times, names (in full unless ``shorts`` says), coverage."""
    times = view.slot.times
    names = ", ".join(person_words(a, shorts) for a in view.assignees)
    parts = [view.slot.site_name, times] if with_site else [times]
    if names:
        parts.append(names)
    parts.append(coverage_words(view))
    return " · ".join(parts)


def shift_block(view: ShiftView, shorts: ShortNames | None = None) -> str:
    """A shift as the grid cell shows it: times, names, coverage, each on its own line."""
    names = ", ".join(person_words(a, shorts) for a in view.assignees)
    lines = [view.slot.times, names, coverage_words(view)]
    return "\n".join(line for line in lines if line)


def worst_state(views: list[ShiftView]) -> CoverageState | None:
    """The least covered state among shifts that are not cancelled."""
    states = [v.state for v in views if not v.slot.cancelled]
    return min(states, key=_ORDER.index) if states else None


def week_start(day: date) -> date:
    """The Monday on or before ``day``."""
    return day - timedelta(days=day.weekday())


class WeekGridModel(QAbstractTableModel):
    """Sites × the seven days of one week; each cell holds that day's shifts at the site."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._monday = week_start(date.today())
        self._sites: list[SiteInfo] = []
        self._cells: dict[tuple[int, int], list[ShiftView]] = {}
        self._shorts: dict[str, str] = {}

    def set_week(self, monday: date, sites: list[SiteInfo], views: list[ShiftView]) -> None:
        """Show ``views`` for the week starting ``monday`` in rows for ``sites``."""
        self.beginResetModel()
        self._monday = monday
        self._sites = list(sites)
        rows = {s.id: i for i, s in enumerate(self._sites)}
        cells: dict[tuple[int, int], list[ShiftView]] = defaultdict(list)
        for view in views:
            row = rows.get(view.slot.site_id)
            column = (view.slot.day - monday).days
            if row is not None and 0 <= column < 7:
                cells[(row, column)].append(view)
        self._cells = dict(cells)
        self._shorts = short_names(v for shifts in self._cells.values() for v in shifts)
        self.endResetModel()

    @property
    def monday(self) -> date:
        """The first day shown."""
        return self._monday

    def day_of(self, column: int) -> date:
        """The date shown in ``column``."""
        return self._monday + timedelta(days=column)

    def site_at(self, row: int) -> SiteInfo:
        """The site shown in ``row``."""
        return self._sites[row]

    def short_name_of(self, name: str) -> str:
        """How ``name`` reads in the grid this week (longer where two would read the same)."""
        return short_name(name, self._shorts)

    def shifts_at(self, row: int, column: int) -> list[ShiftView]:
        """The shifts in one cell, in time order."""
        return list(self._cells.get((row, column), []))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._sites)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._sites)):
            return None
        views = self._cells.get((index.row(), index.column()), [])
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n\n".join(shift_block(v, self._shorts) for v in views) if views else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(shift_line(v) for v in views) if views else ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            day = format_date(self.day_of(index.column()))
            site = self._sites[index.row()].name
            body = "; ".join(shift_line(v) for v in views) if views else "no shifts"
            return f"{site}, {day}: {body}"
        if role == Qt.ItemDataRole.DecorationRole:
            return _state_icon(worst_state(views))
        if role == SHIFTS_ROLE:
            return views
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal and role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            day = self.day_of(section)
            heading = f"{_DAY_NAMES[section]} {day.day} {format_date(day).split()[2]}"
            return f"{heading} (today)" if day == date.today() else heading
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._sites):
            name = self._sites[section].name
            if role == Qt.ItemDataRole.ToolTipRole:
                return name
            return "\n".join(textwrap.wrap(name, SITE_HEADER_CHARS)) or name
        return None


def _state_icon(state: CoverageState | None) -> Any:
    app = QApplication.instance()
    if state is None or not isinstance(app, QApplication):
        return None
    pixmap = {
        CoverageState.NO_ONE: QStyle.StandardPixmap.SP_MessageBoxCritical,
        CoverageState.ALONE: QStyle.StandardPixmap.SP_MessageBoxWarning,
        CoverageState.SHORT: QStyle.StandardPixmap.SP_MessageBoxWarning,
    }.get(state, QStyle.StandardPixmap.SP_DialogApplyButton)
    return app.style().standardIcon(pixmap)


def choose_shift(parent: QWidget | None, views: list[ShiftView]) -> ShiftView | None:
    """The one shift in a cell, or the one the user picks when there are several."""
    if len(views) <= 1:
        return views[0] if views else None
    lines = [shift_line(v) for v in views]
    picked, ok = QInputDialog.getItem(
        parent, "Open which shift?", "This day has more than one shift:", lines, 0, False
    )
    return views[lines.index(picked)] if ok and picked in lines else None


class WeekGrid(QTableView):
    """The grid view: arrows move between cells, Enter or double-click opens a cell."""

    open_requested = Signal(int, int)  # row, column

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid_model = WeekGridModel(self)
        self.setModel(self.grid_model)
        self.setAccessibleName("Week rota: sites by day")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        tab_leaves(self)  # Tab leaves the grid; arrows move inside it
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(90)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMaximumWidth(170)
        self.doubleClicked.connect(lambda index: self._request(index))

    def _request(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index.row(), index.column())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._request(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
