"""Column widths for printed lists: as wide as their text, wrapping as little as possible.

A contact list or training list has columns whose text must stay on one line (phone
numbers, dates) and columns that may wrap (names between words, emails after the @).
``measure_columns`` finds each column's natural and narrowest sensible width once;
``ColumnFit.widths`` shares a page width out, and ``ColumnFit.fits`` says whether the
columns fit at all (when they do not, a sheet can choose a more compact layout).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm

from involve_desktop.core.sheets.fonts import FONT_BOLD, FONT_REGULAR, clean_text, text_width
from involve_desktop.core.sheets.styles import SheetStyles

CELL_PADDING = 4 * mm + 1  # a ruled table cell's left and right padding, and a hair
MAX_WORD_WIDTH = 60 * mm  # a longer "word" may be split rather than widen its column more
_BREAKS = re.compile(r"\s+|(?<=@)")  # lines break at spaces, and after the @ of an email


@dataclass(frozen=True)
class ColumnFit:
    """Each column's natural width (its longest text) and its narrowest sensible width."""

    natural: tuple[float, ...]
    minimum: tuple[float, ...]
    nowrap: frozenset[int]
    cells: tuple[tuple[float, ...], ...] = ()  # each column's cell widths, ascending

    def fits(self, width: float) -> bool:
        """Whether every column fits ``width`` without splitting a word or a one-line text."""
        return sum(self.minimum) <= width + 0.01

    def widths(self, width: float) -> list[float]:
        """Widths that fill ``width``.

        Spare room is shared in proportion to natural widths. Short of room, every column
        starts at its minimum and the room left goes, step by step, where it saves the most
        wrapped cells per millimetre; if even the minimums do not fit, only wrapping columns
        shrink further.
        """
        total = sum(self.natural)
        if total <= width:
            return [w * width / total for w in self.natural]
        if self.fits(width):
            return self._fewest_wraps(width)
        fixed = sum(m for i, m in enumerate(self.minimum) if i in self.nowrap)
        wrapping = sum(self.minimum) - fixed
        if wrapping and fixed < width:
            scale = (width - fixed) / wrapping
            return [m if i in self.nowrap else m * scale for i, m in enumerate(self.minimum)]
        return [m * width / sum(self.minimum) for m in self.minimum]

    def _fewest_wraps(self, width: float) -> list[float]:
        widths = list(self.minimum)
        while True:
            room = width - sum(widths)
            best: tuple[float, int, float] | None = None  # (cells saved per point, column, to)
            for index, cells in enumerate(self.cells):
                wrapped = len(cells) - bisect_right(cells, widths[index])
                # a few candidate widths: each distinct cell width, thinned for long lists
                step = max(1, wrapped // 40)
                for target in cells[len(cells) - wrapped :: step]:
                    if target - widths[index] > room:
                        break
                    saved = wrapped - (len(cells) - bisect_right(cells, target))
                    rate = saved / max(target - widths[index], 0.01)
                    if saved and (best is None or rate > best[0]):
                        best = (rate, index, target)
            if best is None:
                break
            widths[best[1]] = best[2]
        extra = width - sum(widths)
        total = sum(widths)
        return [w + extra * w / total for w in widths]


def measure_columns(
    header: Sequence[str],
    columns: Sequence[Sequence[str | None]],
    styles: SheetStyles,
    *,
    nowrap: Collection[int] = (),
    bold: Collection[int] = (),
) -> ColumnFit:
    """Measure each column's text (``columns[i]`` holds column i's cells, top to bottom).

    Headings may wrap between words. Columns whose index is in ``nowrap`` keep their text on
    one line; the others can be as narrow as their longest word (capped at 60 mm). Columns
    in ``bold`` are measured in the bold face (some of their cells are printed bold).
    """
    size = styles.body_size
    natural, minimum, measured = [], [], []
    for index, title in enumerate(header):
        font = FONT_BOLD if index in bold else FONT_REGULAR
        heading = max(text_width(word, FONT_BOLD, size) for word in title.split())
        cells = [clean_text(text) for text in columns[index]] if columns else []
        widths = sorted(text_width(text, font, size) + CELL_PADDING for text in cells)
        measured.append(tuple(widths))
        natural.append(max([heading + CELL_PADDING, *widths]))
        if index in nowrap:
            minimum.append(natural[-1])
            continue
        pieces = {piece for text in cells for piece in _BREAKS.split(text) if piece}
        word = max((text_width(p, font, size) for p in pieces), default=0.0)
        minimum.append(max(heading, min(word, MAX_WORD_WIDTH)) + CELL_PADDING)
    return ColumnFit(tuple(natural), tuple(minimum), frozenset(nowrap), tuple(measured))
