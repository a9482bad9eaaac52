"""Settings → Backups and the backups side of start-up: list, back up now, restore (scripted
confirm), copy to a folder, coordinators only, the damaged-file offer, the on-close copy."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from involve_desktop import app, paths
from involve_desktop.core.db.backup import BackupReason, backup_sqlite, list_backup_files
from involve_desktop.core.db.engine import session_factory, sqlite_file, sqlite_url
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, organisation
from involve_desktop.ui.backups import damaged_dialog
from involve_desktop.ui.backups.auto_backup import AutoBackup, start_auto_backup
from involve_desktop.ui.backups.backups_tab import BackupsTab
from involve_desktop.ui.settings.settings_view import SettingsView
from tests.conftest import TEST_DATABASE_URL

sqlite_only = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="the app backs up SQLite only")


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    said: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a, **k: said.append(text))
    return said


def _group(engine) -> str | None:
    with session_factory(engine)() as fresh:
        return organisation.group_name(fresh)


@sqlite_only
def test_tab_lists_backups_newest_first_with_why(
    qtbot, qtmodeltester, context, engine, coordinator
):
    path = sqlite_file(engine)
    assert path is not None
    an_hour_ago = datetime.now() - timedelta(hours=1)
    backup_sqlite(path, paths.backups_dir(), BackupReason.BEFORE_UPGRADE, now=an_hour_ago)
    tab = BackupsTab(context, coordinator)
    qtbot.addWidget(tab)
    qtmodeltester.check(tab.proxy)
    assert "No copies yet" not in tab.where.text()

    qtbot.mouseClick(tab.back_up_button, Qt.MouseButton.LeftButton)  # Back up now

    rows = [tab.proxy.index(r, 1).data() for r in range(tab.proxy.rowCount())]
    assert rows == ["backed up now", "before upgrade"]
    assert tab.selected() is not None and tab.selected().reason == BackupReason.MANUAL
    assert tab.status.text().startswith("Backed up: the copy taken ")
    assert tab.proxy.index(0, 2).data().endswith("KB")


@sqlite_only
def test_restore_asks_naming_the_date_then_goes_back(
    qtbot, context, engine, session, coordinator, monkeypatch, messages
):
    organisation.rename_group(session, coordinator, "Riverside Voices")
    tab = BackupsTab(context, coordinator)
    qtbot.addWidget(tab)
    tab.back_up_now()
    chosen = tab.selected()
    assert chosen is not None
    organisation.rename_group(session, coordinator, "Typed After The Backup")
    session.close()

    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answer[0]
    )
    tab.restore()
    assert _group(engine) == "Typed After The Backup"  # said No: nothing happened

    answer[0] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(tab.restored) as restored:
        tab.restore()

    day = f"{chosen.taken:%d}".lstrip("0")
    assert f" {day} " in asked[-1] and f"{chosen.taken:%H:%M}" in asked[-1]
    assert "backed up first" in asked[-1]
    assert _group(engine) == "Riverside Voices"
    assert restored.args[0].restored.path == chosen.path
    assert "Sign in again" in messages[-1]
    reasons = [tab.proxy.index(r, 1).data() for r in range(tab.proxy.rowCount())]
    assert "before restore" in reasons


@sqlite_only
def test_copy_to_a_folder_says_where_it_went(qtbot, context, coordinator, tmp_path, monkeypatch):
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    tab = BackupsTab(context, coordinator)
    qtbot.addWidget(tab)
    tab.back_up_now()
    chosen = tab.selected()
    assert chosen is not None
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))

    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)

    copied = stick / chosen.path.name
    assert copied.read_bytes() == chosen.path.read_bytes()
    assert str(copied) in tab.status.text() and "somewhere safe" in tab.status.text()


def test_only_coordinators_get_the_backups_tab(qtbot, context, session, coordinator):
    accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "tuesday group 2pm", Role.FACILITATOR
    )
    fran = accounts.sign_in(session, "fran", "tuesday group 2pm")
    for actor, expected in ((coordinator, True), (fran, False)):
        view = SettingsView(context, actor)
        qtbot.addWidget(view)
        titles = [view.tabs.tabText(i).replace("&", "") for i in range(view.tabs.count())]
        assert ("Backups" in titles) is expected


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="PostgreSQL only")
def test_on_postgresql_the_tab_says_backups_are_the_servers_job(qtbot, context, coordinator):
    tab = BackupsTab(context, coordinator)
    qtbot.addWidget(tab)
    assert "server" in tab.where.text()
    assert not tab.back_up_button.isEnabled() and not tab.restore_button.isEnabled()


@sqlite_only
def test_the_demo_says_it_makes_no_copies_by_itself(qtbot, context, coordinator):
    from involve_desktop.ui.context import AppContext

    demo = AppContext(context.sessions, context.location, demo=True)
    tab = BackupsTab(demo, coordinator)
    qtbot.addWidget(tab)
    assert "The demo makes no copies by itself" in tab.where.text()
    assert tab.back_up_button.isEnabled()


@sqlite_only
def test_on_close_copy_only_after_a_change(qtbot, engine, session, coordinator):
    path = sqlite_file(engine)
    assert path is not None
    quiet = AutoBackup(path)
    quiet.close()
    assert list_backup_files(path, paths.backups_dir()) == []
    auto = start_auto_backup(engine, demo=False)
    assert auto is not None and start_auto_backup(engine, demo=True) is None
    organisation.rename_group(session, coordinator, "Changed While Open")
    assert auto.close() is None
    assert [b.reason for b in list_backup_files(path, paths.backups_dir())] == ["on-close"]


@sqlite_only
def test_a_failed_on_close_copy_is_told_not_only_logged(
    qtbot, engine, session, coordinator, monkeypatch
):
    path = sqlite_file(engine)
    assert path is not None
    auto = AutoBackup(path)
    organisation.rename_group(session, coordinator, "Changed While Open")

    def full_disk(_reason) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(auto.scheduler, "_take", full_disk)
    told = auto.close()
    assert told is not None and "No space left on device" in told
    assert "Your data is saved" in told and "Back up now" in told
    assert auto.counter._connection is None  # the file is let go all the same


@sqlite_only
def test_a_failed_automatic_copy_is_said_once_until_one_works(
    qtbot, engine, session, coordinator, monkeypatch
):
    path = sqlite_file(engine)
    assert path is not None
    auto = AutoBackup(path)
    told: list[str] = []
    auto.failed.connect(told.append)

    def full_disk(_reason) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(auto.scheduler, "tick", lambda: full_disk(None))
    auto.tick()
    auto.tick()
    assert len(told) == 1 and "No space left on device" in told[0]
    assert "Your data is safe" in told[0]
    monkeypatch.setattr(auto.scheduler, "tick", lambda: True)
    auto.tick()  # worked: the next failure is said again
    monkeypatch.setattr(auto.scheduler, "tick", lambda: full_disk(None))
    auto.tick()
    assert len(told) == 2
    auto.timer.stop()
    auto.counter.close()


def _damage(engine, session, coordinator) -> Path:
    path = sqlite_file(engine)
    assert path is not None
    backup_sqlite(path, paths.backups_dir(), BackupReason.ON_CLOSE)
    organisation.rename_group(session, coordinator, "Typed After The Backup")
    session.close()
    engine.dispose()
    data = bytearray(path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))
    return path


@sqlite_only
def test_start_on_a_damaged_file_quits_without_writing(engine, session, coordinator, monkeypatch):
    path = _damage(engine, session, coordinator)
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    offered = []
    monkeypatch.setattr(
        damaged_dialog, "offer_restore", lambda error: offered.append(error) or False
    )

    assert app.open_or_recover(sqlite_url(path), None) is None

    assert offered and offered[0].backup is not None
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


@sqlite_only
def test_start_on_a_damaged_file_restores_the_good_backup(
    engine, session, coordinator, monkeypatch, messages
):
    path = _damage(engine, session, coordinator)
    monkeypatch.setattr(damaged_dialog, "offer_restore", lambda error: True)

    opened = app.open_or_recover(sqlite_url(path), None)

    assert opened is not None
    assert _group(opened.engine) == "Riverside Voices"
    opened.engine.dispose()
    kept = list(path.parent.glob(f"{path.stem}-damaged-*{path.suffix}"))
    assert len(kept) == 1 and str(kept[0]) in messages[-1]


def test_closing_the_app_says_when_the_on_close_copy_failed(monkeypatch):
    """Running.close lets go of the file first, then shows the failed copy's words."""
    from involve_desktop import app as app_module

    events: list[str] = []

    class Auto:
        def close(self) -> str:
            events.append("backup")
            return "The backup taken as Involve Desktop closes could not be made (full)."

    class Opened:
        def close(self) -> None:
            events.append("file let go")

    monkeypatch.setattr(app_module, "_dispose_rebound", lambda *_: events.append("engines"))
    monkeypatch.setattr(app_module, "tell_backup_not_made", lambda text: events.append(text))
    running = app_module.Running.__new__(app_module.Running)
    running.context, running.opened, running.auto_backup = None, Opened(), Auto()
    running.close()
    assert events[:3] == ["backup", "engines", "file let go"]
    assert events[3].startswith("The backup taken as Involve Desktop closes")


