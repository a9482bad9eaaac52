"""What the Pay lines and Expenses tabs share: a list for the period with a status filter
and a find-by-name box, several rows selectable, Approve selected / Back to waiting /
Mark selected paid…, and a totals line under the list.

A subclass says how to read its items and how each change is made through the services;
refusals (e.g. a paid line cannot go back to pending) are shown as the service words them,
and the list is read again either way so what is shown is what is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_pence
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.payments_dto import PayStatus
from involve_desktop.core.text import sort_key
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.list_flow import flow_widget
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.payments.paid_date_dialog import PaidDateDialog
from involve_desktop.ui.payments.payments_columns import (
    fit_columns,
    selected_rows,
    selection_table,
)
from involve_desktop.ui.table_model import Column, DtoTableModel, show_initial_order
from involve_desktop.ui.today import LiveToday

ALL = "all"
TITLE = "Payments"


def count_words(count: int, one: str, many: str | None = None) -> str:
    """ "1 line", "3 lines"."""
    return f"{count} {one}" if count == 1 else f"{count} {many or one + 's'}"


def totals_text(items: Sequence[Any], thing: str) -> str:
    """ "Waiting for approval £x · Approved £y · Paid £z" (+ "Recorded, not paid: n lines"):
    the same words as the Status column and the Show filter (a new coordinator looked for
    "Pending" in the filter and found no such choice)."""
    sums = {status: 0 for status in PayStatus}
    counts = {status: 0 for status in PayStatus}
    for item in items:
        sums[item.status] += item.amount_pence
        counts[item.status] += 1
    parts = [
        f"{status.label} {format_pence(sums[status])}"
        for status in (PayStatus.PENDING, PayStatus.APPROVED, PayStatus.PAID)
    ]
    if counts[PayStatus.NOT_PAYABLE] or thing == "line":
        recorded = count_words(counts[PayStatus.NOT_PAYABLE], thing)
        parts.append(f"{PayStatus.NOT_PAYABLE.label}: {recorded}")
    return " · ".join(parts)


def tip_with_key(button: QPushButton, tip: str) -> None:
    """Give ``button`` the tooltip ``tip`` ending with the key that presses it ("Alt+V"),
    so the keyboard way is found by hovering, not only by spotting the underlined letter."""
    key = QKeySequence.mnemonic(button.text()).toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{tip} ({key})" if key else tip)


class ItemsTab(QWidget):
    """The shared list, filter, buttons and totals; see the module docstring."""

    today = LiveToday()

    changed = Signal()  # something was approved, paid, added… (other tabs may re-read)
    thing = "item"  # "line" / "claim": used in words
    columns: list[Column] = []

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.today = today  # None: follows the real date (LiveToday)
        self.start = self.end = self.today
        self.items: list[Any] = []
        self.model: DtoTableModel = DtoTableModel(self.columns, self)
        self.table = selection_table(self.model, self.list_name())
        # by person A→Z; rows read again keep the order the arrow shows
        show_initial_order(self.table, 0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(
            lambda _now, _before: self.update_buttons()
        )
        self.table.model().setFilterKeyColumn(0)  # the find box looks at names only
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show which")
        self.status_filter.addItem("All", ALL)
        for status in self.statuses_offered():
            self.status_filter.addItem(status.label, status)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.show_items())
        show_label = QLabel("Sho&w:")
        show_label.setBuddy(self.status_filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a person (Ctrl+F)")
        self.search.setAccessibleName("Find a person")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._find)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(f"{self.list_name()} message")
        self.message.setVisible(False)
        self.totals = QLabel()
        self.totals.setAccessibleName("Totals")
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.approve_button = QPushButton("Appro&ve selected")
        tip_with_key(self.approve_button, "Waiting items chosen in the list become approved")
        self.approve_button.clicked.connect(lambda _c=False: self.approve())
        self.unapprove_button = QPushButton("Bac&k to waiting")
        tip_with_key(self.unapprove_button, "Approved items go back to waiting for approval")
        self.unapprove_button.clicked.connect(lambda _c=False: self.unapprove())
        self.paid_button = QPushButton("Mark selected pai&d…")
        tip_with_key(self.paid_button, "Approved items chosen in the list: asks the day paid")
        self.paid_button.clicked.connect(lambda _c=False: self.mark_paid())

        filter_row = QHBoxLayout()
        filter_row.addWidget(self.search, 1)
        filter_row.addWidget(show_label)
        filter_row.addWidget(self.status_filter)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(4, 4, 4, 4)
        self.column.addLayout(filter_row)
        self.column.addWidget(self.message)
        self.column.addWidget(self.table, 1)
        self.column.addWidget(self.totals)
        self.hint = QLabel(
            "Choose with Ctrl+click or Shift+click (keys: Shift+↓; Ctrl+A: all shown), then:"
        )
        self.hint.setObjectName("fieldHint")
        buttons = self.action_buttons()
        buttons.insert(buttons.index(self.approve_button), self.hint)
        self.buttons = flow_widget(*buttons)
        self.column.addWidget(self.buttons)

    # -- for subclasses ---------------------------------------------------------------------

    def list_name(self) -> str:
        """The list's accessible name."""
        return "Items"

    def statuses_offered(self) -> list[PayStatus]:
        """The statuses the "Show" filter offers (besides All)."""
        return [PayStatus.PENDING, PayStatus.APPROVED, PayStatus.PAID]

    def action_buttons(self) -> list[QWidget]:
        """The buttons under the list, in reading order."""
        return [self.approve_button, self.unapprove_button, self.paid_button]

    def read(self, session: Session, start: date, end: date) -> list[Any]:
        """The items in the period (every status)."""
        raise NotImplementedError

    def empty_text(self) -> str:
        """Shown when the period has nothing."""
        return "Nothing in this period."

    def approve_call(self, session: Session, ids: list[int]) -> object:
        raise NotImplementedError

    def unapprove_call(self, session: Session, ids: list[int]) -> object:
        raise NotImplementedError

    def paid_call(self, session: Session, ids: list[int], day: date) -> object:
        raise NotImplementedError

    # -- reading ----------------------------------------------------------------------------

    def show_period(self, start: date, end: date) -> None:
        """Read the period's items again and show them."""
        self.start, self.end = start, end
        self.reload()

    def reload(self, select_ids: Sequence[int] | None = None) -> None:
        """Read again, keeping the selection (or choosing ``select_ids``)."""
        wanted = set(select_ids) if select_ids is not None else {i.id for i in self.selected()}
        found: list[Any] | None = None
        with service_call(self, title=TITLE), self.context.session() as session:
            found = self.read(session, self.start, self.end)
        self.items = found or []
        self.show_items(wanted)

    def show_items(self, select_ids: set[int] | None = None) -> None:
        """Show the items the status filter lets through (sorted by person, then date)."""
        wanted = select_ids if select_ids is not None else {i.id for i in self.selected()}
        status = self.status_filter.currentData()
        shown = [i for i in self.items if status == ALL or i.status == status]
        # by person, then day: the proxy's sort by name keeps this order within a person
        shown.sort(key=lambda i: (sort_key(i.name), i.member_id, i.day, i.id))
        self.model.set_rows(shown)
        fit_columns(self.table)
        proxy = self.table.model()
        selection = self.table.selectionModel()
        selection.clearSelection()
        for row in range(proxy.rowCount()):
            item = self.model.row_at(proxy.mapToSource(proxy.index(row, 0)).row())
            if item.id in wanted:
                selection.select(
                    proxy.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        if not self.items:
            self.message.setText(self.empty_text())
        elif not shown:
            self.message.setText(f"Nothing “{self.status_filter.currentText()}” in this period.")
        self.message.setVisible(not shown)
        self.update_buttons()

    def _find(self, text: str) -> None:
        self.table.model().setFilterFixedString(text.strip())

    def selected(self) -> list[Any]:
        """The items chosen in the list."""
        return selected_rows(self.table)

    def focus_search(self) -> None:
        """Ctrl+F: type a name to narrow the list."""
        self.search.setFocus()
        self.search.selectAll()

    def update_buttons(self) -> None:
        """Buttons usable only when the selection has something they apply to."""
        chosen = self.selected()
        words = totals_text(self.items, self.thing)
        if chosen:
            payable = sum(i.amount_pence for i in chosen if i.status is not PayStatus.NOT_PAYABLE)
            words += (
                f"   —   chosen: {count_words(len(chosen), self.thing)}, {format_pence(payable)}"
            )
        self.totals.setText(words)
        has = {item.status for item in chosen}
        self.approve_button.setEnabled(PayStatus.PENDING in has)
        self.unapprove_button.setEnabled(PayStatus.APPROVED in has)
        self.paid_button.setEnabled(PayStatus.APPROVED in has)

    # -- changes ----------------------------------------------------------------------------

    def _run(self, call: Callable[[Session, list[int]], object], ids: list[int]) -> bool:
        with service_call(self, title=TITLE) as outcome, self.context.session() as session:
            call(session, ids)
        self.reload(ids)
        self.changed.emit()
        return not outcome.failed

    def _chosen(self, status: PayStatus, verb: str, done: str) -> list[int]:
        """Ids of the selected items in ``status``; tells the user when there are none."""
        ids = [item.id for item in self.selected() if item.status is status]
        if not ids:
            QMessageBox.information(
                self,
                TITLE,
                f"Choose the {self.thing}s to {verb} first (Ctrl+click or Shift+click for "
                f"several): only {self.thing}s “{status.label}” can be {done}.",
            )
        return ids

    def approve(self) -> None:
        """Approve the waiting items chosen (others chosen are left as they are)."""
        ids = self._chosen(PayStatus.PENDING, "approve", "approved")
        if ids:
            self._run(self.approve_call, ids)

    def unapprove(self) -> None:
        """Put the approved items chosen back to waiting for approval."""
        ids = [item.id for item in self.selected() if item.status is PayStatus.APPROVED]
        if not ids:
            QMessageBox.information(
                self,
                TITLE,
                f"Only approved {self.thing}s can go back to pending — a paid {self.thing} "
                "stays paid.",
            )
            return
        self._run(self.unapprove_call, ids)

    def mark_paid(self) -> None:
        """Ask the day paid (today unless changed) and mark the approved items chosen."""
        ids = self._chosen(PayStatus.APPROVED, "mark paid", "marked paid")
        if not ids:
            return
        chosen = [i for i in self.selected() if i.id in set(ids)]
        total = sum(i.amount_pence for i in chosen)
        what = f"{count_words(len(ids), self.thing)} ({format_pence(total)})"
        dialog = PaidDateDialog(
            self.context,
            self.actor,
            what,
            lambda session, day: self.paid_call(session, ids, day),
            self,
            today=self.today,
            earliest=max(i.day for i in chosen),  # never paid before the work was done
        )
        dialog.exec()
        dialog.deleteLater()
        self.reload(ids)
        self.changed.emit()
