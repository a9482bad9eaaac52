"""Whether the app is closing because the laptop is shutting down (SIGTERM).

Windows then close without asking anything — nobody may be there to answer, and a question
would hold the shutdown up. ``app.py`` marks the application; ``MainWindow.closeEvent``
reads the mark.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_PROPERTY = "involve_shutting_down"


def mark_shutting_down(app: QCoreApplication) -> None:
    """Say the app is closing for a shutdown (before its windows are closed)."""
    app.setProperty(_PROPERTY, True)


def shutting_down() -> bool:
    """True once ``mark_shutting_down`` was called for this application."""
    app = QCoreApplication.instance()
    return app is not None and bool(app.property(_PROPERTY))
