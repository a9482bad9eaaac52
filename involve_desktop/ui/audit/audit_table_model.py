"""The audit log's rows, read from the database a page at a time as the list scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex

from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import AuditInfo
from involve_desktop.ui.table_model import AnyIndex, Column, DtoTableModel

PAGE = 200


def columns(words: dict[tuple[str, int], str]) -> list[Column[AuditInfo]]:
    """The viewer's columns in people's words: When with the weekday ("Tue 3 Nov 2026
    14:05"), Record and the records a change points at named from ``words`` (``audit.record_names``
    of the pages read)."""
    return [
        Column("When", lambda e: audit.when_words(e.at)),
        Column("Account", lambda e: e.account_name),
        Column("Action", lambda e: audit.action_words(e.action)),
        Column("Area", lambda e: audit.area_of(e.entity, e.action)),
        Column("Record", lambda e: audit.record_words(e, words)),
        Column(
            "What changed",
            lambda e: audit.describe_changes(e.changes, e.entity, words),
            tooltip=lambda e: audit.describe_changes(e.changes, e.entity, words).replace(
                "; ", "\n"
            ),
        ),
    ]


class AuditTableModel(DtoTableModel[AuditInfo]):
    """Newest first; ``load(offset, limit)`` fetches a page, ``total`` rows exist in all."""

    def __init__(self, parent: Any = None) -> None:
        words: dict[tuple[str, int], str] = {}
        super().__init__(columns(words), parent)
        self.words = words  # the record names of the pages read, added by the view per page
        self._load: Callable[[int, int], list[AuditInfo]] = lambda _offset, _limit: []
        self.total = 0

    def reload(self, load: Callable[[int, int], list[AuditInfo]], total: int) -> None:
        """Start again with a new filter: the first page now, the rest on scrolling."""
        self._load = load
        self.total = total
        self.set_rows(load(0, PAGE) if total else [])

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self.rowCount() < self.total

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        if parent.isValid() or self.rowCount() >= self.total:
            return
        if self._shown < len(self._rows):  # rows held but not yet shown
            super().fetchMore(parent)
            return
        page = self._load(len(self._rows), PAGE)
        if not page:
            self.total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + len(page) - 1)
        self._rows.extend(page)
        self._shown = len(self._rows)
        self.endInsertRows()
