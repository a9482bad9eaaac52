"""Every shift below its minimum in a period, in time order, with its state in words.

Enter or a double-click asks to open the shift (``open_shift``).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import rota_coverage
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import ShiftView, hhmm
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.week_grid import coverage_words, short_name
from involve_desktop.ui.table_model import Column, DtoTableModel

PERIODS = (("The week shown", 1), ("4 weeks from the week shown", 4), ("13 weeks", 13))


def gap_columns() -> list[Column[ShiftView]]:
    """Site, day, times, who is on, coverage."""
    return [
        Column("Site", lambda v: v.slot.site_name),
        Column("Day", lambda v: format_date(v.slot.day), lambda v: v.slot.start),
        Column("Time", lambda v: f"{hhmm(v.slot.start)}–{hhmm(v.slot.end)}"),
        Column(
            "Who is on",
            lambda v: ", ".join(short_name(a.name) for a in v.assignees) or "—",
        ),
        Column("Coverage", coverage_words, lambda v: v.state.value),
    ]


class GapsTable(QTableView):
    """The gaps list; Enter opens the current gap."""

    open_requested = Signal(int)  # shift id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gaps_model: DtoTableModel[ShiftView] = DtoTableModel(gap_columns(), self)
        self.setModel(self.gaps_model)
        self.setAccessibleName("Gaps: shifts below their minimum")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.doubleClicked.connect(self._request)

    def _request(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.gaps_model.row_at(index.row()).slot.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._request(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class GapsView(QWidget):
    """A period chooser, a one-line summary and the gaps table."""

    open_shift = Signal(int)

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self._start = date.today()
        self._site_id: int | None = None
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        for text, weeks in PERIODS:
            self.period.addItem(text, weeks)
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = GapsTable()
        self.table.open_requested.connect(self.open_shift)
        top = QHBoxLayout()
        label = QLabel("&Period:")
        label.setBuddy(self.period)
        top.addWidget(label)
        top.addWidget(self.period)
        top.addWidget(self.summary, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.table, 1)

    def period_dates(self) -> tuple[date, date]:
        """First and last day of the chosen period."""
        weeks = int(self.period.currentData() or 1)
        return self._start, self._start + timedelta(days=7 * weeks - 1)

    def show_from(self, start: date, site_id: int | None) -> None:
        """Follow the rota's week and site filter."""
        self._start, self._site_id = start, site_id
        self.reload()

    def reload(self) -> None:
        """Ask the service for the gaps again."""
        start, end = self.period_dates()
        found: list[ShiftView] | None = None
        with service_call(self, title="Rota"), self.context.session() as session:
            found = rota_coverage.gaps(session, self.actor, start, end, site_id=self._site_id)
        if found is None:
            return
        self.table.gaps_model.set_rows(found)
        period = f"{format_date(start)} to {format_date(end)}"
        if found:
            count = len(found)
            self.summary.setText(f"{count} shift{'s' if count != 1 else ''} need cover, {period}")
        else:
            self.summary.setText(f"✓ No gaps: every shift is covered, {period}")
        if found and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.table.gaps_model.index(0, 0))
