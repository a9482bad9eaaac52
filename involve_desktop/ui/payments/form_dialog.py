"""The shell of the Payments area's small dialogs (preference, rate, expense claim, paid date).

Each dialog adds labelled rows and says what Save does (``apply``); this base shows a
service error beside the field it names (several spellings of a field may point at one
row, e.g. "amount" and "amount_pence"), keeps everything typed when saving fails, saves
with Ctrl+S or Enter (never another button in a row) and asks before Esc throws typed edits
away (``ui/dialog_keys.py``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.conflict import EditVersion
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.members.dialog_widgets import save_cancel, with_error
from involve_desktop.ui.messages import FieldErrors, error_label


class FormDialog(EditDialog):
    """Intro, rows with their error lines, Save / Cancel.

    Subclasses add rows with ``add_row``, call ``finish`` last in ``__init__`` and implement
    ``apply(session)`` (raising the service's errors) and ``state()`` (what is typed, to
    know whether Esc would lose anything). ``exec()`` is Accepted only after a save.
    """

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        title: str,
        save_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.setWindowTitle(title)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setVisible(False)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.focus: dict[str, QWidget] = {}
        self.general_error = error_label()
        self.errors = FieldErrors(self.labels, self.general_error)
        self.buttons = save_cancel(save_text)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_keys(self.save, self.save_button, tip=save_text)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.intro)
        self._layout.addLayout(self.form)
        self.setMinimumWidth(500)
        self._start_state: Any = None
        # Editing a record: the version it was loaded at (``apply`` sends it; ui/conflict.py).
        self.version = EditVersion(self, None, self.load_theirs)

    def set_intro(self, text: str) -> None:
        """A wrapped line of explanation above the rows."""
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_row(
        self, label: str, widget: QWidget, *fields: str, hint: str | None = None
    ) -> QWidget:
        """A labelled row; a service error naming any of ``fields`` is shown under it."""
        error = error_label()
        for field in fields:
            self.labels[field] = error
            self.focus[field] = widget
        box = with_error(widget, error, hint)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, box)
        return box

    def finish(self) -> None:
        """The general error line and the buttons below the rows (Tab follows reading order);
        remembers what is typed now so Esc only asks when something changed."""
        self._layout.addWidget(self.general_error)
        self._layout.addStretch(1)
        self._layout.addWidget(self.buttons)
        # Enter saves. The Save button only becomes the dialog's default once it sits in
        # the dialog, and any other button in a row (e.g. "Today") must not take Enter:
        # it had recorded benefits advice nobody offered.
        for button in self.findChildren(QPushButton):
            if self.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.InvalidRole:
                button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self._start_state = self.state()

    def state(self) -> Any:
        """What is typed (compared on Esc); subclasses return a tuple of their values."""
        return None

    def apply(self, session: Session) -> None:
        """Save through a service, raising its errors; subclasses implement this."""
        raise NotImplementedError

    def load_theirs(self) -> int:
        """Refill the form from the record as stored now; return its version (editing only)."""
        raise NotImplementedError

    def save(self) -> None:
        """Run ``apply``; close on success, else show the problem and keep what was typed.

        Editing a record saves against ``self.version`` (the version it was loaded at); when
        someone else saved first, ask what to do (``ui/conflict.py``).
        """
        self.errors.clear()

        def attempt(_expected: int | None) -> None:
            with self.context.session() as session:
                self.apply(session)

        if self.version.save(attempt, self.errors, self.focus, self.windowTitle()).failed:
            return
        self.accept()

    def has_unsaved_edits(self) -> bool:
        """Cancel, Esc or ×: ask first when something typed would be lost."""
        return self.state() != self._start_state
