"""The columns of the groups list and the meetings list (``DtoTableModel`` specs), and the
read-only table both use."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
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
    Column("Group", lambda g: g.name + (" (archived)" if g.archived else "")),
    Column("Kind", lambda g: g.kind.label),
    Column("Meets", lambda g: g.description),
    Column("Venue", lambda g: g.venue or "", tooltip=lambda g: g.venue or ""),
    Column("Members", lambda g: str(g.member_count), lambda g: g.member_count, align_right=True),
    Column("Membership", lambda g: "Open" if g.open_membership else "Closed"),
]


def meeting_columns(today: date) -> list[Column[MeetingInfo]]:
    """The meetings list's columns (the state depends on today)."""
    return [
        Column("Date", lambda m: format_date(m.day), lambda m: f"{m.day} {m.start_time}"),
        Column("Time", lambda m: m.times),
        Column("Topic", lambda m: m.topic or ""),
        Column(
            "State", lambda m: meeting_state(m, today), tooltip=lambda m: meeting_state(m, today)
        ),
        Column(
            "Present",
            lambda m: str(m.present) if m.attendance_recorded else "—",
            lambda m: m.present,
            align_right=True,
        ),
        Column(
            "Apologies",
            lambda m: str(m.apologies) if m.attendance_recorded else "—",
            lambda m: m.apologies,
            align_right=True,
        ),
        Column("Facilitators", lambda m: ", ".join(p.name for p in m.facilitators)),
        Column("Venue", lambda m: m.venue or ""),
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


def fit_columns(table: QTableView) -> None:
    """Columns as wide as their text, but none wider than about 40 characters (long venues
    are cut with "…"; the whole text is in the tooltip or the group's dialog)."""
    table.resizeColumnsToContents()
    widest = table.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS
    header = table.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, min(header.sectionSize(column), widest))
