"""The audit trail names what a change points at: ids of other records read as their names
("member: Clare Bennett"), a record since removed as "number 12 (since removed)", the
involvement report by its year, self-assessment answers in the screen's words, and the
whole demo trail without a raw id, code, ISO date or Python value. A page of 500 rows
pointing at 500 different records is named with a fixed handful of queries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from involve_desktop.core.demo.context import DemoSize
from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.models.cohorts import Cohort, Enrolment, Programme
from involve_desktop.core.models.payments import PayLine
from involve_desktop.core.models.people import Member
from involve_desktop.core.services import audit, involvement_report, spectrum
from involve_desktop.core.services.audit_names import NAMINGS
from involve_desktop.core.services.dto import Actor, AuditInfo
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.members import create_member
from involve_desktop.core.services.reference_lists import save_training_type
from involve_desktop.core.services.spectrum_dto import AnswerInput, AssessmentInput
from involve_desktop.core.services.spectrum_statements import Answer, Stage, statements_of

TODAY = date(2026, 11, 26)


@pytest.fixture
def demo(session: Session) -> Actor:
    """The standard demo, written by the real services; its coordinator."""
    return seed_demo(session, DemoSize.STANDARD, today=TODAY)


def _trail(session: Session, actor: Actor) -> list[AuditInfo]:
    return audit.list_entries(session, actor, limit=100_000)


def _said(session: Session, entries: list[AuditInfo]) -> list[tuple[AuditInfo, str, str]]:
    names = audit.record_names(session, entries)
    return [
        (e, audit.record_words(e, names), audit.describe_changes(e.changes, e.entity, names))
        for e in entries
    ]


def _name(session: Session, member_id: int) -> str:
    member = session.get(Member, member_id)
    assert member is not None
    return display_name(member.full_name, member.preferred_name)


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


def test_an_id_in_a_change_reads_as_the_records_name(session: Session, demo: Actor) -> None:
    rows = _said(session, _trail(session, demo))
    e, _record, changed = next(r for r in rows if r[0].entity == "enrolment")
    place = session.get(Enrolment, e.entity_id)
    cohort = session.get(Cohort, place.cohort_id)
    programme = session.get(Programme, cohort.programme_id)
    assert f"member: {_name(session, place.member_id)}" in changed
    assert f"cohort: {programme.name} — {cohort.name}" in changed
    assert "number" not in changed
    # an expense claim names its member; a weekly shift its site and training
    claim = next(c for e, _r, c in rows if e.entity == "expense_claim" and "member" in c)
    assert "member number" not in claim and not re.search(r"member: \d", claim)
    pattern = next(c for e, _r, c in rows if e.entity == "rota_pattern")
    assert re.search(r"site: [A-Z]", pattern) and "site number" not in pattern
    assert re.search(r"training needed: [A-Z]", pattern)
    # a "you said, we did" names the activity it answers
    said = next(c for e, _r, c in rows if e.entity == "you_said_entry" and "activity:" in c)
    assert re.search(r"activity: .+ \(\w{3} \d+ \w{3} \d{4}\)", said)
    # an activity's members are their names, not "[5, 22, 28]"
    activity = next(c for e, _r, c in rows if e.entity == "involvement_activity")
    members = re.search(r"members: ([^;]+)", activity)
    assert members and not re.search(r"\d", members.group(1))


def test_a_record_since_removed_falls_back_to_its_number(
    session: Session, coordinator: Actor
) -> None:
    alan = create_member(session, coordinator, MemberInput(full_name="Alan Wright"))
    gone = create_member(session, coordinator, MemberInput(full_name="Gone Person"))
    audit.record(
        session,
        coordinator,
        "update",
        "enrolment",
        5,
        {"member_id": [alan.id, gone.id], "cohort_id": 777, "shift": 4242},
    )
    session.commit()
    session.delete(session.get(Member, gone.id))
    session.commit()
    entries = audit.list_entries(session, coordinator, entity="enrolment")
    [(_e, record, changed)] = _said(session, entries)
    assert changed == (
        f"member: Alan Wright → number {gone.id} (since removed); "
        "cohort: number 777 (since removed); shift: number 4242 (since removed)"
    )
    assert record == "enrolment 5 (since removed)"
    # without the page's names (no lookup made) it is only the number
    assert audit.describe_changes({"member_id": 3}) == "member: number 3"


def test_the_involvement_report_is_named_by_its_year(session: Session, coordinator: Actor) -> None:
    data = involvement_report.ReportNarrative(
        starts_on=date(2026, 4, 1), year_in_brief="A good year.", next_year="More."
    )
    involvement_report.save_narrative(session, coordinator, data)
    [(_e, record, changed)] = _said(
        session, audit.list_entries(session, coordinator, entity="involvement_report")
    )
    year = involvement_report.reporting_year(date(2026, 4, 1)).label
    assert year == "April 2026 to March 2027"
    assert record == f"involvement report for {year}"
    assert changed == (
        f"year: {year}; sections changed: What we will do next year, The year in brief"
    )
    assert "involvement report 1" not in record and "Wed 1 Apr" not in changed


def _input(info, answers: dict[str, Answer]) -> AssessmentInput:  # noqa: ANN001
    return AssessmentInput(
        day=info.day,
        led_by=info.led_by,
        notes=info.notes,
        answers=tuple(AnswerInput(k, a) for k, a in answers.items()),
        member_ids=tuple(p.member_id for p in info.participants if p.member_id),
        version=info.version,
    )


def test_self_assessment_answers_read_as_the_screen_words_them(
    session: Session, coordinator: Actor
) -> None:
    alan = create_member(session, coordinator, MemberInput(full_name="Alan Wright"))
    good = statements_of(Stage.GOOD_INVOLVEMENT)
    first = {good[0].key: Answer.PARTLY, good[1].key: Answer.NO}
    info = spectrum.create_assessment(
        session,
        coordinator,
        AssessmentInput(
            day=date(2026, 5, 1),
            answers=tuple(AnswerInput(k, a) for k, a in first.items()),
            member_ids=(alan.id,),
        ),
        today=TODAY,
    )
    spectrum.update_assessment(
        session,
        coordinator,
        info.id,
        _input(info, {**first, good[1].key: Answer.YES}),
        today=TODAY,
    )
    changed, added = (
        c
        for _e, _r, c in _said(
            session, audit.list_entries(session, coordinator, entity="spectrum_assessment")
        )
    )
    assert "answers: Good involvement 1: Partly, Good involvement 2: No" in added
    assert "members: Alan Wright" in added
    assert changed == f"answers: Good involvement 2 \u201c{good[1].text}\u201d: No → Yes"
    for code in (good[0].key, "=partly", "=no", f"members: {alan.id}"):
        assert code not in added + changed


def test_the_demo_trail_has_no_raw_ids_codes_or_python_values(
    session: Session, demo: Actor
) -> None:
    rows = _said(session, _trail(session, demo))
    assert len(rows) > 1000
    raw = re.compile(
        r"\d{4}-\d{2}-\d{2}|\b\w+_\w+\b|\bNone\b|\bTrue\b|\bFalse\b|[\[\]{}]|\(blank\)"
        r"|number \d|\b\d+,\d+\b|=(yes|no|partly)\b"
    )
    for e, record, changed in rows:
        assert not raw.search(record), (e, record)
        assert not raw.search(changed), (e, changed)
        assert "\n" not in changed
    spoken = {r for _e, r, _c in rows}
    assert "the panel settings" in spoken
    assert any(r.startswith("auto-fill of ") for r in spoken)
    assert any(r.startswith("involvement report for ") for r in spoken)


def test_500_rows_pointing_at_500_records_take_a_fixed_handful_of_queries(
    session: Session, demo: Actor
) -> None:
    members = list(session.scalars(select(Member.id)))
    lines = list(session.scalars(select(PayLine.id)))
    for i in range(500):
        changes = {"member_id": members[i % len(members)], "note": [None, "x"]}
        audit.record(session, demo, "update", "pay_line", lines[i % len(lines)], changes)
    session.commit()
    entries = _trail(session, demo)
    page = entries[:500]
    assert {e.entity for e in page} == {"pay_line"}
    session.expire_all()
    with _counted(session) as statements:
        names = audit.record_names(session, page)
    assert len(statements) <= 2  # pay lines, and the members they point at
    assert sum(1 for kind, _id in names if kind == "member") >= min(60, len(members))
    # a mixed page of the whole demo: never more than one query per kind of record
    mixed = entries[500:1000]
    assert len({e.entity for e in mixed}) >= 5
    with _counted(session) as statements:
        audit.record_names(session, mixed)
    assert len(statements) <= len(NAMINGS)  # the same bound for any number of rows
    with _counted(session) as none:
        for e in page:
            audit.describe_changes(e.changes, e.entity, names)
    assert none == []
    said = audit.describe_changes(page[0].changes, "pay_line", names)
    assert said.startswith(f"member: {_name(session, page[0].changes['member_id'])}")


def test_other_stored_shapes_read_in_words(session: Session, coordinator: Actor) -> None:
    """Pairs under keys in words, attendance by person, a shift's training by its name,
    a refusal by its permission, and no Python values or codes left showing."""
    training = save_training_type(session, coordinator, "Safeguarding in groups", 12)
    rows = [
        ("update", "member", 1, {"weekly availability": ["", "Monday 08:00–22:00"]}),
        ("update", "member", 1, {"role Peer supporter ended": [None, "2025-01-01"]}),
        ("update", "meeting_attendance", 3, {"Ben Okafor (#2)": ["apologies", "absent"]}),
        ("update", "rota_shift", 4, {"training": [training.id, None]}),
        ("create", "involvement_activity", 5, {"members": "[]", "title": "Alpha"}),
        ("update", "panel", 6, {"flag": ["True", "False"], "state": "SHIFT_ASSIGNED"}),
        ("update", "panel", 6, {"seats": {"chair": 1}, "address": "1 Mill Lane\nRiverside"}),
        ("denied", "manage_rota", None, {"attempted": "change the rota"}),
        ("delete", "pay_line", 9, {"withdrawn": "Travel on 2026-03-02 is no longer recorded"}),
    ]
    for action, entity, entity_id, changes in rows:
        audit.record(session, coordinator, action, entity, entity_id, changes)
    session.commit()
    entries = audit.list_entries(session, coordinator, limit=len(rows))
    said = {(r, c) for _e, r, c in _said(session, entries)}
    changed = {c for _r, c in said}
    assert {
        "weekly availability: (none) → Monday 08:00–22:00",
        "role Peer supporter ended: (none) → Wed 1 Jan 2025",
        "Ben Okafor (member 2): apologies → absent",
        "training needed: Safeguarding in groups → (none)",
        "members: (none); title: Alpha",
        "flag: yes → no; state: shift assigned",
        "seats: chair 1; address: 1 Mill Lane, Riverside",
        "withdrawn: Travel on Mon 2 Mar 2026 is no longer recorded",
    } <= changed
    assert ("permission to manage rota", "attempted: change the rota") in said


def test_a_call_for_cover_and_a_refusal_read_in_words(session: Session, coordinator: Actor) -> None:
    from involve_desktop.core.services.rota_coverage import log_call
    from involve_desktop.core.services.rota_dto import CallAnswer
    from tests.core.rota.helpers import peer, shift, site

    ward = site(session, coordinator)
    one = shift(session, coordinator, ward)
    ann = peer(session, coordinator, "Ann Call")
    log_call(session, coordinator, one, ann, CallAnswer.NO_REPLY, "Left a voicemail")
    audit.record(session, coordinator, "denied", "edit_restricted", None, {"attempted": "x"})
    session.commit()
    entries = audit.list_entries(session, coordinator, limit=2)
    records = {r for _e, r, _c in _said(session, entries)}
    call = next(r for r in records if r.startswith("Ann Call asked to cover "))
    assert re.fullmatch(r"Ann Call asked to cover .+ shift, \w{3} \d+ \w{3} \d{4} .+", call)
    assert "permission to change restricted details" in records
