"""What the members list shows instead of an empty table: the first step, or why no one matches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from involve_desktop.ui.widgets import buttons_row

FIRST_USE = (
    "No members yet — add the first person, or import your spreadsheet "
    "(CSV or Excel) if you already keep a list."
)


class EmptyState(QWidget):
    """A message and the action that helps: add/import when empty, show all when nothing matches."""

    def __init__(self, can_import: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Members list message")
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.message.setFont(font)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = QPushButton("Add the first member…")
        self.import_button = QPushButton("Import your spreadsheet…")
        self._can_import = can_import
        self.show_all_button = QPushButton("Show all members")
        column = QVBoxLayout(self)
        column.addSpacing(24)
        column.addWidget(self.message)
        column.addSpacing(8)
        column.addLayout(buttons_row(self.add_button, self.import_button, self.show_all_button))
        column.addStretch(1)
        self.setMaximumWidth(720)
        self.import_button.setVisible(can_import)  # in this widget first: no window of its own

    def show_first_use(self) -> None:
        """Nobody has been added yet: offer Add and Import."""
        self.message.setText(FIRST_USE)
        self.add_button.setVisible(True)
        self.import_button.setVisible(self._can_import)
        self.show_all_button.setVisible(False)

    def show_no_match(self, search: str, hint: str = "") -> None:
        """The search or filters match no one: say so and offer to clear them."""
        what = f"No one matches “{search.strip()}”" if search.strip() else "No one matches"
        detail = hint or "Check the spelling, or clear the search and filters."
        self.message.setText(f"{what}. {detail}")
        self.add_button.setVisible(False)
        self.import_button.setVisible(False)
        self.show_all_button.setVisible(True)

    def first_button(self) -> QPushButton:
        """The button to focus when the message appears."""
        return self.show_all_button if self.show_all_button.isVisible() else self.add_button
