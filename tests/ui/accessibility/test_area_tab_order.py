"""Tab goes round every area of the main window and is never trapped by a table.

For every area and tab of the main window on the demo group, Tab is pressed from the
area's first control (``qtbot.keyClick`` on the focused widget) until focus comes round;
every visible, enabled control that takes Tab focus must be reached, and Tab must never
stay put (a table using Tab to move between its cells would trap a keyboard user; every
table goes through ``ui.keyboard.tab_leaves``).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractItemView, QTableView

from involve_desktop.core.permissions import Role
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.main_window import MainWindow
from tests.ui.accessibility import tab_walk
from tests.ui.accessibility.walk import actor_for, demo_context, screens

# Known exceptions, each with its reason; remove an entry when it is fixed.
KNOWN: set[str] = set()


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    """The demo group, made once for this module."""
    with demo_context(tmp_path_factory.mktemp("tabs")) as made:
        yield made


def _window(qtbot, context, role: Role) -> MainWindow:
    window = MainWindow(context, actor_for(context, role))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.FACILITATOR])
def test_tab_goes_round_every_area(qtbot, context, role):
    window = _window(qtbot, context, role)
    wrong: dict[str, list[str]] = {}
    for where, _root in screens(window):
        qtbot.wait(1)
        window.sidebar.setFocus()
        found = tab_walk.problems(qtbot, window)
        if found and where not in KNOWN:
            wrong[where] = found
    assert wrong == {}


def test_no_table_on_any_screen_eats_tab(qtbot, context):
    window = _window(qtbot, context, Role.COORDINATOR)
    eating = [
        f"{where}: {view.accessibleName() or type(view).__name__}"
        for where, root in screens(window)
        for view in root.findChildren(QAbstractItemView)
        if view.isVisibleTo(window) and view.tabKeyNavigation() and where not in KNOWN
    ]
    assert eating == []


def test_a_table_that_eats_tab_is_caught(qtbot, context):
    """The walk itself notices a table that keeps Tab to move between its cells."""
    window = _window(qtbot, context, Role.COORDINATOR)
    window.show_area("members")
    table = window.members_view.findChild(QTableView)
    table.setTabKeyNavigation(True)
    table.setFocus()
    assert any("stays" in p or "never reached" in p for p in tab_walk.problems(qtbot, window))
    tab_leaves(table)
    assert not table.tabKeyNavigation()
