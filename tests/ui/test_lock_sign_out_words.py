"""One word for leaving: "Sign out" (the app says "Sign in" everywhere), never "Log out", in
the main window's menus and actions and on the lock screen."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMenu

from involve_desktop.ui.main_window import MainWindow
from tests.conftest import COORDINATOR_PASSWORD

LOG_OUT = re.compile(r"log\s*-?\s*(out|off)|logout", re.IGNORECASE)


def _words(texts) -> list[str]:
    return [t.replace("&", "") for t in texts if t]


def test_no_log_out_in_the_main_window_or_the_lock_screen(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show()
    try:
        actions = window.findChildren(QAction)
        texts = _words(
            [a.text() for a in actions]
            + [a.toolTip() for a in actions]
            + [a.statusTip() for a in actions]
            + [m.title() for m in window.findChildren(QMenu)]
        )
        assert "Sign out" in texts
        assert [t for t in texts if LOG_OUT.search(t)] == []
        window.lock_action.trigger()
        lock = window.lock_controller.dialog
        buttons = lock.findChildren(QAbstractButton)
        lock_texts = _words([b.text() for b in buttons] + [b.toolTip() for b in buttons])
        assert [t for t in lock_texts if LOG_OUT.search(t)] == []
        assert any("Sign out" in t for t in lock_texts)
        lock.password.setText(COORDINATOR_PASSWORD)
        lock.unlock_button.click()
    finally:
        window.lock_controller.stop()
