"""Every main task done with the keyboard alone, on the demo group.

After the window is shown, each test sends only key events (``qtbot.keyClick`` to the
widget that has focus); dialogs opened along the way are answered with keys too
(``keys.scripted_dialogs``). Only the save-file picker is replaced, as a person's choice
of folder cannot be typed into a platform dialog here.

Which test covers which task:

* sign in — ``test_sign_in`` (and tests/ui/test_first_run_and_login.py)
* find a member with Ctrl+K and open them — ``test_quick_find_opens_a_member``
* add a member (Ctrl+N, type, Ctrl+S) — ``test_add_a_member``
  (and from a member's own page: test_keyboard_member_page.py)
* record attendance for a meeting — ``test_record_attendance`` (Space/A ticks, Ctrl+S;
  more in tests/ui/meetings/test_attendance_entry.py)
* print a sign-in sheet to PDF (Ctrl+P … Save as PDF) — ``test_print_a_sign_in_sheet``
* lock and unlock — ``test_unlock_by_typing_the_password`` (the lock from the idle timer);
  Lock now (Ctrl+L) in test_keyboard_tasks_more.py

In test_keyboard_tasks_more.py: approve a waiting pay line (Alt+V, after Set preference…),
fill a rota gap (Gaps tab, Enter, Assign…), seat a lived-experience member on a panel, and
record an expense claim. A button pressed by its Alt letter is clicked as a mouse does,
released 100 ms later, so a test waits for it (``keys.mnemonic``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from sqlalchemy import select

from involve_desktop.core.demo.seed import DEMO_PASSWORD
from involve_desktop.core.models import Member
from involve_desktop.ui.accounts.login_dialog import LoginDialog
from tests.ui.accessibility.keys import (
    CTRL,
    focused,
    go_to_area,
    press,
    scripted_dialogs,
    tab_to,
    type_keys,
)


def test_sign_in(qtbot, demo):
    dialog = LoginDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is dialog.username or focused() is dialog.password)
    if focused() is dialog.username:
        type_keys(qtbot, "demo")
        press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, DEMO_PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "demo"


def test_quick_find_opens_a_member(qtbot, window):
    go_to_area(qtbot, window, "sheets")

    def find(_dialog) -> None:
        type_keys(qtbot, "holly")
        qtbot.wait(300)  # the list follows the typing
        press(qtbot, Qt.Key.Key_Return)

    with scripted_dialogs(qtbot, find) as opened:
        press(qtbot, Qt.Key.Key_K, CTRL)
    assert len(opened) == 1
    assert window.current_area() == "members"
    assert window.members_view.showing_member()
    assert "Holly" in window.members_view.page.name_label.text()


def test_add_a_member(qtbot, window, demo):
    go_to_area(qtbot, window, "members")

    def add(_dialog) -> None:
        type_keys(qtbot, "Keyboard Kim")
        press(qtbot, Qt.Key.Key_S, CTRL)

    def answer_no(_dialog) -> None:  # "someone with a similar name…" if asked
        press(qtbot, Qt.Key.Key_Escape)

    with scripted_dialogs(qtbot, add, answer_no) as opened:
        press(qtbot, Qt.Key.Key_N, CTRL)
    assert opened[0] == "Add member"
    with demo.session() as session:
        found = session.scalars(select(Member).where(Member.full_name == "Keyboard Kim")).all()
    assert len(found) == 1


def _meetings_table(widget) -> bool:
    return isinstance(widget, QAbstractItemView) and widget.accessibleName() == "Meetings"


def test_record_attendance(qtbot, window):
    go_to_area(qtbot, window, "meetings")
    view = window.meetings_view
    tab_to(qtbot, lambda w: w.accessibleName() == "Which meetings")
    press(qtbot, Qt.Key.Key_Down)  # "Past"
    assert view.show_combo.currentData() == "past"
    tab_to(qtbot, _meetings_table)
    press(qtbot, Qt.Key.Key_Home)
    while (meeting := view.current_meeting()) is None or meeting.cancelled:
        press(qtbot, Qt.Key.Key_Down)
    chosen = view.current_meeting()
    before = chosen.present

    def tick(dialog) -> None:
        assert dialog.model.rowCount() > 0
        press(qtbot, Qt.Key.Key_Home, CTRL)
        press(qtbot, Qt.Key.Key_Delete)  # clear the first row…
        press(qtbot, Qt.Key.Key_Space)  # …and mark them present
        press(qtbot, Qt.Key.Key_S, CTRL)
        assert dialog.saved

    with scripted_dialogs(qtbot, tick) as opened:
        press(qtbot, Qt.Key.Key_Return)
    assert len(opened) == 1
    after = view.current_meeting()
    assert after.id == chosen.id and after.attendance_recorded
    assert after.present >= 1 and (before == 0 or after.present in (before, before + 1))


def test_print_a_sign_in_sheet(qtbot, window, tmp_path, monkeypatch):
    from involve_desktop.ui.print_preview import PrintPreviewDialog

    target = tmp_path / "sign-in.pdf"
    monkeypatch.setattr(PrintPreviewDialog, "_choose_save_path", lambda _self, _d: str(target))
    go_to_area(qtbot, window, "meetings")

    def choose(_dialog) -> None:
        press(qtbot, Qt.Key.Key_Return)  # the default button: preview

    def save(dialog) -> None:
        press(qtbot, Qt.Key.Key_S, CTRL)
        press(qtbot, Qt.Key.Key_Escape)

    with scripted_dialogs(qtbot, choose, save) as opened:
        press(qtbot, Qt.Key.Key_P, CTRL)
    assert opened[0].startswith("Print sign-in sheets")
    assert opened[1].startswith("Print preview")
    assert target.read_bytes().startswith(b"%PDF")


def test_unlock_by_typing_the_password(qtbot, window):
    window.lock_controller.lock()  # what the idle timer does after the set minutes
    dialog = window.lock_controller.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is dialog.password)
    press(qtbot, Qt.Key.Key_Escape)  # Esc does not unlock
    assert window.lock_controller.is_locked
    type_keys(qtbot, DEMO_PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    assert not window.lock_controller.is_locked
