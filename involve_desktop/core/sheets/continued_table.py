"""A table that may run over pages: each page it runs onto starts with a caption (whose
list or statement it is), so a loose page of a printed batch still says what it belongs to.

One piece for every sheet with such a table — the meeting sign-in sheet, payment
statements and the expense claim form. The table is built by the sheet from body rows
(``build``), so a page builds and measures only a page's worth of rows.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, PageBreak, Table


class ContinuedTable(Flowable):
    """Body rows drawn as the table ``build`` makes of them (the heading row added); when
    they run onto another page, that page starts with ``caption`` ("Tuesday Peer Support —
    Tue 1 Dec 2026 (continued)", "Alan Wright — expenses, continued").

    ``tail`` is the height of what must follow the rows on the same page when it can (the
    sign-in sheet's "New here?" box): when the rows fit on a page but the box would not, up
    to ``spare`` of the trailing empty rows are given up so the box stays with the names
    instead of taking a page of its own; with no tail, up to ``spare`` trailing empty rows
    that would be all a new page holds are left out.

    ``least_row_height`` (no row is shorter; 0 when unknown) bounds how many rows a page can
    hold, so each page builds and measures a page's worth of rows, not every row still to
    come: a 500-name list stays linear in its length instead of quadratic.
    """

    def __init__(
        self,
        rows: list[list[object]],
        build: Callable[[list[list[object]]], Table],
        caption: Flowable,
        *,
        tail: float = 0,
        spare: int = 0,
        least_row_height: float = 0,
    ) -> None:
        super().__init__()
        self.rows, self.build, self.caption = rows, build, caption
        self.tail, self.spare = tail, min(spare, len(rows))
        self.least = least_row_height
        self.table: Table | None = None
        self._page: tuple[tuple[float, float], Table] | None = None

    def _at_most(self, avail_height: float) -> list[list[object]]:
        """The rows, or just more than ``avail_height`` can hold when that is fewer."""
        if self.least <= 0:
            return self.rows
        return self.rows[: int(avail_height // self.least) + 1]

    def _page_table(self, avail_width: float, avail_height: float) -> Table:
        """A page's worth of rows as a table, built once for the wrap and the split after it
        (platypus asks both of the same space)."""
        key = (avail_width, avail_height)
        if self._page is None or self._page[0] != key:
            self._page = (key, self.build(self._at_most(avail_height)))
        return self._page[1]

    def _fitting(self, avail_width: float, avail_height: float) -> Table:
        """The whole table, or one a few empty rows shorter when that keeps the tail with it."""
        page = self._at_most(avail_height)
        if len(page) < len(self.rows):  # cannot all fit here: taller than the page, so split
            return self._page_table(avail_width, avail_height)
        whole = self.build(self.rows)
        _width, height = whole.wrap(avail_width, avail_height)
        if not self.tail or height + self.tail <= avail_height:
            return whole
        for given_up in range(1, self.spare + 1):
            shorter = self.build(self.rows[: len(self.rows) - given_up])
            if shorter.wrap(avail_width, avail_height)[1] + self.tail <= avail_height:
                return shorter
        return whole

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """The table's size (a few empty rows fewer when that keeps the tail on the page)."""
        self.table = self._fitting(avail_width, avail_height)
        self.width, self.height = self.table.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """What fits here, then a new page with the caption and the rest."""
        parts = self._page_table(avail_width, avail_height).split(avail_width, avail_height)
        if len(parts) < 2:
            return parts
        first, *_rest = parts
        placed = len(first._cellvalues) - 1  # noqa: SLF001 - less the heading row
        rest = self.rows[placed:]
        if not self.tail and len(rest) <= self.spare:
            return [first]  # only empty rows left: not worth a page of their own
        spare = min(self.spare, len(rest))
        more = ContinuedTable(
            rest,
            self.build,
            self.caption,
            tail=self.tail,
            spare=spare,
            least_row_height=self.least,
        )
        return [first, PageBreak(), self.caption, more]

    def draw(self) -> None:
        """Draw the table where this flowable stands."""
        assert self.table is not None  # platypus wraps a flowable before drawing it
        self.table.drawOn(self.canv, 0, 0)
