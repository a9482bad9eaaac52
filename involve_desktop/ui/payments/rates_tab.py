"""The Rates tab: what each kind of involvement pays (per hour or per session) and from
when; "Add rate…" and "Remove…". A new rate for an activity closes the one before it the
day before it starts, so past pay lines keep the rate of their day."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import payments_rates
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.payments_dto import Activity, RateInfo
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.list_flow import flow_widget
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.payments.items_tab import TITLE
from involve_desktop.ui.payments.payments_columns import (
    RATE_COLUMNS,
    fit_columns,
    selected_rows,
    selection_table,
)
from involve_desktop.ui.payments.rate_dialog import RateDialog
from involve_desktop.ui.table_model import DtoTableModel

EMPTY = (
    "No rates yet — add what a peer support shift, a recruitment panel and facilitating a "
    "meeting pay (Add rate…). Pay lines are made only for activities with a rate."
)


def remove_question(rate: RateInfo, rates: list[RateInfo]) -> str:
    """What removing ``rate`` really does, asked before it is done: approved and paid lines
    keep their amounts; lines waiting for approval follow the rate left for their day the
    next time pay lines are made, or are withdrawn (not payable) when none is left."""
    what = rate.activity.label.lower()
    others = sorted(
        (r for r in rates if r.activity is rate.activity and r.id != rate.id),
        key=lambda r: r.valid_from,
    )
    before = [r for r in others if r.valid_from < rate.valid_from]
    after = [r for r in others if r.valid_from > rate.valid_from]
    if before:
        follows = (
            f"Its days then take the rate before it ({before[-1].text}): lines waiting for "
            "approval change to it the next time you make pay lines."
        )
    elif after:
        follows = (
            f"No rate is then set for {what} before {format_date(after[0].valid_from)}: "
            "lines waiting for approval for days before then are withdrawn the next time you "
            "make pay lines, and made again once a rate is set."
        )
    else:
        follows = (
            f"No rate is then left for {what}: lines waiting for approval are withdrawn the "
            "next time you make pay lines, and made again once a rate is set."
        )
    return (
        f"Remove the rate {rate.text} for {what} from {format_date(rate.valid_from)}? "
        f"{follows} Approved and paid lines keep their amounts."
    )


class RatesTab(QWidget):
    """The rates list with Add rate… and Remove…; ``changed`` after either."""

    changed = Signal()

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.model: DtoTableModel[RateInfo] = DtoTableModel(RATE_COLUMNS, self)
        self.table = selection_table(self.model, "Rates", many=False)
        self.table.setSortingEnabled(False)  # activity order, then start day, as read
        self.table.selectionModel().selectionChanged.connect(
            lambda _now, _before: self._update_buttons()
        )
        self.message = QLabel(EMPTY)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Rates message")
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setAccessibleName("Activities with no rate")
        self.add_button = QPushButton("&Add rate…")
        self.add_button.clicked.connect(lambda _c=False: self.add_rate())
        self.remove_button = QPushButton("&Remove…")
        self.remove_button.setToolTip(
            "Remove the rate chosen (approved and paid lines keep their amounts)"
        )
        self.remove_button.clicked.connect(lambda _c=False: self.remove_rate())
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.message)
        column.addWidget(self.missing)
        column.addWidget(self.table, 1)
        column.addWidget(flow_widget(self.add_button, self.remove_button))
        self.rates: list[RateInfo] = []

    def reload(self) -> None:
        """Read the rates again."""
        found: list[RateInfo] = []
        with service_call(self, title=TITLE), self.context.session() as session:
            found = payments_rates.list_rates(session, self.actor)
        self.rates = found
        self.model.set_rows(found)
        fit_columns(self.table)
        self.message.setVisible(not found)
        # cohort sessions are left out until the leadership programme area records them
        offered = [a for a in Activity if a is not Activity.COHORT_FACILITATION]
        missing = [a.label for a in offered if a not in {r.activity for r in found}]
        self.missing.setText(
            "No rate yet for: " + ", ".join(missing) + "." if found and missing else ""
        )
        self.missing.setVisible(bool(found and missing))
        self._update_buttons()

    def current(self) -> RateInfo | None:
        """The rate chosen."""
        chosen = selected_rows(self.table)
        return chosen[0] if chosen else None

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.current() is not None)

    def add_rate(self, activity: Activity | None = None) -> None:
        """A new rate (for ``activity`` when given)."""
        dialog = RateDialog(self.context, self.actor, self, activity=activity)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.changed.emit()
        dialog.deleteLater()

    def remove_rate(self) -> None:
        """Remove the chosen rate, asking first."""
        rate = self.current()
        if rate is None:
            return
        if not ask(self, "Remove rate", remove_question(rate, self.rates)):
            return
        with service_call(self, title=TITLE), self.context.session() as session:
            payments_rates.remove_rate(session, self.actor, rate.id)
        self.reload()
        self.changed.emit()
