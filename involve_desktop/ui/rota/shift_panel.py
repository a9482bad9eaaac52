"""One shift: who is on it, assigning from suggestions, swapping, what happened afterwards,
the call-down log, changing its times and cancelling.

Facilitators see it read-only; the change buttons need ``MANAGE_ROTA``. ``changed`` is True
after anything was changed, so the rota behind refreshes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import rota_coverage, rota_shifts
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import (
    AssigneeInfo,
    CallAnswer,
    CallDownInfo,
    ShiftView,
    plural,
)
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.shift_actions import TITLE, cancel_shift, unassign_person
from involve_desktop.ui.rota.shift_assign import AssignDialog, load_suggestions
from involve_desktop.ui.rota.shift_calldown import CallDialog, call_text
from involve_desktop.ui.rota.shift_edit import ShiftEditDialog
from involve_desktop.ui.rota.shift_outcome import OutcomeDialog
from involve_desktop.ui.rota.shift_swap import SwapDialog
from involve_desktop.ui.rota.week_grid import coverage_words
from involve_desktop.ui.widgets import buttons_row

MEMBER_ROLE = Qt.ItemDataRole.UserRole + 21
AWAY_NOTES = {  # why someone on a shift from today on does not count toward its cover
    "left": "has left the group — not counted; take them off or find cover",
    "stepping back": "stepping back — not counted; take them off or find cover",
    "time off": "time off that day — not counted; take them off or find cover",
}


def needs_text(view: ShiftView) -> str:
    """ "Needs at least 2 peers together (at most 3) · Peer support training"."""
    slot = view.slot
    text = f"Needs at least {plural(slot.min_peers, 'peer')} together"
    if slot.max_peers is not None:
        text += f" (at most {slot.max_peers})"
    return text + (f" · {slot.training_name} training" if slot.training_name else "")


class ShiftDialog(QDialog):
    """Everything about one shift in one place."""

    def __init__(
        self, context: AppContext, actor: Actor, shift_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.shift_id = context, actor, shift_id
        self.can_manage = actor.can(Permission.MANAGE_ROTA)
        self.changed = False
        self.view: ShiftView | None = None
        self.setWindowTitle("Shift")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.needs_label = QLabel()
        self.needs_label.setWordWrap(True)
        self.notice = QLabel()  # what the last change did, in one line
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("What just happened")
        self.notice.setVisible(False)

        self.people = QListWidget()
        self.people.setAccessibleName("Who is on this shift")
        self.assign_button = QPushButton("&Assign…")
        self.assign_button.clicked.connect(self.open_assign)
        self.unassign_button = QPushButton("&Take off shift")
        self.unassign_button.clicked.connect(self.unassign_selected)
        self.swap_button = QPushButton("S&wap with…")
        self.swap_button.setToolTip("Swap the selected person's shift with someone else's")
        self.swap_button.clicked.connect(self.swap_selected)
        self.outcome_button = QPushButton("What &happened…")
        self.outcome_button.setToolTip("After the shift: worked, did not attend, actual hours")
        self.outcome_button.clicked.connect(self.record_outcome)
        people_box = QGroupBox("On this shift")
        people_column = QVBoxLayout(people_box)
        people_column.addWidget(self.people)
        people_column.addLayout(
            buttons_row(
                self.assign_button, self.unassign_button, self.swap_button, self.outcome_button
            )
        )

        self.calls = QListWidget()
        self.calls.setAccessibleName("Ringing round: who was asked")
        self.call_button = QPushButton("&Record a call…")
        self.call_button.clicked.connect(self.record_call)
        calls_box = QGroupBox("Ringing round")
        calls_column = QVBoxLayout(calls_box)
        calls_column.addWidget(self.calls)
        calls_column.addLayout(buttons_row(self.call_button))

        self.edit_button = QPushButton("&Change times…")
        self.edit_button.setToolTip("Change this shift's times, peers or training")
        self.edit_button.clicked.connect(self.edit)
        self.cancel_button = QPushButton("Cancel this shift…")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.state_label)
        column.addWidget(self.needs_label)
        column.addWidget(self.notice)
        column.addWidget(people_box, 1)
        column.addWidget(calls_box, 1)
        column.addWidget(buttons)
        for button in (  # now that each has a parent (one without would show as a window)
            self.assign_button,
            self.unassign_button,
            self.swap_button,
            self.outcome_button,
            self.call_button,
            self.edit_button,
            self.cancel_button,
        ):
            button.setVisible(self.can_manage)
        self.resize(620, 520)
        self.reload()

    def reload(self) -> None:
        """Read the shift and its call log again."""
        view: ShiftView | None = None
        calls: list[CallDownInfo] = []
        with service_call(self, title=TITLE), self.context.session() as session:
            view = rota_shifts.shift_view(session, self.actor, self.shift_id)
            calls = rota_coverage.call_log(session, self.actor, self.shift_id)
        if view is None:
            return
        self.view = view
        slot = view.slot
        label = f"{slot.site_name}, {format_date(slot.day)} {slot.times}"
        self.heading.setText(label)
        self.setWindowTitle(f"Shift — {label}")
        self.state_label.setText(f"Coverage: {coverage_words(view)}")
        self.needs_label.setText(needs_text(view))
        self.people.clear()
        for person in view.assignees:
            text = person.label + (" (bank)" if person.bank else "")
            if person.attendance is not None:
                text += f" · {person.attendance.label}"
            elif person.away:
                text += f" · {AWAY_NOTES.get(person.away, person.away)}"
            if person.override_reason:
                text += f" · put on despite a limit: {person.override_reason}"
            item = QListWidgetItem(text)
            item.setData(MEMBER_ROLE, person)
            self.people.addItem(item)
        if not view.assignees:
            empty = QListWidgetItem("No one yet.")
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.people.addItem(empty)
        else:
            self.people.setCurrentRow(0)
        self.calls.clear()
        for call in calls:
            self.calls.addItem(call_text(call))
        if not calls:
            empty = QListWidgetItem("No calls recorded yet.")
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.calls.addItem(empty)
        open_shift = not view.slot.cancelled
        for button in (self.assign_button, self.call_button, self.edit_button):
            button.setEnabled(open_shift)
        # A cancelled shift can be put back (e.g. cancelled by mistake, or the day reopened).
        self.cancel_button.setText("Cancel this shift…" if open_shift else "Reinstate this shift")
        self.unassign_button.setEnabled(bool(view.assignees))
        self.swap_button.setEnabled(open_shift and bool(view.assignees))
        started = view.slot.day <= date.today()
        self.outcome_button.setEnabled(open_shift and started and bool(view.assignees))
        self.outcome_button.setToolTip(
            "After the shift: worked, did not attend, actual hours"
            if started
            else "You can record what happened from the day of the shift."
        )

    def say(self, text: str) -> None:
        """Show one line saying what the last change did."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def name_on_shift(self, member_id: int | None) -> str | None:
        """The name of ``member_id`` if they are on the shift as now read."""
        if self.view is None or member_id is None:
            return None
        return next((a.label for a in self.view.assignees if a.member_id == member_id), None)

    def open_assign(self) -> None:
        """Choose someone from the ranked suggestions."""
        dialog = AssignDialog(self.context, self.actor, self.shift_id, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        member_id = dialog.assigned_member
        dialog.deleteLater()
        self.reload()
        if accepted:
            self.changed = True
            name = self.name_on_shift(member_id)
            self.say(f"✓ {name} is now on this shift." if name else "")

    def selected_person(self) -> AssigneeInfo | None:
        """The person selected in the list, if any."""
        item = self.people.currentItem()
        return item.data(MEMBER_ROLE) if item is not None else None

    def unassign_selected(self) -> None:
        """Take the selected person off the shift (after asking)."""
        person = self.selected_person()
        if person is None:
            return
        if unassign_person(
            self.context,
            self.actor,
            self,
            self.shift_id,
            person.member_id,
            person.label,
            recorded=person.attendance,
        ):
            self.changed = True
            self.reload()

    def swap_selected(self) -> None:
        """Swap the selected person's shift with someone else's."""
        person = self.selected_person()
        if person is None or self.view is None:
            return
        dialog = SwapDialog(self.context, self.actor, self.view, person, self)
        dialog.exec()
        if dialog.swapped:
            self.changed = True
        summary = dialog.summary
        dialog.deleteLater()
        self.reload()
        if summary:
            self.say(f"✓ Swapped: {summary}")

    def record_outcome(self) -> None:
        """After the shift: what happened for each person."""
        if self.view is None:
            return
        dialog = OutcomeDialog(self.context, self.actor, self.view, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
        dialog.deleteLater()
        self.reload()

    def edit(self) -> None:
        """Change this shift's times, peers or training."""
        if self.view is None:
            return
        dialog = ShiftEditDialog(self.context, self.actor, view=self.view, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
        dialog.deleteLater()
        self.reload()

    def record_call(self) -> None:
        """Record asking someone (a yes puts them on)."""
        found = load_suggestions(self.context, self.actor, self, self.shift_id, False)
        if found is None:
            return
        dialog = CallDialog(self.context, self.actor, found, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        logged = dialog.logged
        dialog.deleteLater()
        self.reload()
        if accepted and logged is not None:
            self.changed = True
            if logged.answer is CallAnswer.YES and self.name_on_shift(logged.member_id):
                self.say(f"✓ {logged.member_name} said yes and is now on this shift.")
            else:
                self.say(f"Call recorded: {logged.member_name} — {logged.answer.label}.")

    def cancel(self) -> None:
        """Cancel the shift with a reason; or, when it is cancelled, put it back."""
        if self.view is not None and self.view.slot.cancelled:
            with service_call(self, title=TITLE) as call, self.context.session() as session:
                rota_shifts.reinstate_shift(session, self.actor, self.shift_id)
            if not call.failed:
                self.changed = True
                self.reload()
                self.say("✓ The shift is on the rota again, with whoever was on it.")
            return
        label = self.view.slot.label if self.view else "this shift"
        if cancel_shift(self.context, self.actor, self, self.shift_id, label):
            self.changed = True
            self.reload()
