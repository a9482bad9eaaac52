"""Erase this person…: says what will go, what ends and what is still owed, then asks for
their name typed (and, when money is unpaid, a tick that the coordinator knows)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.formatting import format_pence
from involve_desktop.core.services import gdpr_erasure
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.gdpr_dto import ErasurePreview, ErasureResult
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


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def what_ends(preview: ErasurePreview) -> str:
    """What erasing ends for them: left, roles, and what is still to come."""
    lines = ["They are recorded as having left the group"]
    if preview.open_roles:
        lines[0] += f", and their {_count(preview.open_roles, 'role ends', 'roles end')}"
    lines[0] += "."
    if preview.future_shifts:
        lines.append(
            f"{_count(preview.future_shifts, 'shift', 'shifts')} after today "
            "come off the rota and show as gaps to fill."
        )
    if preview.future_panel_seats:
        lines.append(
            f"{_count(preview.future_panel_seats, 'seat', 'seats')} on planned panels "
            "after today are removed."
        )
    if preview.open_enrolments:
        lines.append(
            f"{_count(preview.open_enrolments, 'place', 'places')} on a cohort are withdrawn."
        )
    if preview.group_places:
        lines.append(
            "They come off meeting groups' lists and stop facilitating "
            f"({_count(preview.group_places, 'place', 'places')})."
        )
    if preview.future_marks:
        lines.append(
            f"{_count(preview.future_marks, 'apology', 'apologies')} for meetings after today "
            "are removed."
        )
    if len(lines) == 1:
        lines.append(
            "Nothing is still to come for them: no shifts, panel seats, cohort places or groups."
        )
    return "What else erasing does:\n" + "\n".join(f"• {line}" for line in lines)


def money_warning(preview: ErasurePreview) -> str:
    """What is still owed to them and what happens to it; empty when nothing is."""
    if not preview.unpaid_pence:
        return ""
    parts = []
    if preview.approved_unpaid_pence:
        parts.append(f"{format_pence(preview.approved_unpaid_pence)} approved and not yet paid")
    if preview.waiting_pence:
        parts.append(f"{format_pence(preview.waiting_pence)} waiting for approval")
    owed = " and ".join(parts)
    return (
        f"<b>{escape(preview.name, quote=False)} is still owed money:</b> {owed}. It stays "
        "in Payments, because the group still owes it, but it will be listed for "
        f"'{preview.anonymous_name}', with no name or details to pay them by. "
        "<b>Pay it before erasing</b>, or make sure finance knows how to pay them."
    )


def plain_text(rich: str) -> str:
    """``money_warning`` without its bold marks (for screen readers' descriptions)."""
    return rich.replace("<b>", "").replace("</b>", "")


class EraseDialog(QDialog):
    """Confirm by typing the person's name; Erase stays off until something is typed
    (and, when money is still owed to them, until the warning about it is ticked)."""

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
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        text = QLabel(explanation(name))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.preview = self._preview()
        self.ends = QLabel(what_ends(self.preview) if self.preview else "")
        self.ends.setWordWrap(True)
        self.ends.setVisible(self.preview is not None)
        layout.addSpacing(6)
        layout.addWidget(self.ends)
        layout.addSpacing(6)
        warning = money_warning(self.preview) if self.preview else ""
        self.money = QLabel(warning)
        self.money.setWordWrap(True)
        self.money.setTextFormat(Qt.TextFormat.RichText)
        self.owes = bool(warning)
        self.money.setVisible(self.owes)
        self.understood = QCheckBox(
            "I &understand: the unpaid money stays in Payments under the new name"
        )
        self.understood.setVisible(self.owes)
        self.understood.setAccessibleDescription(plain_text(warning))
        layout.addWidget(self.money)
        layout.addWidget(self.understood)
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
        self.typed.textChanged.connect(self._enable)
        self.understood.toggled.connect(self._enable)
        layout.addSpacing(6)
        layout.addWidget(prompt)
        layout.addWidget(with_error(self.typed, self.labels["typed_name"]))
        layout.addWidget(self.fallback)
        layout.addWidget(buttons)
        self.typed.setFocus()

    def _preview(self) -> ErasurePreview | None:
        """What erasing would end and what is owed; None if it cannot be read now (the
        erasure itself still says why it fails)."""
        try:
            with self.context.session() as session:
                return gdpr_erasure.erasure_preview(session, self.actor, self.member_id)
        except InvolveError:
            return None

    def _enable(self) -> None:
        ticked = self.understood.isChecked() or not self.owes
        self.erase_button.setEnabled(bool(self.typed.text().strip()) and ticked)

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
