"""The members list's table model: columns, training words with an icon, and whole-list sorting.

Sorting happens here, over every row the search returned, not in a proxy: a proxy would only
sort the batch fetched so far, so "sort by date joined" at 10,000 members would be wrong.
Rows are still shown a batch at a time (``DtoTableModel.fetchMore``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.member_dto import MemberStatus, MemberSummary
from involve_desktop.core.text import sort_key
from involve_desktop.ui.table_model import Column, DtoTableModel

STATUS_ORDER = {MemberStatus.ACTIVE: 0, MemberStatus.STEPPING_BACK: 1, MemberStatus.LEFT: 2}
TRAINING_COLUMN = 3


def training_text(row: MemberSummary) -> str:
    """ "1 expired, 2 due" — words, so the state never depends on colour."""
    parts = []
    if row.training_expired:
        parts.append(f"{row.training_expired} expired")
    if row.training_due:
        parts.append(f"{row.training_due} due")
    return ", ".join(parts)


def _name_tooltip(row: MemberSummary) -> str:
    if row.display_name != row.full_name:
        return f"{row.display_name} (full name: {row.full_name})"
    return row.full_name


def _training_tooltip(row: MemberSummary) -> str:
    if not (row.training_expired or row.training_due):
        return "No training expired or due for renewal"
    return f"Training: {training_text(row)} — open the member to record renewals"


COLUMNS: list[Column[MemberSummary]] = [
    Column(
        "Name",
        lambda m: m.display_name,
        sort_key=lambda m: m.sort_name,
        tooltip=_name_tooltip,
    ),
    Column("Status", lambda m: m.status.label, sort_key=lambda m: STATUS_ORDER[m.status]),
    Column("Roles", lambda m: ", ".join(m.roles), tooltip=lambda m: ", ".join(m.roles)),
    Column(
        "Training",
        training_text,
        # Ascending puts the people who need attention first: most expired, then most due.
        sort_key=lambda m: (-m.training_expired, -m.training_due),
        tooltip=_training_tooltip,
    ),
    Column(
        "Email",
        lambda m: m.email or "",
        sort_key=lambda m: (m.email or "").lower(),
        tooltip=lambda m: m.email or "",
    ),
    Column("Phone", lambda m: m.phone or ""),
    Column(
        "Joined",
        lambda m: format_date(m.date_joined),
        sort_key=lambda m: m.date_joined.toordinal(),
    ),
]


def _icon(kind: QStyle.StandardPixmap) -> QIcon:
    app = QApplication.instance()
    style = app.style() if isinstance(app, QApplication) else None
    return style.standardIcon(kind) if style is not None else QIcon()


class MembersTableModel(DtoTableModel[MemberSummary]):
    """Member rows; ``sort`` orders the whole result, keeping batched display."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, rows: Sequence[MemberSummary]) -> None:
        """Replace every row, keeping the column the user sorted by."""
        super().set_rows(self._sorted(rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every row (not just the fetched batch) by ``column``."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_column, self._sort_order = column, order
        super().set_rows(self._sorted(self.all_rows()))

    def _sorted(self, rows: Sequence[MemberSummary]) -> list[MemberSummary]:
        column = COLUMNS[self._sort_column]
        key = column.sort_key

        def full_key(m: MemberSummary) -> tuple[Any, str, int]:
            first = key(m) if key else sort_key(column.text(m))
            return (first, m.sort_name, m.id)

        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(rows, key=full_key, reverse=descending)

    def row_of(self, member_id: int) -> int | None:
        """The row holding ``member_id``, fetching batches until it is shown; None if absent."""
        for row, member in enumerate(self.all_rows()):
            if member.id == member_id:
                while row >= self.rowCount() and self.canFetchMore(QModelIndex()):
                    self.fetchMore(QModelIndex())
                return row
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """As the base, plus a warning icon beside training that is expired or due."""
        if (
            role == Qt.ItemDataRole.DecorationRole
            and index.isValid()
            and index.column() == TRAINING_COLUMN
            and index.row() < self.rowCount()
        ):
            member = self.row_at(index.row())
            if member.training_expired:
                return self._standard_icon("expired", QStyle.StandardPixmap.SP_MessageBoxCritical)
            if member.training_due:
                return self._standard_icon("due", QStyle.StandardPixmap.SP_MessageBoxWarning)
            return None
        return super().data(index, role)

    def _standard_icon(self, name: str, kind: QStyle.StandardPixmap) -> QIcon:
        if name not in self._icons:
            self._icons[name] = _icon(kind)
        return self._icons[name]
