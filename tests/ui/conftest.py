"""GUI test fixtures: QSettings kept in the test's folder, an app context on the test database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from sqlalchemy import Engine

from involve_desktop.core.db.engine import describe_location, session_factory
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement import report_tab


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp) -> None:
    """Window geometry and remembered folders go to a temporary folder, not the user's."""
    QCoreApplication.setOrganizationName("InvolveTests")
    QCoreApplication.setApplicationName("Involve Desktop Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture(autouse=True)
def unanswered_discard_question(request: pytest.FixtureRequest, monkeypatch) -> None:
    """Fail at once when a dialog would ask "Discard your changes?" and the test has not
    said how to answer (patch ``dialog_keys.ask_discard``): the real question is modal
    and would wait for a person until the hang timeout. Tests that answer the real box
    with keys are marked ``real_discard_question``."""
    if request.node.get_closest_marker("real_discard_question") is not None:
        return

    def unanswered(parent) -> bool:
        raise AssertionError(
            f"{type(parent).__name__} asked 'Discard your changes?' but the test did not "
            "answer it: monkeypatch dialog_keys.ask_discard"
        )

    monkeypatch.setattr(dialog_keys, "ask_discard", unanswered)

    def unanswered_words(parent, year_label: str):
        raise AssertionError(
            f"{type(parent).__name__} asked about unsaved report words for {year_label} but "
            "the test did not answer it: monkeypatch report_tab.ask_save_words"
        )

    monkeypatch.setattr(report_tab, "ask_save_words", unanswered_words)


@pytest.fixture
def context(engine: Engine) -> AppContext:
    """The app context the windows use, on the migrated test database."""
    return AppContext(session_factory(engine), describe_location(engine))
