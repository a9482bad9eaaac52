"""Recording a call when ringing round for cover: who was asked, their answer and a note.

A "yes" also puts them on the shift in the same step (the service checks every rule; a limit
asks for a reason like any assignment).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import rota_coverage
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import CallAnswer, CallDownInfo, CoverSuggestions, hhmm
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.rota.shift_actions import run_change
from involve_desktop.ui.rota.shift_assign import refusal_text, why_text

YES_NOTE = (
    "A yes puts them on the shift now (if they are outside their weekly availability or "
    "over a limit, you are asked for a reason)."
)


def call_text(call: CallDownInfo) -> str:
    """ "Tue 3 Mar 2026 14:05 · asked Aisha Khan · Yes · by Sam · can do mornings"."""
    parts = [
        f"{format_date(call.asked_at.date())} {hhmm(call.asked_at)}",
        f"asked {call.member_name}",
        call.answer.label,
        f"by {call.asked_by}",
    ]
    if call.note:
        parts.append(call.note)
    return " · ".join(parts)


class CallDialog(EditDialog):
    """Who was asked, the answer (yes / no / no reply) and a note."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        found: CoverSuggestions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.shift_id = found.shift.slot.id
        self.logged: CallDownInfo | None = None
        self.setWindowTitle("Record a call")
        self.person = QComboBox()
        self.person.setAccessibleName("Who you asked")
        # Long lines (a limit's reason) would stretch the dialog off the screen: the box
        # keeps a sensible width, its list opens wider, and the full line shows below it.
        self.person.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.person.setMinimumContentsLength(36)
        self.person.view().setMinimumWidth(720)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("About the person chosen")
        self.person.currentIndexChanged.connect(
            lambda _i: self.detail.setText(self.person.currentText())
        )
        for suggestion in found.eligible:
            self.person.addItem(why_text(suggestion), suggestion.member_id)
        for person in found.not_eligible:
            self.person.addItem(f"✗ {refusal_text(person.name, person.reason)}", person.member_id)
        self.answers = QButtonGroup(self)
        row = QHBoxLayout()
        self.answer_buttons: dict[CallAnswer, QRadioButton] = {}
        for answer in CallAnswer:
            button = QRadioButton(answer.label)
            self.answers.addButton(button)
            self.answer_buttons[answer] = button
            row.addWidget(button)
        row.addStretch(1)
        self.answer_buttons[CallAnswer.NO_REPLY].setChecked(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText("For example: can do mornings only")
        form = QFormLayout(self)
        form.addRow("Asked:", self.person)
        form.addRow("", self.detail)
        form.addRow("Answer:", row)
        form.addRow("Note:", self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip("A yes also puts them on the shift")
        self.yes_note = QLabel(YES_NOTE)
        self.yes_note.setWordWrap(True)
        self.yes_note.setVisible(False)
        self.answers.buttonToggled.connect(lambda *_args: self._show_answer())
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow("", self.yes_note)
        form.addRow(buttons)
        self.resize(600, 220)
        self.detail.setText(self.person.currentText())
        self._show_answer()
        self.save_keys(self.save, self.save_button, tip="A yes also puts them on the shift")

    def _show_answer(self) -> None:
        yes = self.answer() is CallAnswer.YES
        self.yes_note.setVisible(yes)
        self.save_button.setText("Save and put them on the shift" if yes else "Save")

    def answer(self) -> CallAnswer:
        """The chosen answer."""
        for answer, button in self.answer_buttons.items():
            if button.isChecked():
                return answer
        return CallAnswer.NO_REPLY

    def save(self) -> None:
        """Record the call (a yes assigns them); close when it worked."""
        member_id = self.person.currentData()
        if member_id is None:
            return
        answer, note = self.answer(), self.note.text()

        def change(session, override: bool, reason: str | None) -> None:
            self.logged = rota_coverage.log_call(
                session,
                self.actor,
                self.shift_id,
                member_id,
                answer,
                note,
                override_limits=override,
                override_reason=reason,
            )

        if run_change(self.context, self, change):
            self.accept()
