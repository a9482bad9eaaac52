"""Settings → Backups (coordinators): the copies kept, Back up now, Restore…, Copy to a folder….

Restoring signs the user out afterwards (``restored`` is emitted, then the main window's
``log_out`` is called when the tab sits in one): every screen and the signed-in account are
then read afresh from the restored data, with no restart needed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.db.backup import BackupFile
from involve_desktop.core.formatting import format_date_time, format_size
from involve_desktop.core.services import backups
from involve_desktop.core.services.dto import Actor
from involve_desktop.startup import describe_backup
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.encryption.encryption_box import EncryptionBox
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import (
    Column,
    DtoTableModel,
    show_initial_order,
    sorting_proxy,
)
from involve_desktop.ui.widgets import buttons_row

FOLDER_KEY = "backups/copy_folder"
INTRO = (
    "Involve Desktop copies its database by itself: when you close it, every 30 minutes "
    "while something has changed, and before an upgrade, an import or a restore. It keeps "
    "every copy from today and yesterday, then one a day for 12 days, one a week for 10 "
    "weeks and one a month for 9 months."
)


COLUMNS: list[Column[BackupFile]] = [
    Column(
        "Taken",
        lambda b: format_date_time(b.taken),
        sort_key=lambda b: b.taken.isoformat(),
        tooltip=lambda b: b.path.name,
    ),
    Column("Why", lambda b: b.reason_label),
    Column("Size", lambda b: format_size(b.size), sort_key=lambda b: b.size, align_right=True),
]
DEMO_NO_BACKUPS = (
    "A backup is a copy of everything in Involve Desktop at one moment, so you can go back "
    "to it if something goes wrong. None has been taken yet: make one with Back up now."
)


def state_words(problem: str | None) -> str:
    """The State column: "Damaged: it has been cut short", or nothing for a whole copy."""
    return f"Damaged: {problem}" if problem else ""


class BackupsTab(QWidget):
    """The list of backups, newest first, and what can be done with one."""

    restored = Signal(object)  # the RestoreResult

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.damaged: dict[Path, str] = {}  # what is plainly wrong with a copy, by file
        state = Column[BackupFile](
            "State",
            lambda b: state_words(self.damaged.get(b.path)),
            tooltip=lambda b: (
                "This copy cannot be restored or copied; choose another"
                if b.path in self.damaged
                else ""
            ),
        )
        self.model: DtoTableModel[BackupFile] = DtoTableModel([*COLUMNS, state], self)
        self.proxy = sorting_proxy(self.model, self)
        self.table = tab_leaves(QTableView())
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Backups")
        show_initial_order(self.table, 0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.intro = QLabel(INTRO)
        self.intro.setWordWrap(True)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_up_button = QPushButton("&Back up now")
        self.restore_button = QPushButton("&Restore…")
        self.copy_button = QPushButton("&Copy to a folder…")
        self.back_up_button.setToolTip("Take a copy of everything as it is now")
        self.restore_button.setToolTip(
            "Go back to the chosen copy; what is there now is backed up first"
        )
        self.copy_button.setToolTip("Copy the chosen backup to a USB stick or another folder")
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore)
        self.copy_button.clicked.connect(self.copy_to_folder)
        self.table.doubleClicked.connect(lambda _index: self.restore())
        self.empty = QLabel()  # in place of the list while there is no copy
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName("Backups message")
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("What happened")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.where)
        layout.addLayout(buttons_row(self.back_up_button, self.restore_button, self.copy_button))
        layout.addWidget(self.status)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # the room below the words while nothing is listed
        self.encryption_box = EncryptionBox(context, actor)
        layout.addWidget(self.encryption_box)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.server = False
        self.refresh()

    def refresh(self) -> None:
        """Read the list of backups again and select the newest."""
        with service_call(self) as call, self.context.session() as session:
            overview = backups.list_backups(session, self.actor)
        if call.failed:
            return
        self.server = overview.folder is None
        self.damaged = dict(overview.damaged)
        self.model.set_rows(overview.backups)
        listed = self.server or bool(overview.backups)
        self.table.setVisible(listed)
        self.empty.setVisible(not listed)
        if self.server:
            self.where.setText(overview.note)
            self.intro.setVisible(False)
        elif overview.backups:
            self.where.setText(f"They are kept in {overview.folder}.")
            self.table.selectRow(0)
        elif self.context.demo:
            self.empty.setText(DEMO_NO_BACKUPS)
            self.where.setText(
                "The demo makes no copies by itself (it starts afresh each time); Back up now "
                f"still works. Copies are kept in {overview.folder}."
            )
        else:
            self.empty.setText(backups.NO_BACKUPS)
            self.where.setText(f"They will be kept in {overview.folder}.")
        self.back_up_button.setEnabled(not self.server)
        self._update_buttons()

    def selected(self) -> BackupFile | None:
        """The backup chosen in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None and not self.server
        self.restore_button.setEnabled(chosen)
        self.copy_button.setEnabled(chosen)

    def _select(self, path: Path) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            if self.model.row_at(source.row()).path == path:
                self.table.selectRow(row)
                return

    def back_up_now(self) -> None:
        """Take a copy now and show it at the top of the list."""
        with service_call(self) as call, self.context.session() as session:
            copy = backups.back_up_now(session, self.actor)
        if call.failed:
            return
        self.refresh()
        self._select(copy.path)
        self.status.setText(
            f"Backed up: the copy taken {format_date_time(copy.taken)} is at the top of the list."
        )

    def restore(self) -> None:
        """Ask, naming the date; back up what is there now; restore; sign out."""
        backup = self.selected()
        if backup is None or self.server:
            return
        if not ask(
            self,
            "Restore a backup",
            f"Go back to the backup taken {describe_backup(backup)}?\n\n"
            "Everything typed since then will be replaced by that copy. What is there now is "
            "backed up first (\u201cbefore restore\u201d), so you can come back to it.\n\n"
            "You will then be signed out, so every screen shows the restored data.",
        ):
            return
        settled = getattr(self.window(), "unsaved_work_settled", None)
        if callable(settled) and not settled():  # words typed elsewhere: Save / Discard / Cancel
            return
        with service_call(self, title="Restore a backup") as call, self.context.session() as s:
            result = backups.restore_backup(s, self.actor, backup.path)
        if call.failed:
            self.refresh()
            return
        QMessageBox.information(
            self,
            "Backup restored",
            f"The backup taken {describe_backup(result.restored)} is back in use. What was "
            "there just before is kept as a \u201cbefore restore\u201d backup.\n\n"
            "Sign in again to carry on.",
        )
        self.refresh()
        self.restored.emit(result)
        sign_out = getattr(self.window(), "sign_out_now", None)
        if callable(sign_out):
            sign_out()

    def copy_to_folder(self) -> None:
        """Copy the chosen backup to a folder the user picks (a USB stick) and say where."""
        backup = self.selected()
        if backup is None or self.server:
            return
        settings = QSettings()
        start = str(settings.value(FOLDER_KEY, str(Path.home())))
        folder = QFileDialog.getExistingDirectory(
            self, "Choose the folder to copy the backup to (a USB stick…)", start
        )
        if not folder:
            return
        with service_call(self, title="Copy a backup") as call, self.context.session() as s:
            copied = backups.copy_backup_to_folder(s, self.actor, backup.path, Path(folder))
        if call.failed:
            return
        settings.setValue(FOLDER_KEY, folder)
        self.status.setText(
            f"Copied the backup taken {describe_backup(backup)} to {copied}. It holds "
            "everyone's details: keep it somewhere safe."
        )
