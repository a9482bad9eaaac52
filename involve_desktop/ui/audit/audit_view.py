"""Settings → Audit log: who changed what and when, filtered by person, account, area and
day, read a page at a time, and exported to CSV by coordinators who may export. The current
entry reads in full in a pane under the table (``audit_entry_pane``); Enter on a row moves
the keyboard into it.

The day boxes show "Any" until a day is chosen. Qt keeps Tab inside a date box showing such
special text (it has no day, month or year to step through), which trapped keyboard users;
:class:`DayInput` lets Tab and Shift+Tab move on from "Any" (with a day shown they step
through day, month and year first, like every other date box in the app), and Up or Down
on "Any" starts from today rather than from the box's lowest day (1 Jan 2000). Its calendar
(the drop-down button, or F4 / Alt+Down on the box) opens on today's month, with today as the
place the arrow keys start from, and the box keeps "Any" until a day is picked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QPointF, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import accounts, audit
from involve_desktop.core.services.audit import AuditFilter
from involve_desktop.core.services.dto import Actor, AuditInfo
from involve_desktop.core.services.member_dto import MemberFilter, MemberStatus
from involve_desktop.core.services.member_search import list_members
from involve_desktop.ui.audit.audit_entry_pane import AuditEntryPane
from involve_desktop.ui.audit.audit_table_model import AuditTableModel
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.operations import service_call

ANY = "Any"
NO_DAY = QDate(2000, 1, 1)  # the minimum of the day inputs, shown as "Any"


class DayInput(QDateEdit):
    """A day box whose lowest day reads "Any"; Tab never stays in it (see the module)."""

    def showing_any(self) -> bool:
        """True while the box shows its special text ("Any") instead of a day."""
        return bool(self.specialValueText()) and self.date() == self.minimumDate()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt's name
        """From "Any" both Up and Down are offered (it is the lowest day, so Qt offers Up)."""
        if self.showing_any():
            return (
                QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
                | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
            )
        return super().stepEnabled()

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        """Up or Down (or Page Up/Down, the wheel) on "Any" shows today, not a day in 2000;
        from a day they step its day, month or year as usual."""
        if self.showing_any() and steps:
            self.setDate(QDate(date.today()))
            self.setCurrentSection(QDateTimeEdit.Section.DaySection)
            return
        super().stepBy(steps)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt's names
        """Tab/Shift+Tab: from "Any" straight to the next or previous control."""
        if self.showing_any():
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """F4, Alt+Down or Alt+Up open the calendar, as they open a drop-down list."""
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        opens = event.key() == Qt.Key.Key_F4 or (
            alt and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        )
        if opens and self.calendarPopup() and not self.isReadOnly():
            self.open_calendar()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """The drop-down button opens the calendar: on today's month while "Any" shows."""
        super().mousePressEvent(event)
        calendar = self.findChild(QCalendarWidget)  # made by Qt on the first opening
        if calendar is not None and calendar.isVisible() and self.showing_any():
            today = QDate(date.today())
            with QSignalBlocker(calendar):  # the box keeps "Any" until a day is picked
                calendar.setSelectedDate(today)  # where the arrow keys start
            calendar.setCurrentPage(today.year(), today.month())

    def open_calendar(self) -> None:
        """Open the calendar as the drop-down button does (Qt has no call for it): a press
        on the button, so Qt places it, and later closes it, as after a click."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        button = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        press = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            QPointF(button.center()),
            QPointF(self.mapToGlobal(button.center())),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(self, press)


def _day_input(name: str) -> QDateEdit:
    """A day box for the filter, "Any" until a day is chosen."""
    edit = DayInput()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMinimumDate(NO_DAY)
    edit.setSpecialValueText(ANY)
    edit.setDate(NO_DAY)
    edit.setAccessibleName(name)
    return edit


class AuditView(QWidget):
    """The audit trail for coordinators (VIEW_AUDIT_LOG); Export… needs EXPORT_PERSONAL_DATA."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.person = QComboBox()
        self.person.setEditable(True)  # type a name to jump to it
        self.person.setAccessibleName("Person")
        self.account = QComboBox()
        self.account.setAccessibleName("Account")
        self.area = QComboBox()
        self.area.setAccessibleName("Area")
        self.area.addItem(ANY, None)
        for name in [*audit.AREAS, audit.REFUSALS_AREA]:
            self.area.addItem(name, name)
        self.date_from = _day_input("From day")
        self.date_to = _day_input("To day")
        self.clear_button = QPushButton("Clea&r filters")  # Alt+C is A&ccount
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button = QPushButton("&Export…")
        self.export_button.setToolTip("Save the entries shown to a CSV file (recorded in the log)")
        self.export_button.clicked.connect(self.export)
        self.count = QLabel()
        self.count.setAccessibleName("Entries shown")
        self.model = AuditTableModel(self)
        self.table = tab_leaves(QTableView())
        self.table.setAccessibleName("Audit log")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 150, 80, 130, 260)):
            self.table.setColumnWidth(column, width)
        self.details = AuditEntryPane()  # the current entry in full (see its module)
        self.table.selectionModel().currentRowChanged.connect(lambda _n, _o: self.show_current())
        self.model.modelReset.connect(self.show_current)
        self.table.activated.connect(lambda _i: self.details.setFocus())  # Enter opens it
        self.table.setToolTip("Enter: read the whole entry in the pane below")

        form = QFormLayout()
        form.addRow("&Person:", self.person)
        form.addRow("A&ccount:", self.account)
        form.addRow("&Area:", self.area)
        days = QHBoxLayout()
        days.addWidget(self.date_from)
        days.addWidget(QLabel("to"))
        days.addWidget(self.date_to)
        days.addStretch(1)
        form.addRow("&Days:", days)
        for row, widget in enumerate((self.person, self.account, self.area, self.date_from)):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            if isinstance(label, QLabel):
                label.setBuddy(widget)
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(self.clear_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        details_label = QLabel("Entry in fu&ll:")
        details_label.setBuddy(self.details)
        layout.addWidget(details_label)
        layout.addWidget(self.details)
        # only once it sits in this view: shown with no parent it would be a window of its own
        self.export_button.setVisible(actor.can(Permission.EXPORT_PERSONAL_DATA))
        self._loaded = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:  # read the choices and the first page only when first shown
            self.load_choices()

    def load_choices(self) -> None:
        """Fill the person and account lists, then show the newest entries."""
        self._loaded = True
        with service_call(self) as call, self.context.session() as session:
            people = list_members(
                session, self.actor, MemberFilter(statuses=frozenset(MemberStatus))
            ).rows
            everyone = accounts.list_accounts(session, self.actor)
        if call.failed:
            return
        for combo in (self.person, self.account):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ANY, None)
        for person in people:
            self.person.addItem(person.display_name, person.id)
        for account in everyone:
            self.account.addItem(f"{account.display_name} ({account.username})", account.id)
        for combo in (self.person, self.account):
            combo.blockSignals(False)
        self.person.activated.connect(lambda _i: self.refresh())
        self.person.lineEdit().editingFinished.connect(self._person_typed)
        self.account.currentIndexChanged.connect(lambda _i: self.refresh())
        self.area.currentIndexChanged.connect(lambda _i: self.refresh())
        self.date_from.dateChanged.connect(lambda _d: self.refresh())
        self.date_to.dateChanged.connect(lambda _d: self.refresh())
        self.refresh()

    def show_current(self) -> None:
        """Show the current row's entry in full in the pane under the table."""
        row = self.table.currentIndex().row()
        entry = self.model.row_at(row) if 0 <= row < self.model.rowCount() else None
        self.details.show_entry(entry, self.model.words)

    def _person_typed(self) -> None:
        index = self.person.findText(self.person.currentText())
        self.person.setCurrentIndex(max(index, 0))
        self.refresh()

    @staticmethod
    def _day(edit: QDateEdit) -> date | None:
        value = edit.date()
        return None if value == NO_DAY else date(value.year(), value.month(), value.day())

    def chosen(self) -> AuditFilter:
        """The filter the inputs describe."""
        return AuditFilter(
            member_id=self.person.currentData(),
            account_id=self.account.currentData(),
            area=self.area.currentData(),
            date_from=self._day(self.date_from),
            date_to=self._day(self.date_to),
        )

    def refresh(self) -> None:
        """Count and show the first page of the entries the filter matches."""
        chosen = self.chosen()
        with service_call(self) as call, self.context.session() as session:
            total = audit.count_entries(session, self.actor, chosen)
        if call.failed:
            return

        def load(offset: int, limit: int) -> list[AuditInfo]:
            with self.context.session() as session:
                page = audit.list_entries(
                    session, self.actor, limit=limit, chosen=chosen, offset=offset
                )
                # the page's records named: one query per kind of record on it
                self.model.words.update(audit.record_names(session, page))
            return page

        self.model.words.clear()

        self.model.reload(load, total)
        self.count.setText(f"{total:,} entr{'y' if total == 1 else 'ies'}")
        self.export_button.setEnabled(total > 0)

    def clear_filters(self) -> None:
        """Back to every entry."""
        for combo in (self.person, self.account, self.area):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.setDate(NO_DAY)
            edit.blockSignals(False)
        self.refresh()

    def ask_path(self) -> str:
        """Where to save the export (a file dialog; tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self, "Export the audit log", f"audit-log-{date.today():%Y-%m-%d}.csv", "CSV (*.csv)"
        )
        return path

    def export(self) -> None:
        """Save the entries the filter matches to a CSV file."""
        path = self.ask_path()
        if not path:
            return
        target = Path(path if path.lower().endswith(".csv") else f"{path}.csv")
        title = "Export the audit log"
        with service_call(self, title=title) as call, self.context.session() as session:
            written = audit.export_csv(session, self.actor, self.chosen(), target)
        if call.failed:
            return
        self.count.setText(f"{self.count.text()} · ✓ {written:,} exported to {target.name}")
