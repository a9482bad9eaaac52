"""Saving an export: the typed name keeps its dots and gets its type added, and a file the
save dialog never saw is not replaced without asking (members list, rows to fix, finance
batch)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from involve_desktop.ui.payments import payments_print
from involve_desktop.ui.save_file import with_type


def test_the_type_is_added_never_swapped_for_what_follows_a_dot():
    assert with_type("/x/finance 11.2026", "csv") == Path("/x/finance 11.2026.csv")
    assert with_type("/x/finance", "csv") == Path("/x/finance.csv")
    assert with_type("/x/finance.CSV", "csv") == Path("/x/finance.CSV")
    assert with_type("/x/list.v2", "xlsx") == Path("/x/list.v2.xlsx")


def test_the_finance_batch_asks_before_replacing_a_file_the_dialog_did_not_see(
    qtbot, tmp_path, monkeypatch
):
    parent = QWidget()
    qtbot.addWidget(parent)
    (tmp_path / "finance.csv").write_text("last month's batch", encoding="utf-8")
    typed = str(tmp_path / "finance")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (typed, ""))
    asked: list[str] = []

    def answer(_parent, _title, text, *_rest):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert payments_print.choose_csv_path(parent, tmp_path / "suggested.csv") is None
    assert asked and "finance.csv already exists" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    assert payments_print.choose_csv_path(parent, tmp_path / "s.csv") == tmp_path / "finance.csv"
    typed = str(tmp_path / "new 11.2026")
    assert payments_print.choose_csv_path(parent, tmp_path / "s.csv") == (
        tmp_path / "new 11.2026.csv"
    )
