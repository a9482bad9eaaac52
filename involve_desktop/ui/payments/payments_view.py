"""The Payments area (coordinators): involvement payments and expenses for a period.

A period bar (last complete month unless changed; This month / Last month / ◀ ▶ / any two
dates) above four tabs — Pay lines (generate, approve, mark paid), Expenses (claims),
People (preferences, statements) and Rates — and the month-end print buttons: the finance
batch (PDF and CSV for the finance software), everyone's statements and a blank expense
claim form for one person.

Public for the main window: ``new_item()`` (Ctrl+N, "Add expense claim…"),
``focus_search()`` (Ctrl+F) and ``print_batch()`` (Ctrl+P, "Print the finance batch…").
Accounts without VIEW_PAYMENTS never get this area; the services refuse them anyway.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.payments_dto import PayStatus
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.list_flow import flow_widget
from involve_desktop.ui.payments import payments_print
from involve_desktop.ui.payments.expenses_tab import ExpensesTab
from involve_desktop.ui.payments.lines_tab import LinesTab
from involve_desktop.ui.payments.people_tab import PeopleTab
from involve_desktop.ui.payments.period_bar import PeriodBar
from involve_desktop.ui.payments.preference_dialog import edit_preference
from involve_desktop.ui.payments.rates_tab import RatesTab
from involve_desktop.ui.today import LiveToday

READ_ONLY = "You can see payments but not change them: ask a coordinator."


class PaymentsView(QWidget):
    """See the module docstring."""

    today = LiveToday()

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
        self.can_manage = actor.can(Permission.MANAGE_PAYMENTS)
        self.period = PeriodBar(self.today)
        self.period.changed.connect(lambda _s, _e: self.refresh())

        self.lines = LinesTab(context, actor, today=today)
        self.expenses = ExpensesTab(context, actor, today=today)
        self.people = PeopleTab(context, actor)
        self.rates = RatesTab(context, actor)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.lines, "Pay li&nes")
        self.tabs.addTab(self.expenses, "E&xpenses")
        self.tabs.addTab(self.people, "Peo&ple")
        self.tabs.addTab(self.rates, "Ra&tes")
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())

        self.lines.preference_requested.connect(self.set_preference)
        self.lines.rates_requested.connect(lambda: self.tabs.setCurrentWidget(self.rates))
        self.people.preference_requested.connect(self.set_preference)
        self.people.statement_requested.connect(self.print_statement)
        for tab in (self.lines, self.expenses):
            tab.changed.connect(self._stale)
        self.rates.changed.connect(self._stale)
        self._dirty: set[QWidget] = set()
        self._shown_before = False

        self.batch_button = QPushButton("Print finance &batch…")
        self.batch_button.setToolTip(
            "Approved pay and expenses for the period, per person (Ctrl+P)"
        )
        self.batch_button.clicked.connect(lambda _c=False: self.print_batch())
        self.csv_button = QPushButton("Export finance batch &CSV…")
        self.csv_button.setToolTip("The same batch as a spreadsheet file for the finance software")
        self.csv_button.clicked.connect(lambda _c=False: self.export_csv())
        self.statements_button = QPushButton("Print everyone's state&ments…")
        self.statements_button.setToolTip(
            "One statement per person with pay lines or claims in the period"
        )
        self.statements_button.clicked.connect(lambda _c=False: self.print_statements())
        self.claim_form_button = QPushButton("Print expense claim f&orm…")
        self.claim_form_button.setToolTip(
            "A form to fill in by hand, with the name of the person chosen"
        )
        self.claim_form_button.clicked.connect(lambda _c=False: self.print_claim_form())
        self.read_only = QLabel(READ_ONLY)
        for widget in (
            self.lines.generate_button,
            self.lines.approve_button,
            self.lines.unapprove_button,
            self.lines.paid_button,
            self.lines.note_button,
            self.lines.ask_button,
            self.expenses.add_button,
            self.expenses.edit_button,
            self.expenses.remove_button,
            self.expenses.approve_button,
            self.expenses.unapprove_button,
            self.expenses.paid_button,
            self.people.preference_button,
            self.people.other_button,
            self.rates.add_button,
            self.rates.remove_button,
        ):
            widget.setVisible(self.can_manage)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.period)
        column.addWidget(
            flow_widget(
                self.batch_button,
                self.csv_button,
                self.statements_button,
                self.claim_form_button,
                self.read_only,
            )
        )
        column.addWidget(self.tabs, 1)
        self.read_only.setVisible(not self.can_manage)  # in the view first (see the rota's)
        self.refresh()

    # -- reading ----------------------------------------------------------------------------

    def start_end(self) -> tuple[date, date]:
        """The period shown (inclusive)."""
        return self.period.period()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Coming back to Payments from another area reads again: a shift's attendance or a
        meeting's facilitators may have changed meanwhile."""
        super().showEvent(event)
        if self._shown_before and not event.spontaneous():
            self.refresh()
        self._shown_before = True

    def refresh(self) -> None:
        """A new period (or a change elsewhere): the tab shown is read now, the others when
        they are next shown."""
        self._dirty = {self.lines, self.expenses, self.people, self.rates}
        self._refresh_tab()

    def _stale(self) -> None:
        """Something changed on one tab: the others read again when next shown."""
        sender = self.tabs.currentWidget()
        self._dirty = {self.lines, self.expenses, self.people, self.rates} - {sender}

    def _refresh_tab(self) -> None:
        tab = self.tabs.currentWidget()
        if tab not in self._dirty:
            return
        self._dirty.discard(tab)
        start, end = self.start_end()
        if tab is self.rates:
            self.rates.reload()
        else:
            tab.show_period(start, end)  # type: ignore[attr-defined]

    # -- for the main window ----------------------------------------------------------------

    def new_item(self) -> None:
        """Ctrl+N: add an expense claim (for the person chosen on the People tab)."""
        if not self.can_manage:
            return
        person = self.people.current() if self.tabs.currentWidget() is self.people else None
        self.tabs.setCurrentWidget(self.expenses)
        self.expenses.add_claim(person.member_id if person else None)

    def focus_search(self) -> None:
        """Ctrl+F: the find box of the tab shown."""
        tab = self.tabs.currentWidget()
        if tab is self.rates:
            self.tabs.setCurrentWidget(self.lines)
            tab = self.lines
        tab.focus_search()  # type: ignore[attr-defined]

    def print_batch(self) -> None:
        """Ctrl+P: preview the finance batch for the period."""
        payments_print.print_batch(self, *self.start_end())

    # -- actions ----------------------------------------------------------------------------

    def set_preference(self, member_id: int) -> None:
        """The preference dialog for ``member_id``; the lists follow what was saved."""
        if edit_preference(self.context, self.actor, member_id, self, today=self.today):
            self.refresh()
            self.people.choose(member_id)

    def export_csv(self) -> None:
        """Save the finance batch as a CSV file for the finance software."""
        payments_print.export_csv(self, *self.start_end())

    def print_statements(self) -> None:
        """Everyone's statements for the period, one after the other."""
        payments_print.print_statements(self, *self.start_end())

    def print_statement(self, member_id: int) -> None:
        """One person's statement for the period."""
        payments_print.print_statements(self, *self.start_end(), member_id)

    def chosen_person(self) -> int | None:
        """The person chosen on the tab shown (People, or a line or claim selected)."""
        tab = self.tabs.currentWidget()
        if tab is self.people:
            person = self.people.current()
            return person.member_id if person else None
        if tab in (self.lines, self.expenses):
            chosen = tab.selected()  # type: ignore[attr-defined]
            return chosen[0].member_id if chosen else None
        return None

    def print_claim_form(self, member_id: int | None = None) -> None:
        """A blank expense claim form with the chosen person's name on it."""
        chosen = member_id if member_id is not None else self.chosen_person()
        payments_print.print_claim_form(self, chosen, *self.start_end())

    def open_target(self, target: object) -> None:
        """From Home: ``("waiting" | "expenses", first day, last day)`` shows the pay lines
        (or expense claims) waiting for approval over that period; a bare name just the tab."""
        name, *period = target if isinstance(target, tuple) else (target,)
        tab = self.expenses if name == "expenses" else self.lines
        self.tabs.setCurrentWidget(tab)
        if len(period) == 2 and all(isinstance(d, date) for d in period):
            self.period.set_period(period[0], period[1])
        pending = tab.status_filter.findData(PayStatus.PENDING)
        if pending >= 0:
            tab.status_filter.setCurrentIndex(pending)
        tab.focus_search()
