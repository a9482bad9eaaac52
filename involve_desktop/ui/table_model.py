"""The one table model for lists of DTOs (column specs, a sort role, batched fetchMore).

Every list in the app is a ``DtoTableModel`` behind a ``QSortFilterProxyModel``; areas only
describe their columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

from involve_desktop.core.text import sort_key

T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
BATCH = 500

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    """How one column shows a DTO: its heading, text, sort key and optional tooltip."""

    title: str
    text: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    tooltip: Callable[[T], str] | None = None
    align_right: bool = False


class DtoTableModel(QAbstractTableModel, Generic[T]):
    """Rows of frozen DTOs, shown a batch at a time so long lists open instantly."""

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._shown = 0

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row (e.g. after a search or a save)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._shown = min(len(self._rows), BATCH)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        """The DTO shown in ``row``."""
        return self._rows[row]

    def all_rows(self) -> list[T]:
        """Every DTO held, shown or not yet fetched."""
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = min(BATCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else sort_key(column.text(row))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].title
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


class _PythonSortProxy(QSortFilterProxyModel):
    """Compares sort keys as Python values.

    Qt's own comparison only knows Qt types: dates and tuples handed over from Python were
    compared wrongly (dates out of order, tuples as equal).
    """

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        a = self.sourceModel().data(left, SORT_ROLE)
        b = self.sourceModel().data(right, SORT_ROLE)
        if a is None or b is None:
            return a is None and b is not None  # blanks first
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


class _SortArrowStyle(QProxyStyle):
    """The app's own style, except that a heading's sort arrow points up (▲) for A→Z, oldest
    first, and down (▼) for Z→A, newest first, on every system.

    Qt calls A→Z "SortDown"; Fusion on Linux draws that ▼ (an old GNOME rule) and ▲ elsewhere,
    while most people read ▲ as A→Z (Windows, macOS, spreadsheets, the web). Which way the
    base style draws is looked at once, so a style that already draws ▲ is left alone.
    """

    def __init__(self) -> None:
        super().__init__()
        self.flip = _draws_a_to_z_down(self.baseStyle())

    def drawPrimitive(  # noqa: N802
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if (
            self.flip
            and element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow
            and isinstance(option, QStyleOptionHeader)
        ):
            option = QStyleOptionHeader(option)
            up, down = (
                QStyleOptionHeader.SortIndicator.SortUp,
                QStyleOptionHeader.SortIndicator.SortDown,
            )
            if option.sortIndicator == up:
                option.sortIndicator = down
            elif option.sortIndicator == down:
                option.sortIndicator = up
        super().drawPrimitive(element, option, painter, widget)


def _draws_a_to_z_down(style: QStyle) -> bool:
    """Whether ``style`` draws the A→Z ("SortDown") heading arrow pointing down: its widest
    row of ink is above its narrowest."""
    size = 32
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    option = QStyleOptionHeader()
    option.rect = image.rect()
    option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
    painter = QPainter(image)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter)
    painter.end()
    spans = []
    for y in range(size):
        inked = [x for x in range(size) if image.pixelColor(x, y).alpha() > 96]
        if inked:
            spans.append(inked[-1] - inked[0])
    return len(spans) >= 2 and spans[0] > spans[-1]


_arrow_style: _SortArrowStyle | None = None


def _sort_arrow_style() -> _SortArrowStyle:
    """One shared arrow style for every sortable heading, owned by the application."""
    global _arrow_style
    if _arrow_style is None:
        _arrow_style = _SortArrowStyle()
        _arrow_style.setParent(QApplication.instance())
    return _arrow_style


def show_initial_order(
    view: QTableView, column: int = -1, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
) -> None:
    """Make ``view`` sortable by its headings, its rows first in ``order`` by ``column`` and
    its header's arrow saying exactly that (▲ A→Z or oldest first, ▼ Z→A or newest first).

    ``column`` -1 keeps the rows in the order the service gave them, with no arrow until a
    heading is clicked. Call it again to change the order shown (e.g. past meetings newest
    first); rows read again later keep whatever order the arrow shows, the person's own
    choice included. A heading clicked for the first time sorts A→Z; a second click turns it
    round.
    """
    if view.isSortingEnabled():
        view.sortByColumn(column, order)  # moves the arrow and sorts
        return
    header = view.horizontalHeader()
    header.setStyle(_sort_arrow_style())
    header.setSortIndicator(column, order)
    view.setSortingEnabled(True)  # sorts once, by the arrow just set; then follows clicks


def sorting_proxy(model: DtoTableModel[Any], parent: Any = None) -> QSortFilterProxyModel:
    """A proxy that sorts by each column's sort key and filters case-insensitively."""
    proxy = _PythonSortProxy(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return proxy
