"""The recovery key, shown once: print the recovery sheet or write it down, then continue."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.sheets.recovery_sheet import render_recovery_sheet
from involve_desktop.ui.print_preview import PrintPreviewDialog


def print_recovery_sheet(parent: QWidget, recovery_key: str, group_name: str) -> None:
    """Preview the recovery sheet for ``recovery_key``, to print (or save to a stick)."""
    pdf = render_recovery_sheet(group_name, recovery_key, date.today())
    PrintPreviewDialog(pdf, "Recovery key", "recovery-key.pdf", parent).exec()


class RecoveryKeyDialog(QDialog):
    """Shows a new recovery key once; Continue needs the "I have kept it" box ticked.

    There is no Cancel: the key is already in force, and this is the only time it is shown.
    """

    def __init__(
        self,
        recovery_key: str,
        group_name: str,
        parent: QWidget | None = None,
        *,
        replaces_old: bool = False,
    ) -> None:
        super().__init__(parent)
        self.recovery_key, self.group_name = recovery_key, group_name
        self.setWindowTitle("Your recovery key — keep it safe")
        first = (
            "<p>This <b>new recovery key</b> replaces the old one: the old recovery sheet no "
            "longer opens anything — destroy it.</p>"
            if replaces_old
            else "<p>The data on this laptop is now <b>encrypted</b>. Each account's password "
            "opens it.</p>"
        )
        intro = QLabel(
            f"{first}<p>If every coordinator forgets their password, only this "
            "<b>recovery key</b> can open it. It is shown <b>this once</b>: print the "
            "recovery sheet (or write the key down) and keep it locked away from the "
            "laptop.</p>"
        )
        intro.setWordWrap(True)
        self.key_label = QLabel(recovery_key)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(QFont.Weight.Bold)
        self.key_label.setFont(font)
        self.key_label.setAccessibleName("Recovery key")
        self.key_label.setAccessibleDescription(" ".join(recovery_key.replace("-", " dash ")))
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton("&Print the recovery sheet…")
        self.print_button.clicked.connect(self.print_sheet)
        self.print_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.kept = QCheckBox(
            "I have printed the sheet or written the key down, and will &keep it safe"
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.continue_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.continue_button.setText("&Continue")
        self.continue_button.setEnabled(False)
        self.kept.toggled.connect(self.continue_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addWidget(self.print_button)
        layout.addWidget(self.kept)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.print_button.setFocus()

    def sheet_pdf(self) -> bytes:
        """The recovery sheet for this key."""
        return render_recovery_sheet(self.group_name, self.recovery_key, date.today())

    def print_sheet(self) -> None:
        """Preview the recovery sheet, to print or save."""
        PrintPreviewDialog(self.sheet_pdf(), "Recovery key", "recovery-key.pdf", self).exec()

    def reject(self) -> None:
        """Esc does nothing until the box is ticked: the key is shown only once."""
        if self.kept.isChecked():
            super().accept()
