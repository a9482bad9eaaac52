"""Involvement spread by quarter (issue 9, point 4): how many different people took part,
newcomers and returning, and how much the most involved few carried — by kind of involvement.

A range of quarters to choose (the last four by default), the plain readings for the whole
range on top, a table of quarter × kind, and two charts (people each quarter, new and
returning; the share of all involvement taken by the 3 most involved). Ctrl+P prints the
annual report, which carries the same figures with charts.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.involvement_spread import (
    InvolvementKind,
    InvolvementSpread,
    Quarter,
    SpreadRow,
    involvement_spread,
    quarter_of,
    quarters_between,
)
from involve_desktop.core.services.spread_stats import percent
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement.spread_chart import SpreadChart
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import Column, DtoTableModel, sorting_proxy
from involve_desktop.ui.today import LiveToday

YEARS_OFFERED = 5
# Alt+F is the File menu: From is Alt+O
SPREAD_LABELS = {"From": "Fr&om", "Show": "&Show"}
COLUMNS: list[Column[SpreadRow]] = [
    Column("Quarter", lambda r: r.quarter.label, lambda r: r.quarter.start),
    Column("Kind", lambda r: r.kind.label, lambda r: list(InvolvementKind).index(r.kind)),
    Column("People", lambda r: f"{r.figures.people:,}", lambda r: r.figures.people),
    Column(
        "New",
        lambda r: f"{r.newcomers:,}",
        lambda r: r.newcomers,
        lambda r: (
            "People who took part in anything for the first time in this quarter"
            if r.kind is InvolvementKind.ALL
            else f"People new to {r.kind.label.lower()}: their first ever in this quarter"
        ),
    ),
    Column("Returning", lambda r: f"{r.returning:,}", lambda r: r.returning),
    Column(
        "Top 3 took",
        lambda r: percent(r.figures.top_few_share),
        lambda r: r.figures.top_few_share or 0,
        lambda r: r.reading,
    ),
    Column(
        "Top 10 % took",
        lambda r: percent(r.figures.top_share_share),
        lambda r: r.figures.top_share_share or 0,
        lambda r: f"The {r.figures.top_share_people} most involved of {r.figures.people}",
    ),
    Column(
        "Gini",
        lambda r: f"{r.figures.gini:.2f}" if r.figures.people else "–",
        lambda r: r.figures.gini,
        lambda r: "0 = everyone took part equally; towards 1 = one person did nearly everything",
    ),
]


class SpreadTab(QWidget):
    """See the module docstring."""

    today = LiveToday()

    new_text: str | None = None  # nothing to add here: the figures come from the records
    print_text: str | None = "Print the annual report…"

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.today = today  # None: follows the real date (LiveToday)
        self.result: InvolvementSpread | None = None
        current = quarter_of(self.today)
        offered = quarters_between(date(self.today.year - YEARS_OFFERED, 1, 1), current.end)
        self.from_box, self.to_box = QComboBox(), QComboBox()
        for box in (self.from_box, self.to_box):
            for quarter in offered:
                box.addItem(quarter.label, quarter)
        self.from_box.setCurrentIndex(max(0, len(offered) - 4))
        self.to_box.setCurrentIndex(len(offered) - 1)
        self.from_box.setAccessibleName("From quarter")
        self.to_box.setAccessibleName("To quarter")
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName("Kind of involvement shown in the table")
        self.kind_box.addItem("Every kind", None)
        for kind in InvolvementKind:
            self.kind_box.addItem(kind.label, kind)
        choose = QHBoxLayout()
        for label, box in (("From", self.from_box), ("to", self.to_box), ("Show", self.kind_box)):
            text = QLabel(SPREAD_LABELS.get(label, label))
            text.setBuddy(box)
            choose.addWidget(text)
            choose.addWidget(box)
        choose.addStretch(1)
        self.readings = QLabel()
        self.readings.setWordWrap(True)
        self.readings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model: DtoTableModel[SpreadRow] = DtoTableModel(COLUMNS, self)
        self.proxy = sorting_proxy(self.model, self)
        self.table = tab_leaves(QTableView())
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName("Spread by quarter and kind")
        self.people_chart = SpreadChart("People involved each quarter")
        self.share_chart = SpreadChart(
            "Share taken by the 3 most involved (all kinds)", " %", top=100
        )
        charts = QWidget()
        chart_layout = QVBoxLayout(charts)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.people_chart)
        chart_layout.addWidget(self.share_chart)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setChildrenCollapsible(False)
        charts.setMinimumWidth(260)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.readings)
        layout.addWidget(split, 1)
        for box in (self.from_box, self.to_box):
            box.currentIndexChanged.connect(self.refresh)
        self.kind_box.currentIndexChanged.connect(self._show_rows)

    def _range(self) -> tuple[Quarter, Quarter]:
        first, last = self.from_box.currentData(), self.to_box.currentData()
        return (last, first) if last.start < first.start else (first, last)

    def refresh(self) -> None:
        """Count the figures again for the chosen quarters."""
        first, last = self._range()
        result = None
        with service_call(self, title="Involvement spread") as call, self.context.session() as s:
            result = involvement_spread(s, self.actor, first.start, last.end, today=self.today)
        if call.failed or result is None:
            return
        self.result = result
        period = first.label if first == last else f"{first.label} to {last.label}"
        lines = [f"<b>{period}</b>"] + [
            f"<b>{row.kind.label}:</b> {row.reading}" for row in result.whole
        ]
        self.readings.setText("<br>".join(lines))
        everyone = [result.row(q, InvolvementKind.ALL) for q in result.quarters]
        labels = [q.label for q in result.quarters]
        self.people_chart.set_data(
            labels,
            [
                ("New", [r.newcomers for r in everyone]),
                ("Returning", [r.returning for r in everyone]),
            ],
        )
        self.share_chart.set_data(
            labels,
            [("Top 3 took", [round(100 * (r.figures.top_few_share or 0)) for r in everyone])],
        )
        self._show_rows()

    def _show_rows(self) -> None:
        if self.result is None:
            return
        data = self.kind_box.currentData()  # Qt hands the enum back as its plain value
        kind = InvolvementKind(data) if data else None
        self.model.set_rows([r for r in self.result.rows if kind is None or r.kind is kind])

    def add_new(self) -> None:
        """Ctrl+N in this tab: nothing to add (the figures come from the records)."""

    def print_sheet(self) -> None:
        """Ctrl+P: preview the annual report of the financial year the last quarter is in."""
        from involve_desktop.ui.involvement.report_print import preview_annual_report

        _first, last = self._range()
        preview_annual_report(self, self.context, self.actor, last.start, today=self.today)
