"""Small layout helpers so forms read well on a wide laptop screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

FORM_MAX_WIDTH = 640


def buttons_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons side by side at their natural size, aligned left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def narrow(layout: QLayout, max_width: int = FORM_MAX_WIDTH) -> QWidget:
    """A form kept to a readable width instead of stretching across the screen."""
    box = QWidget()
    box.setLayout(layout)
    box.setMaximumWidth(max_width)
    return box


def page(*parts: QWidget | QLayout) -> QVBoxLayout:
    """A top-aligned column of widgets and layouts with the spare space at the bottom."""
    column = QVBoxLayout()
    for part in parts:
        if isinstance(part, QLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    column.addStretch(1)
    return column


class EmptyArea(QWidget):
    """What an area shows where its list would be while there is nothing in it: one line on
    what the area is for, and the first step as a button (with an Alt letter) that does what
    the area's own add button does. The button is offered only where ``show_message`` says
    so: an account that may not take the step sees the words alone.

    ``text()``/``setText()`` read and set the words (``setText`` offers no button), so the
    area can also use it for a passing note such as "Choose a panel first".
    """

    def __init__(self, name: str, button_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(name)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(button_text)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        column.addWidget(self.message)
        column.addLayout(buttons_row(self.button))
        self.button.setVisible(False)  # a child already: never a window of its own

    def show_message(self, text: str, *, offer: bool = False) -> None:
        """Show ``text``, with the first-step button when ``offer`` is true."""
        self.message.setText(text)
        self.button.setVisible(offer)

    def text(self) -> str:
        """The words shown."""
        return self.message.text()

    def setText(self, text: str) -> None:  # noqa: N802 - as QLabel's, which it stands in for
        """Show ``text`` without the button."""
        self.show_message(text)

    def offers_button(self) -> bool:
        """Whether the first-step button is offered (shown when the area is)."""
        return self.button.isVisibleTo(self)
