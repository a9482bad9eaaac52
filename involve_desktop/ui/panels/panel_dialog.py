"""One recruitment panel: Details, People, Preparation and debrief, and its status.

``PanelDialog(context, actor, panel_id=None, parent)``. A new panel starts on Details; "Save
and add people" makes it (a panel must exist before anyone is seated) and opens People.
Seats change at once (``PeopleSection``); details and the preparation/debrief steps are
saved together with Save (Ctrl+S) in one service call, so both are saved or neither is,
each problem shown beside its box on its tab. Mark held, Cancel panel… (a reason is
required), Reinstate and Back to planned (undo Mark held, asked first) act at once. Esc
asks before throwing away anything typed and not saved. ``panel_id`` holds the panel's id
once it exists.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import panels, panels_policy, panels_reopen
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import (
    PanelInfo,
    PanelInput,
    PanelPolicy,
    PanelProcessInput,
    PanelStatus,
)
from involve_desktop.ui.conflict import EditVersion
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.members.dialog_widgets import save_cancel
from involve_desktop.ui.messages import FieldErrors, ask, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.panels.panel_details import DetailsForm
from involve_desktop.ui.panels.panel_people import PeopleSection
from involve_desktop.ui.panels.panel_process import ProcessForm
from involve_desktop.ui.panels.panels_words import policy_text, short_policy, status_text

NEW_SAVE = "Save and &add people"
SAVE = "&Save and close"


class PanelDialog(EditDialog):
    """See the module docstring."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        panel_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.today = today or date.today()
        self.panel_id = panel_id
        self.info: PanelInfo | None = None
        self.version = EditVersion(self, None, self._load_theirs)  # set when a panel loads
        self.can_manage = actor.can(Permission.MANAGE_PANELS)
        policy = PanelPolicy()
        with service_call(self, title="Panel"), context.session() as session:
            policy = panels_policy.get_policy(session, actor)
        self.details = DetailsForm(self.today + timedelta(days=14))
        self.people = PeopleSection(context, actor, short_policy(policy), today=self.today)
        self.people.changed.connect(self._seats_changed)
        self.process = ProcessForm()
        self.tabs = QTabWidget()
        self.details_index = self.tabs.addTab(self.details, "&1 Details")
        self.people_index = self.tabs.addTab(self.people, "&2 People")
        self.process_index = self.tabs.addTab(self.process, "&3 Preparation and debrief")
        self.fallback = error_label()
        self.errors = FieldErrors(
            self.details.labels | self.process.labels | {"status": self.fallback}, self.fallback
        )
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Panel")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Status")
        self.held_button = QPushButton("Mark &held")
        self.held_button.setToolTip("The panel took place (on or after its day)")
        self.held_button.clicked.connect(self.mark_held)
        self.cancel_button = QPushButton("Cancel pa&nel…")
        self.cancel_button.clicked.connect(self.cancel_panel)
        self.reinstate_button = QPushButton("Re&instate")
        self.reinstate_button.clicked.connect(self.reinstate)
        self.reopen_button = QPushButton("Bac&k to planned")
        self.reopen_button.setToolTip("Undo Mark held: the panel has not taken place")
        self.reopen_button.clicked.connect(self.back_to_planned)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        buttons = (self.held_button, self.reopen_button, self.cancel_button, self.reinstate_button)
        for button in buttons:
            button.setAutoDefault(False)
            status_row.addWidget(button)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.saved_label.setAccessibleName("Saved")
        self.buttons = save_cancel(NEW_SAVE if panel_id is None else SAVE)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setText("Close")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_keys(self.save, self.save_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.buttons)

        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.tabs, 1)
        column.addLayout(status_row)
        column.addWidget(self.fallback)
        column.addLayout(bottom)
        self._saved: tuple[PanelInput, PanelProcessInput] = (
            self.details.value(),
            self.process.value(),
        )
        self.resize(820, 620)
        self.save_button.setDefault(True)  # Enter in a one-line box saves (not in Questions)
        if panel_id is None:
            self.setWindowTitle("New panel")
            self.heading.setText("New panel — the details first, then who sits on it")
            self._show_state()
        else:
            self._load()
        self.details.post_title.setFocus()
        info = self.info
        if info is not None and info.status is PanelStatus.HELD and info.debrief_on is None:
            # What is left to do on a held panel is the debrief: open where it is recorded.
            self.tabs.setCurrentIndex(self.process_index)
            self.process.debrief.check.setFocus()

    # -- showing ----------------------------------------------------------------------------

    def _load(self) -> None:
        info = None
        with service_call(self, title="Panel") as call, self.context.session() as session:
            info = panels.get_panel(session, self.actor, self.panel_id)
        if call.failed or info is None:
            return
        self.details.set_info(info)
        self.process.set_info(info)
        self._saved = (self.details.value(), self.process.value())
        self._show(info)
        self.version.version = info.version

    def _load_theirs(self) -> int:
        """Show the panel as stored now (someone else's save), dropping what was typed."""
        self._load()
        return self.info.version if self.info is not None else 1

    def _show(self, info: PanelInfo) -> None:
        self.info = info
        self.panel_id = info.id
        # the panel as stored now: Mark held, Cancel and Reinstate save it (its version goes
        # up), and a Save after them must not be taken for someone else's change
        self.version.version = info.version
        self.setWindowTitle(f"Panel — {info.post_title}")
        self.heading.setText(f"{info.title}\n{info.when}")
        self.people.show_panel(info)
        self._show_state()

    def _show_state(self) -> None:
        info = self.info
        exists = info is not None
        cancelled = exists and info.status is PanelStatus.CANCELLED
        editable = self.can_manage and not cancelled
        self.tabs.setTabEnabled(self.people_index, exists)
        self.tabs.setTabEnabled(self.process_index, exists)
        self.details.setEnabled(editable)
        self.process.setEnabled(editable)
        self.people.setEnabled(self.can_manage)
        self.save_button.setEnabled(editable)
        self.save_button.setText(SAVE if exists else NEW_SAVE)
        self.held_button.setVisible(exists and self.can_manage)
        self.cancel_button.setVisible(exists and self.can_manage and not cancelled)
        self.reinstate_button.setVisible(bool(cancelled) and self.can_manage)
        held = exists and info.status is PanelStatus.HELD
        self.reopen_button.setVisible(held and self.can_manage)
        if not exists:
            self.status_label.setText("Status: not saved yet.")
            return
        self.held_button.setEnabled(info.status is PanelStatus.PLANNED and info.day <= self.today)
        self.held_button.setToolTip(
            "The panel took place"
            if info.day <= self.today
            else f"The panel is on {info.when}; mark it held on or after that day"
        )
        self.cancel_button.setEnabled(info.status is PanelStatus.PLANNED)
        note = " Reinstate it to change it." if cancelled else ""
        # The policy is repeated here so it shows on every tab, not only on People.
        policy = "" if cancelled else f"  {policy_text(info)}"
        status = status_text(info).rstrip(".!? ")  # a reason typed with a full stop
        self.status_label.setText(f"Status: {status}.{note}{policy}")

    def is_dirty(self) -> bool:
        """True when something typed in Details or Preparation and debrief is not saved."""
        return (self.details.value(), self.process.value()) != self._saved

    # -- saving -----------------------------------------------------------------------------

    def _tab_of(self, field: str | None) -> int | None:
        if field in self.details.labels:
            return self.details_index
        if field in self.process.labels:
            return self.process_index
        return None

    def save(self) -> None:
        """Save details and steps; a new panel then opens People, else the dialog closes."""
        if not self.save_button.isEnabled():
            return
        self.errors.clear()
        self.saved_label.clear()
        details, process = self.details.value(), self.process.value()
        focus = self.details.focus | self.process.focus
        new = self.info is None

        def attempt(expected: int | None) -> None:
            # One service call for both tabs: every rule is checked before anything is saved,
            # so a refused briefing date never leaves the details saved without it.
            details_changed = details != self._saved[0]
            process_changed = not new and process != self._saved[1]
            if not (new or details_changed or process_changed):
                return
            with self.context.session() as session:
                if new:
                    info = panels.create_panel(session, self.actor, details)
                elif not details_changed:
                    info = panels.record_process(
                        session,
                        self.actor,
                        self.info.id,
                        process,
                        today=self.today,
                        expected_version=expected,
                    )
                else:
                    info = panels.update_panel(
                        session,
                        self.actor,
                        self.info.id,
                        details,
                        today=self.today,
                        expected_version=expected,
                        process=process if process_changed else None,
                    )
            self._saved = (details, process if process_changed else self._saved[1])
            self._show(info)
            self.version.version = info.version

        call = self.version.save(attempt, self.errors, None, "Panel")
        if call.failed:
            field = getattr(call.error, "field", None)
            tab = self._tab_of(field)
            if tab is not None:
                self.tabs.setCurrentIndex(tab)
                focus[field].setFocus()
                self.errors.watch(field, focus[field])
            return
        if new:
            self.saved_label.setText("✓ Panel saved. Now add the people who sit on it.")
            self.tabs.setCurrentIndex(self.people_index)
            self.people.lived_button.setFocus()
            return
        self.accept()

    def _seats_changed(self, info: PanelInfo) -> None:
        # Seats are not the panel's own fields and leave its version as it was: a newer one
        # here is someone else's save, which a Save of these fields must be told of.
        self.info = info
        self.saved_label.clear()  # "Now add the people…" is done once someone is seated
        self._show_state()

    # -- status -----------------------------------------------------------------------------

    def _status_call(self, action) -> None:  # noqa: ANN001 - a service function of a session
        info = None
        with (
            service_call(self, self.errors, None, "Panel") as call,
            self.context.session() as session,
        ):
            info = action(session)
        if not call.failed and info is not None:
            self._show(info)

    def mark_held(self) -> None:
        """Record that the panel took place, then say what comes next (the debrief; pay)."""
        if self.info is not None:
            panel_id = self.info.id
            seen = self.version.version  # someone else's save since: said, nothing changes
            self._status_call(
                lambda s: panels.mark_held(
                    s, self.actor, panel_id, today=self.today, expected_version=seen
                )
            )
            if self.info.status is PanelStatus.HELD:
                self.saved_label.setText(
                    "✓ Marked held. Next: record the debrief and feedback on "
                    "3 Preparation and debrief; the panel members' pay comes from "
                    "Payments → Generate pay lines."
                )

    def cancel_panel(self) -> None:
        """Cancel with a reason (asked in a small dialog)."""
        from involve_desktop.ui.panels.panel_cancel import CancelPanelDialog

        if self.info is None:
            return
        dialog = CancelPanelDialog(
            self.context, self.actor, self.info, self, expected_version=self.version.version
        )
        dialog.exec()
        info = dialog.result_info
        dialog.deleteLater()
        if info is not None:
            self._show(info)

    def reinstate(self) -> None:
        """Undo the cancellation: the panel is planned again."""
        if self.info is not None:
            panel_id = self.info.id
            seen = self.version.version
            self._status_call(
                lambda s: panels.reinstate_panel(s, self.actor, panel_id, expected_version=seen)
            )

    def back_to_planned(self) -> None:
        """Undo Mark held (asks first): the panel is planned again, its people, preparation
        and debrief kept; refused while someone's pay for it is approved or paid."""
        if self.info is None or not ask(
            self,
            "Back to planned",
            f"Put the {self.info.post_title} panel back to planned? Use this when it was "
            "marked held by mistake. It will not count as held (who has sat, involvement, "
            "pay) until you mark it held again. Its people, preparation and debrief stay "
            "as recorded.",
        ):
            return
        panel_id = self.info.id
        seen = self.version.version
        self._status_call(
            lambda s: panels_reopen.reopen_panel(s, self.actor, panel_id, expected_version=seen)
        )
        if self.info.status is PanelStatus.PLANNED:
            self.saved_label.setText(
                "✓ Back to planned. Mark it held once it has taken place; any pay lines "
                "waiting for it were withdrawn."
            )

    # -- closing ----------------------------------------------------------------------------

    def has_unsaved_edits(self) -> bool:
        """Esc or Close asks first (``ui/dialog_keys.py``) only for typing not saved."""
        return self.can_manage and self.save_button.isEnabled() and self.is_dirty()
