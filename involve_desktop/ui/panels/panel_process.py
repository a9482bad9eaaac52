"""The Preparation and debrief part of the panel dialog (``record_process``).

Briefing date, whether lived-experience panel members took part in shortlisting, setting
the questions and scoring, the questions they contributed, the debrief date and whether
feedback on the outcome was given to them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services.panels_dto import PanelInfo, PanelProcessInput
from involve_desktop.ui.members.dialog_widgets import OptionalDate, with_error
from involve_desktop.ui.messages import error_label

FIELDS = ("briefing_on", "debrief_on", "questions_contributed")


class ProcessForm(QWidget):
    """The good-practice steps as boxes to tick and dates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.briefing = OptionalDate("&Briefing held on", "Briefing date")
        self.shortlisting = QCheckBox("Took part in short&listing")
        self.question_setting = QCheckBox("Took part in setting the &questions")
        self.scoring = QCheckBox("Sc&ored candidates alongside staff")
        self.questions = QPlainTextEdit()
        self.questions.setAccessibleName("Questions contributed")
        self.questions.setPlaceholderText("The questions panel members wrote or changed")
        self.questions.setTabChangesFocus(True)
        self.questions.setMaximumHeight(self.fontMetrics().height() * 6)
        self.debrief = OptionalDate("&Debrief held on", "Debrief date")
        self.feedback = QCheckBox("&Feedback on the outcome given to panel members")
        self.labels = {name: error_label() for name in FIELDS}
        self.focus: dict[str, QWidget] = {
            "briefing_on": self.briefing.check,
            "debrief_on": self.debrief.check,
            "questions_contributed": self.questions,
        }
        form = QFormLayout()
        form.addRow("Before:", with_error(self.briefing, self.labels["briefing_on"]))
        form.addRow("Lived-experience members:", self.shortlisting)
        form.addRow("", self.question_setting)
        form.addRow("", self.scoring)
        label = QLabel("Q&uestions contributed:")
        label.setBuddy(self.questions)
        form.addRow(label, with_error(self.questions, self.labels["questions_contributed"]))
        form.addRow("After:", with_error(self.debrief, self.labels["debrief_on"]))
        form.addRow("", self.feedback)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addStretch(1)  # the boxes stay together at the top

    def value(self) -> PanelProcessInput:
        """The steps as ticked and typed."""
        return PanelProcessInput(
            briefing_on=self.briefing.value(),
            shortlisting=self.shortlisting.isChecked(),
            question_setting=self.question_setting.isChecked(),
            scoring=self.scoring.isChecked(),
            questions_contributed=self.questions.toPlainText().strip() or None,
            debrief_on=self.debrief.value(),
            feedback_given=self.feedback.isChecked(),
        )

    def set_info(self, info: PanelInfo) -> None:
        """Show what is recorded for a panel."""
        self.briefing.set_value(info.briefing_on)
        self.shortlisting.setChecked(info.shortlisting)
        self.question_setting.setChecked(info.question_setting)
        self.scoring.setChecked(info.scoring)
        self.questions.setPlainText(info.questions_contributed or "")
        self.debrief.set_value(info.debrief_on)
        self.feedback.setChecked(info.feedback_given)
