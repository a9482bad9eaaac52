"""Sites dialog and Generate dialog: typing a site and a pattern, errors beside fields,
making shifts and saying what was skipped."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, rota_patterns, rota_sites
from involve_desktop.core.services.rota_dto import PatternInput, SiteInput
from involve_desktop.ui.rota.setup_dialogs import GenerateDialog, PatternDialog, SitesDialog
from involve_desktop.ui.rota.setup_widgets import to_qdate
from tests.ui.typing import type_text


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """Fail loudly if an unexpected message box opens."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[2] if len(args) > 2 else args}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)


def next_bank_holiday_monday() -> tuple[date, str]:
    """A bank holiday at least a week ahead, and its name."""
    today = date.today()
    found = rota_patterns.bank_holidays(today + timedelta(days=7), today + timedelta(days=400))
    day = min(found)
    return day, found[day]


def test_empty_state_then_add_site_by_typing(qtbot, context, coordinator):
    dialog = SitesDialog(context, coordinator)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.form.name, "Ward 4")
    type_text(qtbot, dialog.form.contact, "Sister on duty, 01234 567890")
    dialog.form.min_together.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with context.session() as session:
        sites = rota_sites.list_sites(session, coordinator)
    assert [(s.name, s.contact, s.min_together) for s in sites] == [
        ("Ward 4", "Sister on duty, 01234 567890", 3)
    ]
    assert dialog.site_list.count() == 1
    assert not dialog.empty.isVisible()
    assert dialog.heading.text() == "<b>Ward 4</b>"


def test_empty_name_shown_beside_field(qtbot, context, coordinator):
    dialog = SitesDialog(context, coordinator)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_site()
    label = dialog.form.labels["name"]
    assert label.isVisible()
    assert "Site name" in label.text()
    with context.session() as session:
        assert rota_sites.list_sites(session, coordinator) == []


def test_add_pattern_and_end_equal_to_start_refused(qtbot, context, coordinator, session):
    site = rota_sites.create_site(session, coordinator, SiteInput("Ward 4"))
    dialog = PatternDialog(context, coordinator, site)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.weekday.setCurrentIndex(2)
    dialog.end.setTime(dialog.start.time())
    dialog.save()
    assert dialog.labels["end_time"].isVisible()
    assert "End time must differ" in dialog.labels["end_time"].text()
    assert dialog.saved is None
    dialog.end.setTime(dialog.start.time().addSecs(4 * 3600))
    dialog.bank_holidays.setChecked(True)
    dialog.save()
    assert dialog.saved is not None
    with context.session() as s:
        (pattern,) = rota_patterns.list_patterns(s, coordinator, site.id)
    assert (pattern.weekday, pattern.start_time, pattern.end_time) == (2, time(9), time(13))
    assert pattern.min_peers == 2 and pattern.runs_on_bank_holidays


def test_sites_dialog_lists_patterns_and_closed_days(qtbot, context, coordinator, session):
    site = rota_sites.create_site(session, coordinator, SiteInput("Ward 4"))
    rota_patterns.create_pattern(
        session, coordinator, PatternInput(site.id, 0, time(9), time(13), date.today())
    )
    dialog = SitesDialog(context, coordinator)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pattern_table.rowCount() == 1
    assert dialog.pattern_table.item(0, 0).text() == "Monday"
    assert dialog.pattern_table.item(0, 1).text() == "09:00–13:00"
    dialog.tabs.setCurrentIndex(2)
    day = date.today() + timedelta(days=10)
    dialog.closed_day.setDate(to_qdate(day))
    type_text(qtbot, dialog.closed_note, "Refurbishment")
    dialog.add_closed()
    assert dialog.closed_list.count() == 1
    dialog.add_closed()  # the same day again is refused beside the field
    assert dialog.closed_error.isVisible()
    assert "already closed" in dialog.closed_error.text()
    dialog.closed_list.setCurrentRow(0)
    dialog.remove_closed()
    assert dialog.closed_list.count() == 0


def test_archive_asks_then_restores(qtbot, context, coordinator, session, monkeypatch):
    rota_sites.create_site(session, coordinator, SiteInput("Ward 4"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = SitesDialog(context, coordinator)
    qtbot.addWidget(dialog)
    dialog.toggle_archive()
    assert "archived" in dialog.site_list.item(0).text()
    assert dialog.archive_button.text() == "&Restore"
    dialog.toggle_archive()
    assert dialog.archive_button.text() == "A&rchive"


def test_generate_makes_shifts_and_says_what_it_skipped(qtbot, context, coordinator, session):
    holiday, name = next_bank_holiday_monday()
    site = rota_sites.create_site(session, coordinator, SiteInput("Ward 4"))
    for weekday in range(7):
        rota_patterns.create_pattern(
            session,
            coordinator,
            PatternInput(site.id, weekday, time(9), time(13), date.today()),
        )
    start, end = holiday - timedelta(days=3), holiday + timedelta(days=3)
    closed = holiday + timedelta(days=2)
    rota_sites.add_closed_date(session, coordinator, site.id, closed)
    dialog = GenerateDialog(context, coordinator, start, end)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    result = dialog.result_value
    assert result is not None
    made = 7 - 1 - len(result.bank_holidays_skipped)
    assert result.created == made
    text = dialog.outcome.text()
    assert f"Made {made} shifts" in text
    assert f"{name} (bank holiday)" in text
    assert "1 closed day" in text


def test_generate_end_before_start_shown(qtbot, context, coordinator):
    today = date.today()
    dialog = GenerateDialog(context, coordinator, today, today - timedelta(days=1))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.generate()
    assert dialog.labels["end"].isVisible()
    assert dialog.outcome.text() == ""


def test_facilitator_sees_refusal(qtbot, context, coordinator, session, monkeypatch):
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    fran = accounts.sign_in(session, "fran", "tuesday group")
    dialog = SitesDialog(context, fran)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.form.name, "Ward 9")
    dialog.save_site()
    assert dialog.form.fallback.isVisible()
    with context.session() as s:
        assert rota_sites.list_sites(s, coordinator) == []
