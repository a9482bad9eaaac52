"""Turning errors into plain-English messages: never a stack trace in front of a user."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget, QWizard

from involve_desktop import paths
from involve_desktop.core.errors import InvolveError, ValidationError, ValidationErrors

log = logging.getLogger(__name__)


def unexpected_error_text() -> str:
    """The message shown for an error nobody planned for, pointing at the log file."""
    return (
        "Something went wrong that Involve Desktop did not expect. Nothing you saved "
        f"before this has been lost. The details are in the log file:\n{paths.log_file()}"
    )


def ask(parent: QWidget | None, title: str, text: str, *, yes_by_default: bool = False) -> bool:
    """A Yes/No question; True when the answer is Yes. No is the default (Enter and Esc both
    say No), so a stray key never removes, replaces or restores anything; a question whose
    Yes is the usual next step (offering a free place) passes ``yes_by_default``."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, yes | no, yes if yes_by_default else no)
    return answer == yes


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


_CHANGE_SIGNALS = (
    "textChanged",
    "valueChanged",
    "dateChanged",
    "timeChanged",
    "currentIndexChanged",
    "toggled",
    "changed",
)


def _change_signal(widget: QWidget) -> Any:
    """The signal a field sends when the user changes it, or None."""
    for name in _CHANGE_SIGNALS:
        signal = getattr(widget, name, None)
        if signal is not None and hasattr(signal, "connect"):
            return signal
    return None


class FieldErrors:
    """Shows a ValidationError next to the field it names; clears all of them on demand.

    A message next to a field goes away as soon as that field is changed (the user is
    fixing it), so a stale warning never sits beside a corrected value.
    """

    def __init__(self, labels: dict[str, QLabel], fallback: QLabel) -> None:
        self._labels = labels
        self._fallback = fallback
        self._watched: set[int] = set()

    def clear_field(self, field: str) -> None:
        """Hide the message beside ``field`` (if any)."""
        label = self._labels.get(field)
        if label is not None:
            label.clear()
            label.setVisible(False)

    def watch(self, field: str, widget: QWidget) -> None:
        """Clear ``field``'s message when ``widget`` is next changed by the user."""
        if id(widget) in self._watched:
            return
        signal = _change_signal(widget)
        if signal is None:
            return
        self._watched.add(id(widget))
        signal.connect(lambda *_args: self.clear_field(field))

    def clear(self) -> None:
        """Hide every message."""
        for label in [*self._labels.values(), self._fallback]:
            label.clear()
            label.setVisible(False)

    def show(
        self, error: ValidationError | InvolveError, focus: dict[str, QWidget] | None = None
    ) -> None:
        """Show ``error`` beside its field (text with a warning sign, not colour alone); each
        of several (``ValidationErrors``) beside its own, the first field focused."""
        self.clear()
        problems = error.problems if isinstance(error, ValidationErrors) else (error,)
        shown: dict[int, tuple[QLabel, list[str]]] = {}  # messages per label, in order
        for problem in problems:
            label = self._labels.get(getattr(problem, "field", None) or "", self._fallback)
            shown.setdefault(id(label), (label, []))[1].append(problem.message)
        for label, messages in shown.values():
            label.setText("\n".join(f"⚠ {message}" for message in messages))
            label.setVisible(True)
            label.setAccessibleName("Problem: " + " ".join(messages))
        focused = False
        for problem in problems:
            field = getattr(problem, "field", None)
            if focus and field in focus:
                if not focused:
                    focus[field].setFocus()
                    focused = True
                if field in self._labels:
                    self.watch(field, focus[field])
        for label, _messages in shown.values():
            grow_to_fit(label)


def grow_to_fit(widget: QWidget) -> None:
    """Let a dialog grow when a message appears, instead of squashing its input boxes.

    Only ever grows: a dialog the user made bigger (or that opened bigger than it needs)
    keeps its size.
    """
    window = widget.window()
    if not isinstance(window, QDialog) or isinstance(window, QWizard):
        return
    wanted = window.sizeHint().expandedTo(window.minimumSizeHint())
    size = window.size()
    if wanted.width() > size.width() or wanted.height() > size.height():
        window.resize(size.expandedTo(wanted))
