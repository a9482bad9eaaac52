"""The checklist of one stage in the self-assessment dialog: each statement with its tick
(Yes / Partly / No, or not answered), a comment and the evidence.

The tick is a drop-down (type Y, P or N, or use the arrow keys), so the whole list can be
filled from the keyboard with Tab. Enter on a tick goes to the next statement's tick rather
than saving and closing the dialog half-way through the list (Ctrl+S saves).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services.spectrum_dto import AnswerInfo, AnswerInput
from involve_desktop.core.services.spectrum_statements import (
    STAGE_NOTES,
    Answer,
    Stage,
    Statement,
    statements_of,
)

NOT_ANSWERED = "— not answered"


class TickBox(QComboBox):
    """The tick's drop-down; Enter (with the list closed) asks for the next statement."""

    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() and not self.view().isVisible():
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class StatementRow:
    """The widgets of one statement."""

    def __init__(self, statement: Statement, number: int) -> None:
        self.statement = statement
        self.text = QLabel(f"<b>{number}.</b> {statement.text}")
        self.text.setWordWrap(True)
        self.tick = TickBox()
        self.tick.addItem(NOT_ANSWERED, "")
        for answer in Answer:
            self.tick.addItem(f"{answer.label} {answer.symbol}", answer.value)  # Y/P/N pick
        self.tick.setAccessibleName(f"{statement.stage.label} {number}: tick")
        self.text.setBuddy(self.tick)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText("Comment")
        self.comment.setAccessibleName(f"{statement.stage.label} {number}: comment")
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText("Evidence (minutes, a policy, a leaflet…)")
        self.evidence.setAccessibleName(f"{statement.stage.label} {number}: evidence")

    def answer(self) -> Answer | None:
        """The tick chosen (None: not answered)."""
        value = self.tick.currentData()
        return Answer(value) if value else None

    def set_answer(self, answer: Answer | None) -> None:
        """Choose a tick."""
        self.tick.setCurrentIndex(max(0, self.tick.findData(answer.value if answer else "")))

    def fill(self, info: AnswerInfo | None) -> None:
        """Show a stored answer (None: leave it blank)."""
        self.set_answer(info.answer if info else None)
        self.comment.setText((info.comment or "") if info else "")
        self.evidence.setText((info.evidence or "") if info else "")

    def value(self) -> AnswerInput | None:
        """The answer to send (None when nothing was ticked or typed)."""
        answer = self.answer()
        comment, evidence = self.comment.text().strip(), self.evidence.text().strip()
        if answer is None and not comment and not evidence:
            return None
        return AnswerInput(self.statement.key, answer or Answer.NO, comment, evidence)


class StageChecklist(QScrollArea):
    """One stage's statements, scrolling; ``changed`` when a tick changes."""

    changed = Signal()

    def __init__(self, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setWidgetResizable(True)
        inner = QWidget()
        column = QVBoxLayout(inner)
        note = QLabel(f"<i>{STAGE_NOTES[stage]}</i>")
        note.setWordWrap(True)
        column.addWidget(note)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.rows = [StatementRow(s, n) for n, s in enumerate(statements_of(stage), start=1)]
        for index, row in enumerate(self.rows):
            grid.addWidget(row.text, index * 2, 0, 1, 3)
            grid.addWidget(row.tick, index * 2 + 1, 0)
            grid.addWidget(row.comment, index * 2 + 1, 1)
            grid.addWidget(row.evidence, index * 2 + 1, 2)
            row.tick.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for row, following in zip(self.rows, self.rows[1:], strict=False):
            following_tick = following.tick
            row.tick.enter_pressed.connect(following_tick.setFocus)
        column.addLayout(grid)
        column.addStretch(1)
        self.setWidget(inner)
        self.setAccessibleName(f"{stage.label} statements")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Modest, so the dialog fits a 1366×768 screen (the list scrolls)."""
        return QSize(800, 240)
