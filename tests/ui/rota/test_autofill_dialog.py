"""Auto-fill dialog: propose shows assignments and gaps with reasons; fill, then undo."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import rota_shifts
from involve_desktop.ui.rota.autofill_dialog import AutofillDialog
from tests.core.rota.helpers import peer, shift, site


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """Fail loudly if an unexpected message box opens."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[2] if len(args) > 2 else args}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture
def rota(session, coordinator):
    """Two shifts at the same time next week at two sites, and two peer supporters."""
    day = date.today() + timedelta(days=7)
    ward = site(session, coordinator, "Ward 4")
    venue = site(session, coordinator, "Riverside Centre")
    first = shift(session, coordinator, ward, day, time(9), time(13))
    second = shift(session, coordinator, venue, day, time(9), time(13))
    peer(session, coordinator, "Aisha Khan")
    peer(session, coordinator, "Ben Jones")
    return day, first, second


def people_on(context, actor, day):
    with context.session() as session:
        views = rota_shifts.shift_views(session, actor, day, day)
    return {v.slot.site_name: sorted(a.name for a in v.assignees) for v in views}


def test_propose_fill_then_undo(qtbot, context, coordinator, rota):
    day, _first, _second = rota
    dialog = AutofillDialog(context, coordinator, day, day + timedelta(days=6))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.fill_button.isEnabled()
    qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
    assert dialog.proposed.rowCount() == 2
    assert dialog.proposed.item(0, 0).text() == format_date(day)
    assert dialog.proposed.item(0, 1).text() == "09:00–13:00"
    sites = {dialog.proposed.item(r, 2).text() for r in range(2)}
    people = {dialog.proposed.item(r, 3).text() for r in range(2)}
    assert len(sites) == 1 and people == {"Aisha Khan", "Ben Jones"}
    assert dialog.gaps.rowCount() == 1
    assert dialog.gaps.item(0, 2).text()  # a reason is given
    assert "No one" in dialog.gaps.item(0, 1).text()
    assert "proposes 2 assignments" in dialog.status.text()
    assert all(not names for names in people_on(context, coordinator, day).values())

    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    on = people_on(context, coordinator, day)
    assert sorted(len(names) for names in on.values()) == [0, 2]
    assert "Done" in dialog.status.text()
    assert dialog.undo_button.isVisible() and not dialog.fill_button.isEnabled()

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert all(not names for names in people_on(context, coordinator, day).values())
    assert "Undone: took 2 assignments off" in dialog.status.text()
    assert not dialog.undo_button.isEnabled()


def test_period_too_long_shown_beside_dates(qtbot, context, coordinator):
    today = date.today()
    dialog = AutofillDialog(context, coordinator, today, today + timedelta(days=200))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.propose()
    assert dialog.labels["end"].isVisible()
    assert "three months" in dialog.labels["end"].text()
    assert dialog.proposed.rowCount() == 0


def test_nothing_to_add_says_so(qtbot, context, coordinator, session):
    day = date.today() + timedelta(days=7)
    shift(session, coordinator, site(session, coordinator, "Ward 4"), day)
    dialog = AutofillDialog(context, coordinator, day, day)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.propose()
    assert dialog.proposed.rowCount() == 0
    assert dialog.gaps.rowCount() == 1
    assert "nobody auto-fill could add" in dialog.status.text()
    assert not dialog.fill_button.isEnabled()
