"""The Members area: the list (search, filters, counts) and a member's page in its place.

Search runs in SQL (``member_search.list_members``) 200 ms after the last keystroke; the
table shows rows a batch at a time and never loads a member's details until they are opened.
Enter or double-click opens the member page; Esc or "Back" returns to the list as it was.
Ctrl+P prints the members shown: the member sheet that matches the list and the account
(``list_print``), with the list's status and role filled in, through the Sheets preview.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import reference_lists
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberDetail, MemberFilter, MemberStatus
from involve_desktop.core.services.member_search import list_members
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.list_empty_state import EmptyState
from involve_desktop.ui.members.list_export import export_members_to_file
from involve_desktop.ui.members.list_filters import MemberFilterBar, counts_text
from involve_desktop.ui.members.list_print import MemberPrint, member_print
from involve_desktop.ui.members.list_table import members_table
from involve_desktop.ui.members.member_page import MemberPage
from involve_desktop.ui.members.members_table_model import MembersTableModel
from involve_desktop.ui.operations import service_call

SEARCH_DELAY_MS = 200
SELECT_ROW = (
    QItemSelectionModel.SelectionFlag.ClearAndSelect
    | QItemSelectionModel.SelectionFlag.Rows
    | QItemSelectionModel.SelectionFlag.Current
)


class MembersView(QWidget):
    """Find, filter and open members; add, import and export from the toolbar."""

    print_requested = Signal(str, dict)  # sheet key, {SheetField: text}: preview it

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self._totals: dict[frozenset[MemberStatus], int] = {}
        self._current_id: int | None = None

        self.model = MembersTableModel(self)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search names, email or phone (Ctrl+F)")
        self.search_box.setAccessibleName("Search members")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(lambda _text: self.search_timer.start())

        self.add_button = QPushButton("Add member…")
        self.add_button.setDefault(True)
        self.add_button.setToolTip("Add someone to the group (Ctrl+N)")
        self.add_button.setAccessibleName("Add member")
        self.import_button = QPushButton("&Import…")
        self.import_button.setToolTip("Import members from a CSV or Excel spreadsheet")
        self.export_button = QPushButton("&Export…")
        self.export_button.setToolTip("Save the members shown to a CSV or Excel file")
        self.add_button.clicked.connect(self.add_member)
        self.import_button.clicked.connect(self.import_members)
        self.export_button.clicked.connect(self.export_members)

        self.filters = MemberFilterBar()
        self.filters.changed.connect(self.refresh)
        self.filters.clear_button.clicked.connect(self.show_everything)
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName("Members count")

        self.table = self._build_table()
        self.empty_state = EmptyState(actor.can(Permission.IMPORT_MEMBERS))
        self.empty_state.add_button.clicked.connect(self.add_member)
        self.empty_state.import_button.clicked.connect(self.import_members)
        self.empty_state.show_all_button.clicked.connect(self.show_everything)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_state)

        self.page = MemberPage(context, actor)
        self.page.back_requested.connect(self.show_list)
        self.page.member_changed.connect(self._member_changed)
        self.page.open_member_requested.connect(self.open_member)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._list_panel())
        self.pages.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        # only now that the buttons sit in this view: setVisible(True) on a button with no
        # parent yet shows it as a window of its own, which takes focus from the main window
        self.add_button.setVisible(actor.can(Permission.EDIT_MEMBERS))
        self.import_button.setVisible(actor.can(Permission.IMPORT_MEMBERS))
        self.export_button.setVisible(actor.can(Permission.EXPORT_PERSONAL_DATA))

        self._load_role_types()
        self.refresh()

    # -- construction -----------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = members_table(self.model)
        table.doubleClicked.connect(self._open_index)
        table.installEventFilter(self)
        table.selectionModel().currentRowChanged.connect(self._remember_current)
        self.model.modelReset.connect(self._restore_current)
        return table

    def _list_panel(self) -> QWidget:
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.search_box, 1)
        toolbar.addSpacing(12)
        for button in (self.add_button, self.import_button, self.export_button):
            toolbar.addWidget(button)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(toolbar)
        column.addWidget(self.filters)
        keep_place = self.filters.clear_button.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # the list does not jump when it appears
        self.filters.clear_button.setSizePolicy(keep_place)
        counts = QHBoxLayout()
        counts.addWidget(self.counts_label)
        counts.addSpacing(8)
        counts.addWidget(self.filters.clear_button)
        counts.addStretch(1)
        column.addLayout(counts)
        column.addWidget(self.list_stack, 1)
        panel = QWidget()
        panel.setLayout(column)
        order = [
            self.search_box,
            self.add_button,
            self.import_button,
            self.export_button,
            *self.filters.focus_order(),
            self.table,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        return panel

    # -- loading ----------------------------------------------------------------------------

    def _load_role_types(self) -> None:
        with service_call(self), self.context.session() as session:
            self.filters.set_role_types(reference_lists.role_types(session))

    def current_filter(self) -> MemberFilter:
        """What the search box and filters ask for (also what Export saves)."""
        return self.filters.current_filter(self.search_box.text())

    def refresh(self, reload_totals: bool = False) -> None:
        """Run the search and filters again and show the result; a member's page on screen
        is read afresh too (coming back from another area, e.g. after an expense claim was
        added in Payments, it shows the claim)."""
        self._reload_list(reload_totals)
        if self.showing_member():
            # Once back in the event loop, and only if the page still shows the same record:
            # "go to" from Home opens another member straight after this; two page loads
            # in a row (with no event loop between) left the window without keyboard focus.
            shown = self.page.detail
            QTimer.singleShot(0, self, lambda: self._reload_page(shown))

    def _reload_page(self, shown: MemberDetail | None) -> None:
        """Show the open member's page again from the records, scrolled where it was
        (unless another record, or the list, was shown since ``shown``)."""
        detail = self.page.detail
        if detail is None or detail is not shown or not self.showing_member():
            return
        bar = self.page.scroll.verticalScrollBar()
        at = bar.value()
        if self.page.show_member(detail.id):
            bar.setValue(at)
        else:  # no longer in the records (the message said so): back to the list
            self.show_list()

    def _reload_list(self, reload_totals: bool = False) -> None:
        """Run the search and filters again and show the result in the list."""
        self.search_timer.stop()
        if reload_totals:
            self._totals.clear()
        filt = self.current_filter()
        narrowed = bool(filt.search.strip()) or self.filters.narrows()
        with service_call(self) as call, self.context.session() as session:
            result = list_members(session, self.actor, filt)
            if not narrowed:
                self._totals[filt.statuses] = result.total_matching
            elif filt.statuses not in self._totals:
                scope = MemberFilter(statuses=filt.statuses)
                self._totals[filt.statuses] = list_members(
                    session, self.actor, scope
                ).total_matching
            anyone = self._anyone(session)
        if call.failed:
            return
        self.model.set_rows(result.rows)
        total = self._totals[filt.statuses]
        self.counts_label.setText(
            counts_text(result.total_matching, total, result.peer_supporters_matching, narrowed)
        )
        self.counts_label.setAccessibleName(self.counts_label.text())
        self.filters.clear_button.setVisible(
            result.total_matching > 0 and (narrowed or not self.filters.is_default())
        )  # when no one matches, the message below offers "Show all members" instead
        self._show_table_or_message(result.total_matching, filt, anyone)

    def _anyone(self, session: Session) -> bool:
        """Whether anyone at all (including people who left) is in the records."""
        if any(self._totals.values()):
            return True
        everyone = MemberFilter(statuses=frozenset(MemberStatus))
        found = list_members(session, self.actor, everyone).total_matching
        self._totals[everyone.statuses] = found
        return found > 0

    def _show_table_or_message(self, matching: int, filt: MemberFilter, anyone: bool) -> None:
        if matching:
            self.list_stack.setCurrentWidget(self.table)
            return
        if not anyone:
            self.empty_state.show_first_use()
        else:
            hint = ""
            if not filt.statuses and filt.search.strip():
                hint = (
                    "Looking for someone who has left? Choose “Everyone” under Status, "
                    "or check the spelling."
                )
            self.empty_state.show_no_match(filt.search, hint)
        self.list_stack.setCurrentWidget(self.empty_state)

    def show_everything(self) -> None:
        """Clear the search and filters (the default list: active and stepping back)."""
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.filters.reset()  # emits changed → refresh
        self.search_box.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Pick up roles added or renamed in Settings since the list was last shown."""
        super().showEvent(event)
        self._load_role_types()

    # -- selection and keyboard -------------------------------------------------------------

    def _remember_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._current_id = self.model.row_at(current.row()).id

    def _restore_current(self) -> None:
        if self.model.rowCount() == 0:
            return
        row = self.model.row_of(self._current_id) if self._current_id is not None else None
        self.select_row(row if row is not None else 0)

    def select_row(self, row: int) -> None:
        """Make ``row`` the current, selected row and scroll to it."""
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(index, SELECT_ROW)
        self.table.scrollTo(index)

    def selected_member_id(self) -> int | None:
        """The member on the current row, if any."""
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Down from the search box enters the table; Enter on a row opens that member."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_box and key in (
                Qt.Key.Key_Down,
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                if self.search_timer.isActive():
                    self.refresh()
                self.focus_table()
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_index(self.table.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def focus_table(self) -> None:
        """Move the keyboard into the list (selecting the first row if none is)."""
        if self.list_stack.currentWidget() is not self.table:
            self.empty_state.first_button().setFocus()
            return
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.select_row(0)
        self.table.setFocus()

    def focus_search(self) -> None:
        """Ctrl+F: back to the list and into the search box, its text selected."""
        self.show_list()
        self.search_box.setFocus()
        self.search_box.selectAll()

    # -- opening members --------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_member(self.model.row_at(index.row()).id)

    def open_member(self, member_id: int) -> None:
        """Show the member's page in place of the list."""
        if self.page.show_member(member_id):
            self._current_id = member_id
            self.pages.setCurrentWidget(self.page)
            self.page.setFocus()
            self.page.focus_first()

    def showing_member(self) -> bool:
        """True when a member's page (not the list) is on screen."""
        return self.pages.currentWidget() is self.page

    def show_list(self) -> None:
        """Back to the list as it was, with the member just viewed selected."""
        if self.showing_member():
            self.pages.setCurrentIndex(0)
            self._restore_current()
            self.focus_table()

    def _member_changed(self, member_id: int) -> None:
        self._current_id = member_id
        self._reload_list(reload_totals=True)  # the page has shown the change itself

    # -- toolbar actions --------------------------------------------------------------------

    def add_member(self) -> None:
        """Open the Add member dialog; show the new member's page when saved."""
        if not self.actor.can(Permission.EDIT_MEMBERS):
            return
        from involve_desktop.ui.members.member_dialog import MemberDialog

        dialog = MemberDialog(self.context, self.actor, None, self)
        wanted: list[int] = []

        def open_existing(member_id: int) -> None:
            wanted.append(member_id)
            dialog.reject()

        dialog.open_member_requested.connect(open_existing)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        saved = dialog.saved if accepted else None
        dialog.deleteLater()
        if saved is not None:
            self._current_id = saved.id
            self._reload_list(reload_totals=True)
            self.open_member(saved.id)
        elif wanted:
            self.open_member(wanted[-1])

    def import_members(self) -> None:
        """Open the import wizard; reload the list afterwards."""
        if not self.actor.can(Permission.IMPORT_MEMBERS):
            return
        from involve_desktop.ui.members.import_wizard import ImportWizard

        wizard = ImportWizard(self.context, self.actor, self)
        wizard.exec()
        wizard.deleteLater()
        self._load_role_types()
        self.refresh(reload_totals=True)

    def export_members(self) -> None:
        """Save the members shown (search and filters applied) to CSV or Excel."""
        if self.actor.can(Permission.EXPORT_PERSONAL_DATA):
            export_members_to_file(self, self.context, self.actor, self.current_filter())

    def print_choice(self) -> MemberPrint | None:
        """The sheet Ctrl+P prints for the list as filtered now (None: no member sheet)."""
        role = self.filters.role_box.currentText() if self.filters.role_box.currentIndex() else None
        return member_print(self.actor, self.current_filter(), role)

    def print_text(self) -> str | None:
        """The File menu's Ctrl+P words here, e.g. "Print contact list of the members shown…"."""
        choice = self.print_choice()
        return choice.menu_text if choice is not None else None

    def print_shown(self) -> bool:
        """Ctrl+P: ask for the preview of the sheet of the members shown; False when this
        account may print no member sheet."""
        choice = self.print_choice()
        if choice is None:
            return False
        self.print_requested.emit(choice.key, dict(choice.values))
        return True

    def open_target(self, target: object) -> None:
        """From Home: a member id opens that member's page."""
        if isinstance(target, int):
            self.open_member(target)
