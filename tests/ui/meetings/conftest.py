"""Meetings screens under test never wait on a question box a person would answer."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def unanswered_questions(monkeypatch) -> list[str]:
    """Questions asked (and answered "Discard"/"No") so teardown never blocks on a modal box."""
    asked: list[str] = []

    def answer(*args, **_kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        buttons = args[3] if len(args) > 3 else QMessageBox.StandardButton.No
        if buttons & QMessageBox.StandardButton.Discard:
            return QMessageBox.StandardButton.Discard
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked
