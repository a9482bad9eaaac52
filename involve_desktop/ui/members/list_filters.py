"""The members list's filters (status, role, training, consent review) and its counts line."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from involve_desktop.core.services.member_dto import MemberFilter, MemberStatus, TrainingFilter
from involve_desktop.core.services.reference_lists import RoleTypeInfo
from involve_desktop.ui.members.list_flow import FlowLayout

STATUS_CHOICES: list[tuple[str, frozenset[MemberStatus]]] = [
    ("Active and stepping back", frozenset()),
    ("Active", frozenset({MemberStatus.ACTIVE})),
    ("Stepping back", frozenset({MemberStatus.STEPPING_BACK})),
    ("Left", frozenset({MemberStatus.LEFT})),
    ("Everyone", frozenset(MemberStatus)),
]
TRAINING_CHOICES: list[tuple[str, TrainingFilter | None]] = [
    ("Any", None),
    ("Due or expired", TrainingFilter.DUE_OR_EXPIRED),
    ("Expired", TrainingFilter.EXPIRED),
]


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 member", "12 members"."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def counts_text(matching: int, total: int, peers: int, narrowed: bool) -> str:
    """ "312 members · 40 peer supporters", or "12 of 312 members match · 3 peer supporters"."""
    if narrowed:
        verb = "matches" if matching == 1 else "match"
        members = f"{matching:,} of {plural(total, 'member')} {verb}"
    else:
        members = plural(matching, "member")
    return f"{members} · {plural(peers, 'peer supporter')}"


class MemberFilterBar(QWidget):
    """Status, role and training drop-downs and a consent-review check box; emits ``changed``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_box = QComboBox()
        self.status_box.setAccessibleName("Status")
        for text, _statuses in STATUS_CHOICES:
            self.status_box.addItem(text)
        self.role_box = QComboBox()
        self.role_box.setAccessibleName("Role")
        self.role_box.addItem("Any", None)
        self.training_box = QComboBox()
        self.training_box.setAccessibleName("Training")
        for text, _choice in TRAINING_CHOICES:
            self.training_box.addItem(text)
        self.consent_box = QCheckBox("&Consent review due")
        self.consent_box.setToolTip("People whose consent needs reviewing, or was never recorded")
        self.clear_button = QPushButton("Show all")  # placed by the view, beside the counts
        self.clear_button.setToolTip("Clear the search and the filters")
        self.clear_button.setAccessibleName("Clear search and filters")

        layout = FlowLayout(self, spacing=16)
        for text, box in (
            ("&Status:", self.status_box),
            ("&Role:", self.role_box),
            ("&Training:", self.training_box),
        ):
            label = QLabel(text)
            label.setBuddy(box)
            group = QWidget()
            pair = QHBoxLayout(group)
            pair.setContentsMargins(0, 0, 0, 0)
            pair.addWidget(label)
            pair.addWidget(box)
            layout.addWidget(group)  # label and drop-down wrap together
        layout.addWidget(self.consent_box)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

        self.status_box.currentIndexChanged.connect(self.changed)
        self.role_box.currentIndexChanged.connect(self.changed)
        self.training_box.currentIndexChanged.connect(self.changed)
        self.consent_box.toggled.connect(self.changed)

    def set_role_types(self, roles: list[RoleTypeInfo]) -> None:
        """Fill the role drop-down, keeping the chosen role if it is still in the list."""
        chosen = self.role_box.currentData()
        self.role_box.blockSignals(True)
        self.role_box.clear()
        self.role_box.addItem("Any", None)
        for role in roles:
            self.role_box.addItem(role.name, role.id)
        index = self.role_box.findData(chosen) if chosen is not None else 0
        self.role_box.setCurrentIndex(max(index, 0))
        self.role_box.blockSignals(False)
        if chosen is not None and index < 0:
            self.changed.emit()

    def current_filter(self, search: str = "") -> MemberFilter:
        """The filter the drop-downs describe, with ``search``."""
        return MemberFilter(
            search=search,
            statuses=STATUS_CHOICES[self.status_box.currentIndex()][1],
            role_type_id=self.role_box.currentData(),
            training=TRAINING_CHOICES[self.training_box.currentIndex()][1],
            consent_due=self.consent_box.isChecked(),
        )

    def narrows(self) -> bool:
        """True when role, training or consent narrow the list (status only sets the scope)."""
        return (
            self.role_box.currentIndex() > 0
            or self.training_box.currentIndex() > 0
            or self.consent_box.isChecked()
        )

    def is_default(self) -> bool:
        """True when nothing is chosen beyond the default (active and stepping back)."""
        return self.status_box.currentIndex() == 0 and not self.narrows()

    def reset(self) -> None:
        """Back to the default: active and stepping back, any role, any training."""
        for widget in (self.status_box, self.role_box, self.training_box, self.consent_box):
            widget.blockSignals(True)
        self.status_box.setCurrentIndex(0)
        self.role_box.setCurrentIndex(0)
        self.training_box.setCurrentIndex(0)
        self.consent_box.setChecked(False)
        for widget in (self.status_box, self.role_box, self.training_box, self.consent_box):
            widget.blockSignals(False)
        self.changed.emit()

    def focus_order(self) -> list[QWidget]:
        """The widgets in reading order, for the view's tab order."""
        return [
            self.status_box,
            self.role_box,
            self.training_box,
            self.consent_box,
            self.clear_button,
        ]
