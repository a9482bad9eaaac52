"""One cohort: Details, Sessions, Facilitators and People.

``CohortDialog(context, actor, cohort_id=None, parent, programme_id=…, today=…)``. A new
cohort starts on Details; "Save and plan sessions" makes it (with its meeting group) and
opens Sessions. Sessions, facilitators and places change at once; Details are saved with
Save (Ctrl+S), each problem beside its box. Taking attendance updates everyone's progress
on People straight away. Esc asks before throwing away typed details. ``cohort_id`` holds
the cohort's id once it exists.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import cohorts_cohorts, cohorts_programmes
from involve_desktop.core.services.cohorts_dto import CohortInfo, CohortInput, ProgrammeInfo
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.cohorts.cohort_details import CohortDetails
from involve_desktop.ui.cohorts.cohort_facilitators import FacilitatorsTab
from involve_desktop.ui.cohorts.cohort_people import PeopleTab
from involve_desktop.ui.cohorts.cohort_sessions import SessionsTab
from involve_desktop.ui.cohorts.cohorts_columns import dates_text
from involve_desktop.ui.conflict import EditVersion
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.members.dialog_widgets import save_cancel
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call

NEW_SAVE = "Save and &plan sessions"
SAVE = "&Save and close"


class CohortDialog(EditDialog):
    """See the module docstring."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        cohort_id: int | None = None,
        parent: QWidget | None = None,
        *,
        programme_id: int | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.today = today or date.today()
        self.cohort_id = cohort_id
        self.info: CohortInfo | None = None
        self.version = EditVersion(self, None, self._load_theirs)  # set when a cohort loads
        self.can_manage = actor.can(Permission.MANAGE_COHORTS)
        self.programmes: list[ProgrammeInfo] = []
        with service_call(self, title="Cohort"), context.session() as session:
            self.programmes = cohorts_programmes.list_programmes(session, actor)
        self.details = CohortDetails(self.programmes, self.today)
        self.details.set_programme(programme_id)
        self.sessions = SessionsTab(context, actor, self.today)
        self.facilitators = FacilitatorsTab(context, actor, self.today)
        self.people = PeopleTab(context, actor, self.today)
        self.sessions.changed.connect(self._sessions_changed)
        self.facilitators.changed.connect(self._reload_info)
        self.people.changed.connect(self._reload_info)
        self.tabs = QTabWidget()
        self.details_index = self.tabs.addTab(self.details, "&1 Details")
        self.sessions_index = self.tabs.addTab(self.sessions, "&2 Sessions")
        self.facilitators_index = self.tabs.addTab(self.facilitators, "&3 Facilitators")
        self.people_index = self.tabs.addTab(self.people, "&4 People and progress")
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self.fallback = error_label()
        self.errors = FieldErrors(self.details.labels, self.fallback)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Cohort")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.summary_button = QPushButton("Print summar&y…")
        self.summary_button.setToolTip(
            "Enrolled, completed, withdrawn, attendance per session, graduates' onward roles"
        )
        self.summary_button.setAutoDefault(False)
        self.summary_button.clicked.connect(self.print_summary)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.saved_label.setAccessibleName("Saved")
        self.buttons = save_cancel(NEW_SAVE if cohort_id is None else SAVE)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setText("Close")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_keys(self.save, self.save_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_button)
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.buttons)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.fallback)
        column.addLayout(bottom)
        self._saved = self.details.value()
        self.resize(1000, 620)
        if cohort_id is None:
            self.setWindowTitle("New cohort")
            self.heading.setText("New cohort — the details first, then its sessions and people")
            self._show_state()
            self.details.name.setFocus()
        else:
            self._load()
            self.tabs.setCurrentIndex(self.people_index)

    # -- showing ----------------------------------------------------------------------------

    def _programme(self, programme_id: int) -> ProgrammeInfo | None:
        return next((p for p in self.programmes if p.id == programme_id), None)

    def _load(self) -> None:
        info = None
        with service_call(self, title="Cohort") as call, self.context.session() as session:
            info = cohorts_cohorts.get_cohort(session, self.actor, self.cohort_id)
        if call.failed or info is None:
            return
        self.details.set_info(info)
        self._saved = self.details.value()
        self._show(info)
        self.version.version = info.version

    def _load_theirs(self) -> int:
        """Show the cohort as stored now (someone else's save), dropping what was typed."""
        self._load()
        return self.info.version if self.info is not None else 1

    def _show(self, info: CohortInfo) -> None:
        self.info = info
        self.cohort_id = info.id
        self.setWindowTitle(f"Cohort — {info.title}")
        where = f" · {info.venue}" if info.venue else ""
        self.heading.setText(f"{info.title}\n{dates_text(info)}{where} · {info.status.label}")
        programme = self._programme(info.programme_id)
        self.sessions.show_cohort(info, programme.planned_sessions if programme else 10)
        self.facilitators.show_cohort(info)
        self.people.show_cohort(info)
        self._show_state()

    def _show_state(self) -> None:
        exists = self.info is not None
        for index in (self.sessions_index, self.facilitators_index, self.people_index):
            self.tabs.setTabEnabled(index, exists)
        self.details.setEnabled(self.can_manage)
        self.save_button.setVisible(self.can_manage)
        self.save_button.setText(SAVE if exists else NEW_SAVE)
        self.summary_button.setEnabled(exists)

    def _reload_info(self) -> None:
        """Places or facilitators changed: refresh the heading and the other tabs' counts."""
        if self.cohort_id is None:
            return
        info = None
        with service_call(self, title="Cohort") as call, self.context.session() as session:
            info = cohorts_cohorts.get_cohort(session, self.actor, self.cohort_id)
        if call.failed or info is None:
            return
        self.info = info
        # Sessions planned here may move the end date: this dialog's own change, not a conflict.
        self.version.version = info.version
        where = f" · {info.venue}" if info.venue else ""
        self.heading.setText(f"{info.title}\n{dates_text(info)}{where} · {info.status.label}")

    def _sessions_changed(self) -> None:
        """Attendance or the plan changed: progress and the end date follow."""
        self._reload_info()
        if self.info is not None and not self.is_dirty():
            self.details.set_info(self.info)  # the plan may have set the end date
            self._saved = self.details.value()
        self.people.load()

    def _tab_shown(self) -> None:
        if self.tabs.currentIndex() not in (self.details_index, self.sessions_index):
            self.saved_label.clear()  # "now plan its sessions" has been read
        if self.tabs.currentIndex() == self.people_index:
            self.people.load()

    def is_dirty(self) -> bool:
        """True when something typed in Details is not saved."""
        return self.can_manage and self.details.value() != self._saved

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        """Save the details; a new cohort then opens Sessions, else the dialog closes."""
        if not self.can_manage:
            return
        self.errors.clear()
        self.saved_label.clear()
        data: CohortInput = self.details.value()
        new = self.info is None
        info: CohortInfo | None = None

        def attempt(expected: int | None) -> None:
            nonlocal info
            if data.programme_id is None:
                raise ValidationError("programme_id", "Add a programme first (New programme…).")
            with self.context.session() as session:
                if new:
                    info = cohorts_cohorts.create_cohort(session, self.actor, data)
                elif data != self._saved:
                    info = cohorts_cohorts.update_cohort(
                        session,
                        self.actor,
                        self.info.id,
                        data,
                        today=self.today,
                        expected_version=expected,
                    )

        call = self.version.save(attempt, self.errors, self.details.focus, "Cohort")
        if call.failed:
            self.tabs.setCurrentIndex(self.details_index)
            field = getattr(call.error, "field", None)
            if field in self.details.focus:
                self.details.focus[field].setFocus()
            return
        if info is not None:
            self._saved = data
            self._show(info)
        if new:
            self.saved_label.setText(
                "✓ Cohort saved. Now plan its sessions, then add facilitators and people."
            )
            self.tabs.setCurrentIndex(self.sessions_index)
            self.sessions.plan_button.setFocus()
            return
        self.accept()

    def print_summary(self) -> None:
        """The cohort summary through the print preview."""
        from involve_desktop.ui.cohorts.cohort_print import print_summary

        if self.info is not None:
            print_summary(self, self.context, self.actor, self.info, self.today)

    def has_unsaved_edits(self) -> bool:
        """Esc or Close asks first only for typed details (the other tabs save at once)."""
        return self.is_dirty()
