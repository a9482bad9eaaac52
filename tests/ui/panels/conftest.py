"""Panels screens under test never wait for a person: question boxes are answered, and an
input dialog a test did not script fails at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from involve_desktop.ui import dialog_keys
from tests.core.panels.conftest import facilitator  # noqa: F401 - fixture


@pytest.fixture(autouse=True)
def answered_questions(monkeypatch) -> list[str]:
    """Questions asked; "Discard" when offered, else "Yes" (tests that need "No" patch it)."""
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
def no_waiting_input_dialogs(monkeypatch):
    """An input dialog a test did not script fails at once instead of waiting for a click."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected input dialog: {args[1:3]}")

    for name in ("getItem", "getText", "getInt", "getDouble"):
        monkeypatch.setattr(QInputDialog, name, refuse)
