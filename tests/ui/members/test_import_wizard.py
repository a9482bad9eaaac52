"""The import wizard, driven like a coordinator would: choose a file, check, choose, import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard
from sqlalchemy import func, select

from involve_desktop.core.models.people import Member
from involve_desktop.core.services import members
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.services.member_import import ImportField
from involve_desktop.ui.members.import_wizard import ImportWizard
from tests.ui.accessibility.mnemonics import clashes, offered

FIXTURES = Path(__file__).parent.parent.parent / "fixtures"


def member_count(session) -> int:
    session.rollback()  # end the test's own read, to see what the wizard saved
    return session.scalar(select(func.count()).select_from(Member))


@pytest.fixture
def wizard(qtbot, context, coordinator, monkeypatch) -> ImportWizard:
    messages: list[str] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _parent, _title, text, *a, **k: messages.append(text)
        )
    widget = ImportWizard(context, coordinator)
    widget.messages = messages
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(monkeypatch, qtbot, wizard: ImportWizard, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), "Spreadsheets"))
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    assert wizard.file_page.path.text() == str(path)


def press_next(qtbot, wizard: ImportWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def test_messy_file_imported_skipping_listed_lines(
    qtbot, wizard, session, coordinator, monkeypatch
):
    members.create_member(
        session,
        coordinator,
        MemberInput("Priya Shah", email="priya@example.org", date_joined=date(2019, 1, 5)),
    )
    imported: list[int] = []
    wizard.members_imported.connect(imported.append)

    choose(monkeypatch, qtbot, wizard, FIXTURES / "messy_members.csv")
    press_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping_page
    mapping = wizard.mapping_page.mapping()
    assert mapping[0] is ImportField.FULL_NAME and mapping[1] is ImportField.EMAIL
    assert "turned round" in wizard.mapping_page.hint.text()

    press_next(qtbot, wizard)
    page = wizard.preview_page
    assert wizard.currentPage() is page
    assert page.summary.text() == "4 ready · 5 with problems · 2 possible duplicates"
    lines = [(p.line, p.field) for p in page.problems.all_rows()]
    assert (5, "Email") in lines and (15, "Full name") in lines
    assert page.problems.data(page.problems.index(0, 0)) == "5"
    dups = page.duplicates.all_rows()
    assert [d.line for d in dups] == [8, 10] and "Priya Shah" in dups[0].matches

    press_next(qtbot, wizard)
    choice = wizard.choice_page
    assert wizard.currentPage() is choice
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    # the safe choice to start: all or nothing, and with problems that is nothing
    assert choice.import_nothing.isChecked() and commit.isEnabled()
    assert commit.text() == "Close"
    assert choice.import_ready.text() == (
        "&Import the 4 ready rows and skip the 7 listed (rows 5, 6, 7, 8, 10, 11 and 15)"
    )
    choice.import_ready.click()
    assert commit.text() == "Import"
    choice.include_duplicates.click()
    assert "Import the 6 ready rows and skip the 5 listed" in choice.import_ready.text()
    choice.include_duplicates.click()
    assert commit.isEnabled()
    commit.click()

    assert wizard.currentPage() is wizard.result_page
    assert wizard.result_page.message.text().startswith(
        "Imported 4 members from messy_members.csv. Skipped rows 5, 6, 7, 8, 10, 11 and 15."
    )
    assert imported == [4] and member_count(session) == 5
    assert wizard.messages == []


def test_choosing_to_import_nothing_saves_nothing(qtbot, wizard, session, monkeypatch):
    choose(monkeypatch, qtbot, wizard, FIXTURES / "messy_members_cp1252.csv")
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    assert wizard.choice_page.import_nothing.isChecked()  # already: the safe default
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.result_page.title() == "Nothing was imported"
    assert "Fix rows 5, 6, 7, 11 and 15" in wizard.result_page.message.text()
    assert member_count(session) == 0


def test_xlsx_with_duplicates_included(qtbot, wizard, session, coordinator, monkeypatch):
    members.create_member(
        session,
        coordinator,
        MemberInput("Zoë Adams", email="zoe@example.org", date_joined=date(2021, 4, 3)),
    )
    choose(monkeypatch, qtbot, wizard, FIXTURES / "members.xlsx")
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    assert wizard.preview_page.summary.text() == (
        "3 ready · 0 with problems · 1 possible duplicate"
    )
    assert not wizard.preview_page.problems_view.isVisibleTo(wizard)
    press_next(qtbot, wizard)
    wizard.choice_page.import_ready.click()
    wizard.choice_page.include_duplicates.click()
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert "Imported 4 members" in wizard.result_page.message.text()
    assert member_count(session) == 5


def test_unreadable_file_explained_on_the_first_step(qtbot, wizard, tmp_path, monkeypatch):
    bad = tmp_path / "members.csv"
    bad.write_bytes(b"")
    choose(monkeypatch, qtbot, wizard, bad)
    press_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.isVisibleTo(wizard)
    assert "is empty" in wizard.file_page.error.text()


def test_mapping_without_names_is_refused_with_a_reason(qtbot, wizard, session, monkeypatch):
    choose(monkeypatch, qtbot, wizard, FIXTURES / "messy_members.csv")
    press_next(qtbot, wizard)
    wizard.mapping_page.set_field(0, None)
    press_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping_page
    assert "which column holds the names" in wizard.mapping_page.error.text()
    wizard.mapping_page.set_field(0, ImportField.FULL_NAME)
    wizard.mapping_page.set_field(9, None)  # leave the notes out
    press_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.preview.mapping[9] is None


def test_saving_the_list_of_rows_to_fix(qtbot, wizard, tmp_path, monkeypatch):
    choose(monkeypatch, qtbot, wizard, FIXTURES / "messy_members.csv")
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    target = tmp_path / "to fix"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV file (*.csv)")
    )
    wizard.preview_page.save_button.click()
    text = (tmp_path / "to fix.csv").read_text(encoding="utf-8-sig")
    assert "11,Date joined,31/02/2021" in text


def test_saving_the_list_over_a_file_there_already_asks_first(qtbot, wizard, tmp_path, monkeypatch):
    """Typing "to fix" gives "to fix.csv", which the save dialog never saw: so we ask."""
    choose(monkeypatch, qtbot, wizard, FIXTURES / "messy_members.csv")
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    existing = tmp_path / "to fix.csv"
    existing.write_text("keep me", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(tmp_path / "to fix"), "CSV file (*.csv)"),
    )
    asked: list[str] = []

    def answer(reply):
        def question(_parent, _title, text, *a, **k):
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    wizard.preview_page.save_button.click()
    assert existing.read_text(encoding="utf-8") == "keep me"
    assert "to fix.csv already exists" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    wizard.preview_page.save_button.click()
    assert "Row,Field" in existing.read_text(encoding="utf-8-sig")


def test_every_step_has_alt_keys_that_do_not_clash(qtbot, wizard, monkeypatch):
    choose(monkeypatch, qtbot, wizard, FIXTURES / "messy_members.csv")
    wizard.resize(1366, 768)
    seen: dict[str, dict[str, list[str]]] = {}
    for step in range(4):
        if step == 3:
            wizard.choice_page.import_ready.click()  # the duplicates box comes alive
        seen[wizard.currentPage().title()] = offered(wizard)
        assert clashes(wizard) == {}
        if step < 3:
            press_next(qtbot, wizard)
    keys = {title: sorted(found) for title, found in seen.items()}
    assert "Alt+C" in keys["Import members from a spreadsheet"]  # Choose file…
    assert "Alt+S" in keys["Check before importing"]  # Save this list…
    assert {"Alt+I", "Alt+F", "Alt+P"} <= set(keys["What would you like to do?"])


def test_status_column_is_explained_on_the_mapping_step(qtbot, wizard, tmp_path, monkeypatch):
    path = tmp_path / "old system.csv"
    path.write_text("Name,Status\nZoë Adams,Left\n", encoding="utf-8")
    choose(monkeypatch, qtbot, wizard, path)
    press_next(qtbot, wizard)
    assert wizard.mapping_page.mapping() == (ImportField.FULL_NAME, ImportField.STATUS)
    assert "Stepping back or Left are recorded so" in wizard.mapping_page.hint.text()


def test_left_on_column_is_explained_on_the_mapping_step(qtbot, wizard, tmp_path, monkeypatch):
    path = tmp_path / "members.csv"
    path.write_text("Name,Status,Left on\nZoë Adams,Left,03/04/2024\n", encoding="utf-8")
    choose(monkeypatch, qtbot, wizard, path)
    press_next(qtbot, wizard)
    assert wizard.mapping_page.mapping()[2] is ImportField.LEFT_ON
    hint = wizard.mapping_page.hint.text()
    assert "leaving on their Left on date" in hint and "the file does not say" not in hint


def test_status_column_this_account_cannot_change_is_said_on_the_mapping_step(
    qtbot, wizard, tmp_path, monkeypatch
):
    """An account that may import but not change a member's status learns it on step 2,
    from the service's rule, not only when the preview is refused."""
    from involve_desktop.core.permissions import ROLE_PERMISSIONS, Permission

    role = wizard.actor.role
    monkeypatch.setitem(
        ROLE_PERMISSIONS, role, ROLE_PERMISSIONS[role] - {Permission.MANAGE_MEMBER_RECORDS}
    )
    path = tmp_path / "members.csv"
    path.write_text("Name,Status,Left on\nZoë Adams,Left,03/04/2024\n", encoding="utf-8")
    choose(monkeypatch, qtbot, wizard, path)
    press_next(qtbot, wizard)
    # said as soon as the guessed Status column is shown, and Next stays on the step
    assert wizard.mapping_page.error.isVisibleTo(wizard)
    press_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping_page
    error = wizard.mapping_page.error.text()
    assert "“Status” holds each person's status, which your account cannot change" in error
    assert "“Left on” (Left on) is part of each person's status" in error
    assert "Don't import" in error
    wizard.mapping_page.set_field(1, None)
    wizard.mapping_page.set_field(2, None)
    assert not wizard.mapping_page.error.isVisibleTo(wizard)
    press_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.preview_page


def test_an_import_refused_as_out_of_date_is_checked_again_on_back(
    qtbot, wizard, session, tmp_path, monkeypatch
):
    """A check made on another day (the wizard left open overnight) is refused by the
    service; Back shows the file checked again, and the import then goes through."""
    import dataclasses

    path = tmp_path / "members.csv"
    path.write_text("Name\nZoë Adams\n", encoding="utf-8")
    choose(monkeypatch, qtbot, wizard, path)
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.preview_page
    press_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.choice_page
    wizard.preview = dataclasses.replace(wizard.preview, day=date(2026, 1, 1))
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentPage() is wizard.choice_page
    assert "checked on Thu 1 Jan 2026" in wizard.messages[-1]
    assert member_count(session) == 0
    wizard.back()
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.preview is not None and wizard.preview.day == date.today()
    press_next(qtbot, wizard)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentPage() is wizard.result_page
    assert member_count(session) == 1
