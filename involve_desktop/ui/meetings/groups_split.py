"""The Meetings area's divider between the groups list and the chosen group's meetings.

The groups list gets the rows it has (at least three, at most half the height) and the
meetings below get the rest, worked out again whenever the area's height or the number of
groups changes — until someone drags the divider, which then stays where they put it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

LEAST_ROWS = 3


class GroupsSplit(QObject):
    """A vertical splitter of ``top`` (holding ``table`` under ``above``) and ``bottom``."""

    def __init__(self, top: QWidget, bottom: QWidget, table: QTableView, above: QWidget) -> None:
        super().__init__(top)
        self.table, self.above = table, above
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.by_content = True  # until someone drags the divider
        self.splitter.splitterMoved.connect(self._dragged)
        self.splitter.installEventFilter(self)

    def _dragged(self, *_args: object) -> None:
        self.by_content = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self.share)  # after the splitter has shared it out
        return False

    def share(self) -> None:
        """Give the groups list the height of its rows, the meetings the rest."""
        rows = self.table.model().rowCount()
        total = sum(self.splitter.sizes())
        if not self.by_content or not rows or total <= 0:
            return
        row = self.table.verticalHeader().defaultSectionSize()
        chrome = self.above.sizeHint().height() + self.table.horizontalHeader().sizeHint().height()
        chrome += 2 * self.table.frameWidth() + 12  # the frame and the layout's spacing
        top = max(chrome + row * LEAST_ROWS, min(chrome + row * rows, total // 2))
        self.splitter.setSizes([top, total - top])  # not a drag: no splitterMoved
