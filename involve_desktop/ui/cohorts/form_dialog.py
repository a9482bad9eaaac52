"""The base of the Cohorts area's small forms: rows with their error line, Save / Cancel,
Ctrl+S, and Esc asking before throwing away anything typed (``ui/dialog_keys.py``).

A subclass adds rows with ``row(...)``, calls ``finish()``, and does its work in ``apply()``
(a service call inside one session); a refusal is shown beside the field it names, or under
the form, and the dialog stays open with what was typed. ``result_value`` holds what
``apply`` returned once it worked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.ui.conflict import EditVersion
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.members.dialog_widgets import save_cancel, with_error
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.spin_range import said_out_of_range, watch_spin_boxes


def widget_value(widget: QWidget) -> Any:
    """What a box holds, for telling whether anything was typed."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QDateEdit):
        return widget.date().toString()
    if isinstance(widget, QTimeEdit):
        return widget.time().toString()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


def snapshot(root: QWidget) -> list[Any]:
    """Every box's value under ``root`` (in a fixed order)."""
    kinds = (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QAbstractButton)
    return [
        widget_value(w)
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds) and not isinstance(w.parent(), QAbstractSpinBox)
    ]


class FormDialog(EditDialog):
    """See the module docstring."""

    def __init__(
        self,
        context: AppContext,
        title: str,
        save_text: str,
        fields: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.title = title
        self.labels = {name: error_label() for name in fields}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.focus: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.buttons = save_cancel(save_text)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_keys(self.save, self.save_button, tip=save_text)
        self.result_value: Any = None
        self._saved: list[Any] = []
        # Editing a record: the version it was loaded at (``apply`` sends it; ui/conflict.py).
        self.version = EditVersion(self, None, self.load_theirs)

    def row(self, text: str, name: str | None, widget: QWidget, hint: str | None = None) -> None:
        """A labelled row (``text`` with its Alt letter), its error line under the box."""
        label = QLabel(text)
        label.setBuddy(widget)
        if name is None:
            self.form.addRow(label, widget if hint is None else with_error(widget, QLabel(), hint))
            return
        self.focus[name] = widget
        self.form.addRow(label, with_error(widget, self.labels[name], hint))

    def finish(self, *extra: QWidget, grow: bool = False) -> None:
        """Lay out the form, anything extra under it (the last one taking the spare height
        when ``grow``), the general error and the buttons."""
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        for widget in extra:
            column.addWidget(widget, 1 if grow and widget is extra[-1] else 0)
        column.addWidget(self.fallback)
        if not (grow and extra):
            column.addStretch(1)
        column.addWidget(self.buttons)
        self._saved = snapshot(self)
        self.watches = watch_spin_boxes(self)

    def is_dirty(self) -> bool:
        """Whether anything was typed since the dialog opened."""
        return snapshot(self) != self._saved

    def apply(self) -> Any:
        """Do the work (a service call); raise a domain error to refuse."""
        raise NotImplementedError

    def load_theirs(self) -> int:
        """Refill the form from the record as stored now; return its version (editing only)."""
        raise NotImplementedError

    def save(self) -> None:
        """Run ``apply``; close if it worked, else show why and keep the typing.

        When someone else saved the record first, ask what to do (``ui/conflict.py``).
        """
        self.errors.clear()
        if said_out_of_range(getattr(self, "watches", []), self.errors, self.focus):
            return

        def attempt(_expected: int | None) -> None:
            self.result_value = self.apply()

        if self.version.save(attempt, self.errors, self.focus, self.title).failed:
            return
        self.accept()

    def has_unsaved_edits(self) -> bool:
        """Esc, Cancel or ×: ask first when a box differs from what the form opened with."""
        return self.is_dirty()
