"""The Cohorts area: leadership programmes and their cohorts, pathways and alumni actions.

A programme choice ("All programmes" or one) sits above three tabs: **Cohorts** (the list:
dates, venue, places, waiting list, status, facilitators with graduate co-facilitators said
in words; Enter opens a cohort), **Pathways** (what one programme's graduates went on to
do) and **Alumni actions**. Coordinators (MANAGE_COHORTS) add and change programmes and
cohorts (New cohort…, Ctrl+N); facilitators see only the cohorts linked to their account.
Ctrl+P prints the chosen cohort's certificates (or its register before anyone graduated).
The lists are read again whenever the area is shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import cohorts_cohorts, cohorts_facilitators, cohorts_programmes
from involve_desktop.core.services.cohorts_access import OWN_COHORTS_ONLY
from involve_desktop.core.services.cohorts_dto import ProgrammeInfo
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.ui.cohorts.alumni_tab import AlumniTab
from involve_desktop.ui.cohorts.cohorts_columns import COHORT_COLUMNS, CohortRow, plain_table
from involve_desktop.ui.cohorts.pathways_tab import PathwaysTab
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.meetings_columns import fit_columns, keep_within_width
from involve_desktop.ui.members.list_flow import flow_widget
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import ROW_ROLE, DtoTableModel
from involve_desktop.ui.today import LiveToday
from involve_desktop.ui.widgets import EmptyArea

VENUE_CHARS = 18  # the whole venue is in the tooltip; the facilitators need the room
NO_PROGRAMMES = (
    "No leadership programmes yet — add the first (its name, how many sessions, and how many "
    "a participant must attend), then start its first cohort."
)
NO_PROGRAMMES_READ_ONLY = (
    "No leadership programmes yet. A coordinator sets up programmes and their cohorts."
)
NO_COHORTS = (
    "No cohorts yet — start the first: its dates and venue, then its sessions, facilitators "
    "and people."
)
ADD_PROGRAMME = "A&dd a programme…"
START_COHORT = "&Start a cohort…"
NOT_LINKED = (
    "No cohorts are linked to your account yet. A coordinator links facilitators to the "
    "cohorts they run (Settings → accounts, or the cohort's group)."
)


class CohortsView(QWidget):
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
        self.can_manage = actor.can(Permission.MANAGE_COHORTS)
        self.programmes: list[ProgrammeInfo] = []

        self.programme = QComboBox()
        self.programme.setAccessibleName("Programme")
        self.programme.setMinimumContentsLength(28)
        self.programme.currentIndexChanged.connect(lambda _i: self.load())
        programme_label = QLabel("P&rogramme:")
        programme_label.setBuddy(self.programme)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setAccessibleName("Completion rule")
        top = QHBoxLayout()
        top.addWidget(programme_label)
        top.addWidget(self.programme)
        top.addWidget(self.rule, 1)

        self.model: DtoTableModel[CohortRow] = DtoTableModel(COHORT_COLUMNS, self)
        self.table = plain_table(self.model, "Cohorts", 2, Qt.SortOrder.DescendingOrder)
        keep_within_width(self.table, keep_whole=(2,))  # the dates are read whole
        self.table.activated.connect(lambda _i: self.open_cohort())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.empty = EmptyArea("Cohorts message", START_COHORT)
        self.empty.button.clicked.connect(self.new_cohort)

        self.new_programme_button = QPushButton("New &programme…")
        self.new_programme_button.setToolTip("Add a leadership programme and its completion rule")
        self.new_programme_button.clicked.connect(self.new_programme)
        self.edit_programme_button = QPushButton("&Edit programme…")
        self.edit_programme_button.setToolTip(
            "The chosen programme's name, sessions and completion rule"
        )
        self.edit_programme_button.clicked.connect(self.edit_programme)
        self.new_button = QPushButton("&New cohort…")
        self.new_button.setToolTip("Add a cohort of the chosen programme (Ctrl+N)")
        self.new_button.clicked.connect(self.new_cohort)
        self.open_button = QPushButton("&Open…")
        self.open_button.setToolTip("Sessions, attendance, facilitators and people (Enter)")
        self.open_button.clicked.connect(self.open_cohort)
        buttons = flow_widget(
            self.open_button, self.new_button, self.new_programme_button, self.edit_programme_button
        )
        # only now that they sit in a widget: setVisible(True) on a button with no parent yet
        # shows it as a window of its own, which takes focus from the main window
        for button in (self.new_programme_button, self.edit_programme_button, self.new_button):
            button.setVisible(self.can_manage)

        cohorts_page = QWidget()
        page = self.cohorts_page = QVBoxLayout(cohorts_page)
        page.addWidget(self.empty)
        page.addWidget(self.table, 1)
        page.addStretch(0)  # the room below the words while nothing is listed
        page.addWidget(buttons)
        self.pathways = PathwaysTab(context, actor)
        self.alumni = AlumniTab(context, actor, today=today)
        self.tabs = QTabWidget()
        self.tabs.addTab(cohorts_page, "&Cohorts")
        self.tabs.addTab(self.pathways, "Pa&thways")
        self.tabs.addTab(self.alumni, "Al&umni actions")
        self.tabs.currentChanged.connect(lambda _i: self._load_tab())

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.tabs, 1)
        self.refresh()

    # -- reading ----------------------------------------------------------------------------

    def chosen_programme(self) -> ProgrammeInfo | None:
        """The programme chosen above the tabs (None: all programmes)."""
        programme_id = self.programme.currentData()
        return next((p for p in self.programmes if p.id == programme_id), None)

    def refresh(self, select_programme: int | None = None) -> None:
        """Read the programmes and the list again."""
        wanted = select_programme if select_programme is not None else self.programme.currentData()
        found: list[ProgrammeInfo] = []
        with service_call(self, title="Cohorts"), self.context.session() as session:
            found = cohorts_programmes.list_programmes(session, self.actor)
        self.programmes = found
        self.programme.blockSignals(True)
        self.programme.clear()
        self.programme.addItem("All programmes", None)
        for p in found:
            self.programme.addItem(p.name, p.id)
        index = self.programme.findData(wanted) if wanted is not None else 0
        self.programme.setCurrentIndex(max(index, 0))
        self.programme.blockSignals(False)
        self.load()

    def load(self, select_id: int | None = None) -> None:
        """Read the cohorts of the chosen programme, keeping the selection."""
        current = self.current_cohort()
        wanted = select_id if select_id is not None else (current.id if current else None)
        chosen = self.chosen_programme()
        rows: list[CohortRow] = []
        with service_call(self, title="Cohorts"), self.context.session() as session:
            cohorts = cohorts_cohorts.list_cohorts(
                session, self.actor, chosen.id if chosen else None
            )
            for c in cohorts:
                people = cohorts_facilitators.list_facilitators(session, self.actor, c.id)
                rows.append(CohortRow(c, people))
        self.model.set_rows(rows)
        fit_columns(self.table, {3: VENUE_CHARS})
        proxy = self.table.model()
        for r in range(proxy.rowCount()):
            if proxy.data(proxy.index(r, 0), ROW_ROLE).cohort.id == wanted:
                self.table.selectRow(r)
                break
        else:
            if proxy.rowCount():
                self.table.selectRow(0)
        counts = (
            f"To complete: {chosen.rule.lower()}. {plural(chosen.cohorts, 'cohort')}, "
            f"{plural(chosen.graduates, 'graduate')}."
            if chosen
            else ""
        )
        if chosen and not self.can_manage:  # a facilitator's counts are of their own cohorts
            counts += f" {OWN_COHORTS_ONLY}"
        self.rule.setText(counts)
        self.empty.show_message("" if rows else self._empty_text(), offer=self.can_manage)
        self.empty.button.setText(ADD_PROGRAMME if not self.programmes else START_COHORT)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))  # nothing listed: the words and the first step
        self.cohorts_page.setStretch(2, 0 if rows else 1)
        self._update_buttons()
        self._load_tab()

    def _empty_text(self) -> str:
        if not self.programmes:
            return NO_PROGRAMMES if self.can_manage else NO_PROGRAMMES_READ_ONLY
        if not self.can_manage:
            return NOT_LINKED
        return NO_COHORTS

    def _load_tab(self) -> None:
        chosen = self.chosen_programme()
        if self.tabs.currentWidget() is self.pathways:
            self.pathways.load(chosen)
        elif self.tabs.currentWidget() is self.alumni:
            self.alumni.load(chosen, self.programmes)

    def current_cohort(self):  # noqa: ANN201 - CohortInfo | None
        """The cohort chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.table.model().data(rows[0], ROW_ROLE).cohort if rows else None

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.current_cohort() is not None)
        self.new_button.setEnabled(bool(self.programmes))
        self.new_button.setToolTip(
            "Add a cohort of the chosen programme (Ctrl+N)"
            if self.programmes
            else "Add a programme first (New programme…)"
        )
        editable = self._programme_to_edit()
        self.edit_programme_button.setEnabled(editable is not None)
        self.edit_programme_button.setToolTip(
            f"{editable.name}: its name, sessions and completion rule"
            if editable
            else "Choose a programme above first"
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()

    # -- actions ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: the programme choice, then the list."""
        self.tabs.setCurrentIndex(0)
        self.programme.setFocus()

    def new_programme(self) -> None:
        """Add a programme with its completion rule."""
        from involve_desktop.ui.cohorts.programme_dialog import ProgrammeDialog

        if not self.can_manage:
            return
        dialog = ProgrammeDialog(self.context, self.actor, None, self)
        self._after(dialog)

    def _programme_to_edit(self) -> ProgrammeInfo | None:
        """The programme chosen above, else the chosen cohort's programme."""
        chosen = self.chosen_programme()
        cohort = self.current_cohort()
        if chosen is None and cohort is not None:
            chosen = next((p for p in self.programmes if p.id == cohort.programme_id), None)
        return chosen

    def edit_programme(self) -> None:
        """Change the chosen programme (or the chosen cohort's)."""
        from involve_desktop.ui.cohorts.programme_dialog import ProgrammeDialog

        chosen = self._programme_to_edit()
        if chosen is None or not self.can_manage:
            return
        self._after(ProgrammeDialog(self.context, self.actor, chosen, self))

    def _after(self, dialog: QDialog) -> None:
        dialog.exec()
        saved = dialog.result_value
        dialog.deleteLater()
        self.refresh(saved.id if saved is not None else None)

    def new_cohort(self) -> None:
        """Ctrl+N: add a cohort (details first, then its sessions, facilitators, people)."""
        from involve_desktop.ui.cohorts.cohort_dialog import CohortDialog

        if not self.can_manage:
            return
        if not self.programmes:
            self.new_programme()
            return
        chosen = self.chosen_programme()
        programme_id = chosen.id if chosen else self.programmes[0].id
        self._run(
            CohortDialog(
                self.context, self.actor, None, self, programme_id=programme_id, today=self.today
            )
        )

    def open_cohort(self) -> None:
        """Enter: the chosen cohort's details, sessions, facilitators and people."""
        from involve_desktop.ui.cohorts.cohort_dialog import CohortDialog

        cohort = self.current_cohort()
        if cohort is not None:
            self._run(CohortDialog(self.context, self.actor, cohort.id, self, today=self.today))

    def _run(self, dialog: QDialog) -> None:
        dialog.exec()
        saved = dialog.cohort_id
        dialog.deleteLater()
        self.refresh()
        if saved is not None:
            self.load(saved)

    def print_chosen(self) -> None:
        """Ctrl+P: the chosen cohort's certificates, or its next register before anyone has
        graduated."""
        from involve_desktop.ui.cohorts.cohort_print import print_certificates, print_register

        cohort = self.current_cohort()
        if cohort is None:
            self.empty.setText("Choose a cohort in the list first, then print.")
            self.empty.setVisible(True)
            return
        if cohort.completed:
            print_certificates(self, self.context, self.actor, cohort.id, None, cohort.title)
        else:
            print_register(self, self.context, self.actor, cohort, None, today=self.today)

    def open_target(self, target: object) -> None:
        """From Home: a cohort id chooses that cohort (among all programmes)."""
        if not isinstance(target, int):
            return
        self.tabs.setCurrentIndex(0)
        if self.programme.currentIndex() != 0:
            self.programme.setCurrentIndex(0)
        self.load(select_id=target)
        self.table.setFocus()
