"""The audit log's Person filter finds what the subject access export finds: entries on the
person's record, on their own rows (shifts, pay lines, cohort places), and entries whose
changes name them — one rule (``audit_about``) for both, worked out in SQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, insert, select

from involve_desktop.core.models import Enrolment, PayLine, RotaAssignment
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.people import Member
from involve_desktop.core.services import audit, gdpr_access, members
from involve_desktop.core.services.audit import AuditFilter
from involve_desktop.core.services.member_dto import MemberInput


def _own(session, model, member_id):
    return session.scalar(select(model.id).where(model.member_id == member_id))


def _sar_ids(session, member_id):
    member = session.get(Member, member_id)
    idents = gdpr_access.identifiers(member)
    return {e.id for e, _whole in gdpr_access.audit_entries_about(session, member_id, idents)}


def _filter_ids(session, coordinator, member_id):
    chosen = AuditFilter(member_id=member_id)
    found = audit.list_entries(session, coordinator, chosen=chosen, limit=1000)
    assert audit.count_entries(session, coordinator, chosen) == len(found)
    return {e.id for e in found}


def _entry(session, coordinator, entity, entity_id, changes):
    audit.record(session, coordinator, "update", entity, entity_id, changes)
    session.commit()
    return session.scalar(select(func.max(AuditEntry.id)))


def test_person_filter_finds_their_shifts_pay_lines_places_and_mentions(
    session, coordinator, people
):
    alan, bob = people.alan, people.bob
    shift = _entry(
        session,
        coordinator,
        "rota_assignment",
        _own(session, RotaAssignment, alan),
        {"attendance": ["", "worked"]},
    )
    pay = _entry(session, coordinator, "pay_line", _own(session, PayLine, alan), {"pence": [1, 2]})
    place = _entry(session, coordinator, "enrolment", _own(session, Enrolment, alan), {"x": 1})
    seat = _entry(session, coordinator, "panel", 1, {"seated": "ALAN WRIGHT", "as": "Chair"})
    by_id = _entry(session, coordinator, "alumni_action", 1, {"action_id": 1, "member_id": alan})
    bobs = _entry(session, coordinator, "pay_line", _own(session, PayLine, bob), {"pence": [1, 3]})
    lookalike = _entry(session, coordinator, "panel", 2, {"seated": "Alan Wrightson"})

    found = _filter_ids(session, coordinator, alan)

    assert {shift, pay, place, seat, by_id} <= found
    assert bobs not in found and lookalike not in found
    assert found == _sar_ids(session, alan)  # the same entries as the subject access export


def test_a_name_with_letters_beyond_ascii_is_found_in_any_case(session, coordinator, people):
    mai = members.create_member(
        session,
        coordinator,
        MemberInput(full_name="Mai Nguyễn", date_joined=date(2026, 1, 5)),
    ).id
    present = _entry(
        session, coordinator, "meeting_attendance", 9, {"present": "Bob Jones, MAI NGUYỄN"}
    )
    other = _entry(session, coordinator, "meeting_attendance", 10, {"present": "Mai Nguyen"})

    found = _filter_ids(session, coordinator, mai)

    assert present in found and other not in found
    assert found == _sar_ids(session, mai)


def test_no_such_member_finds_only_entries_on_that_record(session, coordinator, people):
    gone = _entry(session, coordinator, "member", 9999, {"phone": ["1", "2"]})
    assert _filter_ids(session, coordinator, 9999) == {gone}


def test_someone_named_in_seventy_thousand_entries_is_still_found(session, coordinator, people):
    """More entries name them than the database takes bound values (PostgreSQL 65,535, a
    default SQLite build 32,766): the filter still answers, and counts them all."""
    alan = people.alan
    before = audit.count_entries(session, coordinator, AuditFilter(member_id=alan))
    many = 70_000
    session.execute(
        insert(AuditEntry),
        [
            {
                "account_name": "t",
                "action": "update",
                "entity": "alumni_action",
                "entity_id": n,
                "changes": {"member_id": alan, "step": n},
            }
            for n in range(many)
        ],
    )
    session.commit()
    chosen = AuditFilter(member_id=alan)
    assert audit.count_entries(session, coordinator, chosen) == before + many
    newest = audit.list_entries(session, coordinator, chosen=chosen, limit=5)
    assert len(newest) == 5
