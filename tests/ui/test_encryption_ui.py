"""Encryption at rest as people meet it: the first run encrypts and shows the recovery key
once; the next start signs in to open the file; the recovery key; encrypting an old file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWizard
from sqlalchemy import text

from involve_desktop import app, paths
from involve_desktop.core.db import key_slots
from involve_desktop.core.db.cipher import is_encrypted_file, is_plain_file
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.db.migrate import migrate
from involve_desktop.core.services import accounts
from involve_desktop.ui.accounts.first_run_wizard import FirstRunWizard
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.encryption.encrypt_dialog import EncryptDialog
from involve_desktop.ui.encryption.encryption_box import EncryptionBox
from involve_desktop.ui.encryption.recovery_dialog import RecoveryDialog
from involve_desktop.ui.encryption.recovery_key_dialog import RecoveryKeyDialog
from involve_desktop.ui.encryption.unlock_dialog import UnlockDialog, remember_username
from tests.conftest import TEST_DATABASE_URL
from tests.ui.typing import type_text

pytestmark = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="encrypts the SQLite file only")
PASSWORD = "a good long password"


@pytest.fixture
def new_file(tmp_path: Path) -> Iterator[tuple[Path, AppContext]]:
    """An empty migrated SQLite file, as the app opens it before the first-run wizard."""
    path = tmp_path / "involve.sqlite3"
    engine = create_engine_for(sqlite_url(path))
    migrate(engine, paths.migrations_dir(), paths.backups_dir())
    context = AppContext(session_factory(engine), str(path))
    yield path, context
    context.sessions.kw["bind"].dispose()
    engine.dispose()


def _run_wizard(qtbot, context: AppContext) -> FirstRunWizard:
    wizard = FirstRunWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(qtbot, wizard.group_page.group_name, "Harbour Peer Voices")
    wizard.next()
    fields = wizard.account_page.fields
    type_text(qtbot, fields.display_name, "Jo Mensah")
    type_text(qtbot, fields.password, PASSWORD)
    type_text(qtbot, fields.confirm, PASSWORD)
    wizard.next()
    return wizard


def test_first_run_encrypts_and_finish_waits_for_the_recovery_key_to_be_kept(qtbot, new_file):
    path, context = new_file
    wizard = _run_wizard(qtbot, context)
    assert wizard.currentPage() is wizard.done_page
    key = wizard.recovery_key
    assert key is not None and wizard.done_page.key_label.text() == key
    assert "encrypted" in wizard.done_page.summary.text()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()  # Esc: the key is shown only once, so the page stays
    assert wizard.isVisible() and wizard.currentPage() is wizard.done_page
    wizard.done_page.kept.setChecked(True)
    assert finish.isEnabled()
    assert is_encrypted_file(path) and key_slots.has_slots(path)
    for backup in paths.backups_dir().iterdir():  # the copy taken first is encrypted too
        assert is_encrypted_file(backup), backup.name
    with context.session() as session:  # the app carries on, on the encrypted file
        assert accounts.sign_in(session, "jo.mensah", PASSWORD).display_name == "Jo Mensah"


def test_next_start_signs_in_to_open_the_file_and_goes_straight_in(qtbot, new_file, monkeypatch):
    path, context = new_file
    _run_wizard(qtbot, context).close()
    context.sessions.kw["bind"].dispose()
    tries: list[str] = []

    def sign_in(dialog: UnlockDialog) -> int:
        for password in ("wrong password", PASSWORD):
            dialog.username.setText("Jo.Mensah")
            dialog.password.setText(password)
            dialog.sign_in_button.click()
            tries.append(dialog.error.text() if dialog.error.isVisibleTo(dialog) else "")
        return dialog.result()

    monkeypatch.setattr(UnlockDialog, "exec", sign_in)
    unlocked = app.Unlocked()
    opened = app.open_or_recover(sqlite_url(path), None, unlocked)
    assert opened is not None
    try:
        assert "do not match an account" in tries[0]
        with opened.engine.connect() as conn:
            assert conn.scalar(text("SELECT name FROM organisation")) == "Harbour Peer Voices"
        flow = app.AppFlow(AppContext(session_factory(opened.engine), "x"), opened, unlocked)
        assert flow.start()
        assert flow.login_dialog is None and flow.main_window is not None  # no second ask
        assert "Jo Mensah" in flow.main_window.account_label.text()
        assert unlocked.take() is None  # the password is not kept
        flow.main_window.close()
    finally:
        opened.close()


def test_quitting_the_sign_in_opens_nothing(qtbot, new_file, monkeypatch):
    path, context = new_file
    _run_wizard(qtbot, context).close()
    context.sessions.kw["bind"].dispose()
    monkeypatch.setattr(UnlockDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert app.open_or_recover(sqlite_url(path), None) is None


def test_encrypted_sign_in_fills_in_the_last_username_so_the_password_goes_in_its_box(
    qtbot, new_file, monkeypatch
):
    path, context = new_file
    _run_wizard(qtbot, context).close()
    dialog = UnlockDialog(sqlite_url(path))
    qtbot.addWidget(dialog)
    assert dialog.username.text() == "jo.mensah"
    assert dialog.focusWidget() is dialog.password
    dialog.username.setText("JO.MENSAH ")
    dialog.password.setText(PASSWORD)
    dialog.try_unlock()
    assert dialog.key is not None
    again = UnlockDialog(sqlite_url(path))
    qtbot.addWidget(again)
    assert again.username.text() == "JO.MENSAH"
    # "Forgot your password?" starts with that username filled in too.
    seen: list[str] = []

    def look(recovery: RecoveryDialog) -> int:
        seen.append(recovery.username.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(RecoveryDialog, "exec", look)
    again.use_recovery_key()
    assert seen == ["JO.MENSAH"] and again.key is None
    # A remembered name that cannot open this file (another laptop's account) is not offered.
    remember_username("someone.else")
    other = UnlockDialog(sqlite_url(path))
    qtbot.addWidget(other)
    assert other.username.text() == ""


def test_recovery_key_is_selectable_to_copy(qtbot, new_file):
    _path, context = new_file
    wizard = _run_wizard(qtbot, context)
    flags = wizard.done_page.key_label.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    dialog = RecoveryKeyDialog("ABCDE-FGHJK-MNPQR-STVWX-YZ012", "Harbour Peer Voices")
    qtbot.addWidget(dialog)
    assert dialog.key_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_wrong_passwords_slow_down_after_five(qtbot, new_file):
    path, context = new_file
    _run_wizard(qtbot, context).close()
    dialog = UnlockDialog(sqlite_url(path))
    qtbot.addWidget(dialog)
    for _ in range(5):
        dialog.username.setText("jo.mensah")
        dialog.password.setText("not it")
        dialog.try_unlock()
    dialog.password.setText(PASSWORD)
    dialog.try_unlock()
    assert "Too many wrong tries" in dialog.error.text() and dialog.key is None


def test_recovery_key_opens_the_file_and_sets_a_new_password(qtbot, new_file):
    path, context = new_file
    recovery = _run_wizard(qtbot, context).recovery_key
    context.sessions.kw["bind"].dispose()
    dialog = RecoveryDialog(sqlite_url(path))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.recovery_key, "ABCDE")
    type_text(qtbot, dialog.username, "jo.mensah")
    type_text(qtbot, dialog.new_password, "brand new password")
    type_text(qtbot, dialog.again, "brand new password")
    dialog.try_recover()
    assert "five groups of five" in dialog.labels["recovery_key"].text()
    dialog.recovery_key.setText("0" * 25)
    dialog.try_recover()
    assert "does not open this database" in dialog.labels["recovery_key"].text()
    dialog.recovery_key.setText(recovery.lower().replace("-", " "))
    dialog.again.setText("brand new pasword")
    dialog.try_recover()
    assert "different" in dialog.labels["again"].text() and dialog.key is None
    dialog.again.setText("brand new password")
    dialog.try_recover()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.key is not None
    assert key_slots.open_with_password(path, "jo.mensah", "brand new password") == dialog.key


def test_settings_encrypts_an_old_plain_file_and_the_app_carries_on(
    qtbot, context, coordinator, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(RecoveryKeyDialog, "exec", lambda d: shown.append(d.recovery_key) or 1)

    def type_password(dialog) -> int:
        dialog.password.setText("correct horse battery")
        dialog.encrypt()
        return dialog.result()

    monkeypatch.setattr(EncryptDialog, "exec", type_password)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    box = EncryptionBox(context, coordinator)
    qtbot.addWidget(box)
    assert "not encrypted" in box.status.text() and box.encrypt_button.isVisibleTo(box)
    box.encrypt()
    assert len(shown) == 1
    assert "✓" in box.status.text() and not box.encrypt_button.isVisibleTo(box)
    with context.session() as session:
        assert accounts.sign_in(session, "sam", "correct horse battery")
        database = session.get_bind().url.database
    assert is_encrypted_file(Path(database)) and not is_plain_file(Path(database))
    context.sessions.kw["bind"].dispose()


def test_a_new_recovery_key_says_the_old_sheet_no_longer_works(qtbot):
    dialog = RecoveryKeyDialog("ABCDE-FGHJK-MNPQR-STVWX-YZ012", "Harbour", replaces_old=True)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "replaces the old one" in texts and "now <b>encrypted</b>" not in texts
    assert not dialog.continue_button.isEnabled()
