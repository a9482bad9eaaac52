"""A second copy opening the same SQLite file: told who has it, opens read-only, READ-ONLY in
the title, writes refused plainly; a stale lock cleared with one question; network warning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from involve_desktop import app, startup
from involve_desktop.core.db import location_risk, single_writer
from involve_desktop.core.db.engine import DatabaseReadOnly, session_factory
from involve_desktop.core.services import members
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.ui import read_only_notice
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.main_window import MainWindow


@pytest.fixture
def said(monkeypatch) -> list[tuple[str, str]]:
    """Every message box shown, as (kind, text); none waits for a click."""
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _p, _t, text, *a, k=kind, **kw: shown.append((k, text))
        )
    return shown


@pytest.fixture
def sqlite_url_of_set_up_group(engine, coordinator) -> str:
    """The migrated, set-up test database (SQLite only: the lock is about a file)."""
    if engine.dialect.name != "sqlite":
        pytest.skip("one writer per file is about the SQLite file")
    engine.dispose()
    return str(engine.url)


def test_second_open_is_read_only_says_who_and_refuses_writes(
    qtbot, said, sqlite_url_of_set_up_group, coordinator
):
    url = sqlite_url_of_set_up_group
    first = app.open_or_recover(url, None)  # the copy Sam has open
    assert first is not None and not first.read_only
    first.claim.lock.set_user("Sam")
    assert said == []
    try:
        second = app.open_or_recover(url, None)
        assert second is not None and second.read_only
        machine = single_writer.this_machine()
        [(kind, text)] = said
        assert kind == "information"
        assert f"Sam on {machine} has had this database open since" in text
        assert "READ-ONLY" in text
        sessions = session_factory(second.engine)
        with sessions() as session, pytest.raises(DatabaseReadOnly, match="Nothing was saved"):
            members.create_member(session, coordinator, MemberInput(full_name="Alan Wright"))
        window = MainWindow(AppContext(sessions, second.location), coordinator)
        qtbot.addWidget(window)
        read_only_notice.mark_read_only(window)
        assert window.windowTitle().endswith("— READ-ONLY")
        status = window.statusBar().findChild(QLabel, "readOnlyStatus")
        assert status is not None and "nothing can be saved" in status.text()
        window.setWindowTitle("Riverside Voices Together — Involve Desktop")  # e.g. renamed
        assert window.windowTitle().endswith("— READ-ONLY")
        second.close()
    finally:
        first.close()
    third = app.open_or_recover(url, None)  # Sam closed: the next copy is the writer
    assert third is not None and not third.read_only
    third.close()


def _leave_a_stale_lock(database: Path) -> None:
    """What a crash leaves: the lock file's text, naming a process that has ended."""
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    holder = single_writer.LockHolder(
        "Sam", single_writer.this_machine(), int(ended.stdout), datetime(2026, 3, 3, 14, 5)
    )
    single_writer.lock_path(database).write_text(holder.to_json(), encoding="utf-8")


def test_stale_lock_is_cleared_with_one_confirmation(monkeypatch, said, sqlite_url_of_set_up_group):
    url = sqlite_url_of_set_up_group
    database = Path(url.removeprefix("sqlite:///"))
    _leave_a_stale_lock(database)
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        box.defaultButton().click()  # "Open normally"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    opened = app.open_or_recover(url, None)
    try:
        assert len(asked) == 1
        assert "not closed properly" in asked[0] and "Sam" in asked[0]
        assert "on this computer at Tue 3 Mar 2026 14:05" in asked[0]
        assert opened is not None and not opened.read_only
        assert json.loads(single_writer.lock_path(database).read_text())["pid"] == os.getpid()
    finally:
        opened.close()
    assert said == []  # nothing else to say: it opened normally


def test_stale_lock_kept_when_the_answer_is_read_only(
    monkeypatch, said, sqlite_url_of_set_up_group
):
    url = sqlite_url_of_set_up_group
    database = Path(url.removeprefix("sqlite:///"))
    _leave_a_stale_lock(database)

    def read_only(box: QMessageBox) -> int:
        [button] = [b for b in box.buttons() if b is not box.defaultButton()]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", read_only)
    opened = app.open_or_recover(url, None)
    assert opened is not None and opened.read_only
    assert "Sam on" in said[0][1]
    opened.close()
    assert single_writer.read_holder(database).user == "Sam"  # left as it was


def test_network_share_is_warned_about(monkeypatch, tmp_path, said, sqlite_url_of_set_up_group):
    url = sqlite_url_of_set_up_group
    database = Path(url.removeprefix("sqlite:///"))
    mounts = tmp_path / "mounts"
    share = str(database.parent.resolve()).replace(" ", "\\040")
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n//office/shared {share} cifs rw 0 0\n")
    monkeypatch.setattr(location_risk, "MOUNTS", mounts)
    monkeypatch.setattr(sys, "platform", "linux")
    opened = app.open_or_recover(url, None)
    try:
        [(kind, text)] = said
        assert kind == "warning" and "network share" in text
        assert opened is not None and not opened.read_only  # a warning, not a refusal
    finally:
        opened.close()
    assert startup.location_warning(url) is not None
