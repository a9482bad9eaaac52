"""Starting on an existing plain SQLite file: the sign-in window first, the file opened behind it.

``SignInFirst`` shows the sign-in window before SQLAlchemy or the services are needed; the
file is opened once the window has painted (or at once when Sign in comes sooner). A file
that cannot be opened is explained and the app ends; the writer lock is always let go.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from involve_desktop import app
from involve_desktop.core.db import single_writer
from involve_desktop.core.db.engine import sqlite_file
from involve_desktop.ui.accounts.login_dialog import LoginDialog, remembered_group_name
from involve_desktop.ui.main_window import MainWindow
from tests.conftest import COORDINATOR_PASSWORD


@pytest.fixture
def set_up_file(engine, coordinator) -> str:
    """The URL of a migrated SQLite file with a group and its coordinator (Sam)."""
    if engine.dialect.name != "sqlite":
        pytest.skip("the sign-in-first start is for a SQLite file on this laptop")
    url = str(engine.url)
    engine.dispose()
    return url


def _top(kind: type):  # noqa: ANN202 - the widget of that kind on screen, or None
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind)), None)


def _soon(step: Callable[[], None], ms: int = 0) -> None:
    QTimer.singleShot(ms, step)


def _give_up_after(seconds: int) -> QTimer:
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QCoreApplication.exit(99))
    guard.start(seconds * 1000)
    return guard


def test_sign_in_pressed_before_the_file_is_open_waits_for_it(qapp, set_up_file) -> None:
    seen: dict[str, object] = {}

    def sign_in_at_once() -> None:
        dialog = _top(LoginDialog)
        seen["context before"] = dialog.context  # nothing opened yet
        seen["title before"] = dialog.windowTitle()
        dialog.username.setText("sam")
        dialog.password.setText(COORDINATOR_PASSWORD)
        dialog.sign_in_button.click()
        _soon(look_at_the_window)

    def look_at_the_window() -> None:
        window = _top(MainWindow)
        seen["window"] = window is not None and window.isVisible()
        seen["area"] = window.current_area() if window else None
        seen["title"] = window.windowTitle() if window else None
        window.close()
        QCoreApplication.quit()

    flow = app.SignInFirst(qapp, set_up_file)
    _soon(sign_in_at_once)
    guard = _give_up_after(60)
    code = flow.run()
    guard.stop()
    assert code == 0
    assert seen["context before"] is None
    assert seen["title before"] == "Sign in — Involve Desktop"  # nothing known yet
    assert seen["window"] is True and seen["area"] == "home"
    assert seen["title"].startswith("Riverside Voices")
    assert remembered_group_name() == "Riverside Voices"  # shown at once next time
    assert single_writer.read_holder(sqlite_file_of(set_up_file)) is None


def test_the_file_opens_while_the_window_waits(qapp, set_up_file) -> None:
    seen: dict[str, object] = {}

    def wait_for_the_file(tries: int = 0) -> None:
        dialog = _top(LoginDialog)
        if dialog.context is None and tries < 400:
            _soon(lambda: wait_for_the_file(tries + 1), 25)
            return
        seen["opened"] = dialog.context is not None
        seen["title"] = dialog.windowTitle()
        dialog.reject()  # Quit on the sign-in window ends the app

    flow = app.SignInFirst(qapp, set_up_file)
    _soon(wait_for_the_file)
    guard = _give_up_after(60)
    code = flow.run()
    guard.stop()
    assert code == 0
    assert seen == {"opened": True, "title": "Sign in — Riverside Voices"}
    assert flow.running is not None  # and it was closed on the way out
    assert single_writer.read_holder(sqlite_file_of(set_up_file)) is None


def test_a_file_that_cannot_be_opened_is_explained_and_the_app_ends(
    qapp, set_up_file, monkeypatch
) -> None:
    from sqlalchemy import create_engine

    newer = create_engine(set_up_file)
    with newer.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'fromthefuture'"))
    newer.dispose()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, message, *a: said.append(message))
    flow = app.SignInFirst(qapp, set_up_file)
    guard = _give_up_after(60)
    code = flow.run()
    guard.stop()
    assert code == 1
    assert len(said) == 1 and "newer version of Involve Desktop" in said[0]
    assert _top(LoginDialog) is None or not _top(LoginDialog).isVisible()
    assert single_writer.read_holder(sqlite_file_of(set_up_file)) is None


def test_only_an_existing_plain_file_signs_in_first(tmp_path, set_up_file) -> None:
    assert app._signs_in_first(set_up_file)  # noqa: SLF001
    assert not app._signs_in_first(f"sqlite:///{tmp_path / 'new.sqlite3'}")  # noqa: SLF001
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert not app._signs_in_first(f"sqlite:///{empty}")  # noqa: SLF001
    assert not app._signs_in_first("postgresql+psycopg://u@host/db")  # noqa: SLF001


def sqlite_file_of(url: str):  # noqa: ANN201 - a Path
    from sqlalchemy import create_engine

    engine = create_engine(url)
    try:
        return sqlite_file(engine)
    finally:
        engine.dispose()
