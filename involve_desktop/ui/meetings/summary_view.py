"""A group's figures over a period, and a management council's lived-experience majority.

``SummaryView``: meetings held, unique attendees, newcomers and average attendance in words,
a bar chart of the average per month (QtCharts) and the same numbers in a table, so nothing
is told by the chart alone. ``CouncilView``: each meeting's majority "Yes"/"No" in words,
overall, and a warning banner (⚠ and words, not colour alone) when it was not held. Accounts
that may not see lived experience (facilitators) get no counts from the service, so the
table has no count columns for them and the words say who sees the numbers.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from involve_desktop.core.dates import add_months
from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import meetings_council, meetings_summary
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import CouncilComposition, GroupSummary
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.setup_widgets import (
    MONTHS,
    date_edit,
    fill_table,
    from_qdate,
    read_only_table,
    to_qdate,
)


def average_text(value: float | None) -> str:
    """ "7.5" people per meeting, or "—" when nothing was held."""
    return "—" if value is None else f"{value:.1f}"


class PeriodRow(QWidget):
    """From / To boxes and a Show button; ``changed`` when Show is pressed."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = date_edit(add_months(today.replace(day=1), -5), "From")
        self.end = date_edit(today, "To")
        self.show_button = QPushButton("Sho&w")
        self.show_button.clicked.connect(lambda _c=False: self.changed.emit())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for text, widget in (("From:", self.start), ("To:", self.end)):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addWidget(self.show_button)
        row.addStretch(1)

    def dates(self) -> tuple[date, date]:
        """The period chosen."""
        return from_qdate(self.start.date()), from_qdate(self.end.date())

    def set_dates(self, start: date, end: date) -> None:
        """Show ``start`` to ``end``."""
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(end))


def summary_words(s: GroupSummary) -> str:
    """The figures as sentences."""
    lines = [
        f"{format_date(s.start)} to {format_date(s.end)}: {plural(s.meetings_held, 'meeting')} "
        f"held, {plural(s.meetings_cancelled, 'meeting')} cancelled.",
        f"{plural(s.unique_attendees, 'person', 'people')} came at least once; "
        f"{plural(s.newcomers, 'newcomer')} (first time at this group).",
        f"Average attendance: {average_text(s.average_attendance)} people per meeting "
        f"({s.total_present} attendances in all).",
    ]
    if s.meetings_not_recorded:
        lines.append(
            f"⚠ Attendance not yet taken for {plural(s.meetings_not_recorded, 'meeting')} — "
            "the figures leave them out until it is typed in."
        )
    return "\n".join(lines)


class GroupPeriodPanel(QWidget):
    """A period row above a group's figures; ``refresh`` reads them for the group shown."""

    def __init__(
        self, context: AppContext, actor: Actor, parent: QWidget | None = None, today=None
    ) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.group_id: int | None = None
        self.period = PeriodRow(today or date.today())
        self.period.changed.connect(self.refresh)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_group(self, group_id: int | None) -> None:
        """Show ``group_id``'s figures for the period chosen (None clears)."""
        self.group_id = group_id
        self.refresh()

    def refresh(self) -> None:
        """Read the figures again."""
        raise NotImplementedError


