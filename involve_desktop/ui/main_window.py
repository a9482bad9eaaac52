"""The shell: a sidebar of areas, the current area beside it, menus and a status bar.

The areas (``ui/areas``) other than Home are made on first visit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from involve_desktop import APP_NAME, __version__
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import accounts, organisation
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.areas import Area, plan_areas
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.home.home_view import HomeView
from involve_desktop.ui.lock.lock_controller import LockController
from involve_desktop.ui.lock.lock_keys import AppWideKeys
from involve_desktop.ui.shutting_down import shutting_down

if TYPE_CHECKING:
    from involve_desktop.ui.cohorts.cohorts_view import CohortsView
    from involve_desktop.ui.involvement.involvement_view import InvolvementView
    from involve_desktop.ui.meetings.meetings_view import MeetingsView
    from involve_desktop.ui.members.members_view import MembersView
    from involve_desktop.ui.panels.panels_view import PanelsView
    from involve_desktop.ui.payments.payments_view import PaymentsView
    from involve_desktop.ui.rota.rota_view import RotaView
    from involve_desktop.ui.settings.settings_view import SettingsView
    from involve_desktop.ui.sheets.sheets_view import SheetsView

log = logging.getLogger(__name__)
DEFAULT_SIZE = (1280, 720)  # fits a 1366×768 laptop with its task bar


class MainWindow(QMainWindow):
    """The main window for one signed-in account; emits ``logged_out`` when they sign out."""

    logged_out = Signal()

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        with context.session() as session:
            self.group_name = organisation.group_name(session) or APP_NAME
        self._logging_out = False
        self._settled = False  # unsaved words already asked about (or not to be asked)
        self._built = False  # each area loads its data when made: no second load at start

        self.home_view = HomeView(context, actor)
        self.home_view.go_to.connect(self.go_to)
        self.areas = plan_areas(self)

        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Areas")
        widest = max(self.fontMetrics().horizontalAdvance(a.title) for a in self.areas)
        self.sidebar.setFixedWidth(max(170, widest + 48))  # follows the system font size
        self.sidebar.setObjectName("sidebar")
        self.stack = QStackedWidget()
        row_height = self.fontMetrics().height() * 2 + 4  # follows the system font size
        for area in self.areas:
            item = QListWidgetItem(area.title, self.sidebar)
            item.setSizeHint(QSize(0, row_height))
            self.stack.addWidget(area.placeholder)
            area.made = self._area_made
        self.sidebar.currentRowChanged.connect(self._area_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # Left alone, the window locks (Settings → Screen lock); "Switch account" signs out.
        self.lock_controller = LockController(context, actor, self, self.group_name)
        self.lock_controller.switch_account.connect(self.sign_out_now)
        self._build_menus()
        # Ctrl+L and Ctrl+Q from inside an open dialog too (the menu's keys stop at a dialog).
        self.app_keys = AppWideKeys(self, self.lock_now, self.close)
        self._build_status_bar()
        self._update_title()
        self._restore_state()
        self._built = True

    # -- areas, each made on first use ------------------------------------------------------

    def _area_made(self, area: Area) -> None:
        """Put a newly made area's widget where its placeholder stood."""
        index = self.stack.indexOf(area.placeholder)
        showing = self.stack.currentIndex() == index
        self.stack.insertWidget(index, area._widget)  # noqa: SLF001 - made just now
        self.stack.removeWidget(area.placeholder)
        area.placeholder.deleteLater()
        if showing:
            self.stack.setCurrentIndex(index)

    def _area(self, key: str) -> Area | None:
        return next((area for area in self.areas if area.key == key), None)

    def area_view(self, key: str):  # noqa: ANN201 - each area's own view class
        """Area ``key``'s widget, made now if it was not yet; None if this account has none."""
        area = self._area(key)
        return area.widget if area is not None else None

    def refresh_area_if_made(self, key: str) -> None:
        """Reload area ``key`` if it has been made (else it loads when first shown)."""
        area = self._area(key)
        if area is not None and area.is_made and hasattr(area.widget, "refresh"):
            area.widget.refresh()

    @property
    def members_view(self) -> MembersView:
        """Members (every account has it)."""
        return self.area_view("members")

    @property
    def rota_view(self) -> RotaView | None:
        """Rota, or None when this account cannot see it."""
        return self.area_view("rota")

    @property
    def meetings_view(self) -> MeetingsView | None:
        """Meetings, or None when this account cannot see them."""
        return self.area_view("meetings")

    @property
    def cohorts_view(self) -> CohortsView | None:
        """Cohorts, or None when this account cannot see them."""
        return self.area_view("cohorts")

    @property
    def panels_view(self) -> PanelsView | None:
        """Panels, or None when this account cannot see them."""
        return self.area_view("panels")

    @property
    def payments_view(self) -> PaymentsView | None:
        """Payments, or None when this account cannot see them."""
        return self.area_view("payments")

    @property
    def involvement_view(self) -> InvolvementView | None:
        """Involvement, or None when this account cannot see it."""
        return self.area_view("involvement")

    @property
    def sheets_view(self) -> SheetsView:
        """Sheets (every account has it)."""
        return self.area_view("sheets")

    @property
    def settings_view(self) -> SettingsView:
        """Settings (every account has it)."""
        return self.area_view("settings")

    # -- construction -----------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.new_action = self._action("&New…", self.new_in_area, QKeySequence.StandardKey.New)
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        self.print_action = self._action(
            "&Print sign-in sheet…", self.print_sign_in_sheet, QKeySequence.StandardKey.Print
        )
        self.logout_action = self._action("&Sign out", self.log_out, "Ctrl+Shift+L")
        self.logout_action.setToolTip("Sign out so someone else can sign in")
        # Stepping away from a shared laptop: lock at once instead of waiting for the timer.
        self.lock_action = self._action("&Lock now", self.lock_now, "Ctrl+L")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.print_action)
        # the Members toolbar's Import…/Export…, also where a desktop user looks for them
        self.import_action = self._action("&Import members…", self.import_members)
        self.import_action.setToolTip("Add members from a CSV or Excel file")
        self.export_action = self._action("&Export members…", self.export_members)
        self.export_action.setToolTip("Save the members shown to a CSV or Excel file")
        self.import_action.setVisible(self.actor.can(Permission.IMPORT_MEMBERS))
        self.export_action.setVisible(self.actor.can(Permission.EXPORT_PERSONAL_DATA))
        if self.import_action.isVisible() or self.export_action.isVisible():
            file_menu.addSeparator()
            file_menu.addAction(self.import_action)
            file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.logout_action)
        file_menu.addAction(self.quit_action)

        go_menu = menu.addMenu("&Go")
        for number, area in enumerate(self.areas, start=1):
            action = self._action(
                area.title,
                lambda key=area.key: self.show_area(key),
                f"Ctrl+{number % 10}" if number <= 10 else None,  # the tenth is Ctrl+0
            )
            go_menu.addAction(action)
        go_menu.addSeparator()
        self.quick_find_action = self._action("&Quick find member…", self.quick_find, "Ctrl+K")
        self.search_action = self._action(
            "&Search in this area", self.search_in_area, QKeySequence.StandardKey.Find
        )
        go_menu.addAction(self.quick_find_action)
        go_menu.addAction(self.search_action)

        help_menu = menu.addMenu("&Help")
        self.about_action = self._action(f"&About {APP_NAME}", self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.group_label = QLabel()
        self.account_label = QLabel(
            f"Signed in as {self.actor.display_name} ({self.actor.role.label.lower()})"
        )
        self.location_label = QLabel(self._location_text())
        self.location_label.setToolTip(self.context.location)
        for label in (self.group_label, self.account_label, self.location_label):
            label.setAccessibleName(label.text())
            self.statusBar().addPermanentWidget(label) if label is self.location_label else (
                self.statusBar().addWidget(label)
            )
        self.group_label.setText(self.group_name)

    def _location_text(self) -> str:
        prefix = "DEMO data · " if self.context.demo else ""
        if self.context.location.startswith("PostgreSQL"):
            return prefix + self.context.location
        return f"{prefix}Data: {self.context.location}"

    def _update_title(self) -> None:
        demo = " — DEMO (made-up people)" if self.context.demo else ""
        self.setWindowTitle(f"{self.group_name} — {APP_NAME}{demo}")
        self.group_label.setText(self.group_name)

    # -- window state -----------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            free = self.screen().availableGeometry()  # leave room for the frame and task bar
            self.resize(
                min(DEFAULT_SIZE[0], free.width() - 40), min(DEFAULT_SIZE[1], free.height() - 60)
            )
        self.show_area("home")  # Home first, every time: what needs doing today

    def _save_state(self) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())

    # -- actions ----------------------------------------------------------------------------

    def show_area(self, key: str) -> None:
        """Switch to the area called ``key`` (the first area if there is none)."""
        keys = [area.key for area in self.areas]
        self.sidebar.setCurrentRow(keys.index(key) if key in keys else 0)

    def go_to(self, key: str, target: object = None) -> None:
        """Open area ``key`` and, when given, ``target`` within it (the area widget's
        ``open_target``), e.g. from a Home attention item."""
        self.show_area(key)
        widget = self.areas[self.sidebar.currentRow()].widget
        if target is not None and hasattr(widget, "open_target"):
            widget.open_target(target)

    def _area_changed(self, row: int) -> None:
        area = self.areas[row] if 0 <= row < len(self.areas) else None
        fresh = area is not None and not area.is_made
        if area is not None:
            area.widget  # noqa: B018 - made now on its first visit (it loads its data)
        self.stack.setCurrentIndex(row)
        self._update_actions(row)
        if self._built and not fresh and area is not None and hasattr(area.widget, "refresh"):
            area.widget.refresh()

    def refresh_actions(self) -> None:
        """File → New and Print follow the current area's tab (Involvement's tabs)."""
        self._update_actions(self.sidebar.currentRow())

    def _update_actions(self, row: int) -> None:
        """File → New and Print, and Go → Search, for the area in ``row``."""
        area = self.areas[row] if 0 <= row < len(self.areas) else None
        new_text = area.current_new_text() if area is not None else None
        can_new = area is not None and area.on_new is not None and new_text is not None
        self.new_action.setEnabled(can_new)
        self.new_action.setText(new_text if can_new and new_text else "&New…")
        self.search_action.setEnabled(area is not None and area.on_search is not None)
        own_print = area is not None and area.on_print is not None
        print_text = area.current_print_text() if own_print else None
        self.print_action.setText(print_text or "&Print sign-in sheet…")

    def new_in_area(self) -> None:
        """Ctrl+N: the current area's "new" action (Add member… in Members)."""
        area = self.areas[self.sidebar.currentRow()]
        if area.on_new is not None:
            area.on_new()

    def search_in_area(self) -> None:
        """Ctrl+F: put the keyboard in the current area's search box."""
        area = self.areas[self.sidebar.currentRow()]
        if area.on_search is not None:
            area.on_search()

    def quick_find(self) -> None:
        """Ctrl+K: find anyone by name, email or phone and open their page."""
        from involve_desktop.ui.members.quick_find import QuickFindDialog

        dialog = QuickFindDialog(self.context, self.actor, self)
        dialog.member_chosen.connect(self.show_member)
        dialog.exec()
        dialog.deleteLater()

    def show_member(self, member_id: int) -> None:
        """Go to Members and open ``member_id``'s page."""
        self.show_area("members")
        self.members_view.open_member(member_id)

    def current_area(self) -> str:
        """The key of the area on screen."""
        return self.areas[self.sidebar.currentRow()].key

    def import_members(self) -> None:
        """File → Import members…: the Members area, then its import wizard."""
        self.show_area("members")
        self.members_view.import_members()

    def export_members(self) -> None:
        """File → Export members…: the Members area, then save the members it shows."""
        self.show_area("members")
        self.members_view.export_members()

    def print_sign_in_sheet(self) -> None:
        """Ctrl+P: the current area's print action, or else preview the blank sign-in sheet."""
        area = self.areas[self.sidebar.currentRow()]
        if area.on_print is not None:
            area.on_print()
            return
        self.show_area("sheets")
        self.sheets_view.preview()

    def print_prepared(self, key: str, values: dict) -> None:
        """Go to Sheets with sheet ``key`` and its inputs filled in, and preview it."""
        self.show_area("sheets")
        self.sheets_view.prepare(key, values)
        self.sheets_view.preview()

    def rename_group(self, name: str) -> None:
        """The group's new name in the title and status bar (Settings → Group)."""
        self.group_name = name
        self._update_title()

    def show_about(self) -> None:
        """Version and purpose."""
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Members, rota, panels, cohorts, meetings and printable sheets for user-led "
            "mental health groups. Works offline; your data stays on this computer "
            "(or your organisation's own server).</p>"
            f"<p>Data: {self.context.location}</p>",
        )

    def lock_now(self) -> None:
        """Ctrl+L: cover every window at once, as the idle lock does (open dialogs too)."""
        self.lock_controller.lock(asked=True)

    def unsaved_work_settled(self) -> bool:
        """Before signing out, quitting or restoring a backup: each area holding words typed
        and not saved (the annual report's) is shown and asks Save / Discard / Cancel.
        True: go ahead; False: stay (cancelled, or a save failed and said why)."""
        for area in self.areas:
            view = area.widget if area.is_made else None
            if view is None or not getattr(view, "has_unsaved_edits", lambda: False)():
                continue
            self.show_area(area.key)
            if not view.save_or_discard(self):
                return False
        return True

    def log_out(self) -> None:
        """Sign out (asking about unsaved words first) and hand back to the sign-in dialog."""
        if not self.unsaved_work_settled():
            return
        self._settled = self._logging_out = True
        self.close()

    def sign_out_now(self) -> None:
        """Sign out without asking about unsaved words: the lock screen's Switch account
        (whoever typed is not here, and the lock said open windows' typing is lost) and
        after a restore (asked before it; saving now would write into the restored data)."""
        self._settled = self._logging_out = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not (self._settled or shutting_down()) and not self.unsaved_work_settled():
            event.ignore()  # Cancel: stay, every word kept
            return
        self.app_keys.stop()
        self.lock_controller.stop()
        self._save_state()
        try:
            with self.context.session() as session:
                accounts.sign_out(session, self.actor)
        except Exception:  # noqa: BLE001 - signing out must never block closing
            log.exception("Could not record sign-out")
        event.accept()
        if self._logging_out:
            self.logged_out.emit()
