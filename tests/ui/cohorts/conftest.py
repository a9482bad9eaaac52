"""Cohorts screens under test never wait for a person: question boxes are answered ("Yes",
or "Discard" when offered), information boxes are recorded, and the facilitator fixture."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from involve_desktop.ui import dialog_keys
from tests.core.cohorts.conftest import facilitator  # noqa: F401 - fixture


@pytest.fixture(autouse=True)
def answered_questions(monkeypatch) -> list[str]:
    """Questions asked; "Discard" when offered, else "Yes"."""
    asked: list[str] = []

    def answer(*args, **_kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        buttons = args[3] if len(args) > 3 else QMessageBox.StandardButton.No
        if buttons & QMessageBox.StandardButton.Discard:
            return QMessageBox.StandardButton.Discard
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)

    def discard(_parent) -> bool:  # "Discard your changes?": Discard changes
        asked.append(dialog_keys.DISCARD_TEXT)
        return True

    monkeypatch.setattr(dialog_keys, "ask_discard", discard)
    return asked


@pytest.fixture(autouse=True)
def told(monkeypatch) -> list[str]:
    """Information and warning boxes shown (their text), never waiting for a click."""
    shown: list[str] = []

    def record(*args, **_kwargs):
        shown.append(args[2] if len(args) > 2 else "")
        return QMessageBox.StandardButton.Ok

    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown
