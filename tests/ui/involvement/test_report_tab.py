"""The annual report tab: the narrative is saved and read back; the year can change."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from involve_desktop.core.services.involvement_report import read_narrative
from involve_desktop.ui.involvement import report_tab
from involve_desktop.ui.involvement.report_tab import ReportTab, SaveAnswer
from involve_desktop.ui.print_preview import PrintPreviewDialog
from tests.ui.rota.scripting import scripted

TODAY = date(2026, 11, 27)


def test_narrative_saved_and_read_back(qtbot, context, session, coordinator) -> None:
    tab = ReportTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    assert tab.year_box.currentText() == "April 2026 to March 2027"
    assert tab.status.text() == "Not written yet for this year."
    qtbot.keyClicks(tab.edits["year_in_brief"], "Two new wards joined the rota.")
    tab.edits["what_changed"].setPlainText("The ward changed its visiting hours.")
    assert tab.save()
    assert tab.status.text() == "Saved for April 2026 to March 2027."
    session.expire_all()
    stored = read_narrative(session, coordinator, date(2026, 4, 1))
    assert stored.year_in_brief == "Two new wards joined the rota."
    # Another year is empty; coming back shows the saved words again.
    tab.year_box.setCurrentIndex(1)
    assert tab.edits["year_in_brief"].toPlainText() == ""
    tab.year_box.setCurrentIndex(0)
    assert tab.edits["what_changed"].toPlainText() == "The ward changed its visiting hours."
    second = ReportTab(context, coordinator, today=TODAY)
    qtbot.addWidget(second)
    assert second.edits["year_in_brief"].toPlainText() == "Two new wards joined the rota."


def test_calendar_years_offered(qtbot, context, coordinator) -> None:
    tab = ReportTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.kind_box.setCurrentIndex(1)
    assert tab.year_box.currentText() == "2026"
    assert tab.year.start == date(2026, 1, 1)


def test_print_asks_to_save_then_previews_the_words(qtbot, context, coordinator, monkeypatch):
    tab = ReportTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.edits["next_year"].setPlainText("Open a second peer group in the north.")
    asked: list[str] = []

    def yes(*args, **_kw):
        asked.append(args[1])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    printed: list[str] = []
    scripted(
        monkeypatch,
        PrintPreviewDialog,
        lambda d: printed.append(
            " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(d._pdf)).pages).split())
        ),
    )
    tab.print_sheet()
    assert asked == ["Save your words first?", "Some words are not written yet"]
    assert "Open a second peer group in the north." in printed[0]
    assert "What we will do next year" in printed[0]


def test_changing_year_offers_to_save_what_was_typed(
    qtbot, context, session, coordinator, monkeypatch
):
    tab = ReportTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.edits["year_in_brief"].setPlainText("Words for 2026 to 2027.")
    monkeypatch.setattr(report_tab, "ask_save_words", lambda *a: SaveAnswer.SAVE)
    tab.year_box.setCurrentIndex(1)  # April 2025 to March 2026
    assert tab.edits["year_in_brief"].toPlainText() == ""
    session.expire_all()
    assert read_narrative(session, coordinator, date(2026, 4, 1)).year_in_brief == (
        "Words for 2026 to 2027."
    )
    assert read_narrative(session, coordinator, date(2025, 4, 1)).version is None


def test_print_says_which_parts_are_empty_and_no_goes_to_the_first(
    qtbot, context, coordinator, monkeypatch
):
    tab = ReportTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.show()
    tab.edits["year_in_brief"].setPlainText("Two new wards joined the rota.")
    asked: list[str] = []

    def answer(*args, **_kw):
        asked.append(args[2])
        yes = len(asked) == 1  # save first: yes; preview with empty parts: no
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    previews = scripted(monkeypatch, PrintPreviewDialog, lambda d: None)
    tab.print_sheet()
    assert previews == []
    assert "“What changed because of members”; “What we will do next year”" in asked[1]
    assert "The year in brief" not in asked[1]
    assert tab.focusWidget() is tab.edits["what_changed"]
    # All written: no question, straight to the preview.
    tab.edits["what_changed"].setPlainText("Visiting hours changed.")
    tab.edits["next_year"].setPlainText("Evening workshops.")
    assert tab.save()
    asked.clear()
    tab.print_sheet()
    assert asked == [] and len(previews) == 1
