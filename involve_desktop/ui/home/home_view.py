"""Home: this month at a glance and the things that need attention (issue 9).

The first screen after sign-in: a row of figure cards (each a figure with its words), then
"Needs attention" — a list of plain sentences under Overdue / This week / This month, each
opening the place to act. Read afresh each time Home is shown (``refresh``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import dashboard, dashboard_attention
from involve_desktop.core.services.dashboard_dto import AttentionItem, MonthAtAGlance
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.home.attention_list import AttentionList
from involve_desktop.ui.home.figure_card import FigureCard
from involve_desktop.ui.operations import service_call

CARDS_PER_ROW = 4
NOTHING = "Nothing needs your attention today."
FIRST_STEPS = (
    "Nothing needs your attention yet. No members are recorded: "
    '<a href="members">open Members to add the first</a> (Ctrl+2), or import a list there.'
)
STYLE = """
QFrame#figureCard { background: palette(base); border: 1px solid palette(mid);
                    border-radius: 6px; margin: 2px; }
QFrame#figureCard:focus { border: 3px solid palette(highlight); margin: 0px; }
QListWidget#attentionList::item { padding: 4px 2px; }
"""


class HomeView(QWidget):
    """The first screen after sign-in. ``go_to`` asks the main window to open a place:
    an area key (``"members"``, ``"rota"``, …) and an optional target within it."""

    go_to = Signal(str, object)

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
        self._today = today
        self.setStyleSheet(STYLE)
        self.glance: MonthAtAGlance | None = None
        self.items: list[AttentionItem] = []
        self.cards: list[FigureCard] = []

        self.heading = QLabel()
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setAccessibleName("This month")
        self.heading.setWordWrap(True)
        # The cards of a row stand as tall as the tallest; the block never grows beyond that.
        self.card_block = QWidget()
        self.card_block.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.card_grid = QGridLayout(self.card_block)
        self.card_grid.setContentsMargins(0, 0, 0, 0)
        self.card_grid.setSpacing(8)

        self.attention_heading = QLabel("Needs &attention")
        self.attention_heading.setFont(heading_font)
        self.attention = AttentionList()
        self.attention_heading.setBuddy(self.attention)
        self.attention.chosen.connect(self.open_item)
        self.hint = QLabel("Click a line, or choose it with the arrow keys and press Enter.")
        self.hint.setWordWrap(True)
        self.empty = QLabel(NOTHING)
        self.empty.setObjectName("homeEmpty")
        self.empty.setAccessibleName(NOTHING)
        self.empty.setWordWrap(True)
        self.empty.linkActivated.connect(lambda area: self.go_to.emit(area, None))

        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 4)
        column.addWidget(self.heading)
        column.addWidget(self.card_block)
        column.addSpacing(8)
        column.addWidget(self.attention_heading)
        column.addWidget(self.hint)
        column.addWidget(self.attention, 1)
        column.addWidget(self.empty)
        column.addStretch(0)
        self.refresh()

    def today(self) -> date:
        """The day Home is about (fixed in tests, else the real date)."""
        return self._today or date.today()

    def refresh(self) -> None:
        """Reload the figures (called each time Home is shown)."""
        day = self.today()
        glance: MonthAtAGlance | None = None
        items: list[AttentionItem] = []
        with service_call(self, title="Home") as call, self.context.session() as session:
            glance = dashboard.month_at_a_glance(session, self.actor, day)
            items = dashboard_attention.attention_items(session, self.actor, day)
        if call.failed or glance is None:
            return
        self.glance, self.items = glance, items
        self.heading.setText(f"This month at a glance — {day:%B %Y} (today {format_date(day)})")
        self._show_cards(glance)
        self.attention.set_items(items)
        self.attention.setVisible(bool(items))
        self.hint.setVisible(bool(items))
        self.empty.setVisible(not items)
        no_members = any(f.key == "active" and f.value == "0" for f in glance.figures)
        self.empty.setText(FIRST_STEPS if no_members else NOTHING)
        self.empty.setAccessibleName("Getting started" if no_members else NOTHING)
        self.attention_heading.setText(
            f"Needs &attention ({len(items)})" if items else "Needs &attention"
        )
        self.attention_heading.setBuddy(self.attention if items else self.empty)

    def _show_cards(self, glance: MonthAtAGlance) -> None:
        for card in self.cards:
            self.card_grid.removeWidget(card)
            card.deleteLater()
        self.cards = [FigureCard(figure) for figure in glance.figures]
        for index, card in enumerate(self.cards):
            card.chosen.connect(lambda target: self.go_to.emit(target.area, target.target))
            self.card_grid.addWidget(card, index // CARDS_PER_ROW, index % CARDS_PER_ROW)
        # Tab reads the cards in order, left to right and row by row, then the attention list
        for first, second in zip(self.cards, [*self.cards[1:], self.attention], strict=True):
            QWidget.setTabOrder(first, second)

    def open_item(self, item: AttentionItem) -> None:
        """Ask the main window to open the place where ``item`` is dealt with."""
        self.go_to.emit(item.target.area, item.target.target)
