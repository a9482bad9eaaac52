"""Opening an area or a shift shows no stray windows, and keys keep going to the window.

See ``stray_windows``: a button shown before it had a parent flashed up as a window of its
own, and on the first visit to an area the main window lost keyboard focus to it (nothing
had focus afterwards, so the next key press went nowhere).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from involve_desktop.core.permissions import Role
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.rota.shift_panel import ShiftDialog
from tests.ui.accessibility.keys import go_to_area
from tests.ui.accessibility.stray_windows import stray_windows
from tests.ui.accessibility.walk import actor_for


def test_first_visit_to_each_area_keeps_the_window_active(qtbot, window):
    wrong: dict[str, list[str]] = {}
    for area in [a.key for a in window.areas]:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        with stray_windows(window) as shown:
            go_to_area(qtbot, window, area)
            qtbot.wait(50)
        if shown or QApplication.activeWindow() is not window:
            wrong[area] = shown or ["the main window lost focus"]
    assert wrong == {}


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.FACILITATOR])
def test_every_area_is_built_without_a_window_of_its_own(qtbot, demo, role):
    """Each area's view, as each role sees it (a facilitator's buttons are hidden, not
    shown), made the way the main window makes it on a first visit."""
    window = MainWindow(demo, actor_for(demo, role))
    qtbot.addWidget(window)
    wrong = {}
    for area in window.areas:
        with stray_windows(window) as shown:
            area.widget  # noqa: B018 - made now
        if shown:
            wrong[area.key] = shown
    window.lock_controller.stop()
    assert wrong == {}
    assert len(window.areas) >= (9 if role is Role.COORDINATOR else 3)  # it saw them


def test_opening_a_shift_shows_only_its_dialog(qtbot, demo, window):
    rota = window.rota_view
    views = [
        v
        for row in range(rota.grid.grid_model.rowCount())
        for column in range(7)
        for v in rota.grid.grid_model.shifts_at(row, column)
    ]
    assert views
    with stray_windows() as shown:
        dialog = ShiftDialog(demo, actor_for(demo, Role.COORDINATOR), views[0].slot.id)
    qtbot.addWidget(dialog)
    assert shown == []
