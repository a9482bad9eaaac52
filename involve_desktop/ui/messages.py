"""Turning errors into plain-English messages: never a stack trace in front of a user."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget, QWizard

from involve_desktop import paths
from involve_desktop.core.errors import InvolveError, ValidationError

log = logging.getLogger(__name__)


def unexpected_error_text() -> str:
    """The message shown for an error nobody planned for, pointing at the log file."""
    return (
        "Something went wrong that Involve Desktop did not expect. Nothing you saved "
        f"before this has been lost. The details are in the log file:\n{paths.log_file()}"
    )


def show_error(
    parent: QWidget | None, error: BaseException, title: str = "Involve Desktop"
) -> None:
    """Show an error as a message box: the domain message, or a pointer to the log."""
    if isinstance(error, InvolveError):
        QMessageBox.warning(parent, title, error.message)
        return
    log.error("Unexpected error", exc_info=(type(error), error, error.__traceback__))
    QMessageBox.critical(parent, title, unexpected_error_text())


def error_label() -> QLabel:
    """A hidden label that shows a field's problem right under the field."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class FieldErrors:
    """Shows a ValidationError next to the field it names; clears all of them on demand."""

    def __init__(self, labels: dict[str, QLabel], fallback: QLabel) -> None:
        self._labels = labels
        self._fallback = fallback

    def clear(self) -> None:
        """Hide every message."""
        for label in [*self._labels.values(), self._fallback]:
            label.clear()
            label.setVisible(False)

    def show(
        self, error: ValidationError | InvolveError, focus: dict[str, QWidget] | None = None
    ) -> None:
        """Show ``error`` beside its field (text with a warning sign, not colour alone)."""
        self.clear()
        field = getattr(error, "field", None)
        label = self._labels.get(field or "", self._fallback)
        label.setText(f"⚠ {error.message}")
        label.setVisible(True)
        label.setAccessibleName(f"Problem: {error.message}")
        if focus and field in focus:
            focus[field].setFocus()
        grow_to_fit(label)


def grow_to_fit(widget: QWidget) -> None:
    """Let a dialog grow when a message appears, instead of squashing its input boxes."""
    window = widget.window()
    if isinstance(window, QDialog) and not isinstance(window, QWizard):
        window.adjustSize()
