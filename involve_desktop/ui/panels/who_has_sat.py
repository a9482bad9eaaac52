"""The "Who has sat" tab: each person's seats on held panels in the last 12 months, and
the members with current panel training who did not sit in that time (0 seats, with when
they last sat or "Never sat"): the people to ask next.

Sortable by any column (most seats, longest since they last sat); Enter or double-click on
a person asks, through ``member_requested``, to open their member page.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from involve_desktop.core.services import panels_people
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import ParticipationRow
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.meetings_columns import fit_columns, list_table
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.panels.panels_columns import SAT_COLUMNS
from involve_desktop.ui.table_model import ROW_ROLE, DtoTableModel
from involve_desktop.ui.today import LiveToday


class WhoHasSatView(QWidget):
    """Participation per person over the last 12 months (held panels)."""

    today = LiveToday()

    member_requested = Signal(int)

    def __init__(self, context: AppContext, actor: Actor, today: date | None) -> None:
        super().__init__()
        self.context, self.actor, self.today = context, actor, today
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName("Who has sat: summary")
        self.model: DtoTableModel[ParticipationRow] = DtoTableModel(SAT_COLUMNS, self)
        # who sat most first: the people the over-reliance banner is about
        self.table = list_table(
            self.model,
            "Who has sat on panels",
            sort_column=1,
            sort_order=Qt.SortOrder.DescendingOrder,
        )
        self.table.activated.connect(self._open)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addWidget(self.table, 1)

    def load(self) -> None:
        """Read the participation summary for the last 12 months again."""
        start, end = panels_people.last_12_months(self.today)
        with service_call(self, title="Panels") as call, self.context.session() as session:
            summary = panels_people.participation_summary(session, self.actor, start, end)
            waiting = panels_people.trained_not_sat(
                session, self.actor, start, end, today=self.today
            )
        if call.failed:
            return
        self.model.set_rows([*summary.rows, *waiting])
        fit_columns(self.table)
        if summary.rows:
            text = (
                f"{plural(summary.panels_held, 'panel')} held in the last 12 months; "
                f"{plural(len(summary.rows), 'member')} sat on them, and staff from outside "
                f"took {plural(summary.outside_staff_seats, 'seat')}."
            )
        else:
            text = "Nobody has sat on a held panel in the last 12 months yet."
        if waiting:
            text += (
                f" {plural(len(waiting), 'member')} with current panel training did not sit in "
                "that time (0 seats, at the foot of the list) — ask them first."
            )
        self.intro.setText(f"{text} Click a heading to sort; Enter opens the person's page.")

    def _open(self, index) -> None:  # noqa: ANN001 - a QModelIndex
        row = self.table.model().data(index, ROW_ROLE)
        if row is not None:
            self.member_requested.emit(row.member_id)
