"""Nothing opens over the lock screen: a sheet made in the background while the app is
locked is previewed only after the same account unlocks (never after Switch account), and
any other window that appears while locked is covered, with the lock screen kept on top."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from involve_desktop.core.services import audit
from involve_desktop.ui.lock.lock_controller import LOCKED_TITLE, Curtain
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.print_preview import PrintPreviewDialog
from involve_desktop.ui.sheets import sheets_view
from tests.conftest import COORDINATOR_PASSWORD


@pytest.fixture
def window(qtbot, context, coordinator):
    main = MainWindow(context, coordinator)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.lock_controller.stop()


@pytest.fixture(autouse=True)
def warnings_shown(monkeypatch) -> list[str]:
    """Warnings the Sheets screen showed; never a real message box left waiting."""
    shown: list[str] = []
    monkeypatch.setattr(
        "involve_desktop.ui.sheets.sheets_view.QMessageBox.warning",
        lambda _parent, _title, text: shown.append(text),
    )
    return shown


@pytest.fixture
def previews(monkeypatch) -> list[tuple[str, bool]]:
    """Previews opened: each one's title and whether the app was locked then; their exec()
    returns at once."""
    opened: list[tuple[str, bool]] = []

    def fake_exec(dialog: PrintPreviewDialog) -> int:
        main = dialog.parentWidget().window()
        opened.append((dialog.windowTitle(), main.lock_controller.is_locked))
        return 0

    monkeypatch.setattr(PrintPreviewDialog, "exec", fake_exec)
    return opened


def _make_contact_list_then_lock(qtbot, window, monkeypatch) -> None:
    """Preview the contact list, lock with Ctrl+L while it is being made, then let it finish.

    The sheet is made only once the lock is on (the job waits for ``release``), so it is
    always ready while locked, however fast the laptop.
    """
    release = threading.Event()
    real_job = sheets_view.RenderJob

    def held_job(render):
        return real_job(lambda: release.wait(10) and render())

    monkeypatch.setattr(sheets_view, "RenderJob", held_job)
    sheets = window.sheets_view
    sheets.prepare("contact-list", {})
    assert sheets.preview()  # started in the background…
    window.lock_action.trigger()  # …and Ctrl+L before it is ready
    assert window.lock_controller.is_locked
    release.set()
    qtbot.waitUntil(lambda: not sheets.is_busy(), timeout=10_000)
    qtbot.wait(50)  # anything queued for the UI thread has run


def test_a_sheet_finished_while_locked_opens_after_unlocking(
    qtbot, window, previews, warnings_shown, monkeypatch
):
    _make_contact_list_then_lock(qtbot, window, monkeypatch)
    assert previews == []  # nothing with Print / Save as PDF above the lock screen
    dialog = window.lock_controller.dialog
    dialog.password.setText(COORDINATOR_PASSWORD)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: bool(previews), timeout=2000)
    assert len(previews) == 1
    title, locked_then = previews[0]
    assert not locked_then
    assert "Contact list" in title
    assert warnings_shown == []


def test_a_sheet_finished_while_locked_is_dropped_on_switch_account(
    qtbot, window, previews, warnings_shown, monkeypatch
):
    _make_contact_list_then_lock(qtbot, window, monkeypatch)
    with qtbot.waitSignal(window.logged_out, timeout=2000):
        window.lock_controller.dialog.switch_button.click()
    qtbot.wait(50)
    assert previews == [] and warnings_shown == []


def test_a_window_that_appears_while_locked_is_covered_and_the_lock_stays_usable(qtbot, window):
    original = "Could not make the sheet"
    window.lock_action.trigger()
    controller = window.lock_controller
    box = QMessageBox(QMessageBox.Icon.Warning, original, "Details about a member", parent=window)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitUntil(lambda: controller.dialog.parentWidget() is box, timeout=2000)
    assert [c for c in box.findChildren(Curtain) if c.isVisible()]
    assert box.windowTitle() == LOCKED_TITLE
    assert controller.dialog.isVisible()
    assert QApplication.activeModalWidget() is controller.dialog  # typing goes to the lock
    controller.dialog.password.setText(COORDINATOR_PASSWORD)
    controller.dialog.unlock_button.click()
    assert not controller.is_locked
    assert box.isVisible() and box.windowTitle() == original
    assert not [c for c in box.findChildren(Curtain) if c.isVisible()]
    box.done(0)


def test_lock_now_is_on_the_trail_as_locking_the_screen(qtbot, window, context, coordinator):
    window.lock_action.trigger()  # Ctrl+L
    with context.session() as session:
        newest = audit.list_entries(session, coordinator, entity="account", limit=1)[0]
    assert audit.action_words(newest.action) == "locked the screen"
