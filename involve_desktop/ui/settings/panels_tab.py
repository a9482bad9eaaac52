"""Settings → Panels: the panel policy and the over-reliance warning level (coordinators).

The policy kind (at least a number / equal numbers / a majority of lived-experience
members), the lived-experience members every panel needs, and the share of seats the 3
people who sat most may take before the Panels area warns. ``saved`` is emitted after a
save so the Panels area can use the new values at once. Enter in the number boxes (or on a
policy choice) saves, as the Save button does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import panels_policy
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import PanelPolicy, PolicyKind
from involve_desktop.core.services.panels_policy import MAX_MIN_LIVED
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.dialog_widgets import with_error
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.spin_range import RangeWatch, said_out_of_range
from involve_desktop.ui.widgets import buttons_row, narrow, page

MIN_THRESHOLD, MAX_THRESHOLD = 10, 100
# What each policy asks, with an Alt letter each (keyboard users reach a choice directly).
# "Equal numbers" alone read as "exactly equal"; the rule is "at least as many". The words
# are no longer than before, so Settings still fits a small window. Y is the "Your account"
# tab's letter, so "At least as many" takes E.
KIND_WORDS = {
    PolicyKind.AT_LEAST: "&At least a number of lived-experience members",
    PolicyKind.EQUAL: "At least as many lived-&experience members as staff",
    PolicyKind.MAJORITY: "A &majority of lived-experience members",
}
KIND_TIPS = {
    PolicyKind.AT_LEAST: "Every panel needs at least the number of lived-experience members below",
    PolicyKind.EQUAL: "Equal numbers or more: never fewer lived-experience members than staff",
    PolicyKind.MAJORITY: "More lived-experience members than staff on every panel",
}


class PanelsTab(QWidget):
    """Edit and save the panel policy."""

    saved = Signal(object)  # the PanelPolicy saved

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.kind_group = QButtonGroup(self)
        self.kind_radios: dict[PolicyKind, QRadioButton] = {}
        kinds = QWidget()
        kinds.setAccessibleName("Panel policy")
        kinds_column = QVBoxLayout(kinds)
        kinds_column.setContentsMargins(0, 0, 0, 0)
        for kind in PolicyKind:
            radio = QRadioButton(KIND_WORDS.get(kind, kind.label))
            radio.setToolTip(KIND_TIPS.get(kind, ""))
            self.kind_group.addButton(radio)
            self.kind_radios[kind] = radio
            kinds_column.addWidget(radio)
        self.min_lived = QSpinBox()
        self.min_lived.setRange(1, MAX_MIN_LIVED)
        self.min_lived.setAccessibleName("Lived-experience members every panel needs")
        self.min_lived.setSuffix(" or more")
        self.threshold = QSpinBox()
        self.threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold.setSuffix(" %")
        self.threshold.setAccessibleName("Over-reliance warning threshold")
        for spin in (self.min_lived, self.threshold):
            spin.setMaximumWidth(self.fontMetrics().averageCharWidth() * 16)
        self.watches = [RangeWatch(self.min_lived), RangeWatch(self.threshold)]
        fields = ("policy", "min_lived", "reliance_threshold")
        self.labels = {name: error_label() for name in fields}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.save_button = QPushButton("&Save panel policy")
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName("Saved")
        form = QFormLayout()
        form.addRow("Policy:", with_error(kinds, self.labels["policy"]))
        min_label = QLabel("&Lived-experience members on every panel:")
        min_label.setWordWrap(True)
        min_label.setBuddy(self.min_lived)
        form.addRow(min_label, with_error(self.min_lived, self.labels["min_lived"]))
        threshold_label = QLabel("&Warn when the 3 who sat most took more than:")
        threshold_label.setWordWrap(True)
        threshold_label.setBuddy(self.threshold)
        form.addRow(
            threshold_label,
            with_error(
                self.threshold,
                self.labels["reliance_threshold"],
                "of the lived-experience seats in the last 12 months — a sign the same few "
                "people are carrying most panels.",
            ),
        )
        form.addRow("", self.fallback)
        form.addRow("", buttons_row(self.save_button, self.saved_label))
        hint = QLabel(
            "Recruitment panels should have people with lived experience as full members. "
            "Panels that do not meet this policy are flagged in the Panels area."
        )
        hint.setWordWrap(True)
        self.setLayout(page(narrow(form, 760), hint))
        self.load()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter in a number box or on a policy choice saves (they pass Enter on unused)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.save_button.isEnabled():
            event.accept()
            self.save()
            return
        super().keyPressEvent(event)

    def load(self) -> None:
        """Show the policy in force."""
        policy = PanelPolicy()
        with service_call(self, title="Panel policy"), self.context.session() as session:
            policy = panels_policy.get_policy(session, self.actor)
        self.show_policy(policy)

    def show_policy(self, policy: PanelPolicy) -> None:
        """Put ``policy`` in the boxes."""
        self.kind_radios[policy.kind].setChecked(True)
        self.min_lived.setValue(policy.min_lived)
        self.threshold.setValue(policy.reliance_threshold)

    def value(self) -> PanelPolicy:
        """The policy as chosen."""
        kind = next(k for k, r in self.kind_radios.items() if r.isChecked())
        return PanelPolicy(kind, self.min_lived.value(), self.threshold.value())

    def save(self) -> None:
        """Save through the service; the Panels area follows at once."""
        self.errors.clear()
        self.saved_label.clear()
        focus = {"min_lived": self.min_lived, "reliance_threshold": self.threshold}
        if said_out_of_range(self.watches, self.errors, focus):  # Qt put the old number back
            return
        policy = None
        with (
            service_call(self, self.errors, focus, "Panel policy") as call,
            self.context.session() as session,
        ):
            policy = panels_policy.save_policy(session, self.actor, self.value())
        if call.failed or policy is None:
            return
        self.show_policy(policy)
        self.saved_label.setText("✓ Saved.")
        self.saved.emit(policy)
