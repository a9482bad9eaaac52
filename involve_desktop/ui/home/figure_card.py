"""One card of Home's at-a-glance row: a big figure, what it counts, and a line of detail."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from involve_desktop.core.services.dashboard_dto import Figure

FIGURE_SCALE = 2.0  # the figure's font size, times the system font


class FigureCard(QFrame):
    """A figure and its words (never colour alone); the whole card is read as one sentence
    ("3 payments waiting — nothing to approve"). A click opens the area it counts
    (``chosen``); so do Enter and Space when the card has the keyboard focus: every card is a
    Tab stop, in reading order, framed more thickly while it has the focus."""

    chosen = Signal(object)  # Target

    def __init__(self, figure: Figure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Preferred height: as tall as the tallest card of its row (HomeView keeps the
        # block of cards to its natural height).
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
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
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if figure.target is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(f"Open {figure.target.area.capitalize()} (Enter)")
            self.setAccessibleDescription(f"Press Enter to open {figure.target.area.capitalize()}")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        opens = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if opens and not event.modifiers() and self.figure.target is not None:
            event.accept()
            self.chosen.emit(self.figure.target)
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        inside = self.rect().contains(event.position().toPoint())
        if event.button() is Qt.MouseButton.LeftButton and inside and self.figure.target:
            self.chosen.emit(self.figure.target)

    def sentence(self) -> str:
        """ "63 of 71 shifts covered — 8 gaps, 3 alone on shift"."""
        text = f"{self.figure.value} {self.figure.words}"
        return f"{text} — {self.figure.detail}" if self.figure.detail else text
