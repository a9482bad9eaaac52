"""One card of Home's at-a-glance row: a big figure, what it counts, and a line of detail."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from involve_desktop.core.services.dashboard_dto import Figure

FIGURE_SCALE = 2.0  # the figure's font size, times the system font


class FigureCard(QFrame):
    """A figure and its words (never colour alone); the whole card is read as one sentence.
    A click opens the area it counts (``chosen``); the keyboard uses the sidebar or the
    attention list instead, so the cards add no Tab stops."""

    chosen = Signal(object)  # Target

    def __init__(self, figure: Figure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.figure = figure
        self.value = QLabel(figure.value)
        self.value.setObjectName("figureValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * FIGURE_SCALE)
        font.setBold(True)
        self.value.setFont(font)
        self.words = QLabel(figure.words)
        self.words.setObjectName("figureWords")
        self.words.setWordWrap(True)
        self.detail = QLabel(figure.detail)
        self.detail.setObjectName("figureDetail")
        self.detail.setWordWrap(True)
        self.detail.setVisible(bool(figure.detail))
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 10)
        column.setSpacing(2)
        column.addWidget(self.value)
        column.addWidget(self.words)
        column.addWidget(self.detail)
        column.addStretch(1)
        self.setAccessibleName(self.sentence())
        if figure.target is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(f"Open {figure.target.area.capitalize()}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        inside = self.rect().contains(event.position().toPoint())
        if event.button() is Qt.MouseButton.LeftButton and inside and self.figure.target:
            self.chosen.emit(self.figure.target)

    def sentence(self) -> str:
        """ "63 of 71 shifts covered. 8 gaps, 3 alone on shift"."""
        text = f"{self.figure.value} {self.figure.words}"
        return f"{text}. {self.figure.detail}" if self.figure.detail else text
