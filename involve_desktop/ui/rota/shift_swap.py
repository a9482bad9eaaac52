"""Swapping the chosen person's shift with someone else's, picked from a list.

The list shows people on other shifts from a week before to three weeks after this shift,
filtered as you type (a name or a site). The swap is checked by the service as one step:
if either person cannot do the other's shift, nothing changes and the reason is shown; a
personal limit asks for a reason to go over it, as when assigning.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import rota_swap
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import AssigneeInfo, ShiftView
from involve_desktop.core.services.rota_swap import SwapCandidate
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.shift_actions import TITLE, run_change

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 31
BEFORE = timedelta(days=7)
AFTER = timedelta(days=21)


class SwapDialog(EditDialog):
    """Choose whose shift ``person`` swaps with; ``swapped`` is True after a swap."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        view: ShiftView,
        person: AssigneeInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.view, self.person = context, actor, view, person
        self.swapped = False
        self.summary = ""  # "Aisha Khan now on …; Ben Morris now on …" after a swap
        self.setWindowTitle(f"Swap {person.name}'s shift")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type a name or a site to narrow the list")
        self.filter.setAccessibleName("Filter people and shifts")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setAccessibleName("People on other shifts")
        self.list.itemActivated.connect(lambda _item: self.swap())
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.swap_button = buttons.addButton("&Swap", QDialogButtonBox.ButtonRole.AcceptRole)
        self.swap_button.setDefault(True)
        buttons.accepted.connect(self.swap)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"{person.name} is on {view.slot.label}. Choose who takes it in exchange for "
            "their own shift:"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 480)
        self._load()
        self.filter.setFocus()
        self.save_keys(self.swap, self.swap_button, ignore=(self.filter,))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Up and Down move in the list while typing in the filter."""
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.filter.hasFocus():
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = self.list.currentRow() + step
            while 0 <= row < self.list.count() and self.list.item(row).isHidden():
                row += step
            if 0 <= row < self.list.count():
                self.list.setCurrentRow(row)
            event.accept()
            return
        super().keyPressEvent(event)

    def _load(self) -> None:
        found: list[SwapCandidate] = []
        day = self.view.slot.day
        with service_call(self, title=TITLE), self.context.session() as session:
            found = rota_swap.swap_candidates(
                session, self.actor, self.person.assignment_id, day - BEFORE, day + AFTER
            )
        for candidate in found:
            item = QListWidgetItem(f"{candidate.name} — {candidate.shift_label}")
            item.setData(CANDIDATE_ROLE, candidate)
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        else:
            self.message.setText(
                "No one else is on a shift they could swap from a week before to three "
                "weeks after this one."
            )
        self.swap_button.setEnabled(bool(found))

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        first_shown = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not all(w in item.text().casefold() for w in words)
            item.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = row
        if first_shown is not None:
            self.list.setCurrentRow(first_shown)

    def swap(self) -> None:
        """Swap with the chosen person (the service checks both moves)."""
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        candidate: SwapCandidate = item.data(CANDIDATE_ROLE)
        done = run_change(
            self.context,
            self,
            lambda session, override, reason: rota_swap.swap(
                session,
                self.actor,
                self.person.assignment_id,
                candidate.assignment_id,
                override_limits=override,
                override_reason=reason,
            ),
        )
        if done:
            self.swapped = True
            self.summary = (
                f"{self.person.name} now on {candidate.shift_label}; "
                f"{candidate.name} now on {self.view.slot.label}."
            )
            self.accept()
