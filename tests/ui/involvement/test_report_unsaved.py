"""Words typed in the annual report are not lost: Save / Discard / Cancel when changing year
or kind of year (Esc = Cancel, a failed save stays), the status line says so, and the
Involvement area answers the window's "anything unsaved?" before sign-out or restore."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from involve_desktop.core.services.involvement_report import (
    ReportNarrative,
    read_narrative,
    save_narrative,
)
from involve_desktop.ui.involvement import report_tab
from involve_desktop.ui.involvement.involvement_view import InvolvementView
from involve_desktop.ui.involvement.report_tab import (
    ReportTab,
    SaveAnswer,
    ask_save_words,
    save_words_box,
)

TODAY = date(2026, 11, 27)
WORDS = "Two new wards joined the rota."


def _answer(monkeypatch, answer: SaveAnswer) -> list[str]:
    asked: list[str] = []

    def ask(_parent, year_label):
        asked.append(year_label)
        return answer

    monkeypatch.setattr(report_tab, "ask_save_words", ask)
    return asked


def _tab(qtbot, context, coordinator) -> ReportTab:
    tab = ReportTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    return tab


def test_status_says_there_are_unsaved_changes(qtbot, context, coordinator) -> None:
    tab = _tab(qtbot, context, coordinator)
    assert not tab.has_unsaved_edits()
    qtbot.keyClicks(tab.edits["year_in_brief"], WORDS)
    assert tab.has_unsaved_edits()
    assert tab.status.text() == (
        "Changes not saved yet for April 2026 to March 2027 — Ctrl+S saves them."
    )
    assert tab.save()
    assert tab.status.text() == "Saved for April 2026 to March 2027."
    tab.edits["year_in_brief"].setPlainText(WORDS + " More.")
    assert "not saved yet" in tab.status.text()


def test_cancel_stays_on_the_year_with_the_words(
    qtbot, context, session, coordinator, monkeypatch
) -> None:
    tab = _tab(qtbot, context, coordinator)
    tab.edits["year_in_brief"].setPlainText(WORDS)
    asked = _answer(monkeypatch, SaveAnswer.CANCEL)
    tab.year_box.setCurrentIndex(1)
    assert asked == ["April 2026 to March 2027"]
    assert tab.year_box.currentIndex() == 0 and tab.year.start == date(2026, 4, 1)
    assert tab.edits["year_in_brief"].toPlainText() == WORDS
    tab.kind_box.setCurrentIndex(1)  # calendar years: the same question, the same answer
    assert tab.kind_box.currentIndex() == 0 and tab.year.start == date(2026, 4, 1)
    assert tab.edits["year_in_brief"].toPlainText() == WORDS
    assert read_narrative(session, coordinator, date(2026, 4, 1)).version is None


def test_a_failed_save_stays_on_the_year(qtbot, context, session, coordinator, monkeypatch):
    tab = _tab(qtbot, context, coordinator)
    tab.edits["year_in_brief"].setPlainText(WORDS)
    # Someone else saves the same year on another laptop meanwhile: this save is refused.
    save_narrative(session, coordinator, ReportNarrative(date(2026, 4, 1), next_year="Theirs."))
    _answer(monkeypatch, SaveAnswer.SAVE)
    tab.year_box.setCurrentIndex(1)
    assert tab.year.start == date(2026, 4, 1)
    assert tab.edits["year_in_brief"].toPlainText() == WORDS
    shown = " ".join(label.text() for label in tab.findChildren(QLabel))
    assert "Someone else saved this year's report" in shown


def test_discard_opens_the_other_year_without_saving(
    qtbot, context, session, coordinator, monkeypatch
) -> None:
    tab = _tab(qtbot, context, coordinator)
    tab.edits["year_in_brief"].setPlainText(WORDS)
    _answer(monkeypatch, SaveAnswer.DISCARD)
    tab.year_box.setCurrentIndex(1)
    assert tab.year.start == date(2025, 4, 1)
    assert tab.edits["year_in_brief"].toPlainText() == ""
    assert not tab.has_unsaved_edits()
    assert read_narrative(session, coordinator, date(2026, 4, 1)).version is None


def test_escape_on_the_question_is_cancel(qtbot) -> None:
    box = save_words_box(None, "April 2026 to March 2027")
    qtbot.addWidget(box)
    assert box.escapeButton().objectName() == SaveAnswer.CANCEL
    assert box.defaultButton().objectName() == SaveAnswer.SAVE
    assert [b.text() for b in box.buttons()].count("Cancel") == 1

    def press_escape() -> None:
        shown = QApplication.activeModalWidget()
        qtbot.keyClick(shown, Qt.Key.Key_Escape)

    QTimer.singleShot(50, press_escape)
    assert ask_save_words(None, "April 2026 to March 2027") is SaveAnswer.CANCEL


def test_the_area_asks_before_sign_out(qtbot, context, session, coordinator, monkeypatch):
    view = InvolvementView(context, coordinator)
    qtbot.addWidget(view)
    start = view.report_tab.year.start  # the year of the real date (the tab follows it)
    assert not view.has_unsaved_edits() and view.save_or_discard()
    view.report_tab.edits["next_year"].setPlainText("Evening workshops.")
    assert view.has_unsaved_edits()
    _answer(monkeypatch, SaveAnswer.CANCEL)
    assert not view.save_or_discard()
    assert view.current_tab() is view.report_tab  # shown, so the person sees the words
    assert view.has_unsaved_edits()
    _answer(monkeypatch, SaveAnswer.SAVE)
    assert view.save_or_discard()
    assert not view.has_unsaved_edits()
    assert read_narrative(session, coordinator, start).next_year == "Evening workshops."
    view.report_tab.edits["next_year"].setPlainText("Something else.")
    _answer(monkeypatch, SaveAnswer.DISCARD)
    assert view.save_or_discard()
    assert view.report_tab.edits["next_year"].toPlainText() == "Evening workshops."
