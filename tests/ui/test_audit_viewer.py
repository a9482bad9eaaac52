"""Settings → Audit log: coordinators see the trail newest first, filter it by person,
account, area and day, scroll through it a page at a time, and export it; facilitators
have no such tab."""

from __future__ import annotations

import csv
import re
from datetime import datetime

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, audit
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.services.members import create_member
from involve_desktop.ui.audit.audit_table_model import PAGE
from involve_desktop.ui.audit.audit_view import AuditView
from involve_desktop.ui.settings.settings_view import SettingsView


@pytest.fixture
def people(session, coordinator):
    alan = create_member(session, coordinator, MemberInput(full_name="Alan Wright"))
    zoe = create_member(session, coordinator, MemberInput(full_name="Zoë Clarke"))
    return alan, zoe


@pytest.fixture
def view(qtbot, context, coordinator, people):
    widget = AuditView(context, coordinator)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _column(view, column):
    model = view.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_newest_first_with_what_changed(view, qtmodeltester):
    qtmodeltester.check(view.model)
    changed = _column(view, 5)
    assert "full name: Zoë Clarke" in changed[0]
    assert "Alan Wright" in changed[1]
    assert view.count.text().endswith("entries")


def test_filter_by_person_account_area_and_day(qtbot, session, view, coordinator, people):
    alan, _zoe = people
    view.person.setCurrentIndex(view.person.findText("Alan Wright"))
    view.person.activated.emit(view.person.currentIndex())
    assert _column(view, 4) == [f"Alan Wright (member {alan.id})"]
    view.clear_filters()
    view.area.setCurrentIndex(view.area.findText("Accounts and group"))
    assert set(_column(view, 3)) == {"Accounts and group"}
    assert "signed in" not in _column(view, 2)  # set-up creates the group and the account
    view.clear_filters()
    fran = accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "a long enough password", Role.FACILITATOR
    )
    view.load_choices()
    view.account.setCurrentIndex(view.account.findData(fran.id))
    assert view.model.rowCount() == 0
    assert view.count.text() == "0 entries"
    assert not view.export_button.isEnabled()
    view.clear_filters()
    audit.record(
        session, coordinator, "update", "rota_shift", 1, {"x": [1, 2]}, at=datetime(2025, 1, 2, 12)
    )
    session.commit()
    view.date_from.setDate(QDate(2025, 1, 1))
    view.date_to.setDate(QDate(2025, 1, 3))
    assert _column(view, 4) == ["rota shift 1 (since removed)"]
    assert _column(view, 3) == ["Rota"]


WHEN = re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}")


