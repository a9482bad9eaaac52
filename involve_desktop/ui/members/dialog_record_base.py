"""The shared shell of the small member-record dialogs (status, role, training, consent).

Each dialog describes its rows and what Save does; this base lays them out, shows service
errors beside the named field, keeps what was typed when saving fails, and reloads the member
afterwards so ``saved`` holds the up-to-date record.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from involve_desktop.core.services import members
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberDetail
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.members.dialog_widgets import save_cancel, with_error
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call


class RecordDialog(EditDialog):
    """Intro text, a form of rows with their error labels, and Save / Cancel.

    Subclasses add rows with ``add_row``, call ``finish`` at the end of their ``__init__``
    (so Tab reaches the buttons after the fields) and implement ``apply``; ``exec()``
    returns Accepted only when something was saved, and ``saved`` then holds the member
    afresh.
    """

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        member: MemberDetail,
        title: str,
        save_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.member = member
        self.saved: MemberDetail | None = None
        self.setWindowTitle(f"{title} — {member.display_name}")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.error_labels: dict[str, QLabel] = {}
        self.focus_targets: dict[str, QWidget] = {}
        self.general_error = error_label()
        self.buttons = save_cancel(save_text)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.intro)
        self._layout.addLayout(self.form)
        self.setMinimumWidth(520)

    def finish(self) -> None:
        """Add the error line and the buttons below the rows: Tab order follows reading order."""
        self._layout.addWidget(self.general_error)
        self._layout.addStretch(1)
        self._layout.addWidget(self.buttons)
        self.save_keys(self.save, self.save_button)

    def add_row(
        self,
        label: str,
        widget: QWidget,
        field: str | None = None,
        hint: str | None = None,
    ) -> QWidget:
        """Add a labelled row; a service error naming ``field`` is shown right under it."""
        error = error_label()
        if field:
            self.error_labels[field] = error
            self.focus_targets[field] = widget
        box = with_error(widget, error, hint)
        self.form.addRow(label, box)
        return box

    def set_row_visible(self, box: QWidget, visible: bool) -> None:
        """Show or hide a row added with ``add_row`` (its label too)."""
        self.form.setRowVisible(box, visible)

    def apply(self, session: Session) -> None:
        """Do the change through a service (raise its errors); subclasses implement this."""
        raise NotImplementedError

    def save(self) -> None:
        """Run ``apply``; on success reload the member and close, else show the problem."""
        errors = FieldErrors(self.error_labels, self.general_error)
        errors.clear()
        with (
            service_call(self, errors, self.focus_targets) as call,
            self.context.session() as session,
        ):
            self.apply(session)
            self.saved = members.get_member(session, self.actor, self.member.id)
        if call.failed:
            return
        self.accept()
