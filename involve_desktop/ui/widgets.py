"""Small layout helpers so forms read well on a wide laptop screen."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

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
