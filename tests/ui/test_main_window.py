"""The shell: areas, menus with shortcuts, status bar, window size and remembered geometry."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from involve_desktop.ui.context import AppContext
from involve_desktop.ui.main_window import MainWindow


def test_shell_shows_group_account_and_location(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("Riverside Voices")
    assert window.group_label.text() == "Riverside Voices"
    assert "Sam Coordinator (coordinator)" in window.account_label.text()
    assert window.location_label.text()
    areas = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert areas == ["Sheets", "Settings"]  # only areas that exist
    hint = window.minimumSizeHint()  # the layout must fit a 1366×768 laptop with a task bar
    assert hint.width() <= 1366 and hint.height() <= 768 - 40


def test_shortcuts_are_set(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    assert window.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert not window.logout_action.shortcut().isEmpty()


def test_geometry_and_area_are_remembered(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show()
    window.resize(700, 500)
    window.show_area("settings")
    window.close()
    assert QSettings().value("main_window/area") == "settings"
    again = MainWindow(context, coordinator)
    qtbot.addWidget(again)
    assert again.current_area() == "settings"
    assert (again.width(), again.height()) == (700, 500)


def test_demo_window_says_demo(qtbot, context, coordinator):
    demo = AppContext(context.sessions, context.location, demo=True)
    window = MainWindow(demo, coordinator)
    qtbot.addWidget(window)
    assert "DEMO" in window.windowTitle()
    assert window.location_label.text().startswith("DEMO data")
