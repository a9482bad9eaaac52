"""The small dialog that adds or changes one weekly shift pattern at a site."""

from __future__ import annotations

from datetime import time

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import reference_lists, rota_patterns
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import PatternInfo, PatternInput, SiteInfo
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.members.dialog_widgets import OptionalDate, save_cancel
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.setup_widgets import (
    WEEKDAYS,
    TrainingChoice,
    date_edit,
    from_qdate,
    intro,
    load_training_types,
    optional_spin,
    spin_value,
    time_edit,
    time_value,
    to_qdate,
    with_error,
)

UNCHANGED_NOTE = (
    "Changing a pattern never changes shifts already made; only shifts generated later use it."
)


class PatternDialog(EditDialog):
    """Add (``pattern`` None) or edit a weekly shift at ``site``; ``saved`` holds the result."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        site: SiteInfo,
        pattern: PatternInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.site, self.pattern = context, actor, site, pattern
        self.saved: PatternInfo | None = None
        self.setWindowTitle(f"{'Change' if pattern else 'Add'} weekly shift — {site.name}")
        self.weekday = QComboBox()
        self.weekday.addItems(list(WEEKDAYS))
        self.weekday.setAccessibleName("Day of the week")
        self.start = time_edit(time(9), "Start time")
        self.end = time_edit(time(13), "End time")
        self.min_peers = optional_spin(f"Site's ({site.min_together})", "Minimum peers together")
        site_max = str(site.max_peers) if site.max_peers else "none"
        self.max_peers = optional_spin(f"Site's ({site_max})", "Maximum peers")
        self.training = TrainingChoice(
            load_training_types(context, self),
            pattern.required_training_type_id if pattern else self._peer_support_id(),
        )
        self.bank_holidays = QCheckBox("Runs on &bank holidays")
        self.valid_from = date_edit(accessible_name="Valid from")
        self.valid_to = OptionalDate("&Ends on", "Valid to")
        names = ["weekday", "start_time", "end_time", "min_peers", "max_peers"]
        names += ["required_training", "valid_from", "valid_to", "site"]
        self.labels: dict[str, QLabel] = {n: error_label() for n in names}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.focus: dict[str, QWidget] = {
            "weekday": self.weekday,
            "start_time": self.start,
            "end_time": self.end,
            "min_peers": self.min_peers,
            "max_peers": self.max_peers,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "required_training": self.training,
        }
        form = QFormLayout()
        form.addRow("Day:", with_error(self.weekday, self.labels["weekday"]))
        form.addRow("Starts:", with_error(self.start, self.labels["start_time"]))
        form.addRow(
            "Ends:",
            with_error(
                self.end, self.labels["end_time"], "An end before the start means next day."
            ),
        )
        form.addRow("Minimum peers:", with_error(self.min_peers, self.labels["min_peers"]))
        form.addRow("Maximum peers:", with_error(self.max_peers, self.labels["max_peers"]))
        form.addRow(
            "Training:",
            with_error(self.training, self.labels["required_training"]),
        )
        form.addRow("", self.bank_holidays)
        form.addRow("Valid from:", with_error(self.valid_from, self.labels["valid_from"]))
        form.addRow("Valid to:", with_error(self.valid_to, self.labels["valid_to"]))
        self.buttons = save_cancel("Save shift pattern")
        self.buttons.button(self.buttons.StandardButton.Save).setText("&Save shift pattern")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro(UNCHANGED_NOTE))
        layout.addLayout(form)
        layout.addWidget(self.labels["site"])
        layout.addWidget(self.fallback)
        layout.addWidget(self.buttons)
        if pattern is not None:
            self._load(pattern)
        self.weekday.setFocus()
        self.save_keys(self.save, self.buttons.button(self.buttons.StandardButton.Save))

    def _peer_support_id(self) -> int | None:
        with service_call(self), self.context.session() as session:
            return reference_lists.training_type_id(session, "peer_support")
        return None

    def _load(self, p: PatternInfo) -> None:
        self.weekday.setCurrentIndex(p.weekday)
        self.start.setTime(time_edit(p.start_time, "").time())
        self.end.setTime(time_edit(p.end_time, "").time())
        self.min_peers.setValue(p.min_peers)
        self.max_peers.setValue(p.max_peers or 0)
        self.bank_holidays.setChecked(p.runs_on_bank_holidays)
        self.valid_from.setDate(to_qdate(p.valid_from))
        self.valid_to.set_value(p.valid_to)

    def value(self) -> PatternInput:
        """What is typed, as the service's input."""
        training = self.training.training_id()
        return PatternInput(
            site_id=self.site.id,
            weekday=self.weekday.currentIndex(),
            start_time=time_value(self.start),
            end_time=time_value(self.end),
            valid_from=from_qdate(self.valid_from.date()),
            valid_to=self.valid_to.value(),
            min_peers=spin_value(self.min_peers),
            max_peers=spin_value(self.max_peers),
            required_training_type_id=training,
            no_training_required=training is None,
            runs_on_bank_holidays=self.bank_holidays.isChecked(),
        )

    def save(self) -> None:
        """Save through the patterns service; problems appear beside their fields."""
        data = self.value()
        with (
            service_call(self, self.errors, self.focus) as call,
            self.context.session() as session,
        ):
            if self.pattern is None:
                self.saved = rota_patterns.create_pattern(session, self.actor, data)
            else:
                self.saved = rota_patterns.update_pattern(
                    session, self.actor, self.pattern.id, data
                )
        if not call.failed:
            self.accept()
