"""The Sheets area screen: the list of printable sheets, the chosen sheet's options and
Preview sheet….

Sheets come from ``core.sheets.catalogue`` (the same list the ``print`` command offers).
Preview sheet… renders the sheet and opens ``PrintPreviewDialog``, where it can be printed
or saved. Bad input is shown under the field it is about; nothing opens until it is fixed.

Sheets of members are offered only when the screen is given ``data`` (the session factory
and the signed-in account). They are made off the UI thread — a contact list of thousands
takes seconds — with a busy indicator, and the window stays responsive meanwhile; one
finished while the app is locked opens after it is unlocked. Only the sheets the account
may print are listed (the services still check when a sheet is made); a line under the
list says some are for coordinators only. A sheet asked for by name that the
account may not print (a menu, another area) shows who can print it instead. The roles and
the cohorts and the meeting groups offered are read again each time the screen is shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.errors import InvolveError, ValidationError
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import cohorts_cohorts, reference_lists
from involve_desktop.core.services.cohorts_dto import CohortStatus
from involve_desktop.core.sheets import meeting_data
from involve_desktop.core.sheets.catalogue import (
    SheetData,
    SheetParams,
    SheetSpec,
    all_sheets,
    suggested_file_name,
)
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.params import SheetField
from involve_desktop.ui.lock.lock_controller import show_when_unlocked
from involve_desktop.ui.print_preview import PrintPreviewDialog
from involve_desktop.ui.sheets.render_job import RenderJob
from involve_desktop.ui.sheets.sheet_options_form import SheetOptionsForm, error_label

log = logging.getLogger(__name__)
HIDDEN_NOTE = "Some sheets are for coordinators only, so they are not listed here."


class SheetsView(QWidget):
    """Choose a sheet, set its options and preview it; ``group_name`` is read at preview time."""

    def __init__(
        self,
        group_name: Callable[[], str],
        parent: QWidget | None = None,
        *,
        data: SheetData | None = None,
    ) -> None:
        super().__init__(parent)
        self._group_name = group_name
        self._data = data
        offered = [spec for spec in all_sheets() if data is not None or not spec.needs_data]
        self._all_specs = offered
        self._specs = [s for s in offered if data is None or s.allowed_for(data.actor)]
        self._refused: SheetSpec | None = None  # asked for by name, not theirs to print
        self._job: RenderJob | None = None
        self._finished_job: RenderJob | None = None
        self._job_sheet: tuple[SheetSpec, SheetParams] | None = None

        self.sheet_list = QListWidget(self)
        self.sheet_list.setAccessibleName("Sheets")
        for spec in self._specs:
            item = QListWidgetItem(spec.title, self.sheet_list)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(spec.description)
        list_label = QLabel("Sheets yo&u can print", self)  # Alt+S is Preview sheet…
        list_label.setBuddy(self.sheet_list)
        self.hidden_note = QLabel(HIDDEN_NOTE, self)
        self.hidden_note.setWordWrap(True)
        self.hidden_note.setAccessibleName("Sheets not listed")
        self.hidden_note.setVisible(len(self._specs) < len(offered))

        self.heading = QLabel(self)
        self.heading.setAccessibleName("Sheet title")
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setAccessibleName("About this sheet")
        self.group_label = QLabel(self)
        self.group_label.setWordWrap(True)
        self.group_label.setAccessibleName("Group name on the sheet")
        self.group_error = error_label(self)
        self.permission_label = QLabel(self)
        self.permission_label.setWordWrap(True)
        self.permission_label.setAccessibleName("Who can print this sheet")
        self.permission_label.setStyleSheet("font-weight: bold;")
        self.permission_label.setVisible(False)
        self.form = SheetOptionsForm(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # a moving bar: how long depends on how many people
        self.busy.setAccessibleName("Making the sheet")
        self.busy.setFormat("Making the sheet…")
        self.busy.setTextVisible(True)
        self.busy.setMaximumWidth(260)
        self.busy.setVisible(False)
        # Alt+S: every letter of "Preview" is an option's on some sheet (&Portrait, &Venue…).
        self.preview_button = QPushButton("Preview &sheet…", self)
        self.preview_button.setAccessibleName("Preview")
        self.preview_button.setToolTip("Preview the sheet, then print it or save it (Ctrl+P)")
        self.preview_button.setDefault(True)
        self.preview_button.setMinimumWidth(140)
        self.preview_button.clicked.connect(self.preview)
        # Ctrl+P belongs to the main window's "Print…" action, which calls preview(); a
        # second shortcut here would make the key ambiguous and neither would fire.

        self._lay_out(list_label)
        self.sheet_list.currentRowChanged.connect(self._select_row)
        self.sheet_list.setCurrentRow(0)
        self.refresh_group_name()
        self.refresh_roles()
        self.refresh_cohorts()
        self.refresh_groups()

    def _lay_out(self, list_label: QLabel) -> None:
        """List on the left; details, form and the Preview button on the right."""
        left = QVBoxLayout()
        left.addWidget(list_label)
        left.addWidget(self.sheet_list, 1)
        left.addWidget(self.hidden_note)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.description)
        right.addWidget(self.group_label)
        right.addWidget(self.group_error)
        right.addWidget(self.permission_label)
        right.addSpacing(8)
        right.addWidget(self.form)
        right.addSpacing(8)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        right.addLayout(buttons)
        right.addStretch(1)
        right_panel = QWidget(self)
        right_panel.setLayout(right)
        right_panel.setMaximumWidth(720)
        layout = QHBoxLayout(self)
        self.sheet_list.setMaximumWidth(280)
        layout.addLayout(left, 0)
        layout.addSpacing(12)
        layout.addWidget(right_panel, 1)
        layout.addStretch(0)
        order = [self.sheet_list, *self.form.focus_order(), self.preview_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- state --------------------------------------------------------------------------
    def current_spec(self) -> SheetSpec:
        """The selected sheet (the first one if nothing is selected); a sheet asked for by
        name that the account may not print, while it is shown."""
        if self._refused is not None:
            return self._refused
        row = self.sheet_list.currentRow()
        return self._specs[row if 0 <= row < len(self._specs) else 0]

    def select_sheet(self, key: str) -> None:
        """Select the sheet with this catalogue key (e.g. from a menu). One the account may
        not print is not in the list: it is shown with who can print it, Preview off."""
        keys = [spec.key for spec in self._specs]
        if key in keys:
            self.sheet_list.setCurrentRow(keys.index(key))
            self._select_row(keys.index(key))
            return
        self._refused = next(spec for spec in self._all_specs if spec.key == key)
        self.sheet_list.setCurrentRow(-1)
        self._show_spec(self._refused)

    def prepare(self, key: str, values: dict[SheetField, str]) -> None:
        """Select a sheet and fill some of its inputs (e.g. the week from the Rota area)."""
        self.select_sheet(key)
        for field, text in values.items():
            self.form.set_text(field, text)

    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        self._refused = None
        self._show_spec(self.current_spec())

    def _show_spec(self, spec: SheetSpec) -> None:
        self.heading.setText(spec.title)
        self.description.setText(spec.description)
        self.form.set_spec(spec)
        self.group_error.setVisible(False)
        self._update_allowed()

    def _update_allowed(self) -> None:
        """Say who may print the selected sheet; Preview only when allowed and not busy."""
        spec = self.current_spec()
        allowed = self._data is None or spec.allowed_for(self._data.actor)
        self.permission_label.setText(
            "" if allowed else spec.who_may or "Your account cannot print this sheet."
        )
        self.permission_label.setVisible(not allowed)
        self.preview_button.setEnabled(allowed and self._job is None)

    def refresh_group_name(self) -> None:
        """Show which group name will be printed (it can change in Settings)."""
        name = self._current_group_name()
        self.group_label.setText(
            f"Group name on the sheet: {name}"
            if name
            else "No group name is set, so the sheet will not show one. Add it in Settings."
        )

    def _current_group_name(self) -> str:
        try:
            return (self._group_name() or "").strip()
        except Exception:  # noqa: BLE001 - the sheet can still print without it
            log.exception("Could not read the group name")
            return ""

    def refresh_roles(self) -> None:
        """Offer the current list of roles (it can change in Settings)."""
        if self._data is None:
            return
        try:
            with self._data.sessions() as session:
                names = [role.name for role in reference_lists.role_types(session)]
        except Exception:  # noqa: BLE001 - the sheets still print for everyone
            log.exception("Could not read the list of roles")
            return
        self.form.set_roles(names)

    def refresh_groups(self) -> None:
        """Offer the groups whose sign-in sheets the account may print (name order)."""
        if self._data is None or not self._data.actor.can(Permission.VIEW_MEETINGS):
            return
        try:
            with self._data.sessions() as session:
                names = meeting_data.group_names(session, self._data.actor)
        except Exception:  # noqa: BLE001 - the group can still be typed
            log.exception("Could not read the list of groups")
            return
        self.form.set_groups(names)

    def refresh_cohorts(self) -> None:
        """Offer the cohorts the account may see (newest first; a running one chosen)."""
        if self._data is None or not self._data.actor.can(Permission.VIEW_COHORTS):
            return
        try:
            with self._data.sessions() as session:
                cohorts = cohorts_cohorts.list_cohorts(session, self._data.actor)
        except Exception:  # noqa: BLE001 - the other sheets still print
            log.exception("Could not read the list of cohorts")
            return
        running = [c for c in cohorts if c.status is CohortStatus.RUNNING]
        self.form.set_cohorts(
            [(f"{c.title} — {c.status.label}", str(c.id)) for c in cohorts],
            str(running[0].id) if running else None,
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Re-read the group name, the roles, the cohorts and the groups each time the
        screen is shown."""
        self.refresh_group_name()
        self.refresh_roles()
        self.refresh_cohorts()
        self.refresh_groups()
        super().showEvent(event)

    # -- preview ------------------------------------------------------------------------
    def preview(self) -> bool:
        """Make the selected sheet and open the preview; False if it cannot be made.

        Sheets of members are made in the background: True then means "started", and the
        preview opens when the sheet is ready (``is_busy`` is False again).
        """
        spec = self.current_spec()
        if self._job is not None or not self.preview_button.isEnabled():
            return False
        self.form.clear_errors()
        self.group_error.setVisible(False)
        params = self.form.params(self._current_group_name())
        options = self.form.options()
        if spec.needs_data:
            self._start_job(spec, params, options)
            return True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pdf = spec.render(params, options)
        except Exception as error:  # noqa: BLE001 - reported to the user below
            return self._render_failed(spec, error)
        finally:
            QApplication.restoreOverrideCursor()
        self._show_preview(spec, params, pdf)
        return True

    def is_busy(self) -> bool:
        """Whether a sheet is being made in the background."""
        return self._job is not None

    def _start_job(self, spec: SheetSpec, params: SheetParams, options: SheetOptions) -> None:
        assert self._data is not None
        data = self._data
        job = RenderJob(lambda: spec.render(params, options, data))
        # Bound methods of this widget: Qt queues the reports onto the UI thread.
        job.signals.done.connect(self._job_done)
        job.signals.failed.connect(self._job_failed)
        self._job = job
        self._job_sheet = (spec, params)
        self.preview_button.setEnabled(False)
        self.busy.setVisible(True)
        QThreadPool.globalInstance().start(job)

    def _finish_job(self) -> tuple[SheetSpec, SheetParams]:
        # Keep the finished job alive a while: its run() may still be returning on the
        # pool thread when its report arrives here.
        self._finished_job, self._job = self._job, None
        self.busy.setVisible(False)
        self._update_allowed()
        assert self._job_sheet is not None
        return self._job_sheet

    # A sheet finished while the app is locked opens only after the same account unlocks
    # (and never for someone who switched account meanwhile): show_when_unlocked.
    def _job_done(self, pdf: bytes) -> None:
        spec, params = self._finish_job()
        show_when_unlocked(lambda: self._show_preview(spec, params, pdf))

    def _job_failed(self, error: BaseException) -> None:
        spec, _params = self._finish_job()
        show_when_unlocked(lambda: self._render_failed(spec, error))

    def _render_failed(self, spec: SheetSpec, error: BaseException) -> bool:
        """Explain why the sheet was not made; always False."""
        if isinstance(error, ValidationError):
            self._show_input_error(error)
        elif isinstance(error, InvolveError):  # e.g. not allowed: the message says why
            QMessageBox.warning(self, "Could not make the sheet", error.message)
        else:
            log.error("Could not render the sheet %s", spec.key, exc_info=error)
            QMessageBox.warning(
                self,
                "Could not make the sheet",
                "Something went wrong while making the sheet. The details are in the log "
                "file in the app's data folder.",
            )
        return False

    def _show_preview(self, spec: SheetSpec, params: SheetParams, pdf: bytes) -> None:
        title = params.title or spec.title
        dialog = PrintPreviewDialog(pdf, title, suggested_file_name(spec, params), self)
        self._open_preview(dialog)

    def _open_preview(self, dialog: PrintPreviewDialog) -> None:
        """Show the preview and wait until it is closed."""
        dialog.exec()
        dialog.deleteLater()

    def _show_input_error(self, error: ValidationError) -> None:
        """Put the message under its field (or under the group name), and focus that field."""
        if error.field == "group_name":
            self.group_error.setText(f"⚠ {error.message} Change it in Settings.")
            self.group_error.setVisible(True)
            return
        if not self.form.show_error(error.field, error.message):
            QMessageBox.warning(self, "Check the sheet options", error.message)
            return
        target = {
            "title": self.form.title_edit,
            "rows": self.form.rows_spin,
            "meeting": self.form.meeting_input(),
            "date": self.form.date_edit,
            "venue": self.form.venue_edit,
            "role": self.form.role_combo,
            "within_days": self.form.within_spin,
            "cohort": self.form.cohort_combo,
            "session": self.form.session_edit,
            "person": self.form.person_edit,
            "week": self.form.week_edit,
            "weeks": self.form.weeks_spin,
            "site": self.form.site_edit,
            "month": self.form.month_edit,
        }.get(error.field)
        if target is not None:
            target.setFocus()
