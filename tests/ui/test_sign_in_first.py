"""Starting on an existing plain SQLite file: the sign-in window first, the file opened behind it.

``SignInFirst`` shows the sign-in window before SQLAlchemy or the services are needed; the
file is opened once the window has painted (or at once when Sign in comes sooner). A file
that cannot be opened is explained and the app ends; the writer lock is always let go.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import create_engine, text

from involve_desktop import app
from involve_desktop.core.db import single_writer
from involve_desktop.core.db.engine import sqlite_file
from involve_desktop.ui.accounts.login_dialog import (
    LoginDialog,
    remembered_group_name,
    remembered_server,
)
from involve_desktop.ui.main_window import MainWindow
from tests.conftest import COORDINATOR_PASSWORD


@pytest.fixture
def set_up_file(engine, coordinator) -> str:
    """The URL of a migrated SQLite file with a group and its coordinator (Sam)."""
    if engine.dialect.name != "sqlite":
        pytest.skip("the sign-in-first start of a SQLite file on this laptop")
    url = str(engine.url)
    engine.dispose()
    return url


@pytest.fixture
def set_up_server(engine, coordinator) -> str:
    """The URL of the migrated PostgreSQL test database with a group and its coordinator."""
    if engine.dialect.name == "sqlite":
        pytest.skip("the sign-in-first start of a database server (set INVOLVE_TEST_DATABASE_URL)")
    return engine.url.render_as_string(hide_password=False)


def _top(kind: type):  # noqa: ANN202 - the visible widget of that kind, or None
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
        None,
    )


@pytest.fixture
def styled(monkeypatch) -> list[object]:
    """The apps ``apply_style`` was called for (not applied: the tests' app keeps its look)."""
    calls: list[object] = []
    monkeypatch.setattr(app, "apply_style", calls.append)
    return calls


@pytest.fixture
def started(qapp, set_up_file, styled):  # noqa: ANN201 - (the start, the exit codes asked for)
    """``SignInFirst`` shown as at a start, its quits noted instead of ending the tests' app
    (the tests' event loop is never ``exec``'d: pytest-qt keeps it)."""
    flow = app.SignInFirst(qapp, set_up_file)
    ended: list[int] = []
    flow.quit = ended.append
    yield flow, ended
    flow.close()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, (LoginDialog, MainWindow)):
            widget.close()


def test_sign_in_pressed_before_the_file_is_open_waits_for_it(qtbot, started, set_up_file):
    flow, ended = started
    flow.show()
    dialog = _top(LoginDialog)
    assert dialog is not None and dialog.context is None  # nothing opened yet
    assert dialog.windowTitle() == "Sign in — Involve Desktop"  # nothing known yet
    assert flow.running is None
    dialog.username.setText("sam")
    dialog.password.setText(COORDINATOR_PASSWORD)
    dialog.sign_in_button.click()  # opens the file first, then signs in
    window = _top(MainWindow)
    assert window is not None and window.current_area() == "home"
    assert window.windowTitle().startswith("Riverside Voices")
    assert remembered_group_name() == "Riverside Voices"  # shown at once next time
    assert ended == []
    window.close()
    flow.close()
    assert single_writer.read_holder(sqlite_file_of(set_up_file)) is None


def test_the_file_opens_while_the_window_waits(qtbot, qapp, started, set_up_file, styled):
    flow, ended = started
    flow.show()
    dialog = _top(LoginDialog)
    assert styled == []  # the focus ring and style sheet wait for the first paint
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=30_000)  # after its paint
    assert styled == [qapp]
    assert dialog.windowTitle() == "Sign in — Riverside Voices"
    assert single_writer.read_holder(sqlite_file_of(set_up_file)) is not None  # ours
    dialog.reject()  # Quit on the sign-in window ends the app
    assert ended == [0]
    flow.close()
    assert single_writer.read_holder(sqlite_file_of(set_up_file)) is None


