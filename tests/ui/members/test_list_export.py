"""Export… from the members list: the file the user meant, and never a silent overwrite."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from involve_desktop.core.services.member_dto import MemberFilter
from involve_desktop.ui.members.list_export import chosen_path, export_members_to_file


def test_typed_name_gets_the_chosen_type():
    assert chosen_path("/x/members", "CSV file (*.csv)") == (Path("/x/members.csv"), "csv")
    # a dot inside the name is kept: nothing after it is taken for a file type
    assert chosen_path("/x/members 28.11.2026", "CSV file (*.csv)") == (
        Path("/x/members 28.11.2026.csv"),
        "csv",
    )
    assert chosen_path("/x/members.v2", "Excel workbook (*.xlsx)") == (
        Path("/x/members.v2.xlsx"),
        "xlsx",
    )
    assert chosen_path("/x/members", "Excel workbook (*.xlsx)") == (
        Path("/x/members.xlsx"),
        "xlsx",
    )


def test_members_csv_there_already_is_not_replaced_without_asking(
    qtbot, context, coordinator, tmp_path, monkeypatch
):
    """Typing "members" with the CSV type: the dialog checked "members", not members.csv."""
    parent = QWidget()
    qtbot.addWidget(parent)
    existing = tmp_path / "members.csv"
    existing.write_text("last month's list", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(tmp_path / "members"), "CSV file (*.csv)"),
    )
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    asked: list[str] = []

    def reply(answer):
        def question(_parent, _title, text, *a, **k):
            asked.append(text)
            return answer

        return question

    monkeypatch.setattr(QMessageBox, "question", reply(QMessageBox.StandardButton.No))
    export_members_to_file(parent, context, coordinator, MemberFilter())
    assert "members.csv already exists" in asked[0] and "replace" in asked[0]
    assert existing.read_text(encoding="utf-8") == "last month's list" and told == []

    monkeypatch.setattr(QMessageBox, "question", reply(QMessageBox.StandardButton.Yes))
    export_members_to_file(parent, context, coordinator, MemberFilter())
    assert existing.read_text(encoding="utf-8-sig").startswith("Name they go by,")
    assert told and "Saved" in told[0]


def test_a_new_file_is_saved_without_a_question(qtbot, context, coordinator, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(tmp_path / "members"), "CSV file (*.csv)"),
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: never_asked())
    export_members_to_file(parent, context, coordinator, MemberFilter())
    assert (tmp_path / "members.csv").exists()


def never_asked():
    raise AssertionError("asked about replacing a file that was not there")
