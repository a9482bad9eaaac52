"""Add an account for another coordinator or facilitator who shares the laptop."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import AccountInfo, Actor
from involve_desktop.ui.accounts.account_fields import AccountFields
from involve_desktop.ui.accounts.busy import hashing_password
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call

ROLE_HELP = {
    Role.COORDINATOR: "Coordinators can do everything, including adding accounts.",
    Role.FACILITATOR: "Facilitators run groups: meetings, attendance and sign-in sheets.",
}


class AddAccountDialog(EditDialog):
    """Name, username, role and a first password; what was typed stays if saving fails."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.created: AccountInfo | None = None
        self.setWindowTitle("Add account")
        self.fields = AccountFields("Name")
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        for role in (Role.FACILITATOR, Role.COORDINATOR):
            self.role.addItem(role.label, role)
        self.role_help = QLabel(ROLE_HELP[Role.FACILITATOR])
        self.role_help.setWordWrap(True)
        self.role.currentIndexChanged.connect(
            lambda _i: self.role_help.setText(ROLE_HELP[self.role.currentData()])
        )
        self.fields.form.addRow("Role:", self.role)
        self.fields.form.addRow("", self.role_help)
        self.general_error = error_label()
        self.errors = FieldErrors(self.fields.errors, self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Add account")
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        note = QLabel("Tell them their first password; they can change it under Settings.")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(note)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.save_keys(self.save, self.save_button)

    def save(self) -> None:
        """Create the account through the service; show problems beside their fields."""
        self.errors.clear()
        with (
            service_call(self, self.errors, self.fields.focus_targets) as call,
            hashing_password(self.save_button, self.cancel_button),
            self.context.session() as session,
        ):
            self.created = accounts.create_account(
                session,
                self.actor,
                self.fields.display_name.text(),
                self.fields.username.text(),
                self.fields.password.text(),
                self.role.currentData(),
                again=self.fields.confirm.text(),
            )
        if call.failed:
            return
        self.accept()
