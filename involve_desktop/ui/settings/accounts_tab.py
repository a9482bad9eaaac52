"""Settings → Accounts: who can sign in on this laptop, with their roles (coordinators only)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_timestamp
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import AccountInfo, Actor
from involve_desktop.ui.accounts.add_account_dialog import AddAccountDialog
from involve_desktop.ui.accounts.reset_password_dialog import ResetPasswordDialog
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import (
    Column,
    DtoTableModel,
    show_initial_order,
    sorting_proxy,
)

COLUMNS: list[Column[AccountInfo]] = [
    Column("Name", lambda a: a.display_name),
    Column("Username", lambda a: a.username),
    Column("Role", lambda a: a.role.label),
    Column("Status", lambda a: "Active" if a.active else "Turned off"),
    Column(
        "Last signed in",
        lambda a: format_timestamp(a.last_sign_in_at, "Never"),
        sort_key=lambda a: a.last_sign_in_at.isoformat() if a.last_sign_in_at else "",
    ),
]


class AccountsTab(QWidget):
    """A table of accounts with Add, Turn off/on and Reset password."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.model: DtoTableModel[AccountInfo] = DtoTableModel(COLUMNS, self)
        self.proxy = sorting_proxy(self.model, self)
        self.table = tab_leaves(QTableView())
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Accounts")
        show_initial_order(self.table, 0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton("&Add account…")
        self.add_button.setDefault(True)
        self.add_button.setAccessibleName("Add account")
        self.toggle_button = QPushButton("Tu&rn off")
        self.toggle_button.setAccessibleName("Turn account off or on")
        self.reset_button = QPushButton("Reset &password…")
        self.reset_button.setAccessibleName("Reset password")
        self.add_button.clicked.connect(self.add_account)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        intro = QLabel(
            "Everyone who uses this laptop signs in with their own account, so the audit "
            "trail shows who changed what. A turned-off account cannot sign in; its history stays."
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        """Reload the accounts from the database."""
        with service_call(self), self.context.session() as session:
            self.model.set_rows(accounts.list_accounts(session, self.actor))
        self._update_buttons()

    def selected(self) -> AccountInfo | None:
        """The account selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def _update_buttons(self) -> None:
        account = self.selected()
        self.toggle_button.setEnabled(account is not None)
        self.reset_button.setEnabled(account is not None)
        self.toggle_button.setText("Tu&rn on" if account and not account.active else "Tu&rn off")

    def add_account(self) -> None:
        """Open the Add account dialog; refresh when an account was added."""
        dialog = AddAccountDialog(self.context, self.actor, self)
        if dialog.exec() and dialog.created:
            self.refresh()
            self._select(dialog.created.id)

    def _select(self, account_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            if self.model.row_at(source.row()).id == account_id:
                self.table.selectRow(row)
                return

    def toggle_active(self) -> None:
        """Turn the selected account off (after asking) or back on."""
        account = self.selected()
        if account is None:
            return
        if account.active and not ask(
            self,
            "Turn off account",
            f"Turn off {account.display_name}'s account? They will not be able to sign in. "
            "Everything they did stays in the records, and you can turn it on again.",
        ):
            return
        with service_call(self), self.context.session() as session:
            accounts.set_active(session, self.actor, account.id, not account.active)
        self.refresh()
        self._select(account.id)

    def reset_password(self) -> None:
        """Give the selected account a new password (e.g. when someone forgot theirs)."""
        account = self.selected()
        if account is None:
            return
        if not ResetPasswordDialog(self.context, self.actor, account, self).exec():
            return
        QMessageBox.information(
            self, "Password reset", f"{account.display_name} can now sign in with the new password."
        )
