"""At start, when the database file fails its check: restore the newest good backup, or quit."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from involve_desktop import APP_NAME
from involve_desktop.startup import DatabaseDamagedError


def offer_restore(error: DatabaseDamagedError, parent: QWidget | None = None) -> bool:
    """Show what is wrong; True when the user chose to restore the offered backup."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(f"{APP_NAME} — the database is damaged")
    box.setText(error.message)
    box.setDetailedText("What the check found:\n" + "\n".join(error.report.problems))
    quit_button = box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    restore_button = None
    if error.backup is not None:
        restore_button = box.addButton("&Restore that backup", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(restore_button)
    else:
        box.setInformativeText(
            "Involve Desktop will close. Ask whoever looks after your computer for help; "
            "a copy on a USB stick can be put back in the backups folder."
        )
        box.setDefaultButton(quit_button)
    box.setEscapeButton(quit_button)
    box.exec()
    return restore_button is not None and box.clickedButton() is restore_button
