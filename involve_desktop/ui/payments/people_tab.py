"""The People tab: everyone with pay lines or expense claims in the period, with how they
want to be paid and when benefits advice was offered; "Set preference…" (or Enter) and
"Print statement…". The area's "Print expense claim form…" prints the chosen person's form.

"Also everyone with a preference recorded" adds people who have a preference but nothing in
this period, so preferences can be checked before month end.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import (
    payments_batch,
    payments_expenses,
    payments_lines,
    payments_preferences,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.payments_dto import PayStatus, PreferenceInfo
from involve_desktop.core.text import sort_key
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.list_flow import flow_widget
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.payments.items_tab import TITLE
from involve_desktop.ui.payments.payments_columns import (
    PEOPLE_COLUMNS,
    PersonRow,
    fit_columns,
    selected_rows,
    selection_table,
)
from involve_desktop.ui.payments.person_chooser import ChoosePersonDialog
from involve_desktop.ui.table_model import DtoTableModel, show_initial_order

EMPTY = (
    "Nobody has pay lines or expense claims in this period yet. Generate pay lines on the "
    "Pay lines tab, or add an expense claim."
)


class PeopleTab(QWidget):
    """People in the period; signals ask the area to set a preference or print."""

    preference_requested = Signal(int)
    statement_requested = Signal(int)

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.start = self.end = date.today()
        self.model: DtoTableModel[PersonRow] = DtoTableModel(PEOPLE_COLUMNS, self)
        self.table = selection_table(self.model, "People", many=False)
        show_initial_order(self.table, 0, Qt.SortOrder.AscendingOrder)  # A→Z, kept on reload
        self.table.model().setFilterKeyColumn(0)
        self.table.activated.connect(lambda _i: self._emit(self.preference_requested))
        self.table.selectionModel().selectionChanged.connect(
            lambda _now, _before: self._update_buttons()
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a person (Ctrl+F)")
        self.search.setAccessibleName("Find a person")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(
            lambda text: self.table.model().setFilterFixedString(text.strip())
        )
        self.everyone = QCheckBox("Also everyone &with a preference recorded")
        self.everyone.toggled.connect(lambda _on: self.reload())
        self.message = QLabel(EMPTY)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("People message")
        self.preference_button = QPushButton("&Set preference…")
        self.preference_button.setToolTip("How they want to be paid, benefits advice (Enter)")
        self.preference_button.clicked.connect(
            lambda _c=False: self._emit(self.preference_requested)
        )
        self.other_button = QPushButton("Someone &else…")
        self.other_button.setToolTip("Set the payment preference of someone not listed")
        self.other_button.clicked.connect(lambda _c=False: self.choose_other())
        self.statement_button = QPushButton("Print st&atement…")
        self.statement_button.setToolTip("Their payment statement for the period")
        self.statement_button.clicked.connect(lambda _c=False: self._emit(self.statement_requested))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.everyone)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(top)
        column.addWidget(self.message)
        column.addWidget(self.table, 1)
        column.addWidget(
            flow_widget(self.preference_button, self.other_button, self.statement_button)
        )
        self.rows: list[PersonRow] = []

    def show_period(self, start: date, end: date) -> None:
        """Read the period's people."""
        self.start, self.end = start, end
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Read again, keeping the person chosen."""
        current = self.current()
        wanted = select_id if select_id is not None else (current.member_id if current else None)
        rows: list[PersonRow] = []
        with service_call(self, title=TITLE), self.context.session() as session:
            rows = self._read(session)
        self.rows = rows
        self.model.set_rows(rows)
        fit_columns(self.table)
        proxy = self.table.model()
        for row in range(proxy.rowCount()):
            if self.model.row_at(proxy.mapToSource(proxy.index(row, 0)).row()).member_id == wanted:
                self.table.selectRow(row)
        if not self.table.selectionModel().hasSelection() and proxy.rowCount():
            self.table.selectRow(0)
        self.message.setVisible(not rows)
        self._update_buttons()

    def _read(self, session) -> list[PersonRow]:  # noqa: ANN001 - a Session
        start, end = self.start, self.end
        ids = payments_batch.people_with_statements(session, self.actor, start, end)
        lines = payments_lines.list_pay_lines(session, self.actor, start, end)
        claims = payments_expenses.list_claims(session, self.actor, start, end)
        preferences = {
            p.member_id: p for p in payments_preferences.list_preferences(session, self.actor)
        }
        wanted = list(dict.fromkeys([*ids, *(preferences if self.everyone.isChecked() else [])]))
        rows = []
        for member_id in wanted:
            pref: PreferenceInfo | None = preferences.get(member_id)
            if pref is None:
                pref = payments_preferences.get_preference(session, self.actor, member_id)
            mine = [x for x in lines if x.member_id == member_id]
            theirs = [c for c in claims if c.member_id == member_id]
            payable = sum(x.amount_pence for x in mine if x.status is not PayStatus.NOT_PAYABLE)
            payable += sum(c.amount_pence for c in theirs if c.status is not PayStatus.NOT_PAYABLE)
            rows.append(
                PersonRow(
                    member_id=member_id,
                    name=pref.name,
                    method=pref.method,
                    benefits_advice_offered_on=pref.benefits_advice_offered_on,
                    note=pref.note,
                    lines=len(mine),
                    claims=len(theirs),
                    payable_pence=payable,
                )
            )
        return sorted(rows, key=lambda r: (sort_key(r.name), r.member_id))

    def current(self) -> PersonRow | None:
        """The person chosen."""
        chosen = selected_rows(self.table)
        return chosen[0] if chosen else None

    def choose(self, member_id: int) -> None:
        """Select ``member_id``'s row (if listed)."""
        proxy = self.table.model()
        for row in range(proxy.rowCount()):
            if self.model.row_at(proxy.mapToSource(proxy.index(row, 0)).row()).member_id == (
                member_id
            ):
                self.table.selectRow(row)

    def choose_other(self) -> None:
        """Choose anyone (not only those listed) and set their payment preference."""
        dialog = ChoosePersonDialog(self.context, self.actor, self)
        chosen = dialog.member_id if dialog.exec() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        if chosen is not None:
            self.preference_requested.emit(chosen)

    def focus_search(self) -> None:
        """Ctrl+F: type a name."""
        self.search.setFocus()
        self.search.selectAll()

    def _emit(self, signal: Signal) -> None:
        person = self.current()
        if person is not None:
            signal.emit(person.member_id)  # type: ignore[attr-defined]

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        for button in (self.preference_button, self.statement_button):
            button.setEnabled(chosen)
