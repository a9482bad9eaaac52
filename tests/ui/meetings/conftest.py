"""Meetings screens under test never wait on a question box a person would answer."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from involve_desktop.ui import dialog_keys


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

    def discard(_parent) -> bool:  # "Discard your changes?": Discard changes
        asked.append(dialog_keys.DISCARD_TEXT)
        return True

    monkeypatch.setattr(dialog_keys, "ask_discard", discard)
    return asked
