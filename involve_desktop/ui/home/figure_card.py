"""One card of Home's at-a-glance row: a big figure, what it counts, and a line of detail."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from involve_desktop.core.services.dashboard_dto import Figure

FIGURE_SCALE = 2.0  # the figure's font size, times the system font


class FigureCard(QFrame):
    """A figure and its words (never colour alone); the whole card is read as one sentence."""

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

    def sentence(self) -> str:
        """ "63 of 71 shifts covered. 8 gaps, 3 alone on shift"."""
        text = f"{self.figure.value} {self.figure.words}"
        return f"{text}. {self.figure.detail}" if self.figure.detail else text
