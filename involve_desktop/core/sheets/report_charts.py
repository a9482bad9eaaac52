"""Charts for the annual involvement report, drawn with reportlab graphics.

Made for black-and-white office printers: each series is a grey level *and* a word in the
legend, every bar carries its value, and both axes are titled in words. One helper draws
every chart (grouped vertical bars); ``line_chart`` draws a trend with its values printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from involve_desktop.core.sheets.fonts import FONT_BOLD, FONT_REGULAR

# Grey levels that stay apart on a monochrome printer; the legend names each one.
FILLS = (colors.Color(0.2, 0.2, 0.2), colors.white, colors.Color(0.62, 0.62, 0.62))
GRID = colors.Color(0.8, 0.8, 0.8)


@dataclass(frozen=True)
class Series:
    """One set of bars: its name in the legend and a value per category."""

    label: str
    values: tuple[float, ...]


def _nice_max(most: float, percent: bool) -> tuple[float, float]:
    if percent:
        return 100.0, 20.0
    step = max(1, -(-int(most) // 5))
    for nice in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if nice >= step:
            step = nice
            break
    top = step * max(1, -(-int(most) // step))
    return float(top), float(step)


def _frame(
    width: float, height: float, title: str, y_title: str, x_title: str, size: float
) -> Drawing:
    drawing = Drawing(width, height)
    drawing.add(String(0, height - size * 1.3, title, fontName=FONT_BOLD, fontSize=size + 1))
    axis = Group(String(0, 0, y_title, fontName=FONT_REGULAR, fontSize=size, textAnchor="middle"))
    axis.translate(size * 0.9, height * 0.45)
    axis.rotate(90)
    drawing.add(axis)
    drawing.add(
        String(width / 2, 1, x_title, fontName=FONT_REGULAR, fontSize=size, textAnchor="middle")
    )
    return drawing


def _legend(drawing: Drawing, labels: Sequence[str], y: float, size: float) -> None:
    x = size * 3
    for index, label in enumerate(labels):
        fill = FILLS[index % len(FILLS)]
        drawing.add(Rect(x, y, size, size, fillColor=fill, strokeColor=colors.black))
        drawing.add(
            String(x + size * 1.4, y + size * 0.1, label, fontName=FONT_REGULAR, fontSize=size)
        )
        x += size * 2.4 + len(label) * size * 0.55


def _style_axes(chart: VerticalBarChart | HorizontalLineChart, size: float) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT_REGULAR
        axis.labels.fontSize = size
        axis.strokeColor = colors.black
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -2
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.3


def bar_chart(
    width: float,
    height: float,
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    y_title: str,
    x_title: str,
    size: float = 9,
    percent: bool = False,
) -> Drawing:
    """Grouped vertical bars with their values on top, a legend in words (when more than one
    series) and titled axes. ``percent`` values are 0–100 and print as "58 %"."""
    drawing = _frame(width, height, title, y_title, x_title, size)
    top = height - size * 2.2
    if len(series) > 1:
        top -= size * 1.6
        _legend(drawing, [s.label for s in series], top + size * 0.3, size)
    chart = VerticalBarChart()
    chart.x, chart.y = size * 4.5, size * 4
    chart.width = width - chart.x - size
    chart.height = top - chart.y - size * 1.6
    chart.data = [list(s.values) or [0] for s in series]
    for index in range(len(series)):
        chart.bars[index].fillColor = FILLS[index % len(FILLS)]
    chart.bars.strokeColor = colors.black
    chart.bars.strokeWidth = 0.6
    chart.barSpacing = 1
    chart.groupSpacing = 6
    chart.categoryAxis.categoryNames = list(categories) or [""]
    _style_axes(chart, size)
    most = max([v for s in series for v in s.values] + [1])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _nice_max(most, percent)
    chart.valueAxis.labelTextFormat = "%d %%" if percent else "%d"
    chart.barLabelFormat = "%d %%" if percent else "%d"
    chart.barLabels.fontName = FONT_REGULAR
    chart.barLabels.fontSize = size - 1
    chart.barLabels.nudge = size * 0.7
    drawing.add(chart)
    return drawing


def line_chart(
    width: float,
    height: float,
    *,
    title: str,
    categories: Sequence[str],
    values: Sequence[float],
    y_title: str,
    x_title: str,
    size: float = 9,
    value_format: str = "%.2f",
    top: float = 1.0,
) -> Drawing:
    """One trend line with square markers and each point's value printed above it."""
    drawing = _frame(width, height, title, y_title, x_title, size)
    chart = HorizontalLineChart()
    chart.x, chart.y = size * 4.5, size * 4
    chart.width = width - chart.x - size
    chart.height = height - size * 2.2 - chart.y - size * 1.6
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = list(categories) or [""]
    chart.lines[0].strokeColor = colors.black
    chart.lines[0].strokeWidth = 1.2
    chart.lines[0].symbol = makeMarker("FilledSquare", size=size * 0.5)
    chart.lineLabelFormat = value_format
    chart.lineLabels.fontName = FONT_REGULAR
    chart.lineLabels.fontSize = size - 1
    chart.lineLabels.dy = size * 0.6
    _style_axes(chart, size)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = top / 5
    chart.valueAxis.labelTextFormat = "%.1f"
    drawing.add(chart)
    return drawing


__all__ = ["Series", "bar_chart", "line_chart"]
