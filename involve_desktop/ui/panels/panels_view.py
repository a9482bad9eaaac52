"""The Panels area: recruitment panels in a period, the over-reliance banner above them.

Coordinators (MANAGE_PANELS) set up panels (New panel…, Ctrl+N), open one (Enter or
double-click) to change its details, seat people and record the debrief, and print the
panel pack (Ctrl+P) or the participation summary. The banner says, in plain words, how
widely lived-experience seats were shared over the last 12 months, warning when a few
people carry most panels. "Who has sat" lists each person's seats. The list is read again
whenever the area is shown, so a policy saved in Settings shows at once.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import panels, panels_people
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import PanelInfo, PanelStatus
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.meetings_columns import list_table
from involve_desktop.ui.members.list_flow import flow_widget
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.panels.panel_print import print_pack, print_summary
from involve_desktop.ui.panels.panels_columns import PANEL_COLUMNS, fit_panel_columns, panel_table
from involve_desktop.ui.panels.panels_words import (
    ADD_PANEL,
    NO_PANELS,
    NO_PANELS_READ_ONLY,
    banner_text,
)
from involve_desktop.ui.panels.who_has_sat import WhoHasSatView
from involve_desktop.ui.table_model import ROW_ROLE, DtoTableModel, show_initial_order
from involve_desktop.ui.today import LiveToday
from involve_desktop.ui.widgets import EmptyArea

PERIODS = (
    ("Upcoming", "upcoming"),
    ("Last 12 months", "year_back"),
    ("This year", "this_year"),
    ("All", "all"),
)
STATUSES = (("Any status", None), *((s.label, s) for s in PanelStatus))


class PanelsView(QWidget):
    """See the module docstring."""

    today = LiveToday()

    member_requested = Signal(int)

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
        self.can_manage = actor.can(Permission.MANAGE_PANELS)
        self.any_panels = False

        self.banner = QLabel()
        self.banner.setObjectName("relianceBanner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("How widely panel seats are shared")
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setMargin(6)

        self.period = QComboBox()
        self.period.setAccessibleName("Which panels")
        for text, key in PERIODS:
            self.period.addItem(text, key)
        self.period.currentIndexChanged.connect(lambda _i: self.load())
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for text, value in STATUSES:
            self.status.addItem(text, value)
        self.status.currentIndexChanged.connect(lambda _i: self.load())
        show_label = QLabel("&Show:")
        show_label.setBuddy(self.period)
        filters = QHBoxLayout()
        filters.addWidget(show_label)
        filters.addWidget(self.period)
        filters.addWidget(self.status)
        filters.addStretch(1)
        self.filters = QWidget()
        self.filters.setLayout(filters)
        filters.setContentsMargins(0, 0, 0, 0)

        self.model: DtoTableModel[PanelInfo] = DtoTableModel(PANEL_COLUMNS, self)
        self.table = panel_table(list_table(self.model, "Panels"))
        self._dates_ordered_for: str | None = None  # the period the date order suits
        self.table.activated.connect(lambda _i: self.open_panel())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.empty = EmptyArea("Panels message", ADD_PANEL)
        self.empty.button.setToolTip("Set up a recruitment panel (Ctrl+N)")
        self.empty.button.clicked.connect(self.new_panel)

        self.new_button = QPushButton("&New panel…")
        self.new_button.setToolTip("Set up a recruitment panel (Ctrl+N)")
        self.new_button.clicked.connect(self.new_panel)
        self.open_button = QPushButton("&Open…")
        self.open_button.setToolTip("Details, people, preparation and debrief (Enter)")
        self.open_button.clicked.connect(self.open_panel)
        self.pack_button = QPushButton("&Print panel pack…")
        self.pack_button.setToolTip("The chosen panel's pack for the people on it (Ctrl+P)")
        self.pack_button.clicked.connect(self.print_pack)
        self.summary_button = QPushButton("Print participation s&ummary…")
        self.summary_button.setToolTip("Panels and who sat on them over the last 12 months")
        self.summary_button.clicked.connect(self.print_summary)
        buttons = flow_widget(
            self.new_button, self.open_button, self.pack_button, self.summary_button
        )
        self.new_button.setVisible(self.can_manage)  # in its row first: never a window of its own

        panels_page = QWidget()
        page_column = QVBoxLayout(panels_page)
        page_column.addWidget(self.filters)
        page_column.addWidget(self.empty)
        page_column.addWidget(self.table, 1)
        page_column.addStretch(0)  # the room below the words while there is no panel at all
        self.who = WhoHasSatView(context, actor, today)
        self.who.member_requested.connect(self.member_requested)
        self.tabs = QTabWidget()
        self.tabs.addTab(panels_page, "P&anels")
        self.tabs.addTab(self.who, "&Who has sat")
        self.tabs.currentChanged.connect(lambda _i: self._load_tab())

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        column.addWidget(buttons)
        self.refresh()

    # -- reading ----------------------------------------------------------------------------

    def _period(self) -> tuple[date | None, date | None]:
        key = self.period.currentData()
        if key == "upcoming":
            return self.today, None
        if key == "year_back":
            return panels_people.last_12_months(self.today)
        if key == "this_year":
            return date(self.today.year, 1, 1), date(self.today.year, 12, 31)
        return None, None

    def refresh(self) -> None:
        """Read the banner and the list again (after a change, or a new policy)."""
        self.load_banner()
        self.load()
        self._load_tab()

    def load_banner(self) -> None:
        """The over-reliance banner for the last 12 months."""
        with service_call(self, title="Panels") as call, self.context.session() as session:
            figures = panels_people.over_reliance(session, self.actor, today=self.today)
            self.any_panels = bool(panels.list_panels(session, self.actor))
        if call.failed:
            return
        text, warning = banner_text(figures)
        self.banner.setVisible(self.any_panels)  # before the first panel: the list says it
        self.banner.setText(text)
        self.banner.setProperty("warning", warning)
        font = self.banner.font()
        font.setBold(warning)
        self.banner.setFont(font)

    def load(self, select_id: int | None = None) -> None:
        """Read the panels in the chosen period and status, keeping the selection."""
        current = self.current_panel()
        wanted = select_id if select_id is not None else (current.id if current else None)
        start, end = self._period()
        found: list[PanelInfo] = []
        with service_call(self, title="Panels"), self.context.session() as session:
            found = panels.list_panels(
                session, self.actor, start, end, status=self.status.currentData()
            )
        self.model.set_rows(found)
        period = self.period.currentData()
        if period != self._dates_ordered_for:  # upcoming: soonest first; else newest first
            descending = period != "upcoming"
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            show_initial_order(self.table, 0, order)
            self._dates_ordered_for = period
        fit_panel_columns(self.table)
        proxy = self.table.model()
        for r in range(proxy.rowCount()):
            if proxy.data(proxy.index(r, 0), ROW_ROLE).id == wanted:
                self.table.selectRow(r)
                break
        else:
            if proxy.rowCount():
                self.table.selectRow(0)
        first_use = not self.any_panels
        self.empty.show_message(
            self._empty_text() if not found else "", offer=first_use and self.can_manage
        )
        self.empty.setVisible(not found)
        self.filters.setVisible(not first_use)
        self.table.setVisible(not first_use)
        page = self.filters.parentWidget().layout()
        page.setStretch(page.count() - 1, 1 if first_use else 0)
        self._update_buttons()

    def _empty_text(self) -> str:
        if not self.any_panels:
            return NO_PANELS if self.can_manage else NO_PANELS_READ_ONLY
        hint = " Choose All to see every panel." if self.period.currentData() != "all" else ""
        return f"No panels to show here.{hint}"

    def _load_tab(self) -> None:
        if self.tabs.currentWidget() is self.who:
            self.who.load()

    def current_panel(self) -> PanelInfo | None:
        """The panel chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.table.model().data(rows[0], ROW_ROLE) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.current_panel() is not None
        self.open_button.setEnabled(chosen)
        self.pack_button.setEnabled(chosen)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()

    # -- actions ----------------------------------------------------------------------------

    def focus_list(self) -> None:
        """Ctrl+F: put the keyboard in the list (type the first letters of a date)."""
        self.tabs.setCurrentIndex(0)
        self.period.setFocus()

    def _run(self, dialog: QDialog) -> None:
        dialog.exec()
        saved = getattr(dialog, "panel_id", None)
        dialog.deleteLater()
        if saved is not None and self.period.currentData() == "upcoming":
            info = self._panel(saved)
            if info is not None and info.day < self.today:
                self.period.setCurrentIndex(len(PERIODS) - 1)  # show where it went
        self.refresh()
        if saved is not None:
            self.load(saved)

    def _panel(self, panel_id: int) -> PanelInfo | None:
        with service_call(self, title="Panels") as call, self.context.session() as session:
            info = panels.get_panel(session, self.actor, panel_id)
        return None if call.failed else info

    def new_panel(self) -> None:
        """Ctrl+N: set up a panel (details first, then who sits on it)."""
        from involve_desktop.ui.panels.panel_dialog import PanelDialog

        if self.can_manage:
            self._run(PanelDialog(self.context, self.actor, None, self, today=self.today))

    def open_panel(self) -> None:
        """Enter: the chosen panel's details, people, preparation and debrief."""
        from involve_desktop.ui.panels.panel_dialog import PanelDialog

        panel = self.current_panel()
        if panel is not None:
            self._run(PanelDialog(self.context, self.actor, panel.id, self, today=self.today))

    def print_pack(self) -> None:
        """Ctrl+P: the chosen panel's pack, through the print preview."""
        panel = self.current_panel()
        if panel is None:
            self.empty.setText("Choose a panel in the list first, then print its pack.")
            self.empty.setVisible(True)
            return
        print_pack(self, self.context, self.actor, panel)

    def print_summary(self) -> None:
        """The participation summary for the last 12 months, through the print preview."""
        print_summary(self, self.context, self.actor, self.today)

    def open_target(self, target: object) -> None:
        """From Home: a panel id chooses that panel in the list; ``"who"`` shows Who has sat
        (the over-reliance figures)."""
        if target == "who":
            self.tabs.setCurrentWidget(self.who)
            return
        if not isinstance(target, int):
            return
        self.tabs.setCurrentIndex(0)
        self.load(select_id=target)
        chosen = self.current_panel()
        if chosen is None or chosen.id != target:
            self.status.setCurrentIndex(0)
            self.period.setCurrentIndex(self.period.findData("all"))
            self.load(select_id=target)
        self.table.setFocus()
