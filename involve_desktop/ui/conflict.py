"""When someone else saved a record first: one message and three choices for every edit dialog.

An edit dialog keeps the ``version`` it loaded in an :class:`EditVersion` and saves through
it. If another laptop saved the record in between, the service refuses (``RecordChanged``)
and the person chooses:

* **Keep editing** — nothing is saved; the dialog stays open with everything typed.
* **Save mine over theirs…** — after a confirmation, save again against the new version.
* **Discard mine and load theirs** — the dialog shows the record as it is now.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from involve_desktop.core.errors import RecordChanged
from involve_desktop.ui.messages import FieldErrors
from involve_desktop.ui.operations import ServiceCall, service_call

TITLE = "Someone else saved this first"
KEEP_EDITING = "Keep editing"
SAVE_MINE = "Save mine over theirs…"
LOAD_THEIRS = "Discard mine and load theirs"


class ConflictChoice(Enum):
    """What the person chose after someone else saved the record first."""

    KEEP_EDITING = "keep"
    SAVE_MINE = "mine"
    LOAD_THEIRS = "theirs"


def confirm_save_mine(parent: QWidget | None) -> bool:
    """Ask before replacing the other person's changes; True to go ahead."""
    answer = QMessageBox.question(
        parent,
        "Save yours over theirs?",
        "Their changes will be replaced by what you typed here. "
        "The record's history keeps both. Save yours?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def ask_what_to_do(parent: QWidget | None, error: RecordChanged) -> ConflictChoice:
    """Show who saved first and ask; "Keep editing" is the default (and Esc)."""
    box = QMessageBox(parent)
    box.setObjectName("editConflict")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(TITLE)
    box.setText(error.message)
    box.setInformativeText("What would you like to do?")
    keep = box.addButton(KEEP_EDITING, QMessageBox.ButtonRole.RejectRole)
    mine = box.addButton(SAVE_MINE, QMessageBox.ButtonRole.AcceptRole)
    theirs = box.addButton(LOAD_THEIRS, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is mine and confirm_save_mine(parent):
        return ConflictChoice.SAVE_MINE
    if clicked is theirs:
        return ConflictChoice.LOAD_THEIRS
    return ConflictChoice.KEEP_EDITING


class EditVersion:
    """The version an edit dialog started from, and how to save against it.

    ``version`` None (adding a record) means no check. ``load_theirs`` refills the dialog
    from the record as stored now and returns its version.
    """

    def __init__(
        self, parent: QWidget, version: int | None, load_theirs: Callable[[], int]
    ) -> None:
        self.parent = parent
        self.version = version
        self.load_theirs = load_theirs

    def save(
        self,
        attempt: Callable[[int | None], object],
        errors: FieldErrors | None = None,
        focus: dict[str, QWidget] | None = None,
        title: str = "Involve Desktop",
    ) -> ServiceCall:
        """Run ``attempt(expected_version)``; ``failed`` False once saved (problems shown).

        When someone else saved first, ask what to do: keep editing (the message stays in
        the dialog), save again over theirs, or load theirs into the dialog.
        """
        while True:
            with service_call(self.parent, errors, focus, title, conflicts=True) as call:
                attempt(self.version)
            if not call.failed or not isinstance(call.error, RecordChanged):
                return call
            choice = ask_what_to_do(self.parent, call.error)
            if choice is ConflictChoice.SAVE_MINE:
                # Unknown (two saves at the same instant): save without a check, as asked.
                self.version = call.error.current_version
                continue
            if choice is ConflictChoice.LOAD_THEIRS:
                with service_call(self.parent, errors, focus, title):
                    self.version = self.load_theirs()
                return call
            if errors is not None:
                errors.show(call.error, focus)
            return call
