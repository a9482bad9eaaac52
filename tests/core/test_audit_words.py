"""The audit trail in people's words: records named by what people call them (rows written
by the real services of the standard demo), one query per kind of record for a page of
rows, and changes with dates, lists and labels in words (restricted values stay hidden)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from involve_desktop.core.demo.context import DemoSize
from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.models.cohorts import Cohort, Enrolment, Programme
from involve_desktop.core.models.meetings import Meeting, MeetingGroup
from involve_desktop.core.models.panels import Panel
from involve_desktop.core.models.payments import PayLine, PaymentRate
from involve_desktop.core.models.people import Member
from involve_desktop.core.models.rota import RotaAssignment, RotaShift, RotaSite
from involve_desktop.core.models.spectrum import SpectrumAssessment
from involve_desktop.core.services import audit, rota_shifts
from involve_desktop.core.services.dto import Actor, AuditInfo
from involve_desktop.core.services.member_dto import MemberInput, Restricted
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.members import create_member, update_member
from involve_desktop.core.services.payments_dto import Activity

TODAY = date(2026, 11, 26)


@pytest.fixture
def demo(session: Session) -> Actor:
    """The standard demo, written by the real services; its coordinator."""
    return seed_demo(session, DemoSize.STANDARD, today=TODAY)


def _trail(session: Session, actor: Actor) -> list[AuditInfo]:
    return audit.list_entries(session, actor, limit=100_000)


def _first(entries: list[AuditInfo], entity: str) -> AuditInfo:
    return next(e for e in entries if e.entity == entity and e.entity_id is not None)


def _name(member: Member) -> str:
    return display_name(member.full_name, member.preferred_name)


def _shift_words(session: Session, shift: RotaShift) -> str:
    site = session.get(RotaSite, shift.site_id)
    assert site is not None
    return (
        f"{site.name} shift, {format_date(shift.day)} "
        f"{shift.start_time:%H:%M}–{shift.end_time:%H:%M}"
    )


def test_each_kind_of_record_is_named_as_people_call_it(session: Session, demo: Actor) -> None:
    # A shift still to come: one already worked cannot be cancelled.
    coming = select(RotaShift).where(RotaShift.day > date.today()).order_by(RotaShift.id)
    shift = session.scalars(coming).first()
    assert shift is not None
    rota_shifts.cancel_shift(session, demo, shift.id, "Ward closed for cleaning")
    entries = _trail(session, demo)
    names = audit.record_names(session, entries)

    def words(entity: str) -> tuple[str, AuditInfo]:
        entry = _first(entries, entity)
        return audit.record_words(entry, names), entry

    said, e = words("account")
    account = session.get(Account, e.entity_id)
    assert said == f"{account.display_name}'s account"

    said, e = words("member")
    assert said == f"{_name(session.get(Member, e.entity_id))} (member {e.entity_id})"

    said, e = words("pay_line")
    line = session.get(PayLine, e.entity_id)
    person = _name(session.get(Member, line.member_id))
    label = Activity(line.activity).label
    assert said == f"pay line for {person} ({label}, {format_date(line.day)})"
    assert "pay line 1" not in said and "_" not in said

    said, e = words("rota_shift")
    assert said == _shift_words(session, shift)

    said, e = words("rota_assignment")
    row = session.get(RotaAssignment, e.entity_id)
    on = session.get(RotaShift, row.shift_id)
    assert said == f"{_name(session.get(Member, row.member_id))} on {_shift_words(session, on)}"

    said, e = words("meeting")
    meeting = session.get(Meeting, e.entity_id)
    group = session.get(MeetingGroup, meeting.group_id)
    assert said == f"{group.name} meeting, {format_date(meeting.day)}"

    said, e = words("meeting_attendance")  # named by its meeting
    meeting = session.get(Meeting, e.entity_id)
    group = session.get(MeetingGroup, meeting.group_id)
    assert said == f"attendance at {group.name} meeting, {format_date(meeting.day)}"

    said, e = words("panel")
    panel = session.get(Panel, e.entity_id)
    assert said == f"{panel.post_title} panel, {format_date(panel.day)}"

    said, e = words("cohort")
    cohort = session.get(Cohort, e.entity_id)
    programme = session.get(Programme, cohort.programme_id)
    assert said == f"{programme.name} — {cohort.name}"

    said, e = words("enrolment")
    place = session.get(Enrolment, e.entity_id)
    cohort = session.get(Cohort, place.cohort_id)
    programme = session.get(Programme, cohort.programme_id)
    member = session.get(Member, place.member_id)
    assert said == f"{_name(member)} on {programme.name} — {cohort.name}"

    said, _e = words("rota_site")
    assert said.endswith(" (site)") and "rota site" not in said
    said, _e = words("programme")
    assert said in set(session.scalars(select(Programme.name)))
    said, e = words("payment_rate")
    rate = session.get(PaymentRate, e.entity_id)
    assert said == f"{Activity(rate.activity).label} rate from {format_date(rate.valid_from)}"
    said, e = words("spectrum_assessment")
    day = session.get(SpectrumAssessment, e.entity_id).day
    assert said == f"leadership self-assessment of {format_date(day)}"


def test_a_removed_record_or_an_unnamed_kind_keeps_its_number(
    session: Session, coordinator: Actor
) -> None:
    for entity, entity_id in (("rota_shift", 999), ("pay_line", 999), ("backup", 3)):
        audit.record(session, coordinator, "update", entity, entity_id, {"x": [1, 2]})
    audit.record(session, coordinator, "export", "audit_entry", None, {"rows": 3})
    session.commit()
    entries = _trail(session, coordinator)
    names = audit.record_names(session, entries)
    said = {audit.record_words(e, names) for e in entries}
    assert {
        "rota shift 999 (since removed)",
        "pay line 999 (since removed)",
        "backup 3",  # a kind with no names
        "audit entry",
    } <= said


@contextmanager
def _counted(session: Session) -> Iterator[list[str]]:
    statements: list[str] = []
    engine = session.get_bind()

    def seen(_conn, _cursor, statement, _params, _context, _many) -> None:  # noqa: ANN001
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def test_a_page_of_rows_is_named_with_one_query_per_kind_of_record(
    session: Session, demo: Actor
) -> None:
    entries = _trail(session, demo)
    kinds = {e.entity for e in entries if e.entity_id is not None} & set(audit_words_lookups())
    assert len(kinds) >= 10  # a mixed trail
    small = [e for e in entries if e.entity in kinds][:50]
    page = [e for e in entries if e.entity in kinds][:500]
    assert len(page) == 500
    session.expire_all()  # nothing answered from the session's identity map
    with _counted(session) as few:
        small_names = audit.record_names(session, small)
    with _counted(session) as many:
        names = audit.record_names(session, page)
    # never one per row: one per kind of record on the page or pointed at by its changes
    assert len(many) <= len(audit_words_lookups())
    assert len(few) <= len(audit_words_lookups())
    assert len(names) > len(small_names)  # ten times the rows, the same handful of queries
    # the whole page in words costs nothing more
    with _counted(session) as none:
        for e in page:
            audit.record_words(e, names)
            audit.describe_changes(e.changes, e.entity)
    assert none == []


def audit_words_lookups() -> dict:
    """The kinds of record that have names (the lookups of ``audit_words``)."""
    from involve_desktop.core.services.audit_words import LOOKUPS

    return LOOKUPS


def test_the_export_names_records_with_a_handful_of_queries(
    session: Session, demo: Actor, tmp_path
) -> None:
    with _counted(session) as statements:
        written = audit.export_csv(session, demo, None, tmp_path / "trail.csv", page=500)
    text = (tmp_path / "trail.csv").read_text(encoding="utf-8-sig")
    assert written > 1000
    pages = written // 500 + 1
    assert len(statements) < pages * (len(audit_words_lookups()) + 4)
    assert "'s account" in text and "pay line for " in text
    assert "status: Waiting for approval → Approved" in text
    assert "cohort: " in text and "member: " in text  # ids in changes named in the file too
    assert "member number" not in text and "cohort number" not in text
    first = text.splitlines()[1]
    assert first[:4].isdigit() and first[4] == "-"  # When stays ISO for machines


def test_changes_show_dates_lists_and_labels_in_words() -> None:
    changes = {
        "status": ["pending", "approved"],
        "sections changed": ["next_year", "spread"],
        "valid_from": ["2026-11-03", "2026-11-10"],
        "approved_at": [None, "2026-11-03T14:05:00"],
        "amount_pence": [500, 1250],
        "start_time": "18:00:00",
        "receipt_held": True,
        "note": [None, ""],
    }
    said = audit.describe_changes(changes, "pay_line")
    assert said == (
        "status: Waiting for approval → Approved; sections changed: next year, spread; "
        "from: Tue 3 Nov 2026 → Tue 10 Nov 2026; approved at: (none) → Tue 3 Nov 2026 14:05; "
        "amount: £5.00 → £12.50; start time: 18:00; receipt kept: yes; note: (none) → (none)"
    )
    for code in ("[", "'", "_", "2026-11-03", "pending"):
        assert code not in said
    # the same field of another kind of record has its own labels
    assert audit.describe_changes({"status": ["active", "stepping_back"]}, "member") == (
        "status: Active → Stepping back"
    )
    assert audit.describe_changes({"role": "coordinator"}, "account") == "role: Coordinator"
    # unknown codes and free text as they are (underscores read as spaces)
    assert audit.describe_changes({"status": ["odd_state", "x"]}, "spectrum_assessment") == (
        "status: odd state → x"
    )
    assert audit.describe_changes({"note": "Phoned 2026-11-03 about it"}) == (
        "note: Phoned 2026-11-03 about it"
    )


def test_when_shows_the_weekday_in_local_time() -> None:
    assert audit.when_words(datetime(2026, 11, 3, 14, 5)) == "Tue 3 Nov 2026 14:05"  # GMT
    assert audit.when_words(datetime(2026, 7, 1, 8, 0)) == "Wed 1 Jul 2026 09:00"  # BST


def test_restricted_values_stay_hidden(session: Session, coordinator: Actor) -> None:
    secret = Restricted(lived_experience=True, notes="Private 2026-11-03 note")
    alan = create_member(
        session, coordinator, MemberInput(full_name="Alan Wright", restricted=secret)
    )
    update_member(
        session,
        coordinator,
        alan.id,
        MemberInput(full_name="Alan Wright", restricted=Restricted(notes="Another private note")),
        expected_version=alan.version,
    )
    entries = audit.list_entries(session, coordinator, entity="member", entity_id=alan.id)
    changed, added = (audit.describe_changes(e.changes, e.entity) for e in entries)
    assert "notes: (restricted — changed)" in changed
    assert "lived experience: (restricted — changed)" in added
    for text in (changed, added):
        assert "Private" not in text and "private" not in text and "Tue 3 Nov" not in text
