"""Signing out or quitting with annual report words typed and not saved asks first
(Save / Discard / Cancel); Switch account on the lock screen and a laptop shutting down
close without a question (``MainWindow.unsaved_work_settled``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from involve_desktop.core.services.involvement_report import read_narrative
from involve_desktop.ui import shutting_down as shutting_down_module
from involve_desktop.ui.involvement import report_tab
from involve_desktop.ui.involvement.report_tab import SaveAnswer
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.shutting_down import mark_shutting_down, shutting_down
from tests.ui.test_backups_tab import sqlite_only

WORDS = "Two new wards joined the rota."


@pytest.fixture
def window(qtbot, context, coordinator) -> MainWindow:
    made = MainWindow(context, coordinator)
    qtbot.addWidget(made)
    made.show()
    return made


def _type_report_words(window: MainWindow) -> report_tab.ReportTab:
    window.show_area("involvement")
    tab = window.area_view("involvement").report_tab
    tab.edits["year_in_brief"].setPlainText(WORDS)
    window.show_area("home")
    return tab


def _answer(monkeypatch, answer: SaveAnswer) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(report_tab, "ask_save_words", lambda _p, year: asked.append(year) or answer)
    return asked


def test_cancel_keeps_the_window_and_the_words(qtbot, window, monkeypatch) -> None:
    tab = _type_report_words(window)
    asked = _answer(monkeypatch, SaveAnswer.CANCEL)
    signed_out: list[bool] = []
    window.logged_out.connect(lambda: signed_out.append(True))
    window.log_out()
    assert len(asked) == 1 and signed_out == [] and window.isVisible()
    assert window.current_area() == "involvement"  # shown so they see which words
    assert tab.edits["year_in_brief"].toPlainText() == WORDS
    assert not window.close()  # quitting asks the same
    assert len(asked) == 2 and window.isVisible()


def test_save_then_signs_out(qtbot, window, session, coordinator, monkeypatch) -> None:
    tab = _type_report_words(window)
    _answer(monkeypatch, SaveAnswer.SAVE)
    with qtbot.waitSignal(window.logged_out, timeout=2000):
        window.log_out()
    assert read_narrative(session, coordinator, tab.year.start).year_in_brief == WORDS


def test_discard_signs_out_without_saving(qtbot, window, session, coordinator, monkeypatch):
    tab = _type_report_words(window)
    _answer(monkeypatch, SaveAnswer.DISCARD)
    with qtbot.waitSignal(window.logged_out, timeout=2000):
        window.log_out()
    assert read_narrative(session, coordinator, tab.year.start).version is None


def test_nothing_typed_signs_out_without_a_question(qtbot, window) -> None:
    window.show_area("involvement")  # made, nothing typed: the guard fails if asked
    with qtbot.waitSignal(window.logged_out, timeout=2000):
        window.log_out()


def test_switch_account_on_the_lock_screen_does_not_ask(qtbot, window) -> None:
    _type_report_words(window)  # the guard in conftest fails the test if it asks
    with qtbot.waitSignal(window.logged_out, timeout=2000):
        window.lock_controller.switch_account.emit()


def test_a_shutdown_closes_without_asking(qtbot, window) -> None:
    _type_report_words(window)  # the guard in conftest fails the test if it asks
    app = QCoreApplication.instance()
    mark_shutting_down(app)  # as app.py does on SIGTERM
    try:
        assert shutting_down()
        assert window.close()
    finally:
        app.setProperty(shutting_down_module._PROPERTY, None)
    assert not shutting_down()


@sqlite_only
def test_a_restore_asks_about_unsaved_words_first_and_then_signs_out_quietly(
    qtbot, window, engine, session, coordinator, monkeypatch
) -> None:
    window.show_area("settings")
    backups_tab = window.area_view("settings").backups_tab
    backups_tab.back_up_now()
    _type_report_words(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    asked = _answer(monkeypatch, SaveAnswer.CANCEL)
    restored: list[object] = []
    backups_tab.restored.connect(restored.append)
    backups_tab.restore()
    assert len(asked) == 1 and restored == []  # cancelled: nothing restored
    assert window.isVisible()
    asked = _answer(monkeypatch, SaveAnswer.DISCARD)
    window.show_area("settings")
    with qtbot.waitSignal(window.logged_out, timeout=5000):
        backups_tab.restore()  # restored, then signed out with no second question
    assert len(asked) == 1 and len(restored) == 1