def test_a_file_that_cannot_be_opened_is_explained_and_the_app_ends(
    qtbot, started, set_up_file, monkeypatch
):
    flow, ended = started
    newer = create_engine(set_up_file)
    with newer.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'fromthefuture'"))
    newer.dispose()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, message, *a: said.append(message))
    flow.show()
    qtbot.waitUntil(lambda: ended == [1], timeout=30_000)
    assert len(said) == 1 and "newer version of Involve Desktop" in said[0]
    assert _top(LoginDialog) is None  # closed
    flow.close()
    assert single_writer.read_holder(sqlite_file_of(set_up_file)) is None


def test_only_an_existing_plain_file_signs_in_first(tmp_path, set_up_file) -> None:
    assert app._signs_in_first(set_up_file)  # noqa: SLF001
    assert not app._signs_in_first(f"sqlite:///{tmp_path / 'new.sqlite3'}")  # noqa: SLF001
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert not app._signs_in_first(f"sqlite:///{empty}")  # noqa: SLF001
    assert not app._signs_in_first("postgresql+psycopg://u@host/db")  # noqa: SLF001


def test_a_server_signs_in_first_once_this_laptop_has_opened_it() -> None:
    url = "postgresql+psycopg://peer:s3cret@db.example.org:5432/involve?sslmode=require"
    assert not app._signs_in_first(url)  # noqa: SLF001 - new here: it may need setting up
    app._remember_if_server(url)  # noqa: SLF001 - as after it opened
    assert remembered_server() == "postgresql+psycopg://peer@db.example.org:5432/involve"
    assert "s3cret" not in remembered_server()  # no password is kept
    assert app._signs_in_first(url.replace("s3cret", "changed"))  # noqa: SLF001
    assert not app._signs_in_first("postgresql+psycopg://peer@db.example.org:5432/other")  # noqa: SLF001
    assert not app._signs_in_first("sqlite://")  # noqa: SLF001 - in memory: nothing to remember
    app._remember_if_server("sqlite://")  # noqa: SLF001
    assert remembered_server() == "postgresql+psycopg://peer@db.example.org:5432/involve"


def test_on_a_known_server_sign_in_comes_first_and_the_server_opens_behind(
    qtbot, qapp, set_up_server, styled
):
    app._remember_if_server(set_up_server)  # noqa: SLF001 - opened here before
    assert app._signs_in_first(set_up_server)  # noqa: SLF001
    flow = app.SignInFirst(qapp, set_up_server)
    ended: list[int] = []
    flow.quit = ended.append
    try:
        flow.show()
        dialog = _top(LoginDialog)
        assert dialog is not None and dialog.context is None
        qtbot.waitUntil(lambda: dialog.context is not None, timeout=30_000)  # after its paint
        assert dialog.windowTitle() == "Sign in — Riverside Voices"
        assert flow.claim is None  # a server has its own locks
        dialog.username.setText("sam")
        dialog.password.setText(COORDINATOR_PASSWORD)
        dialog.sign_in_button.click()
        window = _top(MainWindow)
        assert window is not None and window.current_area() == "home"
        assert ended == []
        window.close()
    finally:
        flow.close()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, (LoginDialog, MainWindow)):
                widget.close()


def test_an_unreachable_known_server_is_explained_and_the_app_ends(
    qtbot, qapp, monkeypatch, styled
):
    url = "postgresql+psycopg://peer@127.0.0.1:9/involve?connect_timeout=2"  # nothing listens
    app._remember_if_server(url)  # noqa: SLF001
    assert app._signs_in_first(url)  # noqa: SLF001
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    flow = app.SignInFirst(qapp, url)
    ended: list[int] = []
    flow.quit = ended.append
    try:
        flow.show()
        assert flow.finish_opening() is None
        assert ended == [1] and flow.failed
        assert said and "server" in said[0].lower()
        assert _top(LoginDialog) is None
    finally:
        flow.close()


def sqlite_file_of(url: str):  # noqa: ANN201 - a Path
    engine = create_engine(url)
    try:
        return sqlite_file(engine)
    finally:
        engine.dispose()