def test_rows_read_as_sentences(qtbot, session, view, coordinator):
    """When with the weekday, the record by what people call it, what changed in words."""
    accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "a long enough password", Role.FACILITATOR
    )
    audit.record(
        session,
        coordinator,
        "update",
        "rota_shift",
        77,
        {"day": ["2026-11-03", "2026-11-04"], "sections changed": ["next_year", "spread"]},
        at=datetime(2026, 11, 3, 14, 5),
    )
    session.commit()
    view.refresh()
    when = _column(view, 0)
    assert all(WHEN.fullmatch(w) for w in when), when
    assert "Tue 3 Nov 2026 14:05" in when
    records, changed = _column(view, 4), _column(view, 5)
    fran = records.index("Fran Facilitator's account")
    assert "role: Facilitator" in changed[fran]
    assert "display name: Fran Facilitator" in changed[fran]
    shift = records.index("rota shift 77 (since removed)")  # no such shift: its number
    assert changed[shift] == (
        "day: Tue 3 Nov 2026 → Wed 4 Nov 2026; sections changed: next year, spread"
    )
    tooltip = view.model.data(view.model.index(shift, 5), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "day: Tue 3 Nov 2026 → Wed 4 Nov 2026\nsections changed: next year, spread"


def test_a_change_names_the_member_it_points_at(session, view, coordinator, people):
    """An id in a change reads as the record's name; one since removed as its number."""
    alan, _zoe = people
    changes = {"member_id": [alan.id, 98765], "receipt_held": [False, True]}
    audit.record(session, coordinator, "update", "expense_claim", 999, changes)
    session.commit()
    view.refresh()
    records, changed = _column(view, 4), _column(view, 5)
    row = records.index("expense claim 999 (since removed)")
    assert changed[row] == (
        "member: Alan Wright → number 98765 (since removed); receipt kept: no → yes"
    )


def test_long_trail_is_read_a_page_at_a_time(session, view, coordinator, people):
    alan, _zoe = people
    for n in range(PAGE + 50):
        changes = {"note": [None, str(n)], "member_id": alan.id}
        audit.record(session, coordinator, "update", "panel", n, changes)
    session.commit()
    view.area.setCurrentIndex(view.area.findText("Panels"))
    assert view.count.text() == f"{PAGE + 50} entries"
    assert view.model.rowCount() == PAGE
    assert view.model.canFetchMore(QModelIndex())
    view.model.fetchMore(QModelIndex())
    assert view.model.rowCount() == PAGE + 50
    assert not view.model.canFetchMore(QModelIndex())
    assert _column(view, 4)[-1] == "panel 0 (since removed)"
    assert _column(view, 5)[-1] == "note: (none) → 0; member: Alan Wright"  # a later page


def test_export_saves_what_is_shown_and_is_logged(view, tmp_path, people, monkeypatch):
    alan, _zoe = people
    view.person.setCurrentIndex(view.person.findText("Alan Wright"))
    view.person.activated.emit(view.person.currentIndex())
    target = tmp_path / "trail"
    monkeypatch.setattr(view, "ask_path", lambda: str(target))
    view.export_button.click()
    with (tmp_path / "trail.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 2
    assert rows[1][4] == f"Alan Wright (member {alan.id})"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", rows[1][0])  # ISO for machines
    assert "1 exported to trail.csv" in view.count.text()
    view.clear_filters()
    assert _column(view, 2)[0] == "exported"


def test_only_coordinators_have_the_audit_log(qtbot, session, context, coordinator):
    accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "a long enough password", Role.FACILITATOR
    )
    fran = accounts.sign_in(session, "fran", "a long enough password")
    theirs = SettingsView(context, fran)
    qtbot.addWidget(theirs)
    titles = [theirs.tabs.tabText(i).replace("&", "") for i in range(theirs.tabs.count())]
    assert "Audit log" not in titles and "Screen lock" not in titles
    ours = SettingsView(context, coordinator)
    qtbot.addWidget(ours)
    titles = [ours.tabs.tabText(i).replace("&", "") for i in range(ours.tabs.count())]
    assert "Audit log" in titles and "Screen lock" in titles


def test_a_long_entry_is_read_in_full_from_the_keyboard(qtbot, session, view, coordinator):
    """The column cuts "What changed" short; the pane under the table holds all of it for
    the current row, and Enter on the row takes the keyboard into that text."""
    changes = {f"part {n}": [f"old words {n}", f"new words {n}"] for n in range(12)}
    audit.record(session, coordinator, "update", "rota_shift", 5, changes)
    session.commit()
    view.refresh()
    assert view.details.toPlainText().startswith("Choose an entry")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Home)  # the newest entry: the long one
    text = view.details.toPlainText().splitlines()
    assert text[:3] == [
        f"{_column(view, 0)[0]} · {_column(view, 1)[0]} · changed · Rota",
        "Record: rota shift 5 (since removed)",
        "What changed:",
    ]
    assert text[3:] == [f"  part {n}: old words {n} → new words {n}" for n in range(12)]
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.details.hasFocus()
    assert view.details.isReadOnly() and view.details.accessibleName() == "Entry in full"
    qtbot.keyClick(view.details, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert "part 11: old words 11" in view.details.textCursor().selectedText()  # to copy
    view.details.setFocus()
    qtbot.keyClick(view.details, Qt.Key.Key_Tab)
    assert not view.details.hasFocus()  # Tab moves on
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # the pane follows the row
    assert "Record: rota shift 5" not in view.details.toPlainText()
