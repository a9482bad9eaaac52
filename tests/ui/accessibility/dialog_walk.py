"""Open every dialog a person can reach by pressing the "…" buttons, and check each one.

A button whose text ends in "…" opens something (the app's convention). In every area and
tab of the main window, with the first row of each list selected, each such button is
pressed; the dialog it opens is shown, checked, and its own "…" buttons are pressed in turn
(one level down), then it is cancelled. Nothing is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget

from involve_desktop.core.permissions import Role
from involve_desktop.ui.main_window import MainWindow
from tests.ui.accessibility import tab_walk
from tests.ui.accessibility.walk import (
    actor_for,
    catching_dialogs,
    screens,
    select_first_rows,
    title_of,
    unnamed,
)

# Buttons that would change the data or leave the app even when their dialog is cancelled.
NOT_PRESSED = {"Sign out", "Sign out…", "Switch account…", "Restore…", "Restore from backup…"}
# Print previews render on a timer after they open; they have their own keyboard tests
# (tests/ui/test_print_preview.py and the print task in test_keyboard_tasks.py).
PREVIEWS = ("Print", "Preview")


@dataclass
class DialogReport:
    """What the walk found in one dialog."""

    title: str
    opened_from: str
    unnamed: list[str] = field(default_factory=list)
    tab_problems: list[str] = field(default_factory=list)


def opening_buttons(top: QWidget, root: QWidget) -> list[QAbstractButton]:
    """The visible, enabled "…" buttons under ``root``."""
    return [
        b
        for b in root.findChildren(QAbstractButton)
        if b.isVisibleTo(top)
        and b.isEnabled()
        and b.text().endswith("…")
        and b.text().replace("&", "") not in NOT_PRESSED
        and not b.text().replace("&", "").startswith(PREVIEWS)
    ]


def walk_dialogs(qtbot, context, role: Role) -> dict[str, DialogReport]:
    """Every dialog reached from the main window as ``role``, by title, with what was wrong."""
    window = MainWindow(context, actor_for(context, role))
    window.resize(1366, 768)
    window.show()
    reports: dict[str, DialogReport] = {}
    path: list[str] = []

    def check(dialog: QDialog) -> None:
        title = title_of(dialog)
        report = reports.setdefault(title, DialogReport(title, " → ".join(path)))
        if report.unnamed or report.tab_problems or len(path) > 2:
            return
        report.unnamed = unnamed(dialog)
        report.tab_problems = tab_walk.problems(qtbot, dialog)
        if len(path) >= 2:
            return
        for button in opening_buttons(dialog, dialog):
            path.append(button.text().replace("&", ""))
            button.click()
            path.pop()

    with catching_dialogs(qtbot, check):
        for where, root in screens(window):
            select_first_rows(window, root)
            for button in opening_buttons(window, root):
                if not button.isVisibleTo(window) or not button.isEnabled():
                    continue
                path[:] = [where, button.text().replace("&", "")]
                button.click()
                qtbot.wait(20)  # anything queued by the press happens now, not in the next dialog
    window.close()
    window.deleteLater()
    return reports
