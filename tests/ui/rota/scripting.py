"""Running a dialog's ``exec`` as a script instead of waiting for a person."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog


def scripted(monkeypatch, cls: type[QDialog], script: Callable[[QDialog], None]) -> list:
    """Make ``cls.exec`` run ``script`` on the dialog instead of waiting for a person."""
    opened: list = []

    def fake_exec(self) -> int:
        opened.append(self)
        self.show()
        script(self)
        return self.result()

    monkeypatch.setattr(cls, "exec", fake_exec)
    return opened
