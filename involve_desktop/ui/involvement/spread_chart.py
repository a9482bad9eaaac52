"""A small bar chart drawn with QPainter for the spread tab: grouped bars per quarter.

Every bar has its value written above it and each series is named in a legend in words,
so nothing depends on colour alone (series differ by fill: dark, white with an outline,
grey). A chart with nothing but zeros says so in words instead of drawing empty bars.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

FILLS = (QColor(60, 60, 60), QColor(255, 255, 255), QColor(160, 160, 160))
NOTHING_YET = "No involvement recorded in these quarters yet."


class SpreadChart(QWidget):
    """Grouped bars: ``categories`` along the bottom, one bar per series in each group."""

    def __init__(
        self, title: str, unit: str = "", parent: QWidget | None = None, *, top: float = 0
    ) -> None:
        super().__init__(parent)
        self.title, self.unit, self.top = title, unit, top  # top: fixed scale (100 for %)
        self.categories: list[str] = []
        self.series: list[tuple[str, list[float]]] = []
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)

    def set_data(self, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]]):
        """Replace what is drawn."""
        self.categories = list(categories)
        self.series = [(label, list(values)) for label, values in series]
        self.setAccessibleDescription(self.describe())
        self.update()

    def is_empty(self) -> bool:
        """True when every value is zero (or there is nothing at all) to draw."""
        return not any(v for _label, values in self.series for v in values)

    def describe(self) -> str:
        """The chart in words (for screen readers and tests)."""
        if self.is_empty():
            return f"{self.title}. {NOTHING_YET}"
        parts = []
        for index, category in enumerate(self.categories):
            values = ", ".join(
                f"{label} {self._text(values[index])}" for label, values in self.series
            )
            parts.append(f"{category}: {values}")
        return f"{self.title}. " + "; ".join(parts)

    def _text(self, value: float) -> str:
        return f"{value:.0f}{self.unit}"

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        rect = QRectF(self.rect()).adjusted(4, 2, -4, -2)
        pen = QPen(self.palette().windowText().color())
        painter.setPen(pen)
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line), self.title)
        painter.setFont(self.font())
        if self.is_empty():
            below = rect.adjusted(0, line + 4, 0, 0)
            painter.drawText(
                below, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, NOTHING_YET
            )
            painter.end()
            return
        x = rect.left()
        legend_y = rect.top() + line + 2
        for index, (label, _values) in enumerate(self.series):
            painter.setBrush(FILLS[index % len(FILLS)])
            painter.drawRect(QRectF(x, legend_y + 2, line - 4, line - 4))
            painter.drawText(QRectF(x + line, legend_y, 400, line), label)
            x += line + metrics.horizontalAdvance(label) + 16
        plot = QRectF(rect.left() + 4, legend_y + line + 6, rect.width() - 8, 0)
        plot.setBottom(rect.bottom() - line - 4)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        most = self.top or max([v for _l, values in self.series for v in values] + [1])
        groups = max(1, len(self.categories))
        group_width = plot.width() / groups
        bars = max(1, len(self.series))
        bar_width = min(48.0, group_width * 0.7 / bars)
        for g, category in enumerate(self.categories):
            left = plot.left() + g * group_width + (group_width - bar_width * bars) / 2
            for s, (_label, values) in enumerate(self.series):
                value = values[g]
                height = (plot.height() - line) * value / most
                bar = QRectF(left + s * bar_width, plot.bottom() - height, bar_width - 2, height)
                painter.setBrush(FILLS[s % len(FILLS)])
                painter.drawRect(bar)
                painter.drawText(
                    QRectF(bar.left() - 10, bar.top() - line, bar.width() + 20, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    self._text(value),
                )
            painter.drawText(
                QRectF(plot.left() + g * group_width, plot.bottom() + 2, group_width, line),
                Qt.AlignmentFlag.AlignHCenter,
                category,
            )
        painter.end()
