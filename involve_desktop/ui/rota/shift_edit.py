"""Adding a one-off shift, or changing one shift's times, peers and training.

A one-off shift (an extra session, a cover shift at a new venue) is not tied to a weekly
pattern. Changing a shift changes only that shift: its pattern, and every other shift made
from it, stay as they were. The service refuses a change that someone already on the shift
could no longer do, naming them.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import reference_lists, rota_shifts
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import ShiftView, SiteInfo
from involve_desktop.ui.conflict import EditVersion
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.members.dialog_widgets import save_cancel
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.setup_widgets import (
    TrainingChoice,
    date_edit,
    from_qdate,
    intro,
    load_training_types,
    optional_spin,
    spin_value,
    time_edit,
    time_value,
    with_error,
)

EDIT_NOTE = "Only this shift changes; its weekly pattern and other shifts stay as they are."
ADD_NOTE = "A one-off shift, not repeated weekly. For a regular shift, add a weekly pattern."


class ShiftEditDialog(EditDialog):
    """Add a one-off shift (``view`` None: choose site and day) or change ``view``'s shift.

    After Save, ``saved_id`` holds the shift id.
    """

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        *,
        sites: list[SiteInfo] | None = None,
        day: date | None = None,
        site_id: int | None = None,
        view: ShiftView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.view = context, actor, view
        self.saved_id: int | None = None
        self.version = EditVersion(self, view.version if view else None, self._load_theirs)
        slot = view.slot if view else None
        self.setWindowTitle(f"Change shift — {slot.label}" if slot else "Add a one-off shift")
        self.site = QComboBox()
        self.site.setAccessibleName("Site")
        for info in sites or []:
            self.site.addItem(info.name, info.id)
        if site_id is not None and self.site.findData(site_id) >= 0:
            self.site.setCurrentIndex(self.site.findData(site_id))
        self.day = date_edit(day or date.today(), "Day")
        self.start = time_edit(slot.start.time() if slot else time(9), "Start time")
        self.end = time_edit(slot.end.time() if slot else time(13), "End time")
        self.min_peers = optional_spin("Site's usual", "Minimum peers together")
        self.max_peers = optional_spin("No maximum" if slot else "Site's usual", "Maximum peers")
        if slot:
            self.min_peers.setMinimum(1)
            self.min_peers.setValue(slot.min_peers)
            self.max_peers.setValue(slot.max_peers or 0)
        peer_support = None if slot else self._peer_support_id()
        self.training = TrainingChoice(
            load_training_types(context, self), slot.training_id if slot else peer_support
        )
        names = ["site", "day", "end_time", "min_peers", "max_peers", "shift"]
        self.labels: dict[str, QLabel] = {n: error_label() for n in names}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.focus: dict[str, QWidget] = {
            "site": self.site,
            "end_time": self.end,
            "min_peers": self.min_peers,
            "max_peers": self.max_peers,
        }
        form = QFormLayout()
        if slot is None:
            form.addRow("Site:", with_error(self.site, self.labels["site"]))
            form.addRow("Day:", with_error(self.day, self.labels["day"]))
        form.addRow("Starts:", self.start)
        form.addRow(
            "Ends:",
            with_error(
                self.end, self.labels["end_time"], "An end before the start means next day."
            ),
        )
        form.addRow("Minimum peers:", with_error(self.min_peers, self.labels["min_peers"]))
        form.addRow("Maximum peers:", with_error(self.max_peers, self.labels["max_peers"]))
        form.addRow("Training:", self.training)
        buttons = save_cancel("Save shift" if slot else "Add shift")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro(EDIT_NOTE if slot else ADD_NOTE))
        layout.addLayout(form)
        layout.addWidget(self.labels["shift"])
        layout.addWidget(self.fallback)
        layout.addWidget(buttons)
        (self.start if slot else self.site).setFocus()
        self.save_keys(self.save, buttons.button(buttons.StandardButton.Save))

    def _load_theirs(self) -> int:
        """Show the shift as stored now (someone else's save), dropping what was typed."""
        assert self.view is not None
        with self.context.session() as session:
            self.view = rota_shifts.shift_view(session, self.actor, self.view.slot.id)
        slot = self.view.slot
        self.start.setTime(QTime(slot.start.hour, slot.start.minute))
        self.end.setTime(QTime(slot.end.hour, slot.end.minute))
        self.min_peers.setValue(slot.min_peers)
        self.max_peers.setValue(slot.max_peers or 0)
        found = self.training.findData(slot.training_id) if slot.training_id is not None else -1
        self.training.setCurrentIndex(found if found >= 0 else self.training.count() - 1)
        return self.view.version

    def _peer_support_id(self) -> int | None:
        with service_call(self), self.context.session() as session:
            return reference_lists.training_type_id(session, "peer_support")
        return None

    def save(self) -> None:
        """Add or change the shift through the service; problems appear beside their fields."""
        training = self.training.training_id()
        start, end = time_value(self.start), time_value(self.end)

        def attempt(expected: int | None) -> None:
            with self.context.session() as session:
                if self.view is None:
                    site_id = self.site.currentData()
                    if site_id is None:
                        raise ValidationError("site", "Add a site first (Set up sites…).")
                    self.saved_id = rota_shifts.add_shift(
                        session,
                        self.actor,
                        int(site_id),
                        from_qdate(self.day.date()),
                        start,
                        end,
                        spin_value(self.min_peers),
                        spin_value(self.max_peers),
                        training,
                        no_training_required=training is None,
                    )
                else:
                    rota_shifts.update_shift(
                        session,
                        self.actor,
                        self.view.slot.id,
                        start,
                        end,
                        self.min_peers.value(),
                        spin_value(self.max_peers),
                        training,
                        expected_version=expected,
                    )
                    self.saved_id = self.view.slot.id

        if not self.version.save(attempt, self.errors, self.focus).failed:
            self.accept()
