"""Self-assessments: saving drafts, finishing only with a member with lived experience,
comparing over time, the annual report summary, permissions refused and audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import members, spectrum
from involve_desktop.core.services.member_dto import Restricted
from involve_desktop.core.services.spectrum_compare import compare_assessments
from involve_desktop.core.services.spectrum_dto import (
    AnswerInput,
    AssessmentInput,
    AssessmentStatus,
    OtherPerson,
)
from involve_desktop.core.services.spectrum_statements import Answer, Stage, statements_of
from involve_desktop.core.services.spectrum_summary import spectrum_summary

TODAY = date(2026, 6, 1)
G = statements_of(Stage.GOOD_INVOLVEMENT)


def _good(except_key: str | None = None) -> tuple[AnswerInput, ...]:
    return tuple(
        AnswerInput(s.key, Answer.YES, evidence=f"Minutes for {s.key}")
        for s in G
        if s.key != except_key
    )


def _input(day: date = date(2026, 5, 1), **kw) -> AssessmentInput:
    return replace(AssessmentInput(day, led_by="Jo (chair)"), **kw)


def test_draft_saved_without_lived_experience_but_finishing_refused(session, coordinator, people):
    draft = spectrum.create_assessment(
        session,
        coordinator,
        _input(
            member_ids=(people["Bea"], people["Chris"]), others=(OtherPerson("Pat", "Trustee"),)
        ),
        today=TODAY,
    )
    assert draft.status is AssessmentStatus.DRAFT
    assert [p.name for p in draft.participants] == ["Bea Jones", "Chris Patel", "Pat"]
    with pytest.raises(ValidationError, match="members with lived experience took part") as got:
        spectrum.finish_assessment(session, coordinator, draft.id)
    assert got.value.field == "member_ids"
    assert spectrum.get_assessment(session, coordinator, draft.id).status is AssessmentStatus.DRAFT
    # Others by name never count, even with lived experience: only members as recorded.
    again = spectrum.update_assessment(
        session,
        coordinator,
        draft.id,
        _input(member_ids=(people["Alan"],), version=draft.version),
        today=TODAY,
    )
    assert again.members_with_lived_experience == 1
    done = spectrum.finish_assessment(session, coordinator, draft.id, again.version)
    assert done.status is AssessmentStatus.FINISHED
    # A finished one cannot lose its last member with lived experience, nor be deleted.
    with pytest.raises(ValidationError, match="lived experience"):
        spectrum.update_assessment(
            session, coordinator, done.id, _input(member_ids=(people["Bea"],)), today=TODAY
        )
    with pytest.raises(ValidationError, match="Only drafts"):
        spectrum.delete_assessment(session, coordinator, done.id)


def test_lived_experience_is_kept_as_it_was_when_finished(session, coordinator, people):
    info = spectrum.create_assessment(
        session, coordinator, _input(member_ids=(people["Alan"],)), today=TODAY
    )
    spectrum.finish_assessment(session, coordinator, info.id)
    alan = members.get_member(session, coordinator, people["Alan"])
    members.update_member(
        session,
        coordinator,
        alan.id,
        replace(alan.to_input(), restricted=Restricted(lived_experience=False)),
    )
    got = spectrum.get_assessment(session, coordinator, info.id)
    assert got.members_with_lived_experience == 1


def test_answers_comments_evidence_and_stage_round_trip(session, coordinator, people):
    answers = (
        *_good(except_key=G[0].key),
        AnswerInput(G[0].key, Answer.PARTLY, comment="Only on two boards"),
    )
    info = spectrum.create_assessment(
        session, coordinator, _input(answers=answers, notes="Went well"), today=TODAY
    )
    assert info.stage is Stage.BEGINNINGS
    assert [s.key for s in info.result.missing] == [G[0].key]
    assert info.answer_for(G[0].key).comment == "Only on two boards"
    assert info.answer_for(G[1].key).evidence == f"Minutes for {G[1].key}"
    full = spectrum.update_assessment(
        session, coordinator, info.id, _input(answers=_good(), version=info.version), today=TODAY
    )
    assert full.stage is Stage.GOOD_INVOLVEMENT
    rows = spectrum.list_assessments(session, coordinator)
    assert [(r.id, r.stage) for r in rows] == [(info.id, Stage.GOOD_INVOLVEMENT)]
    with pytest.raises(ValidationError, match="Someone else changed"):
        spectrum.update_assessment(
            session, coordinator, info.id, _input(version=info.version), today=TODAY
        )


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"day": date(2026, 7, 1)}, "day", "future"),
        ({"answers": (AnswerInput("nope", Answer.YES),)}, "answers", "no statement"),
        ({"others": (OtherPerson("  ", "Trustee"),)}, "others", "name"),
        ({"member_ids": (999,)}, "member_ids", "no longer"),
        ({"led_by": "x" * 201}, "led_by", "too long"),
    ],
)
def test_bad_input_names_the_field(session, coordinator, changes, field, words):
    with pytest.raises(ValidationError) as raised:
        spectrum.create_assessment(session, coordinator, _input(**changes), today=TODAY)
    assert raised.value.field == field
    assert words.lower() in raised.value.message.lower()


def _finished(session, coordinator, people, day, answers):
    info = spectrum.create_assessment(
        session,
        coordinator,
        _input(
            day,
            answers=answers,
            member_ids=(people["Alan"], people["Bea"]),
            others=(OtherPerson("Dr Rao", "Service manager"),),
        ),
        today=TODAY,
    )
    return spectrum.finish_assessment(session, coordinator, info.id)


def test_compare_over_time_and_summary_for_the_report(session, coordinator, people):
    early = _finished(session, coordinator, people, date(2025, 1, 10), _good()[:2])
    later = _finished(session, coordinator, people, date(2026, 1, 10), _good())
    draft = spectrum.create_assessment(session, coordinator, _input(), today=TODAY)
    table = compare_assessments(session, coordinator)
    assert [c.id for c in table.columns] == [early.id, later.id]  # drafts left out
    assert [c.stage for c in table.columns] == [Stage.BEGINNINGS, Stage.GOOD_INVOLVEMENT]
    row = next(r for r in table.rows if r.statement_key == G[3].key)
    assert row.answers == (None, Answer.YES)
    assert next(r for r in table.rows if r.statement_key == G[0].key).answers == (
        Answer.YES,
        Answer.YES,
    )
    with_draft = compare_assessments(session, coordinator, include_drafts=True)
    assert [c.id for c in with_draft.columns][-1] == draft.id

    summary = spectrum_summary(session, coordinator, date(2025, 6, 1), date(2026, 5, 31))
    assert [line.day for line in summary.assessments] == [date(2026, 1, 10)]
    line = summary.latest
    assert line.stage is Stage.GOOD_INVOLVEMENT
    assert (Stage.GOOD_INVOLVEMENT, len(G), len(G)) in line.yes_counts
    assert (line.members, line.members_with_lived_experience, line.others) == (2, 1, 1)
    assert "Alan" not in repr(summary)


def test_deleting_a_draft_is_audited(session, coordinator):
    info = spectrum.create_assessment(session, coordinator, _input(), today=TODAY)
    spectrum.delete_assessment(session, coordinator, info.id)
    assert spectrum.list_assessments(session, coordinator) == []
    actions = session.scalars(
        select(AuditEntry.action)
        .where(AuditEntry.entity == spectrum.ENTITY)
        .order_by(AuditEntry.id)
    ).all()
    assert actions == ["create", "delete"]


def test_facilitators_are_refused_and_the_refusal_is_on_the_trail(
    session, coordinator, facilitator
):
    info = spectrum.create_assessment(session, coordinator, _input(), today=TODAY)
    calls = [
        lambda: spectrum.list_assessments(session, facilitator),
        lambda: spectrum.get_assessment(session, facilitator, info.id),
        lambda: compare_assessments(session, facilitator),
        lambda: spectrum_summary(session, facilitator, date(2026, 1, 1), date(2026, 12, 31)),
        lambda: spectrum.create_assessment(session, facilitator, _input(), today=TODAY),
        lambda: spectrum.update_assessment(session, facilitator, info.id, _input(), today=TODAY),
        lambda: spectrum.finish_assessment(session, facilitator, info.id),
        lambda: spectrum.delete_assessment(session, facilitator, info.id),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied, match="coordinator"):
            call()
        session.rollback()
    denied = session.scalars(
        select(AuditEntry.entity).where(
            AuditEntry.action == "denied", AuditEntry.account_id == facilitator.account_id
        )
    ).all()
    assert sorted(denied) == ["manage_involvement"] * 4 + ["view_involvement"] * 4


def test_an_empty_self_assessment_is_refused_naming_what_to_fill_in(session, coordinator):
    """A blank form (only its date) is not kept as an empty draft in the list."""
    blank = AssessmentInput(date(2026, 5, 1))
    with pytest.raises(ValidationError) as raised:
        spectrum.create_assessment(session, coordinator, blank, today=TODAY)
    assert raised.value.field == "answers"
    assert "Answer at least one statement" in raised.value.message
    assert "who took part" in raised.value.message
    assert spectrum.list_assessments(session, coordinator) == []
    # Emptying a saved draft is refused the same way (delete the draft instead).
    draft = spectrum.create_assessment(
        session, coordinator, replace(blank, others=(OtherPerson("Priya Rao", None),)), today=TODAY
    )
    with pytest.raises(ValidationError, match="Nothing is filled in"):
        spectrum.update_assessment(
            session, coordinator, draft.id, replace(blank, version=draft.version), today=TODAY
        )
    # One statement answered is enough for a draft.
    one = replace(blank, answers=(AnswerInput(G[0].key, Answer.PARTLY),))
    assert spectrum.create_assessment(session, coordinator, one, today=TODAY).id
