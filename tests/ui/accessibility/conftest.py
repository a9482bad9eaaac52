"""Fixtures for the keyboard-only task tests: a fresh demo group and its main window."""

from __future__ import annotations

import pytest

from involve_desktop.core.permissions import Role
from involve_desktop.ui.main_window import MainWindow
from tests.ui.accessibility.keys import focused
from tests.ui.accessibility.walk import actor_for, demo_context


@pytest.fixture
def demo(tmp_path):
    """A fresh demo group for each test, as tasks change it."""
    with demo_context(tmp_path / "demo") as context:
        yield context


@pytest.fixture
def window(qtbot, demo):
    """The main window for the demo coordinator, shown at laptop size."""
    main = MainWindow(demo, actor_for(demo, Role.COORDINATOR))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None)
    yield main
    main.lock_controller.stop()
