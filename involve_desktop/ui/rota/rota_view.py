"""The Rota area: a week of shifts (sites × days) and the gaps, with week and site filters.

Coordinators (``MANAGE_ROTA``) also get "Add shift…" (Ctrl+N), "Set up sites…", "Generate
shifts…", "Auto-fill…" and "Peer supporters…" (each person's shifts, availability and
limits; Ctrl+F); those dialogs live in their own modules and are imported when first used.
"Print this week…" (Ctrl+P) asks the main window, through ``print_requested``, to print the
weekly rota for the week and site shown. Facilitators see the same rota read-only.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import rota_shifts, rota_sites
from involve_desktop.core.services.dashboard_dto import GapsPeriod
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import ShiftView, SiteInfo
from involve_desktop.core.sheets.params import SheetField
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.gaps_view import GapsView
from involve_desktop.ui.rota.shift_panel import ShiftDialog
from involve_desktop.ui.rota.week_grid import WeekGrid, choose_shift, week_start
from involve_desktop.ui.widgets import buttons_row

NO_SITES = "No sites yet — add the first place where peer supporters work."
NO_SITES_READ_ONLY = "No sites yet — a coordinator adds the places where peer supporters work."
NO_SHIFTS = (
    "No shifts this week — Generate shifts… makes them from each site's weekly shifts "
    "(Set up sites…); Add shift… adds a one-off."
)
NO_SHIFTS_READ_ONLY = "No shifts this week — a coordinator makes them from each site's pattern."


class RotaView(QWidget):
    """Week navigation, site filter, manage buttons; the week grid and the gaps as tabs."""

    print_requested = Signal(str, dict)  # catalogue key, {SheetField: text}

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.can_manage = actor.can(Permission.MANAGE_ROTA)
        self.monday = week_start(date.today())
        self.sites: list[SiteInfo] = []

        self.previous_button = QPushButton("◀ &Previous")
        self.previous_button.setToolTip("The week before")
        self.previous_button.clicked.connect(lambda: self.show_week(self.monday - timedelta(7)))
        self.this_week_button = QPushButton("&This week")
        self.this_week_button.clicked.connect(lambda: self.show_week(date.today()))
        self.next_button = QPushButton("&Next ▶")
        self.next_button.setToolTip("The week after")
        self.next_button.clicked.connect(lambda: self.show_week(self.monday + timedelta(7)))
        self.week_label = QLabel()
        self.week_label.setAccessibleName("Week shown")
        font = self.week_label.font()
        font.setBold(True)
        self.week_label.setFont(font)
        self.site_filter = QComboBox()
        self.site_filter.setAccessibleName("Site")
        self.site_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.site_filter.setMinimumContentsLength(14)
        self.site_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        site_label = QLabel("&Site:")
        site_label.setBuddy(self.site_filter)
        navigation = QHBoxLayout()
        for widget in (self.previous_button, self.this_week_button, self.next_button):
            navigation.addWidget(widget)
        navigation.addSpacing(12)
        navigation.addWidget(self.week_label)
        navigation.addStretch(1)
        self.print_button = QPushButton("Print this wee&k…")
        self.print_button.setToolTip("The weekly rota for the wall, for the site shown (Ctrl+P)")
        self.print_button.clicked.connect(self.print_week)
        site_box = QWidget()  # beside the tabs: it filters both the week and the gaps
        site_row = QHBoxLayout(site_box)
        site_row.setContentsMargins(0, 0, 0, 2)
        site_row.addWidget(site_label)
        site_row.addWidget(self.site_filter)
        site_row.addWidget(self.print_button)

        self.add_shift_button = QPushButton("A&dd shift…")
        self.add_shift_button.setToolTip("A one-off shift on the day selected (Ctrl+N)")
        self.add_shift_button.clicked.connect(self.add_shift)
        self.sites_button = QPushButton("Set &up sites…")
        self.sites_button.clicked.connect(self.open_sites)
        self.generate_button = QPushButton("Gene&rate shifts…")
        self.generate_button.clicked.connect(self.open_generate)
        self.autofill_button = QPushButton("Auto-f&ill…")
        self.autofill_button.clicked.connect(self.open_autofill)
        self.availability_button = QPushButton("P&eer supporters…")
        self.availability_button.setToolTip(
            "Each person's shifts, availability, time off and limits (Ctrl+F)"
        )
        # clicked(bool) would arrive as the member id: ignore it
        self.availability_button.clicked.connect(lambda _checked=False: self.open_availability())
        self.manage_buttons = [
            self.add_shift_button,
            self.sites_button,
            self.generate_button,
            self.autofill_button,
            self.availability_button,
        ]
        manage_row = buttons_row(*self.manage_buttons)

        self.grid = WeekGrid()
        self.grid.open_requested.connect(self.open_cell)
        self.empty_message = QLabel(NO_SITES if self.can_manage else NO_SITES_READ_ONLY)
        self.empty_message.setWordWrap(True)
        self.empty_message.setAccessibleName("Rota message")
        self.first_site_button = QPushButton("Add the first site…")
        self.first_site_button.clicked.connect(self.open_sites)
        empty = QWidget()
        empty_column = QVBoxLayout(empty)
        empty_column.addSpacing(24)
        empty_column.addWidget(self.empty_message)
        empty_column.addLayout(buttons_row(self.first_site_button))
        empty_column.addStretch(1)
        self.no_shifts_message = QLabel(NO_SHIFTS if self.can_manage else NO_SHIFTS_READ_ONLY)
        self.no_shifts_message.setWordWrap(True)
        self.no_shifts_message.setAccessibleName("Week message")
        self.no_shifts_generate = QPushButton("Generate shifts…")
        self.no_shifts_generate.clicked.connect(self.open_generate)
        self.no_shifts_row = QWidget()
        hint_row = QHBoxLayout(self.no_shifts_row)
        hint_row.setContentsMargins(4, 4, 4, 4)
        hint_row.addWidget(self.no_shifts_message, 1)
        hint_row.addWidget(self.no_shifts_generate)
        self.no_shifts_row.setVisible(False)
        grid_page = QWidget()
        grid_column = QVBoxLayout(grid_page)
        grid_column.setContentsMargins(0, 0, 0, 0)
        grid_column.addWidget(self.no_shifts_row)
        grid_column.addWidget(self.grid, 1)
        self.week_stack = QStackedWidget()
        self.week_stack.addWidget(grid_page)
        self.week_stack.addWidget(empty)

        self.gaps = GapsView(context, actor)
        self.gaps.open_shift.connect(self.open_shift)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.week_stack, "&Week")
        self.tabs.addTab(self.gaps, "G&aps")
        self.tabs.setCornerWidget(site_box)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_gaps())

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(navigation)
        column.addLayout(manage_row)
        column.addWidget(self.tabs, 1)
        # only now that every button sits in this view: setVisible(True) on a button with
        # no parent yet would show it as a window of its own and take focus from the main one
        for button in (*self.manage_buttons, self.first_site_button, self.no_shifts_generate):
            button.setVisible(self.can_manage)
        self.load_sites()
        self.show_week(self.monday)

    # -- reading ----------------------------------------------------------------------------

    def load_sites(self) -> None:
        """Fill the site filter (keeping the choice where possible)."""
        found: list[SiteInfo] | None = None
        with service_call(self, title="Rota"), self.context.session() as session:
            found = rota_sites.list_sites(session, self.actor)
        self.sites = found or []
        chosen = self.site_filter.currentData()
        self.site_filter.blockSignals(True)
        self.site_filter.clear()
        self.site_filter.addItem("All sites", None)
        for site in self.sites:
            self.site_filter.addItem(site.name, site.id)
        index = self.site_filter.findData(chosen) if chosen is not None else 0
        self.site_filter.setCurrentIndex(max(index, 0))
        self.site_filter.blockSignals(False)

    def site_id(self) -> int | None:
        """The site chosen in the filter, or None for all sites."""
        data = self.site_filter.currentData()
        return int(data) if data is not None else None

    def show_week(self, day: date) -> None:
        """Show the week containing ``day``."""
        self.monday = week_start(day)
        self.week_label.setText(f"Week of {format_date(self.monday)}")
        self.refresh()

    def refresh(self) -> None:
        """Read the week's shifts again (after any change)."""
        site_id = self.site_id()
        shown = [s for s in self.sites if site_id is None or s.id == site_id]
        self.week_stack.setCurrentIndex(0 if self.sites else 1)
        views: list[ShiftView] | None = None
        end = self.monday + timedelta(days=6)
        with service_call(self, title="Rota"), self.context.session() as session:
            views = rota_shifts.shift_views(session, self.actor, self.monday, end, site_id=site_id)
        current = self.grid.currentIndex()
        self.grid.grid_model.set_week(self.monday, shown, views or [])
        self.no_shifts_row.setVisible(views is not None and not views and bool(shown))
        if self.grid.grid_model.rowCount() and self.grid.grid_model.columnCount():
            row = current.row() if current.isValid() else 0
            # first shown: today's column when this week is today's
            today = (date.today() - self.monday).days
            column = current.column() if current.isValid() else today if 0 <= today < 7 else 0
            row = min(row, self.grid.grid_model.rowCount() - 1)
            self.grid.setCurrentIndex(self.grid.grid_model.index(row, column))
        self._refresh_gaps()

    def _refresh_gaps(self) -> None:
        if self.tabs.currentWidget() is self.gaps:
            self.gaps.show_from(self.monday, self.site_id())

    def show_gaps(self) -> None:
        """Switch to the gaps tab."""
        self.tabs.setCurrentWidget(self.gaps)

    # -- opening things ---------------------------------------------------------------------

    def open_cell(self, row: int, column: int) -> None:
        """Open the shift in a cell (asking which when there are several)."""
        views = self.grid.grid_model.shifts_at(row, column)
        chosen = choose_shift(self, views)
        if chosen is not None:
            self.open_shift(chosen.slot.id)

    def open_shift(self, shift_id: int) -> None:
        """The shift panel; refresh afterwards if anything changed."""
        dialog = ShiftDialog(self.context, self.actor, shift_id, self)
        dialog.exec()
        changed = dialog.changed
        dialog.deleteLater()
        if changed:
            self.refresh()

    def _after(self, dialog: QDialog) -> None:
        dialog.exec()
        dialog.deleteLater()
        self.load_sites()
        self.refresh()

    def open_sites(self) -> None:
        """Set up sites and their shift patterns."""
        from involve_desktop.ui.rota.setup_dialogs import SitesDialog

        self._after(SitesDialog(self.context, self.actor, self))

    def open_generate(self) -> None:
        """Make shifts from the patterns, starting with the week shown."""
        from involve_desktop.ui.rota.setup_dialogs import GenerateDialog

        end = self.monday + timedelta(days=27)
        self._after(GenerateDialog(self.context, self.actor, self.monday, end, self))

    def open_autofill(self) -> None:
        """Propose fair cover for four weeks from the week shown."""
        from involve_desktop.ui.rota.autofill_dialog import AutofillDialog

        end = self.monday + timedelta(days=27)
        self._after(AutofillDialog(self.context, self.actor, self.monday, end, self))

    def open_availability(self, member_id: int | None = None) -> None:
        """A peer supporter's shifts, availability and limits."""
        from involve_desktop.ui.rota.availability_dialog import AvailabilityDialog

        self._after(
            AvailabilityDialog(
                self.context,
                self.actor,
                member_id,
                self,
                print_sheet=lambda key, values: self.print_requested.emit(key, values),
            )
        )

    def find_person(self) -> None:
        """Ctrl+F: choose a peer supporter to see their shifts (coordinators)."""
        if self.can_manage:
            self.open_availability()
        else:
            self.site_filter.setFocus()

    def add_shift(self) -> None:
        """A one-off shift, on the day and site of the selected cell."""
        from involve_desktop.ui.rota.shift_edit import ShiftEditDialog

        index = self.grid.currentIndex()
        day = self.grid.grid_model.day_of(index.column()) if index.isValid() else self.monday
        site_id = (
            self.grid.grid_model.site_at(index.row()).id if index.isValid() else self.site_id()
        )
        dialog = ShiftEditDialog(
            self.context, self.actor, sites=self.sites, day=day, site_id=site_id, parent=self
        )
        self._after(dialog)

    def print_week(self) -> None:
        """Print the weekly rota of the week (and site) shown."""
        values = {SheetField.WEEK: self.monday.isoformat()}
        site_id = self.site_id()
        if site_id is not None:
            values[SheetField.SITE] = self.site_filter.currentText()
        self.print_requested.emit("weekly-rota", values)

    def open_target(self, target: object) -> None:
        """From Home: a date shows its week with that day chosen (the site with a gap that day,
        if any); a ``GapsPeriod`` the Gaps tab with those dates, every site (as Home counted)."""
        if isinstance(target, GapsPeriod):
            if self.site_filter.currentIndex() != 0:
                self.site_filter.setCurrentIndex(0)  # all sites
            self.gaps.show_period(target.start, target.end)
            self.show_gaps()
            self.gaps.table.setFocus()
            return
        if not isinstance(target, date):
            return
        self.tabs.setCurrentIndex(0)
        self.show_week(target)
        model = self.grid.grid_model
        column = (target - self.monday).days
        if model.rowCount() and 0 <= column < model.columnCount():
            rows = range(model.rowCount())
            gaps = [r for r in rows if any(v.state.is_gap for v in model.shifts_at(r, column))]
            busy = [r for r in rows if model.shifts_at(r, column)]
            row = (gaps or busy or [max(self.grid.currentIndex().row(), 0)])[0]
            self.grid.setCurrentIndex(model.index(row, column))
        self.grid.setFocus()
