"""The audit log viewer's service: filters by person, account, area and day (in SQL, a page
at a time), the readable "what changed", and the CSV export for coordinators."""

from __future__ import annotations

import csv
from datetime import date, datetime

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, audit
from involve_desktop.core.services.audit import AuditFilter
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.services.members import create_member


@pytest.fixture
def facilitator(session, coordinator):
    accounts.create_account(
        session, coordinator, "Fran Facilitator", "fran", "a long enough password", Role.FACILITATOR
    )
    return accounts.sign_in(session, "fran", "a long enough password")


@pytest.fixture
def trail(session, coordinator, facilitator):
    """A few rows on known days (UTC noon) by two accounts across several areas."""
    rows = [
        (coordinator, "update", "member", 7, {"phone": ["0161", "0207"]}, datetime(2026, 3, 2, 12)),
        (
            facilitator,
            "update",
            "member",
            8,
            {"pronouns": [None, "she/her"]},
            datetime(2026, 3, 3, 12),
        ),
        (coordinator, "create", "rota_shift", 3, {"site": "Hub"}, datetime(2026, 3, 4, 12)),
        (coordinator, "update", "meeting_attendance", 4, None, datetime(2026, 3, 5, 12)),
        (facilitator, "update", "member", 7, {"email": ["", "a@b.org"]}, datetime(2026, 3, 6, 12)),
        (coordinator, "update", "pay_line", 9, {"pence": [500, 700]}, datetime(2026, 3, 7, 12)),
    ]
    for actor, action, entity, entity_id, changes, at in rows:
        audit.record(session, actor, action, entity, entity_id, changes, at=at)
    session.commit()
    return rows


def _ids(entries):
    return [(e.entity, e.entity_id, e.at.day) for e in entries]


def test_filter_by_person(session, coordinator, trail):
    found = audit.list_entries(session, coordinator, chosen=AuditFilter(member_id=7))
    assert _ids(found) == [("member", 7, 6), ("member", 7, 2)]  # newest first


def test_filter_by_account(session, coordinator, facilitator, trail):
    chosen = AuditFilter(account_id=facilitator.account_id, area="Members")
    found = audit.list_entries(session, coordinator, chosen=chosen)
    assert _ids(found) == [("member", 7, 6), ("member", 8, 3)]


def test_filter_by_area(session, coordinator, trail):
    rota = audit.list_entries(session, coordinator, chosen=AuditFilter(area="Rota"))
    assert _ids(rota) == [("rota_shift", 3, 4)]
    meetings = audit.list_entries(session, coordinator, chosen=AuditFilter(area="Meetings"))
    assert _ids(meetings) == [("meeting_attendance", 4, 5)]
    payments = audit.list_entries(session, coordinator, chosen=AuditFilter(area="Payments"))
    assert _ids(payments) == [("pay_line", 9, 7)]
    with pytest.raises(ValidationError):
        audit.list_entries(session, coordinator, chosen=AuditFilter(area="Nowhere"))


def test_filter_by_days_includes_both_ends(session, coordinator, trail):
    chosen = AuditFilter(date_from=date(2026, 3, 3), date_to=date(2026, 3, 5))
    found = audit.list_entries(session, coordinator, chosen=chosen)
    assert [e.at.day for e in found] == [5, 4, 3]
    assert audit.count_entries(session, coordinator, chosen) == 3
    with pytest.raises(ValidationError):
        audit.list_entries(
            session,
            coordinator,
            chosen=AuditFilter(date_from=date(2026, 3, 5), date_to=date(2026, 3, 3)),
        )


def test_refusals_are_their_own_area(session, coordinator, facilitator, trail):
    with pytest.raises(PermissionDenied):
        audit.list_entries(session, facilitator)
    refused = audit.list_entries(session, coordinator, chosen=AuditFilter(area="Refused actions"))
    assert [(e.action, e.account_name) for e in refused] == [("denied", "Fran Facilitator")]


def test_paging_reads_one_page_at_a_time(session, coordinator, trail):
    chosen = AuditFilter(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31))
    first = audit.list_entries(session, coordinator, limit=4, chosen=chosen)
    rest = audit.list_entries(session, coordinator, limit=4, chosen=chosen, offset=4)
    assert [e.at.day for e in first + rest] == [7, 6, 5, 4, 3, 2]


def test_what_changed_reads_as_a_sentence(session, coordinator):
    assert audit.describe_changes({"phone": ["0161", "0207"], "email": [None, "a@b.org"]}) == (
        "phone: 0161 → 0207; email: (none) → a@b.org"
    )
    assert audit.describe_changes({"password": "(changed)"}) == "password: (changed)"
    assert audit.describe_changes({"full_name": "Alan Wright", "phone": None}) == (
        "full name: Alan Wright"  # a new record's blank fields are left out
    )
    assert audit.action_words("sign-in-failed") == "wrong password"
    create_member(session, coordinator, MemberInput(full_name="Alan Wright"))
    entry = audit.list_entries(session, coordinator, chosen=AuditFilter(area="Members"))[0]
    assert "Alan Wright" in audit.describe_changes(entry.changes)


def test_export_writes_the_filtered_rows_and_is_audited(session, coordinator, trail, tmp_path):
    path = tmp_path / "audit.csv"
    count = audit.export_csv(session, coordinator, AuditFilter(member_id=7), path, page=1)
    assert count == 2
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(audit.EXPORT_COLUMNS)
    assert rows[1][1:] == [
        "Fran Facilitator",
        "changed",
        "Members",
        "member 7 (since removed)",
        "email: (none) → a@b.org",
    ]
    assert rows[2][0] == "2026-03-02 12:00:00"  # London is on GMT in early March
    assert rows[2][5] == "phone: 0161 → 0207"
    export = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert export.entity == "audit_entry"
    assert export.changes == {"rows": 2, "member_id": 7}


def test_facilitator_cannot_export(session, facilitator, trail, tmp_path):
    path = tmp_path / "audit.csv"
    with pytest.raises(PermissionDenied):
        audit.export_csv(session, facilitator, None, path)
    assert not path.exists()


def test_involvement_and_backup_entries_have_an_area_of_their_own():
    from involve_desktop.core.services.audit import area_of

    assert area_of("spectrum_assessment") == "Involvement"
    assert area_of("involvement_activity") == "Involvement"
    assert area_of("you_said_entry") == "Involvement"
    assert area_of("backup") == "Backups and encryption"
    assert area_of("database") == "Backups and encryption"


def test_export_never_lets_typed_text_run_as_a_formula(session, coordinator, tmp_path):
    """A member named like a spreadsheet formula is written so the spreadsheet shows it."""
    create_member(session, coordinator, MemberInput(full_name='=HYPERLINK("http://x.example")'))
    path = tmp_path / "audit.csv"
    audit.export_csv(session, coordinator, AuditFilter(), path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        cells = [cell for row in list(csv.reader(f))[1:] for cell in row]
    assert cells and not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
