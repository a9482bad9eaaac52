"""Erase this person…: says what will go and what stays, and asks for their name typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import gdpr_erasure
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.gdpr_dto import ErasureResult
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.dialog_widgets import with_error
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call

TITLE = "Erase this person"


def explanation(name: str) -> str:
    """What erasing does, in plain words."""
    return (
        f"Erasing removes {name}'s personal details for good: name, contact details, "
        "address, access needs, emergency contact, notes, and anything typed about them. "
        "Their record becomes 'Erased person' with a number, so attendance, shifts, panels "
        "and payments still count in the group's figures without saying who it was.\n\n"
        "This cannot be undone. Backups made before today still hold the old details until "
        "they are deleted (up to about 10 months); you will be told the date.\n\n"
        "If they asked for a copy of their data, make the subject access export first."
    )


class EraseDialog(QDialog):
    """Confirm by typing the person's name; Erase stays off until something is typed."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        member_id: int,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.member_id, self.name = context, actor, member_id, name
        self.result_info: ErasureResult | None = None
        self.setWindowTitle(f"{TITLE} — {name}")
        text = QLabel(explanation(name))
        text.setWordWrap(True)
        self.typed = QLineEdit()
        self.typed.setAccessibleName("Type their name to confirm")
        self.typed.setPlaceholderText(name)
        prompt = QLabel(f"To confirm, &type their name ({name}):")
        prompt.setBuddy(self.typed)
        self.labels = {"typed_name": error_label()}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = buttons.addButton(
            "&Erase for good", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.erase)
        buttons.rejected.connect(self.reject)
        self.typed.textChanged.connect(
            lambda text: self.erase_button.setEnabled(bool(text.strip()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(prompt)
        layout.addWidget(with_error(self.typed, self.labels["typed_name"]))
        layout.addWidget(self.fallback)
        layout.addWidget(buttons)
        self.typed.setFocus()

    def erase(self) -> None:
        """Erase through the service; on success say when backups expire and close."""
        self.errors.clear()
        result = None
        with (
            service_call(self, self.errors, {"typed_name": self.typed}, TITLE) as call,
            self.context.session() as session,
        ):
            result = gdpr_erasure.erase_member(
                session, self.actor, self.member_id, self.typed.text()
            )
        if call.failed or result is None:
            return
        self.result_info = result
        QMessageBox.information(
            self,
            TITLE,
            f"{self.name}'s personal details have been erased; the record is now "
            f"'{result.anonymous_name}'.\n\n{result.backups_sentence}",
        )
        self.accept()
