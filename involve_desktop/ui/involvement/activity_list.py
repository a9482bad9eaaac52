"""What the Activities (4PI) and You said, we did tabs share: a sortable list with a line
shown when it is empty, a count, New / Open / Delete / Print buttons (New and Delete only
for accounts that may change involvement records), Enter or double-click to open, asking
before deleting, and the print preview.

A tab puts its filters in ``filters``, then calls ``lay_out()``; it provides ``refresh``,
``make_dialog`` (the entry's dialog, None for a new one), ``delete_words`` /
``delete_row`` and ``print_sheet``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.meetings_columns import list_table
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.print_preview import PrintPreviewDialog
from involve_desktop.ui.table_model import Column, DtoTableModel

T = TypeVar("T")


class RecordListTab(QWidget, Generic[T]):
    """See the module docstring."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        columns: list[Column[T]],
        words: tuple[str, str, str, str],  # list name, empty line, New text, Print text
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.today = context, actor, today
        name, empty, new, print_words = words
        self.may_change = actor.can(Permission.MANAGE_INVOLVEMENT)
        self.model: DtoTableModel[T] = DtoTableModel(columns, self)
        self.table = list_table(
            self.model, name, self, sort_column=0, sort_order=Qt.SortOrder.DescendingOrder
        )  # newest first
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.empty = QLabel(empty)
        self.empty.setWordWrap(True)
        self.count = QLabel()
        self.count.setAccessibleName(f"How many: {name.lower()}")
        self.new_button = QPushButton(new)
        self.new_button.clicked.connect(self.add_new)
        self.open_button = QPushButton("&Open…")
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button = QPushButton(print_words)
        self.print_button.clicked.connect(self.print_sheet)
        for button in (self.new_button, self.delete_button):
            button.setEnabled(self.may_change)
        self.filters = QHBoxLayout()
        self.extra_buttons: list[QPushButton] = []  # after Print, e.g. "Our principles…"

    def lay_out(self) -> None:
        """Filters, the empty line, the list, the count, then the buttons; first load."""
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.open_button,
            self.delete_button,
            self.print_button,
            *self.extra_buttons,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(self.filters)
        column.addWidget(self.empty)
        column.addWidget(self.table, 1)
        column.addWidget(self.count)  # its own line, so the tab stays narrow on small screens
        column.addLayout(buttons)
        self.refresh()

    def day(self) -> date:
        """The day the tab works from (today unless a test fixes it)."""
        return self.today or date.today()

    def refresh(self) -> None:
        """Reload the list."""
        raise NotImplementedError

    def make_dialog(self, entry: T | None) -> QDialog:
        """The dialog to edit ``entry`` (None: a new one)."""
        raise NotImplementedError

    def delete_words(self, entry: T) -> str:
        """The question asked before deleting ``entry``."""
        raise NotImplementedError

    def delete_row(self, session: Session, entry: T) -> None:
        """Delete ``entry`` through its service."""
        raise NotImplementedError

    def print_sheet(self) -> None:
        """Ctrl+P in this tab."""
        raise NotImplementedError

    def fresh(self, entry: T) -> T | None:
        """``entry`` read again before opening it (as listed, unless a tab reads it anew)."""
        return entry

    def selected(self) -> T | None:
        """The row chosen in the list."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.table.model().mapToSource(index).row())

    def _open_index(self, _index: QModelIndex) -> None:
        self.open_selected()

    def _edit(self, entry: T | None) -> None:
        dialog = self.make_dialog(entry)
        dialog.exec()
        dialog.deleteLater()
        self.refresh()

    def add_new(self) -> None:
        """Ctrl+N in this tab."""
        if self.may_change:
            self._edit(None)

    def open_selected(self) -> None:
        """Open the chosen row."""
        chosen = self.selected()
        if chosen is None:
            QMessageBox.information(self, "Open", "Choose one in the list first.")
            return
        again = self.fresh(chosen)
        if again is not None:
            self._edit(again)

    def delete_selected(self) -> None:
        """Delete the chosen row, after asking."""
        chosen = self.selected()
        if chosen is None:
            return
        if not ask(
            self,
            "Delete?",
            self.delete_words(chosen),
        ):
            return
        with service_call(self, title="Delete"), self.context.session() as session:
            self.delete_row(session, chosen)
        self.refresh()

    def preview(self, make: Any, title: str, file_name: str) -> None:
        """Make the PDF with ``make(session)`` and show it in the print preview."""
        pdf: bytes | None = None
        with service_call(self, title=title) as call, self.context.session() as session:
            pdf = make(session)
        if call.failed or pdf is None:
            return
        dialog = PrintPreviewDialog(pdf, title, file_name, self)
        dialog.exec()
        dialog.deleteLater()
