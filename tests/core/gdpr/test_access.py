"""Subject access export: every table that mentions the person, nothing about anyone else."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import gdpr_access
from tests.core.gdpr.conftest import TODAY
from tests.sheets.pdfread import all_text


def _expected_tables(session, member_id):
    """Tables from the metadata with at least one row pointing at the member."""
    names = set()
    for ref in gdpr_access.member_references():
        if session.execute(select(ref.table).where(ref.column == member_id)).first():
            names.add(ref.table.name)
    return names


def test_references_come_from_metadata():
    names = {ref.name for ref in gdpr_access.member_references()}
    for table in (
        "rota_assignment",
        "meeting_attendance",
        "panel_seat",
        "pay_line",
        "expense_claim",
        "enrolment",
        "consent",
        "alumni_action_member",
    ):
        assert table in names


def test_export_holds_every_related_table_and_nothing_about_bob(
    session, coordinator, people, tmp_path
):
    result = gdpr_access.export_subject_access(
        session, coordinator, people.alan, tmp_path, today=TODAY
    )
    assert result.folder.name == "alan-wright-subject-access-2026-11-27"
    data = json.loads(result.json_path.read_text(encoding="utf-8"))
    expected = _expected_tables(session, people.alan)
    assert {
        "rota_assignment",
        "meeting_attendance",
        "panel_seat",
        "pay_line",
        "enrolment",
    } <= expected
    assert set(data["related_tables"]) == expected
    assert data["member"]["full_name"] == "Alan Wright"
    assert data["member"]["notes"] == "Prefers mornings"  # restricted fields too
    for rows in data["related_tables"].values():
        assert all(row.get("member_id", people.alan) == people.alan for row in rows)
    text = json.dumps(data, ensure_ascii=False)
    for other in ("Bob Jones", "bob@example.org", "07700 900456", "Bob's note"):
        assert other not in text
    shared = [e for e in data["audit_entries"] if e["entity"] == "meeting_attendance"]
    assert shared and shared[0]["changes"] == {"present": "Alan Wright"}
    assert any(e["action"] == "create" and e["entity"] == "member" for e in data["audit_entries"])
    assert data["involvement"] is not None
    assert result.row_count == sum(len(r) for r in data["related_tables"].values())


def test_pdf_reads_back_the_name_and_sections(session, coordinator, people, tmp_path):
    result = gdpr_access.export_subject_access(
        session, coordinator, people.alan, tmp_path, today=TODAY
    )
    text = all_text(result.pdf_path.read_bytes())
    for words in (
        "Alan Wright",
        "Your details",
        "Rota shifts",
        "Meeting attendance",
        "Recruitment panels",
        "Payments for time",
        "Expenses",
        "Leadership programme places",
        "Changes recorded about you",
        "£25.00",
    ):
        assert words in text, words
    assert "Bob Jones" not in text


def test_export_is_audited_without_the_contents(session, coordinator, people, tmp_path):
    gdpr_access.export_subject_access(session, coordinator, people.alan, tmp_path, today=TODAY)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert entry.entity_id == people.alan
    assert "Alan" not in json.dumps(entry.changes)


def test_second_export_same_day_gets_its_own_folder(session, coordinator, people, tmp_path):
    first = gdpr_access.export_subject_access(
        session, coordinator, people.alan, tmp_path, today=TODAY
    )
    second = gdpr_access.export_subject_access(
        session, coordinator, people.alan, tmp_path, today=TODAY
    )
    assert first.folder != second.folder and second.json_path.exists()


def test_facilitator_is_refused(session, facilitator, people, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PermissionDenied):
        gdpr_access.export_subject_access(session, facilitator, people.alan, out)
    assert list(out.iterdir()) == []


def test_audit_entries_on_their_own_rows_are_theirs_whole(session, coordinator, people, tmp_path):
    from involve_desktop.core.models import PayLine
    from involve_desktop.core.services import audit

    alan_line, bob_line = (
        session.scalar(select(PayLine.id).where(PayLine.member_id == m))
        for m in (people.alan, people.bob)
    )
    audit.record(session, coordinator, "update", "pay_line", alan_line, {"note": [None, "Late"]})
    audit.record(session, coordinator, "update", "pay_line", bob_line, {"note": [None, "Bob pay"]})
    session.commit()
    result = gdpr_access.export_subject_access(session, coordinator, people.alan, tmp_path)
    data = json.loads(result.json_path.read_text(encoding="utf-8"))
    lines = [e for e in data["audit_entries"] if e["entity"] == "pay_line"]
    assert [(e["entity_id"], e["changes"]) for e in lines] == [
        (alan_line, {"note": [None, "Late"]})
    ]
