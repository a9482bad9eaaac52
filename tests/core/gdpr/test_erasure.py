"""Erasure: no personal field left anywhere, counts unchanged, backups date recorded."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import String, Text, func, select

from involve_desktop.core.errors import InvolveError, PermissionDenied, ValidationError
from involve_desktop.core.models import Base
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.people import Member
from involve_desktop.core.services import gdpr_access, gdpr_erasure

NOW = datetime(2026, 11, 27, 10, 0)
ALAN = ("alan wright", "alan@example.org", "07700 900123", "prefers mornings", "123 mill lane")


def _all_text(session) -> list[tuple[str, str, str]]:
    """Every text value in every table (audit changes as JSON)."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, (String, Text)) or column.name == "changes":
                for (value,) in session.execute(select(column)):
                    if value is not None:
                        text = (
                            value
                            if isinstance(value, str)
                            else json.dumps(value, ensure_ascii=False)
                        )
                        found.append((table.name, column.name, text))
    return found


def _counts(session) -> dict[str, int]:
    return {
        ref.name + "." + ref.column.name: session.scalar(
            select(func.count()).select_from(ref.table)
        )
        for ref in gdpr_access.member_references()
    }


def test_every_text_column_about_a_member_is_decided():
    assert gdpr_erasure.unclassified_text_columns() == []


def test_erasure_leaves_no_personal_field_and_keeps_counts(session, coordinator, people):
    before = _counts(session)
    result = gdpr_erasure.erase_member(session, coordinator, people.alan, " alan  WRIGHT ", now=NOW)
    assert result.anonymous_name == f"Erased person {people.alan}"
    assert result.backups_hold_until == date(2027, 9, 27)
    assert "Backups made before Fri 27 Nov 2026" in result.backups_sentence
    session.expire_all()
    leftovers = [
        (t, c, v) for t, c, v in _all_text(session) if any(p in v.casefold() for p in ALAN)
    ]
    assert leftovers == []
    # Everything done stays counted; the one new row is the status history's "left", and
    # they come off the Tuesday group's list (a list of who is still to come).
    before["member_status_change.member_id"] += 1
    before["meeting_group_member.member_id"] -= 1
    assert _counts(session) == before
    member = session.get(Member, people.alan)
    assert member.full_name == result.anonymous_name and member.erased_at == NOW
    assert member.address is None and member.postcode is None and member.lived_experience is None
    # Bob is untouched, and the shared entry still names him.
    bob = session.get(Member, people.bob)
    assert bob.email == "bob@example.org" and bob.notes == "Bob's note"
    shared = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "meeting_attendance")
    ).one()
    assert shared.changes == {"present": f"Erased person {people.alan} and Bob Jones"}


def test_erasure_is_audited_without_personal_data(session, coordinator, people):
    gdpr_erasure.erase_member(session, coordinator, people.alan, "Alan Wright", now=NOW)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "erase")).one()
    assert entry.entity_id == people.alan
    assert entry.changes["backups hold the old details until"] == "2027-09-27"
    assert "Alan" not in json.dumps(entry.changes)


def test_wrong_name_refuses_and_changes_nothing(session, coordinator, people):
    with pytest.raises(ValidationError) as err:
        gdpr_erasure.erase_member(session, coordinator, people.alan, "Alan", now=NOW)
    assert err.value.field == "typed_name"
    session.expire_all()
    assert session.get(Member, people.alan).email == "alan@example.org"


def test_erasing_twice_is_refused(session, coordinator, people):
    gdpr_erasure.erase_member(session, coordinator, people.alan, "Alan Wright", now=NOW)
    with pytest.raises(InvolveError):
        gdpr_erasure.erase_member(session, coordinator, people.alan, f"Erased person {people.alan}")


def test_facilitator_cannot_erase(session, facilitator, people):
    with pytest.raises(PermissionDenied):
        gdpr_erasure.erase_member(session, facilitator, people.alan, "Alan Wright")
    session.expire_all()
    assert session.get(Member, people.alan).full_name == "Alan Wright"


def test_a_short_name_is_matched_as_a_whole_word_only(session, coordinator, tmp_path):
    from datetime import time

    from involve_desktop.core.models import Meeting, MeetingGroup
    from involve_desktop.core.services import members
    from involve_desktop.core.services.member_dto import MemberInput

    ann = members.create_member(session, coordinator, MemberInput(full_name="Ann")).id
    group = MeetingGroup(name="Forum")
    session.add(group)
    session.flush()
    for topic in ("Annual review", "Tea with ann"):
        session.add(
            Meeting(
                group_id=group.id,
                day=NOW.date(),
                start_time=time(10),
                end_time=time(11),
                topic=topic,
            )
        )
    session.commit()
    result = gdpr_access.export_subject_access(session, coordinator, ann, tmp_path)
    data = json.loads(result.json_path.read_text(encoding="utf-8"))
    assert [m["text"] for m in data["mentioned_in"]] == ["Tea with ann"]
    gdpr_erasure.erase_member(session, coordinator, ann, "ann", now=NOW)
    session.expire_all()
    topics = sorted(session.scalars(select(Meeting.topic)))
    assert topics == ["Annual review", f"Tea with Erased person {ann}"]


def test_another_members_notes_naming_them_are_counted_then_replaced(
    session, coordinator, people, tmp_path
):
    bob = session.get(Member, people.bob)
    bob.notes = "Gets a lift with Alan Wright"
    session.commit()
    result = gdpr_access.export_subject_access(session, coordinator, people.alan, tmp_path)
    assert result.mentions_to_review == 1
    assert "Gets a lift" not in result.json_path.read_text(encoding="utf-8")
    gdpr_erasure.erase_member(session, coordinator, people.alan, "Alan Wright", now=NOW)
    session.expire_all()
    bob = session.get(Member, people.bob)
    assert bob.notes == f"Gets a lift with Erased person {people.alan}"
    assert bob.full_name == "Bob Jones" and bob.emergency_contact == "Mum — Bob's note"
