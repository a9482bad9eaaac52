"""Add member / Edit member: every detail in one dialog, checked by the members service.

Problems are shown beside the field with the fix and keep what was typed; a possible
duplicate is shown as a warning panel in the dialog with a link to the existing record.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import members
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberDetail, MemberInput
from involve_desktop.core.services.members import PossibleDuplicateError
from involve_desktop.ui.conflict import EditVersion
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.members.dialog_duplicate import DuplicatePanel
from involve_desktop.ui.members.dialog_fields import MemberFields
from involve_desktop.ui.members.dialog_widgets import save_cancel
from involve_desktop.ui.messages import FieldErrors, error_label, grow_to_fit
from involve_desktop.ui.operations import service_call


class MemberDialog(EditDialog):
    """Add a member (``member`` None) or edit one; ``saved`` holds the result after Save.

    Emits ``open_member_requested(member_id)`` and closes when the user chooses to open an
    existing record from the possible-duplicate warning.
    """

    open_member_requested = Signal(int)

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        member: MemberDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.member = member
        self.saved: MemberDetail | None = None
        self._leaving = False
        adding = member is None
        self.setWindowTitle("Add member" if adding else f"Edit {member.display_name}")
        self.fields = MemberFields(
            show_restricted=actor.can(Permission.VIEW_RESTRICTED),
            edit_restricted=actor.can(Permission.EDIT_RESTRICTED),
        )
        if member is not None:
            self.fields.load(member.to_input())
        self.general_error = error_label()
        self.errors = FieldErrors(self.fields.errors, self.general_error)
        self.duplicate = DuplicatePanel()
        self.duplicate.open_requested.connect(self._open_existing)
        self.duplicate.save_anyway_requested.connect(lambda: self.save(allow_duplicate=True))
        self.buttons = save_cancel("Add member" if adding else "Save changes")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_keys(self.save, self.save_button)
        intro = QLabel(
            "Only the full name is needed; add the rest now or later."
            if adding
            else "Change what you need and save. The member's page keeps a record of who "
            "changed what."
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.general_error)
        layout.addWidget(self.duplicate)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(780)  # two readable columns, even without the restricted group
        # Word-wrapped notes make Qt under-estimate the boxes' minimum height, so a warning
        # appearing below could squash them; hold them at their natural height instead.
        self.fields.setMinimumHeight(self.fields.sizeHint().height())
        self._initial = self.fields.to_input()
        self.version = EditVersion(self, member.version if member else None, self._load_theirs)
        self.fields.full_name.setFocus()

    def has_changes(self) -> bool:
        """True when something differs from what the dialog opened with."""
        return self.fields.to_input() != self._initial

    def save(self, allow_duplicate: bool = False) -> None:
        """Add or update through the service; show problems beside their fields.

        An edit is saved against the version the dialog opened with: if someone else saved
        the member since, the dialog stays open and asks what to do (``ui/conflict.py``).
        """
        self.errors.clear()
        self.duplicate.clear()
        data = self.fields.to_input()
        if self.member is not None:
            call = self.version.save(
                lambda expected: self._update(data, expected),
                self.errors,
                self.fields.focus_targets,
            )
            if not call.failed:
                self.accept()
            return
        with service_call(self, self.errors, self.fields.focus_targets) as call:
            try:
                with self.context.session() as session:
                    self.saved = members.create_member(
                        session, self.actor, data, allow_duplicate=allow_duplicate
                    )
            except PossibleDuplicateError as error:  # a warning panel, not an error message
                self._show_duplicates(error)
                return
        if call.failed:
            return
        self.accept()

    def _update(self, data: MemberInput, expected_version: int | None) -> None:
        assert self.member is not None
        with self.context.session() as session:
            self.saved = members.update_member(
                session, self.actor, self.member.id, data, expected_version=expected_version
            )

    def _load_theirs(self) -> int:
        """Show the member as stored now (someone else's save), dropping what was typed."""
        assert self.member is not None
        with self.context.session() as session:
            self.member = members.get_member(session, self.actor, self.member.id)
        self.fields.load(self.member.to_input())
        self._initial = self.fields.to_input()
        return self.member.version

    def _show_duplicates(self, error: PossibleDuplicateError) -> None:
        self.duplicate.show_matches(error.matches)
        chain = [*self.duplicate.open_buttons, self.duplicate.save_anyway, self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.duplicate.open_buttons[0].setFocus()
        self.layout().activate()
        grow_to_fit(self.duplicate)

    def _open_existing(self, member_id: int) -> None:
        # The user chose to leave this form for the existing record: close without asking,
        # even when a listener closes the dialog itself in response to the signal.
        self._leaving = True
        self.open_member_requested.emit(member_id)
        super().reject()

    def has_unsaved_edits(self) -> bool:
        """What Esc, Cancel or × would lose (``ui/dialog_keys.py`` asks first)."""
        return not self._leaving and self.has_changes()