class SummaryView(GroupPeriodPanel):
    """The chosen group's summary for a period."""

    def __init__(
        self, context: AppContext, actor: Actor, parent: QWidget | None = None, today=None
    ) -> None:
        super().__init__(context, actor, parent, today)
        self.summary: GroupSummary | None = None
        self.words.setAccessibleName("Summary in words")
        self.chart = QChart()
        self.chart.setTitle("Average attendance per meeting, by month")
        self.chart.legend().setVisible(False)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setAccessibleName("Trend chart (the same numbers are in the table)")
        self.chart_view.setMinimumHeight(180)
        self.table = read_only_table(
            ["Month", "Meetings held", "People present", "Average"], "Summary by month"
        )
        body = QHBoxLayout()
        body.addWidget(self.chart_view, 3)
        body.addWidget(self.table, 2)
        column = QVBoxLayout(self)
        column.addWidget(self.period)
        column.addWidget(self.words)
        column.addLayout(body, 1)

    def refresh(self) -> None:
        """Read the figures again."""
        self.summary = None
        if self.group_id is not None:
            start, end = self.period.dates()
            with service_call(self, title="Summary"), self.context.session() as session:
                self.summary = meetings_summary.group_summary(
                    session, self.actor, self.group_id, start, end
                )
        s = self.summary
        self.words.setText(summary_words(s) if s else "Choose a group to see its figures.")
        months = s.months if s else ()
        fill_table(
            self.table,
            [
                [
                    f"{MONTHS[m.month.month - 1]} {m.month.year}",
                    str(m.meetings),
                    str(m.present),
                    average_text(m.average),
                ]
                for m in months
            ],
        )
        self._draw(s)

    def _draw(self, s: GroupSummary | None) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        if s is None or not s.months:
            return
        bars = QBarSet("Average attendance")
        for m in s.months:
            bars.append(round(m.average or 0.0, 1))
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        self.chart.addSeries(series)
        months = QBarCategoryAxis()
        months.append(
            [f"{MONTHS[m.month.month - 1][:3]} {m.month.year % 100:02d}" for m in s.months]
        )
        people = QValueAxis()
        people.setRange(0, max([m.average or 0.0 for m in s.months] + [1.0]) * 1.15)
        people.setLabelFormat("%.0f")
        people.setTitleText("People")
        self.chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(people, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(months)
        series.attachAxis(people)


COUNT_HEADERS = ["Meeting", "Present", "Lived experience", "Without", "Not known", "Majority"]
MAJORITY_HEADERS = ["Meeting", "Present", "Majority"]
TOO_FEW = "Not shown — too few present to say without giving away someone's answer"


def counts_shown(c: CouncilComposition) -> bool:
    """Whether the account was given the lived-experience counts (VIEW_RESTRICTED)."""
    return c.lived_experience is not None


def council_words(c: CouncilComposition) -> str:
    """Overall, in words."""
    held = len(c.meetings)
    text = (
        f"{format_date(c.start)} to {format_date(c.end)}: {plural(held, 'meeting')} with "
        "attendance taken."
    )
    if counts_shown(c):
        text += (
            f" Overall {c.lived_experience} of {c.present} attendances were by members with "
            f"lived experience ({c.unknown} not known) — "
            + ("a majority." if c.majority else "NOT a majority.")
        )
    else:
        met = sum(1 for m in c.meetings if m.majority)
        too_few = sum(1 for m in c.meetings if m.majority is None)
        if held:
            text += f" Members with lived experience were the majority at {met} of them"
            text += (
                f"; at {plural(too_few, 'meeting')} too few were present to say without giving "
                "away someone's answer."
                if too_few
                else "."
            )
        text += f" {meetings_council.COUNTS_HIDDEN}"
    if c.not_recorded:
        text += f" Attendance not yet taken for {plural(c.not_recorded, 'meeting')}."
    return text


def majority_text(majority: bool | None) -> str:
    """A meeting's Majority cell."""
    if majority is None:
        return TOO_FEW
    return "Yes" if majority else "No — not the majority"


def council_rows(c: CouncilComposition | None, counts: bool) -> tuple[list[str], list[list[str]]]:
    """The table's headers and rows: the counts only for accounts given them (``counts``)."""
    if counts:
        rows = [
            [
                format_date(m.day),
                str(m.present),
                str(m.lived_experience),
                str(m.without),
                str(m.unknown),
                majority_text(m.majority),
            ]
            for m in (c.meetings if c else ())
        ]
        return COUNT_HEADERS, rows
    rows = [
        [format_date(m.day), str(m.present), majority_text(m.majority)]
        for m in (c.meetings if c else ())
    ]
    return MAJORITY_HEADERS, rows


class CouncilView(GroupPeriodPanel):
    """A management council's composition meeting by meeting, with a warning banner."""

    def __init__(
        self, context: AppContext, actor: Actor, parent: QWidget | None = None, today=None
    ) -> None:
        super().__init__(context, actor, parent, today)
        self.composition: CouncilComposition | None = None
        self.words.setAccessibleName("Council composition in words")
        self.banner = QLabel()
        self.banner.setObjectName("warningBanner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Warning")
        self.banner.setStyleSheet(
            "QLabel#warningBanner { border: 2px solid #8a5a00; background: #fff4d6; "
            "color: #3a2600; padding: 6px; font-weight: bold; }"
        )
        self.banner.setVisible(False)
        headers, _rows = council_rows(None, actor.can(Permission.VIEW_RESTRICTED))
        self.table = read_only_table(headers, "Council meetings")
        column = QVBoxLayout(self)
        column.addWidget(self.period)
        column.addWidget(self.banner)
        column.addWidget(self.words)
        column.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Read the composition again."""
        self.composition = None
        if self.group_id is not None:
            start, end = self.period.dates()
            with service_call(self, title="Council"), self.context.session() as session:
                self.composition = meetings_council.council_composition(
                    session, self.actor, self.group_id, start, end
                )
        c = self.composition
        self.banner.setVisible(bool(c and c.warning))
        self.banner.setText(f"⚠ {c.warning}" if c and c.warning else "")
        self.words.setText(council_words(c) if c else "")
        counts = counts_shown(c) if c else self.actor.can(Permission.VIEW_RESTRICTED)
        headers, rows = council_rows(c, counts)
        if self.table.columnCount() != len(headers):
            self.table.setColumnCount(len(headers))
            self.table.setHorizontalHeaderLabels(headers)
        fill_table(self.table, rows)
