"""What the user is told when the database is already open elsewhere, or somewhere risky.

- ``tell_read_only``: "Sam on OFFICE-LAPTOP has had this database open since 14:05", so
  this copy opens it read-only;
- ``confirm_clear_stale``: a lock left by a copy that did not close properly — one
  question, "Open normally" or "Open read-only";
- ``warn_location``: the file is on a network share or a removable drive;
- ``mark_read_only``: keeps "READ-ONLY" in a window's title, whatever else sets it, and
  says so in its status bar (a title bar is not always in view).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from involve_desktop import APP_NAME
from involve_desktop.core.db.single_writer import LockHolder, this_machine

READ_ONLY_TITLE = " — READ-ONLY"
READ_ONLY_STATUS = "READ-ONLY: nothing can be saved here"


def read_only_text(holder: LockHolder | None) -> str:
    """Who has the database open, and what read-only means for this copy."""
    who = holder.describe() if holder else "Someone else has this database open"
    return (
        f"{who}.\n\n"
        "Involve Desktop will open it READ-ONLY here: you can look things up, but nothing "
        "you change can be saved. To make changes, ask them to close Involve Desktop, then "
        "open it again."
    )


def stale_text(holder: LockHolder) -> str:
    """The question about a lock left behind by a copy that did not close properly."""
    if holder.machine == this_machine():
        where = "on this computer"
        gone = "that copy is no longer running"
    else:
        where = f"on {holder.machine}"
        gone = "that copy no longer holds it"
    return (
        f"Involve Desktop was not closed properly last time: {holder.user} opened this "
        f"database {where} at {holder.when()}, and {gone}.\n\n"
        "If nobody else is using the database now, open it normally. Nothing will be lost."
    )


def tell_read_only(parent: QWidget | None, holder: LockHolder | None) -> None:
    """Say who has the database open and that this copy opens it read-only."""
    QMessageBox.information(parent, f"{APP_NAME} — read-only", read_only_text(holder))


def confirm_clear_stale(parent: QWidget | None, holder: LockHolder) -> bool:
    """Ask once whether to clear a stale lock; True to open normally."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        APP_NAME,
        stale_text(holder),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    normal = box.addButton("Open &normally", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Open &read-only", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(normal)
    box.exec()
    return box.clickedButton() is normal


def warn_location(parent: QWidget | None, warning: str) -> None:
    """Warn that the database is on a network share or removable drive."""
    QMessageBox.warning(parent, APP_NAME, warning)


def mark_read_only(window: QWidget) -> None:
    """Put "READ-ONLY" in ``window``'s title, and keep it there when the title changes; a
    main window also says it in bold at the start of its status bar."""

    def keep(title: str) -> None:
        if not title.endswith(READ_ONLY_TITLE):
            window.setWindowTitle(title + READ_ONLY_TITLE)

    window.windowTitleChanged.connect(keep)
    keep(window.windowTitle())
    if isinstance(window, QMainWindow):
        label = QLabel(f"<b>{READ_ONLY_STATUS}</b>")
        label.setObjectName("readOnlyStatus")
        label.setAccessibleName(READ_ONLY_STATUS)
        label.setToolTip(
            "Someone else has this database open. To make changes, ask them to close "
            "Involve Desktop, then open it again."
        )
        window.statusBar().insertWidget(0, label)
