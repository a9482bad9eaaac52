"""Rota set-up: sites with their weekly shift patterns and closed days; making shifts.

``SitesDialog(context, actor, parent=None)`` is master–detail: the sites on the left (Add
site, Archive/Restore), the chosen site's details, weekly shifts and closed days on the
right. ``GenerateDialog`` (from ``setup_generate``) makes shifts for a date range.
Every change goes through the rota services, which refuse people without MANAGE_ROTA.

Choosing another site (or Add site, Ctrl+N) with the details typed but not saved asks the
dialogs' "Discard your changes?"; *Keep editing* stays on the site with the typing.
Closing a day that already has shifts asks first whether to cancel them, naming how many
have people on them and who to tell.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import rota_patterns, rota_sites
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import ClosedDateInfo, PatternInfo, SiteInfo
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.conflict import EditVersion
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.messages import FieldErrors, ask, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.setup_generate import GenerateDialog, describe_result
from involve_desktop.ui.rota.setup_pattern import UNCHANGED_NOTE, PatternDialog
from involve_desktop.ui.rota.setup_site_form import SiteForm
from involve_desktop.ui.rota.setup_widgets import (
    WEEKDAYS,
    date_edit,
    fill_table,
    from_qdate,
    hhmm,
    intro,
    read_only_table,
    second_key,
)
from involve_desktop.ui.widgets import buttons_row

__all__ = ["GenerateDialog", "PatternDialog", "SitesDialog", "describe_result", "pattern_row"]

EMPTY_TEXT = "No sites yet — add the first place where peer supporters work."
ARCHIVE, RESTORE = "A&rchive", "&Restore"  # one button: the same Alt+R either way


def pattern_row(p: PatternInfo) -> list[str]:
    """A pattern as table cells."""
    overnight = " (next day)" if p.end_time <= p.start_time else ""
    peers = f"{p.min_peers}–{p.max_peers}" if p.max_peers else f"{p.min_peers} or more"
    valid = format_date(p.valid_from) + (f" to {format_date(p.valid_to)}" if p.valid_to else " on")
    return [
        WEEKDAYS[p.weekday],
        f"{hhmm(p.start_time)}–{hhmm(p.end_time)}{overnight}",
        peers,
        p.required_training_name or "None needed",
        valid,
        "Yes" if p.runs_on_bank_holidays else "No",
    ]


class SitesDialog(EditDialog):
    """Sites, their weekly shift patterns and closed days."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.sites: list[SiteInfo] = []
        self.version = EditVersion(self, None, self._load_theirs)  # of the chosen site
        self.patterns: list[PatternInfo] = []
        self.closed: list[ClosedDateInfo] = []
        self.setWindowTitle("Rota sites and weekly shifts")
        self.resize(1100, 640)
        # master
        self.site_list = QListWidget()
        self.site_list.setAccessibleName("Sites")
        self.site_list.setWordWrap(True)
        self.site_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.site_list.currentRowChanged.connect(self._site_chosen)
        self.empty = intro(EMPTY_TEXT)
        self.add_button = QPushButton("&Add site")
        self.new_key = second_key(self, self.add_button, "Ctrl+N")
        self.add_button.setToolTip("Add a site (Alt+A or Ctrl+N)")
        self.add_button.clicked.connect(self.new_site)
        self.archive_button = QPushButton(ARCHIVE)
        self.archive_button.clicked.connect(self.toggle_archive)
        left = QVBoxLayout()
        left.addWidget(self.empty)
        left.addWidget(self.site_list, 1)
        left.addLayout(buttons_row(self.add_button, self.archive_button))
        # detail: details tab
        self.form = SiteForm()
        self.save_button = QPushButton("&Save site")
        self.save_button.clicked.connect(self.save_site)
        details = QWidget()
        column = QVBoxLayout(details)
        column.addWidget(self.form)
        column.addLayout(buttons_row(self.save_button))
        column.addStretch(1)
        # detail: patterns tab
        self.pattern_table = read_only_table(
            ["Day", "Time", "Peers", "Training", "Valid", "Bank holidays"], "Weekly shifts"
        )
        self.no_patterns = intro("No weekly shifts yet — add the first with “Add weekly shift”.")
        self.no_closed = intro("No closed days.")
        self.pattern_table.doubleClicked.connect(lambda _i: self.edit_pattern())
        self.add_pattern_button = QPushButton("Add w&eekly shift")
        self.add_pattern_button.clicked.connect(lambda: self.edit_pattern(new=True))
        self.edit_pattern_button = QPushButton("C&hange…")
        self.edit_pattern_button.clicked.connect(lambda: self.edit_pattern())
        pattern_page = QWidget()
        column = QVBoxLayout(pattern_page)
        column.addWidget(intro(UNCHANGED_NOTE))
        column.addWidget(self.no_patterns)
        column.addWidget(self.pattern_table, 1)
        column.addLayout(buttons_row(self.add_pattern_button, self.edit_pattern_button))
        # detail: closed days tab
        self.closed_list = QListWidget()
        self.closed_list.setAccessibleName("Closed days")
        self.closed_day = date_edit(accessible_name="Closed day")
        self.closed_note = QLineEdit()
        self.closed_note.setAccessibleName("Note (optional)")
        self.closed_note.setPlaceholderText("optional — e.g. ward refurbishment")
        self.closed_error = error_label()
        self.closed_fallback = error_label()
        self.closed_errors = FieldErrors(
            {"day": self.closed_error, "note": self.closed_error}, self.closed_fallback
        )
        self.add_closed_button = QPushButton("Add c&losed day")
        self.add_closed_button.clicked.connect(self.add_closed)
        self.remove_closed_button = QPushButton("&Open again")
        self.remove_closed_button.setToolTip("Remove the chosen closed day")
        self.remove_closed_button.clicked.connect(self.remove_closed)
        closed_page = QWidget()
        column = QVBoxLayout(closed_page)
        column.addWidget(
            intro(
                "No shifts are made at this site on these days. Closing a day that already "
                "has shifts cancels them (you are asked first)."
            )
        )
        column.addWidget(self.closed_list, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.closed_day)
        add_row.addWidget(self.closed_note, 1)
        add_row.addWidget(self.add_closed_button)
        column.addWidget(self.no_closed)
        column.addLayout(add_row)
        column.addWidget(self.closed_error)
        column.addWidget(self.closed_fallback)
        column.addLayout(buttons_row(self.remove_closed_button))
        self.tabs = QTabWidget()
        self.tabs.addTab(details, "&Details")
        self.tabs.addTab(pattern_page, "&Weekly shifts")
        self.tabs.addTab(closed_page, "Closed da&ys")
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.tabs, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self._loaded: object = None
        self._shown_row = -1  # the list row whose site the details show (-1: a new site)
        self.save_keys(self.save_site, self.save_button)
        self.reload()

    # --- sites ----------------------------------------------------------------------------

    def current_site(self) -> SiteInfo | None:
        """The site chosen in the list, or None while adding a new one."""
        row = self.site_list.currentRow()
        return self.sites[row] if 0 <= row < len(self.sites) else None

    def reload(self, select_id: int | None = None) -> None:
        """Read the sites again and choose ``select_id`` (else the first)."""
        with service_call(self) as call, self.context.session() as session:
            self.sites = rota_sites.list_sites(session, self.actor, include_archived=True)
        if call.failed:
            self.sites = []
        self.site_list.blockSignals(True)
        self.site_list.clear()
        chosen = 0
        for index, site in enumerate(self.sites):
            text = f"{site.name} — archived" if site.archived else site.name
            item = QListWidgetItem(f"{text} ({site.kind.label})")
            self.site_list.addItem(item)
            if site.id == select_id:
                chosen = index
        self.site_list.blockSignals(False)
        self.empty.setVisible(not self.sites)
        self._select_row(chosen if self.sites else -1)
        self._show_site()

    def _select_row(self, row: int) -> None:
        """Make ``row`` current in the list (-1: none) without treating it as a choice."""
        self.site_list.blockSignals(True)
        self.site_list.setCurrentRow(row)
        if row < 0:
            self.site_list.clearSelection()
        self.site_list.blockSignals(False)

    def may_leave_site(self) -> bool:
        """True when nothing typed would be lost, or the person chose *Discard changes*."""
        return not self.has_unsaved_edits() or dialog_keys.ask_discard(self)

    def _site_chosen(self, row: int) -> None:
        """Another site chosen in the list: ask first when the details typed are unsaved;
        *Keep editing* puts the choice back and keeps the typing."""
        if row == self._shown_row:
            return
        if not self.may_leave_site():
            shown = self._shown_row
            self._select_row(shown)
            # A mouse click selects its row once this signal returns: put it back after.
            QTimer.singleShot(0, self, lambda: self._select_row(shown))
            return
        self._show_site()

    def _show_site(self) -> None:
        """Show the site chosen in the list (or empty details for a new one)."""
        self._shown_row = self.site_list.currentRow()
        site = self.current_site()
        self.form.load(site)
        self._loaded = self.form.value()
        self.version.version = site.version if site else None
        self.heading.setText(f"<b>{site.name}</b>" if site else "<b>New site</b>")
        self.archive_button.setEnabled(site is not None)
        self.archive_button.setText(RESTORE if site and site.archived else ARCHIVE)
        for index in (1, 2):
            self.tabs.setTabEnabled(index, site is not None)
        if site is None:
            self.tabs.setCurrentIndex(0)
        self._load_site_parts()

    def has_unsaved_edits(self) -> bool:
        """Esc or Close asks first when the site's details differ from what is saved."""
        return self.form.value() != self._loaded

    def new_site(self) -> None:
        """Empty the details form to type a new site (asking first if typing would be lost)."""
        if not self.may_leave_site():
            return
        self._select_row(-1)
        self._show_site()
        self.form.name.setFocus()

    def save_site(self) -> None:
        """Add the new site or save the chosen one; problems appear beside their fields."""
        site, data = self.current_site(), self.form.value()
        saved: SiteInfo | None = None

        def attempt(expected: int | None) -> None:
            nonlocal saved
            with self.context.session() as session:
                if site is None:
                    saved = rota_sites.create_site(session, self.actor, data)
                else:
                    saved = rota_sites.update_site(
                        session, self.actor, site.id, data, expected_version=expected
                    )

        call = self.version.save(attempt, self.form.errors, self.form.focus)
        if not call.failed and saved is not None:
            self.reload(saved.id)

    def _load_theirs(self) -> int:
        """Show the chosen site as stored now (someone else's save), dropping the typing."""
        site = self.current_site()
        self.reload(site.id if site else None)
        return self.version.version or 1

    def toggle_archive(self) -> None:
        """Archive the chosen site (asking first) or bring it back."""
        site = self.current_site()
        if site is None or not self.may_leave_site():  # the list is read again after
            return
        if not site.archived and not ask(
            self,
            "Archive site",
            f"Archive {site.name}? No new shifts will be made there. Shifts already made "
            "stay on the rota, and you can restore the site later.",
        ):
            return
        with service_call(self) as call, self.context.session() as session:
            rota_sites.archive_site(session, self.actor, site.id, not site.archived)
        if not call.failed:
            self.reload(site.id)

    # --- patterns and closed days ----------------------------------------------------------

    def _load_site_parts(self) -> None:
        site = self.current_site()
        self.patterns, self.closed = [], []
        if site is not None:
            with service_call(self), self.context.session() as session:
                self.patterns = rota_patterns.list_patterns(session, self.actor, site.id)
                self.closed = rota_sites.closed_dates(session, self.actor, site.id)
        fill_table(self.pattern_table, [pattern_row(p) for p in self.patterns])
        self.closed_list.clear()
        for c in self.closed:
            self.closed_list.addItem(format_date(c.day) + (f" — {c.note}" if c.note else ""))
        self.closed_errors.clear()
        self.no_patterns.setVisible(not self.patterns)
        self.no_closed.setVisible(not self.closed)

    def edit_pattern(self, new: bool = False) -> None:
        """Open the small pattern dialog for a new or the chosen weekly shift."""
        site = self.current_site()
        if site is None:
            return
        row = self.pattern_table.currentRow()
        pattern = None if new or not 0 <= row < len(self.patterns) else self.patterns[row]
        if not new and pattern is None:
            new = True
        dialog = PatternDialog(self.context, self.actor, site, pattern, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._load_site_parts()

    def add_closed(self) -> None:
        """Mark the chosen site closed on the chosen day; when it has shifts that day, ask
        whether to cancel them (naming who to tell) and close the day only if so."""
        site = self.current_site()
        if site is None:
            return
        day, note = from_qdate(self.closed_day.date()), self.closed_note.text() or None
        outcome = self._close_day(site.id, day, note, cancel=False)
        if isinstance(outcome, rota_sites.ShiftsThatDay):
            if not self.confirm_cancelling(outcome):
                return
            outcome = self._close_day(site.id, day, note, cancel=True)
        if outcome is True:
            self.closed_note.clear()
            self._load_site_parts()

    def _close_day(
        self, site_id: int, day: date, note: str | None, *, cancel: bool
    ) -> bool | rota_sites.ShiftsThatDay:
        """True once the day is closed; the shifts that stop it unless cancelled; False
        after another problem (shown beside the day)."""
        with (
            service_call(self, self.closed_errors, {"day": self.closed_day}) as call,
            self.context.session() as session,
        ):
            try:
                rota_sites.add_closed_date(
                    session, self.actor, site_id, day, note, cancel_shifts=cancel
                )
            except rota_sites.ShiftsOnClosedDay as refused:
                return refused.shifts
        return not call.failed

    def confirm_cancelling(self, shifts: rota_sites.ShiftsThatDay) -> bool:
        """ "Ward 4 has 3 shifts on Mon 30 Nov 2026 (2 with people on them). Cancel them?"
        — with who to tell; True to cancel them and close the day."""
        count = len(shifts.shift_ids)
        them = "them" if count > 1 else "it"
        text = f"{shifts.sentence()} Cancel {them} and close the day?"
        detail = (
            f"{'They stay' if count > 1 else 'It stays'} on the rota marked cancelled, "
            "so nobody is put on "
            f"{them} and {'they are' if count > 1 else 'it is'} not counted as a gap."
        )
        if shifts.people:
            detail += "\n\nLet them know: " + ", ".join(shifts.people) + "."
        return ask(self, "Cancel shifts on a closed day", f"{text}\n\n{detail}")

    def remove_closed(self) -> None:
        """Open the site again on the chosen closed day."""
        row = self.closed_list.currentRow()
        if not 0 <= row < len(self.closed):
            return
        with service_call(self) as call, self.context.session() as session:
            rota_sites.remove_closed_date(session, self.actor, self.closed[row].id)
        if not call.failed:
            self._load_site_parts()
