"""Every shift below its minimum in a period, in time order, with its state in words and
why it is a gap ("alone: needs 2, has 1 — no one with current peer support training
available"), worked out by the rota services.

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
from involve_desktop.core.services import rota_gap_reasons
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import GapInfo, hhmm, plural
from involve_desktop.core.text import natural_sort_key
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.week_grid import coverage_words, who_is_on
from involve_desktop.ui.table_model import Column, DtoTableModel

FIT_ROWS_UP_TO = 400  # measuring every row of a very long list would be slow
PERIODS = (("The week shown", 1), ("4 weeks from the week shown", 4), ("13 weeks", 13))
ASKED = "asked"  # the period's data when Home asked for particular dates


def gap_columns() -> list[Column[GapInfo]]:
    """Site, day, times, who is on, coverage, why."""
    return [
        Column(
            "Site",
            lambda g: g.view.slot.site_name,
            lambda g: (natural_sort_key(g.view.slot.site_name), g.view.slot.day),
        ),
        Column("Day", lambda g: format_date(g.view.slot.day), lambda g: g.view.slot.start),
        Column("Time", lambda g: f"{hhmm(g.view.slot.start)}–{hhmm(g.view.slot.end)}"),
        Column(
            "Who is on",
            lambda g: who_is_on(g.view) or "—",
        ),
        Column("Coverage", lambda g: coverage_words(g.view), lambda g: g.view.state.value),
        Column("Why", lambda g: g.why, tooltip=lambda g: g.why),  # whole when the cell cuts it
    ]


class GapsTable(QTableView):
    """The gaps list; Enter opens the current gap."""

    open_requested = Signal(int)  # shift id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gaps_model: DtoTableModel[GapInfo] = DtoTableModel(gap_columns(), self)
        self.setModel(self.gaps_model)
        self.setAccessibleName("Gaps: shifts below their minimum")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tab_leaves(self)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.doubleClicked.connect(self._request)

    def _request(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.gaps_model.row_at(index.row()).view.slot.id)

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
        self._asked: tuple[date, date] | None = None
        self.today: date | None = None  # None: the real today (tests set a fixed day)
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
        label = QLabel("Peri&od:")  # Alt+P is the rota's ◀ Previous
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
        if self.period.currentData() == ASKED and self._asked is not None:
            return self._asked
        weeks = int(self.period.currentData() or 1)
        return self._start, self._start + timedelta(days=7 * weeks - 1)

    def show_period(self, start: date, end: date) -> None:
        """The gaps from ``start`` to ``end`` (what a Home figure counted), as a choice of
        its own in the period list until another is chosen."""
        self._asked = (start, end)
        text = f"{format_date(start)} to {format_date(end)}"
        index = self.period.findData(ASKED)
        if index < 0:
            self.period.addItem(text, ASKED)
            index = self.period.count() - 1
        self.period.setItemText(index, text)
        self.period.blockSignals(True)
        self.period.setCurrentIndex(index)
        self.period.blockSignals(False)
        self.reload()

    def show_from(self, start: date, site_id: int | None) -> None:
        """Follow the rota's week and site filter."""
        self._start, self._site_id = start, site_id
        self.reload()

    def reload(self) -> None:
        """Ask the service for the gaps again."""
        start, end = self.period_dates()
        found: list[GapInfo] | None = None
        planned: rota_gap_reasons.PlannedShifts | None = None
        with service_call(self, title="Rota"), self.context.session() as session:
            found = rota_gap_reasons.gaps_with_reasons(
                session, self.actor, start, end, site_id=self._site_id, today=self.today
            )
            planned = rota_gap_reasons.planned_shifts(
                session, self.actor, start, end, site_id=self._site_id
            )
        if found is None or planned is None:
            return
        self.table.gaps_model.set_rows(found)
        if len(found) <= FIT_ROWS_UP_TO:  # rows as tall as their wrapped "Why" (no "…")
            self.table.resizeRowsToContents()
        period = f"{format_date(start)} to {format_date(end)}"
        early = planned.ends_early()
        if found:
            verb = "needs" if len(found) == 1 else "need"
            text = f"{plural(len(found), 'shift')} {verb} cover, {period}"
            self.summary.setText(text if early is None else f"{text}. {early}")
        elif (empty := planned.none_planned()) is not None:
            self.summary.setText(empty)  # no "✓": weeks with no shifts are not covered
        else:
            text = f"✓ No gaps: every shift is covered, {period}"
            self.summary.setText(text if early is None else f"{text}. {early}")
        if found and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.table.gaps_model.index(0, 0))
