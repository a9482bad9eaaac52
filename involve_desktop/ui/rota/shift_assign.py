"""Choosing who to put on a shift from the ranked cover suggestions.

Eligible people come first, best first, each with why ("3 shifts in the 4 weeks before this
one", "bank", or the limit they would go past — outside their availability, over a limit —
which asks for a reason); then the people who cannot do it, with the reason. When nobody at
all can be listed, the service's reason says why (e.g. no one held the role on that date).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import rota_coverage
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import CoverSuggestions, Suggestion, plural
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.shift_actions import TITLE, assign_person

MEMBER_ROLE = Qt.ItemDataRole.UserRole + 20


def why_text(suggestion: Suggestion) -> str:
    """ "Aisha Khan — 3 shifts in the 4 weeks before this one · bank · ⚠ needs a reason: …".

    The count is of shifts in the 4 weeks before this shift (the fairness measure), which
    for a shift ahead includes shifts they are booked on between now and then.
    """
    count = suggestion.recent_shifts
    parts = [f"{plural(count, 'shift')} in the 4 weeks before this one"]
    if suggestion.bank:
        parts.append("bank")
    if suggestion.limit_note:
        note = suggestion.limit_note
        if note.startswith(suggestion.name + " "):
            note = note[len(suggestion.name) + 1 :]
        parts.append(f"⚠ needs a reason: {note}")
    return f"{suggestion.name} — {' · '.join(parts)}"


def refusal_text(name: str, reason: str) -> str:
    """ "Carla Diaz — her training expired", without naming them twice."""
    return reason if reason.startswith(name) else f"{name} — {reason}"


def load_suggestions(
    context: AppContext, actor: Actor, parent: QWidget | None, shift_id: int, bank_first: bool
) -> CoverSuggestions | None:
    """The ranked suggestions, or None (problem shown)."""
    found: CoverSuggestions | None = None
    with service_call(parent, title=TITLE), context.session() as session:
        found = rota_coverage.suggestions(session, actor, shift_id, include_bank_first=bank_first)
    return found


def fill_suggestion_list(target: QListWidget, found: CoverSuggestions) -> None:
    """Eligible people (selectable, best first) then those who cannot (greyed, with why)."""
    target.clear()
    if not found.eligible:
        text = (
            "No one eligible is free for this shift — see the reasons below."
            if found.not_eligible
            else found.empty_reason or "No one can be put on this shift."
        )
        info = QListWidgetItem(text)
        info.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not choosable
        info.setToolTip(text)
        target.addItem(info)
    for suggestion in found.eligible:
        item = QListWidgetItem(why_text(suggestion))
        item.setData(MEMBER_ROLE, suggestion.member_id)
        target.addItem(item)
    if found.not_eligible:
        heading = QListWidgetItem("Cannot do this shift:")
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        target.addItem(heading)
    for person in found.not_eligible:
        item = QListWidgetItem(f"✗ {refusal_text(person.name, person.reason)}")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not choosable
        target.addItem(item)
    for row in range(target.count()):
        if target.item(row).data(MEMBER_ROLE) is not None:
            target.setCurrentRow(row)
            break


class AssignDialog(QDialog):
    """Pick a person from the suggestions and put them on the shift (Enter or "Assign")."""

    def __init__(
        self, context: AppContext, actor: Actor, shift_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.shift_id = context, actor, shift_id
        self.assigned_member: int | None = None
        self.setWindowTitle("Assign someone")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.bank_first = QCheckBox("Ask bank supporters first")
        self.bank_first.toggled.connect(self.reload)
        self.people = QListWidget()
        self.people.setAccessibleName("People who could cover this shift, best first")
        self.people.itemActivated.connect(lambda _item: self.assign_selected())
        self.assign_button = QPushButton("Assign")
        self.assign_button.setDefault(True)
        self.assign_button.clicked.connect(self.assign_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.assign_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.bank_first)
        column.addWidget(self.people, 1)
        column.addWidget(buttons)
        self.resize(640, 460)
        self.reload()
        self.people.setFocus()

    def reload(self) -> None:
        """Ask the service again (e.g. after switching bank first)."""
        found = load_suggestions(
            self.context, self.actor, self, self.shift_id, self.bank_first.isChecked()
        )
        if found is None:
            return
        self.heading.setText(f"Who could cover {found.shift.slot.label}? Best first.")
        fill_suggestion_list(self.people, found)

    def selected_member(self) -> int | None:
        """The member id of the chosen person, if any."""
        item = self.people.currentItem()
        return item.data(MEMBER_ROLE) if item is not None else None

    def assign_selected(self) -> None:
        """Assign the chosen person; close when it worked."""
        member_id = self.selected_member()
        if member_id is None:
            return
        if assign_person(self.context, self.actor, self, self.shift_id, member_id):
            self.assigned_member = member_id
            self.accept()
        else:
            self.reload()
