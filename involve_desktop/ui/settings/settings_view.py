"""The Settings area: tabs for the group, accounts, lists, panels, screen lock, audit
log, backups, privacy and your own account, by role."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.audit.audit_view import AuditView
from involve_desktop.ui.backups.backups_tab import BackupsTab
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.gdpr.privacy_tab import PrivacyTab
from involve_desktop.ui.lock.lock_settings_tab import LockSettingsTab
from involve_desktop.ui.settings.accounts_tab import AccountsTab
from involve_desktop.ui.settings.group_tab import GroupTab
from involve_desktop.ui.settings.lists_tab import ListsTab
from involve_desktop.ui.settings.own_account_tab import OwnAccountTab
from involve_desktop.ui.settings.panels_tab import PanelsTab


class SettingsView(QWidget):
    """Group, Accounts, Lists, Panels, Screen lock, Audit log, Backups and Privacy for
    coordinators; Your account for everyone."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Settings sections")
        # A tab's Alt letter is live on every tab, so it must be free on all of them and from
        # the menus' F, G and H. Audit log has none: each of its letters is taken by a field
        # or button on some tab or by another tab (its D is Audit's Days and Lists' Edit).
        self.group_tab: GroupTab | None = None
        self.accounts_tab: AccountsTab | None = None
        self.lists_tab: ListsTab | None = None
        self.panels_tab: PanelsTab | None = None
        if actor.can(Permission.EDIT_GROUP_SETTINGS):
            self.group_tab = GroupTab(context, actor)
            self.tabs.addTab(self.group_tab, "Gro&up")
        if actor.can(Permission.MANAGE_ACCOUNTS):
            self.accounts_tab = AccountsTab(context, actor)
            self.tabs.addTab(self.accounts_tab, "Accoun&ts")
        if actor.can(Permission.EDIT_LISTS):
            self.lists_tab = ListsTab(context, actor)
            self.tabs.addTab(self.lists_tab, "L&ists")
        if actor.can(Permission.MANAGE_PANELS):
            self.panels_tab = PanelsTab(context, actor)
            self.tabs.addTab(self.panels_tab, "Pa&nels")
        self.lock_tab: LockSettingsTab | None = None
        if actor.can(Permission.EDIT_GROUP_SETTINGS):
            self.lock_tab = LockSettingsTab(context, actor)
            self.tabs.addTab(self.lock_tab, "Screen l&ock")
        self.audit_tab: AuditView | None = None
        if actor.can(Permission.VIEW_AUDIT_LOG):
            self.audit_tab = AuditView(context, actor)
            self.tabs.addTab(self.audit_tab, "Audit log")
        self.backups_tab: BackupsTab | None = None
        if actor.can(Permission.MANAGE_BACKUPS):
            self.backups_tab = BackupsTab(context, actor)
            self.tabs.addTab(self.backups_tab, "Bac&kups")
        self.privacy_tab: PrivacyTab | None = None
        if actor.can(Permission.EDIT_GROUP_SETTINGS):
            self.privacy_tab = PrivacyTab(context, actor)
            self.tabs.addTab(self.privacy_tab, "Pri&vacy")
        self.own_account_tab = OwnAccountTab(context, actor)
        self.tabs.addTab(self.own_account_tab, "&Your account")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def open_target(self, target: object) -> None:
        """From Home: a tab by name (``"privacy"``, ``"panels"``, ``"accounts"``…);
        ``"consent_review"`` opens Privacy's consent review."""
        tabs = {
            "group": self.group_tab,
            "accounts": self.accounts_tab,
            "lists": self.lists_tab,
            "panels": self.panels_tab,
            "screen_lock": self.lock_tab,
            "audit": self.audit_tab,
            "backups": self.backups_tab,
            "privacy": self.privacy_tab,
            "consent_review": self.privacy_tab,
            "your_account": self.own_account_tab,
        }
        tab = tabs.get(str(target))
        if tab is None:
            return
        self.tabs.setCurrentWidget(tab)
        if target == "consent_review" and self.privacy_tab is not None:
            self.privacy_tab.open_consent_review()
