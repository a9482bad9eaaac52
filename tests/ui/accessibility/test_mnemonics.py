"""No two visible controls share an Alt+letter, on any screen of the main window.

An Alt key that two controls carry is ambiguous to Qt: it moves focus between them and
presses neither (the rota's Alt+A went to "Add shift…" instead of the Gaps tab). Checked
for every area and tab (and every sheet in Sheets, each with its own options), as a
coordinator and as a facilitator, with the menu bar's &File, &Go and &Help, and for the
dialogs of the tasks in test_keyboard_tasks_more.py. The Settings tabs and the Sheets
screen's buttons also carry a letter (no letter shares nothing, so the walk alone would pass).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton

from involve_desktop.core.permissions import Role
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.panels.panel_dialog import PanelDialog
from involve_desktop.ui.panels.seat_dialogs import AddLivedDialog, AddStaffDialog
from involve_desktop.ui.payments.expense_dialog import ExpenseDialog
from involve_desktop.ui.rota.shift_assign import AssignDialog
from involve_desktop.ui.rota.shift_panel import ShiftDialog
from tests.ui.accessibility.mnemonics import clashes, letter
from tests.ui.accessibility.walk import actor_for, demo_context, screens, select_first_rows

# Settings tabs every letter of whose title is a button's or field's on some Settings tab, or
# another tab's (see settings_view.py): a letter for them needs one of those to move.
SETTINGS_TABS_WITHOUT_A_FREE_LETTER = {"Audit log"}


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    """The demo group, made once for this module."""
    with demo_context(tmp_path_factory.mktemp("mnemonics")) as made:
        yield made


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.FACILITATOR])
def test_no_alt_key_is_shared_on_any_screen(qtbot, context, role):
    window = MainWindow(context, actor_for(context, role))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    wrong, seen = {}, set()
    for where, root in screens(window):
        qtbot.wait(1)
        select_first_rows(window, root)  # buttons that need a choice come alive
        seen.add(where)
        if found := clashes(window):
            wrong[where] = found
    sheets = window.area_view("sheets")
    window.show_area("sheets")
    for row in range(sheets.sheet_list.count()):  # each sheet shows its own options
        sheets.sheet_list.setCurrentRow(row)
        qtbot.wait(1)
        seen.add(f"sheets / {sheets.sheet_list.item(row).text()}")
        if found := clashes(window):
            wrong[f"sheets / {sheets.sheet_list.item(row).text()}"] = found
    window.lock_controller.stop()
    assert wrong == {}
    reached = {"meetings / Summary", "sheets / Meeting sign-in sheets"}
    if role is Role.COORDINATOR:  # the walk did reach the screens fixed here
        # (a facilitator's Sheets list holds only the sheets they may print)
        reached |= {"sheets / Training due or expired", "sheets / Panel pack"}
        reached |= {"rota", "rota / Gaps", "panels", "payments", "settings / Audit log"}
        reached |= {"involvement / Spread", "involvement / Annual report"}
    assert reached <= seen


def test_no_alt_key_is_shared_in_the_task_dialogs(qtbot, context):
    coordinator = actor_for(context, Role.COORDINATOR)
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    rota = window.rota_view
    shift_id = next(
        view.slot.id
        for row in range(rota.grid.grid_model.rowCount())
        for column in range(7)
        for view in rota.grid.grid_model.shifts_at(row, column)
    )
    panel = window.panels_view.model.row_at(0)
    made = [
        ShiftDialog(context, coordinator, shift_id),
        AssignDialog(context, coordinator, shift_id),
        PanelDialog(context, coordinator, panel.id),
        AddLivedDialog(context, coordinator, panel),
        AddStaffDialog(context, coordinator, panel),
        ExpenseDialog(context, coordinator),
    ]
    wrong = {}
    for dialog in made:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        pages = getattr(dialog, "tabs", None)
        for index in range(pages.count() if pages is not None else 1):
            if pages is not None:
                pages.setCurrentIndex(index)
            if found := clashes(dialog):
                wrong[f"{dialog.windowTitle()} {index}"] = found
        dialog.hide()
    window.lock_controller.stop()
    assert wrong == {}


def test_settings_tabs_and_sheets_buttons_carry_an_alt_letter(qtbot, context):
    window = MainWindow(context, actor_for(context, Role.COORDINATOR))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    tabs = window.settings_view.tabs
    titles = [tabs.tabText(index) for index in range(tabs.count())]
    missing = [title for title in titles if letter(title) is None]
    assert set(missing) <= SETTINGS_TABS_WITHOUT_A_FREE_LETTER, missing
    sheets = window.area_view("sheets")
    window.show_area("sheets")
    for row in range(sheets.sheet_list.count()):  # each sheet shows its own options
        sheets.sheet_list.setCurrentRow(row)
        qtbot.wait(1)
        buttons = [b for b in sheets.findChildren(QAbstractButton) if b.isVisible()]
        assert sheets.preview_button in buttons
        missing = [b.text() for b in buttons if letter(b.text()) is None]
        assert missing == [], sheets.sheet_list.item(row).text()
    window.lock_controller.stop()
