"""The columns of the groups list and the meetings list (``DtoTableModel`` specs), and the
read-only table both use."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.meetings_dto import GroupInfo, MeetingInfo
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.table_model import (
    Column,
    DtoTableModel,
    show_initial_order,
    sorting_proxy,
)


def meeting_state(m: MeetingInfo, today: date) -> str:
    """The meeting's state in words (never colour alone)."""
    if m.cancelled:
        return f"Cancelled: {m.cancelled_reason}" if m.cancelled_reason else "Cancelled"
    if m.attendance_recorded:
        return "Attendance taken"
    if m.day > today:
        return "Upcoming"
    if m.day == today:
        return "Today"
    return "Attendance not yet taken"


GROUP_COLUMNS: list[Column[GroupInfo]] = [
    Column(
        "Group",
        lambda g: g.name + (" (archived)" if g.archived else ""),
        tooltip=lambda g: g.name + (" (archived)" if g.archived else ""),
    ),
    Column("Kind", lambda g: g.kind.label),
    Column("Meets", lambda g: g.description, tooltip=lambda g: g.description),
    Column("Venue", lambda g: g.venue or "", tooltip=lambda g: g.venue or ""),
    Column("Members", lambda g: str(g.member_count), lambda g: g.member_count, align_right=True),
    Column("Membership", lambda g: "Open" if g.open_membership else "Closed"),
]


def meeting_columns(today: Callable[[], date]) -> list[Column[MeetingInfo]]:
    """The meetings list's columns (the state depends on ``today()``, read as shown)."""
    return [
        Column("Date", lambda m: format_date(m.day), lambda m: f"{m.day} {m.start_time}"),
        Column("Time", lambda m: m.times),
        Column("Topic", lambda m: m.topic or ""),
        Column(
            "State",
            lambda m: meeting_state(m, today()),
            tooltip=lambda m: meeting_state(m, today()),
        ),
        Column(
            "Present",
            lambda m: str(m.present) if m.attendance_recorded else "—",
            lambda m: m.present,
            align_right=True,
        ),
        Column(
            "Apologies",
            # apologies can come before the meeting (recorded, attendance not yet taken)
            lambda m: str(m.apologies) if m.attendance_recorded or m.apologies else "—",
            lambda m: m.apologies,
            align_right=True,
        ),
        Column(
            "Facilitators",
            lambda m: ", ".join(p.name for p in m.facilitators),
            tooltip=lambda m: "\n".join(p.name for p in m.facilitators),
        ),
        Column("Venue", lambda m: m.venue or "", tooltip=lambda m: m.venue or ""),
    ]


def list_table(
    model: DtoTableModel,
    name: str,
    parent: QWidget | None = None,
    *,
    sort_column: int = -1,
    sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
) -> QTableView:
    """A sortable read-only table of whole rows over ``model`` (through a sorting proxy),
    first sorted by ``sort_column`` in ``sort_order`` with the arrow saying so (-1: in the
    service's own order, no arrow until a heading is clicked)."""
    table = QTableView(parent)
    table.setModel(sorting_proxy(model, table))
    table.setAccessibleName(name)
    show_initial_order(table, sort_column, sort_order)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tab_leaves(table)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


MAX_COLUMN_CHARS = 40


SHRINK_FLOOR_CHARS = 8  # a column given up to the width is kept at least this wide


def fit_columns(table: QTableView, caps: Mapping[int, int | None] | None = None) -> None:
    """Columns as wide as their text, but none wider than about 40 characters (long venues
    are cut with "…"; the whole text is in the tooltip or the group's dialog). ``caps``
    gives some columns their own widest, in average characters (None: as wide as the text).

    On a table that ``keep_within_width`` looks after, the columns then share the width the
    table has, so it never needs scrolling sideways."""
    table.resizeColumnsToContents()
    char = table.fontMetrics().averageCharWidth()
    header = table.horizontalHeader()
    widths = []
    for column in range(header.count()):
        chars = (caps or {}).get(column, MAX_COLUMN_CHARS)
        natural = header.sectionSize(column)
        widths.append(natural if chars is None else min(natural, char * chars))
    keeper = table.findChild(WidthKeeper)
    if keeper is not None:
        keeper.natural = widths
        keeper.share()
        return
    for column, width in enumerate(widths):
        header.resizeSection(column, width)


def shared_widths(natural: list[int], floors: list[int], available: int) -> list[int]:
    """Column widths that add up to no more than ``available``: the widest columns are cut
    to one common width first (never below their floor), so the narrow ones keep their
    whole text. When even the floors do not fit, the floors."""
    if sum(natural) <= available:
        return list(natural)
    low, high = 0, max(natural)
    while low < high:  # the widest common cut that fits
        level = (low + high + 1) // 2
        if sum(max(f, min(n, level)) for n, f in zip(natural, floors, strict=True)) <= available:
            low = level
        else:
            high = level - 1
    return [max(f, min(n, low)) for n, f in zip(natural, floors, strict=True)]


class WidthKeeper(QObject):
    """Keeps a table's columns within its width: the long ones are cut (with "…", the whole
    text in the tooltip) instead of running off to the side. Fits again whenever the table's
    width changes (a larger font, 125 % scaling, a narrower window)."""

    def __init__(
        self,
        table: QTableView,
        keep_whole: Collection[int] = (),
        least: Mapping[int, int] | None = None,
    ) -> None:
        super().__init__(table)
        self.table = table
        self.keep_whole = set(keep_whole)
        self.least = dict(least or {})
        self.natural: list[int] = []
        self._width = -1
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and self.table.viewport().width() != self._width:
            self.share()
        return False

    def share(self) -> None:
        """Set the columns to share the table's width."""
        header = self.table.horizontalHeader()
        natural = self.natural[: header.count()]
        if len(natural) != header.count():
            return
        self._width = self.table.viewport().width()
        char = self.table.fontMetrics().averageCharWidth()
        floors = [
            n
            if c in self.keep_whole
            else min(
                n,
                max(
                    char * self.least.get(c, SHRINK_FLOOR_CHARS),
                    header.sectionSizeFromContents(c).width(),
                ),
            )
            for c, n in enumerate(natural)
        ]
        available = self._width - 2  # rounding never brings back the scroll bar
        for column, width in enumerate(shared_widths(natural, floors, available)):
            header.resizeSection(column, width)


def keep_within_width(
    table: QTableView, keep_whole: Collection[int] = (), least: Mapping[int, int] | None = None
) -> QTableView:
    """Have ``fit_columns`` keep ``table``'s columns within its width from now on, never
    cutting the columns in ``keep_whole`` (dates, times: short, and read whole), nor those
    in ``least`` below their number of average characters."""
    if table.findChild(WidthKeeper) is None:
        WidthKeeper(table, keep_whole, least)
    return table
