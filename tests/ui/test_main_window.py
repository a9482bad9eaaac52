"""The shell: areas, menus with shortcuts, status bar, window size and remembered geometry."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from involve_desktop.core.permissions import Permission, Role
from involve_desktop.core.services import accounts, members
from involve_desktop.core.services.member_dto import MemberInput, MemberStatus
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.members.quick_find import QuickFindDialog
from tests.ui.typing import type_text


def test_shell_shows_group_account_and_location(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("Riverside Voices")
    assert window.group_label.text() == "Riverside Voices"
    assert "Sam Coordinator (coordinator)" in window.account_label.text()
    assert window.location_label.text()
    areas = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert areas == [
        "Home",
        "Members",
        "Rota",
        "Meetings",
        "Cohorts",
        "Panels",
        "Payments",
        "Involvement",
        "Sheets",
        "Settings",
    ]
    assert window.current_area() == "home"  # what needs doing today, first
    hint = window.minimumSizeHint()  # the layout must fit a 1366×768 laptop with a task bar
    assert hint.width() <= 1366 and hint.height() <= 768 - 40


def test_shortcuts_are_set(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    assert window.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert not window.logout_action.shortcut().isEmpty()
    assert window.quick_find_action.shortcut() == QKeySequence("Ctrl+K")
    assert window.search_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)


def test_ctrl_n_adds_a_member_only_in_members(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show_area("members")
    assert window.new_action.isEnabled() and "Add member" in window.new_action.text()
    window.show_area("sheets")
    assert not window.new_action.isEnabled()
    assert not window.search_action.isEnabled()


def test_payments_area_has_its_own_new_and_print(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show_area("payments")
    assert window.current_area() == "payments"
    assert window.new_action.isEnabled()
    assert window.new_action.text() == "&Add expense claim…"
    assert window.print_action.text() == "&Print the finance batch…"
    assert window.search_action.isEnabled()


def test_ctrl_f_goes_back_to_the_member_list_search(qtbot, context, coordinator, session):
    zoe = members.create_member(session, coordinator, MemberInput("Zoë Adams"))
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show()
    window.show_member(zoe.id)
    assert window.members_view.showing_member()
    window.search_action.trigger()
    assert not window.members_view.showing_member()
    assert window.focusWidget() is window.members_view.search_box


def test_quick_find_opens_a_member_even_one_who_left(
    qtbot, context, coordinator, session, monkeypatch
):
    joined = date(2024, 5, 1)
    members.create_member(session, coordinator, MemberInput("Amir Khan", date_joined=joined))
    siobhan = members.create_member(
        session, coordinator, MemberInput("Siobhán Kelly", date_joined=joined)
    )
    members.change_status(session, coordinator, siobhan.id, MemberStatus.LEFT, date.today())
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show()
    window.show_area("sheets")
    seen: list[str] = []

    def run(dialog: QuickFindDialog) -> int:
        dialog.show()
        type_text(qtbot, dialog.search_box, "siob")
        qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=2000)
        seen.append(dialog.results.item(0).text())
        qtbot.keyClick(dialog.search_box, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(QuickFindDialog, "exec", run)
    window.quick_find_action.trigger()
    assert seen == ["Siobhán Kelly — Left"]
    assert window.current_area() == "members"
    assert window.members_view.showing_member()
    assert window.members_view.page.name_label.text() == "Siobhán Kelly"


def test_geometry_is_remembered_and_home_comes_first(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show()
    window.resize(760, 500)
    window.show_area("settings")
    window.close()
    again = MainWindow(context, coordinator)
    qtbot.addWidget(again)
    assert again.current_area() == "home"
    assert (again.width(), again.height()) == (760, 500)


def test_demo_window_says_demo(qtbot, context, coordinator):
    demo = AppContext(context.sessions, context.location, demo=True)
    window = MainWindow(demo, coordinator)
    qtbot.addWidget(window)
    assert "DEMO" in window.windowTitle()
    assert window.location_label.text().startswith("DEMO data")


def test_every_area_has_a_number_shortcut_the_tenth_is_ctrl_0(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    go_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    shortcuts = [a.shortcut().toString() for a in go_menu.actions()[: len(window.areas)]]
    assert shortcuts[:9] == [f"Ctrl+{n}" for n in range(1, 10)]
    assert shortcuts[9] == "Ctrl+0" and window.areas[9].key == "settings"


def test_lock_now_locks_at_once_with_ctrl_l(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show()
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")
    assert not window.lock_controller.is_locked
    window.lock_action.trigger()
    assert window.lock_controller.is_locked
    window.lock_controller.stop()


def test_file_menu_imports_and_exports_members_from_any_area(
    qtbot, context, coordinator, monkeypatch
):
    """File → Import members… / Export members… open Members and do what its toolbar's
    Import…/Export… do; the File menu's Alt letters stay distinct."""
    calls: list[str] = []
    monkeypatch.setattr(
        "involve_desktop.ui.members.members_view.MembersView.import_members",
        lambda view: calls.append(f"import in {window.current_area()}"),
    )
    monkeypatch.setattr(
        "involve_desktop.ui.members.members_view.MembersView.export_members",
        lambda view: calls.append(f"export in {window.current_area()}"),
    )
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    shown = [a.text() for a in file_menu.actions() if a.isVisible() and a.text()]
    assert {"&Import members…", "&Export members…"} <= set(shown)
    letters = [QKeySequence.mnemonic(text).toString() for text in shown]
    assert len(letters) == len(set(letters)), shown
    window.show_area("sheets")
    window.import_action.trigger()
    window.show_area("rota")
    window.export_action.trigger()
    assert calls == ["import in members", "export in members"]


def test_file_menu_offers_no_export_to_a_facilitator(qtbot, context, session, coordinator):
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    fran = accounts.sign_in(session, "fran", "tuesday group")
    window = MainWindow(context, fran)
    qtbot.addWidget(window)
    assert not window.export_action.isVisible()
    assert window.import_action.isVisible() is fran.can(Permission.IMPORT_MEMBERS)