@sqlite_only
def test_with_no_copies_the_tab_says_what_a_backup_is_and_how_to_make_one(
    qtbot, context, coordinator
):
    tab = BackupsTab(context, coordinator)
    qtbot.addWidget(tab)
    assert tab.empty.isVisibleTo(tab) and not tab.table.isVisibleTo(tab)
    assert "A backup is a copy of everything" in tab.empty.text()
    assert "Back up now" in tab.empty.text()

    tab.back_up_now()

    assert not tab.empty.isVisibleTo(tab) and tab.table.isVisibleTo(tab)


def _junk_named_like_a_backup(engine) -> Path:
    path = sqlite_file(engine)
    assert path is not None
    junk = paths.backups_dir() / f"{path.stem}-2026-11-20T101500-backed-up-now{path.suffix}"
    junk.write_bytes(bytes(range(100)))
    return junk


@sqlite_only
def test_a_damaged_copy_is_marked_in_words_and_not_copied(
    qtbot, context, engine, coordinator, tmp_path, monkeypatch, messages
):
    junk = _junk_named_like_a_backup(engine)
    tab = BackupsTab(context, coordinator)
    qtbot.addWidget(tab)
    tab.back_up_now()
    states = {
        tab.proxy.index(r, 0).data(Qt.ItemDataRole.ToolTipRole): tab.proxy.index(r, 3).data()
        for r in range(tab.proxy.rowCount())
    }
    assert tab.model.headerData(3, Qt.Orientation.Horizontal) == "State"
    assert states[junk.name] == "Damaged: it is not a database file"
    assert [s for name, s in states.items() if name != junk.name] == [""]

    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    tab._select(junk)
    tab.copy_to_folder()
    assert "damaged" in messages[-1] and "not copied" in messages[-1]
    assert "somewhere safe" not in tab.status.text()
    assert list(stick.iterdir()) == []


@sqlite_only
def test_a_refused_restore_says_nothing_was_restored(
    qtbot, context, engine, session, coordinator, monkeypatch, messages
):
    from involve_desktop.core.services import backups

    tab = BackupsTab(context, coordinator)
    qtbot.addWidget(tab)
    tab.back_up_now()
    organisation.rename_group(session, coordinator, "Typed After The Backup")
    session.close()

    def unwritable(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(backups, "backup_sqlite", unwritable)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    tab.restore()
    assert messages[-1].startswith("Nothing was restored")
    assert "Free some space" in messages[-1]
    assert _group(engine) == "Typed After The Backup"
