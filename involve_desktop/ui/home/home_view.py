"""Home: this month at a glance and the things that need attention (issue 9; being built)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.context import AppContext


class HomeView(QWidget):
    """The first screen after sign-in. ``go_to`` asks the main window to open a place:
    an area key (``"members"``, ``"rota"``, …) and an optional target within it."""

    go_to = Signal(str, object)

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Home"))

    def refresh(self) -> None:
        """Reload the figures (called each time Home is shown)."""
