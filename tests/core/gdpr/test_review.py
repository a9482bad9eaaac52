"""Retention review at the N-year boundary, bulk anonymising all-or-nothing, consent review."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from involve_desktop.core.models.people import Consent, Member
from involve_desktop.core.services import gdpr_review, members
from involve_desktop.core.services.gdpr_dto import ConsentProblem
from involve_desktop.core.services.member_dto import MemberInput, MemberStatus

TODAY = date(2026, 11, 27)


def _person(session, actor, name, left_on=None):
    member_id = members.create_member(
        session, actor, MemberInput(full_name=name, date_joined=date(2015, 1, 5)), today=TODAY
    ).id
    if left_on:
        members.change_status(session, actor, member_id, MemberStatus.LEFT, left_on, today=TODAY)
    return member_id


def test_retention_picks_exactly_those_past_the_boundary(session, coordinator):
    over = _person(session, coordinator, "Over Boundary", date(2020, 11, 26))
    _person(session, coordinator, "On Boundary", date(2020, 11, 27))
    _person(session, coordinator, "Recent Leaver", date(2024, 3, 1))
    _person(session, coordinator, "Still Here")
    found = gdpr_review.retention_candidates(session, coordinator, today=TODAY)
    assert [c.member_id for c in found] == [over]
    assert found[0].left_on == date(2020, 11, 26)
    # Settings → Privacy: 2 years takes the recent leaver too.
    gdpr_review.set_retention_years(session, coordinator, 2)
    names = [c.name for c in gdpr_review.retention_candidates(session, coordinator, today=TODAY)]
    assert names == ["Over Boundary", "On Boundary", "Recent Leaver"]


def test_retention_years_default_and_checks(session, coordinator, facilitator):
    assert gdpr_review.retention_years(session) == 6
    with pytest.raises(ValidationError):
        gdpr_review.set_retention_years(session, coordinator, 0)
    with pytest.raises(PermissionDenied):
        gdpr_review.set_retention_years(session, facilitator, 3)
    assert gdpr_review.retention_years(session) == 6


def test_bulk_anonymise_is_all_or_nothing(session, coordinator):
    a = _person(session, coordinator, "Ann Old", date(2019, 1, 1))
    b = _person(session, coordinator, "Ben Old", date(2019, 2, 1))
    with pytest.raises(NotFound):
        gdpr_review.anonymise_people(session, coordinator, [a, 9999])
    session.expire_all()
    assert session.get(Member, a).full_name == "Ann Old"
    report = gdpr_review.anonymise_people(session, coordinator, [a, b])
    assert report.count == 2
    assert gdpr_review.retention_candidates(session, coordinator, today=TODAY) == []


def test_facilitator_refused_the_reviews(session, facilitator):
    with pytest.raises(PermissionDenied):
        gdpr_review.retention_candidates(session, facilitator)
    with pytest.raises(PermissionDenied):
        gdpr_review.anonymise_people(session, facilitator, [1])
    with pytest.raises(PermissionDenied):
        gdpr_review.consent_review(session, facilitator)


def test_consent_review_lists_never_and_expired(session, coordinator):
    never = _person(session, coordinator, "Nora Never")
    expired = _person(session, coordinator, "Eve Expired")
    current = _person(session, coordinator, "Cal Current")
    renewed = _person(session, coordinator, "Ray Renewed")
    _person(session, coordinator, "Lee Left", date(2025, 1, 1))
    session.add_all(
        [
            Consent(
                member_id=expired,
                given_on=date(2025, 1, 1),
                how="written",
                review_on=date(2026, 1, 1),
            ),
            Consent(
                member_id=current,
                given_on=date(2026, 1, 1),
                how="written",
                review_on=date(2026, 11, 27),
            ),
            Consent(
                member_id=renewed,
                given_on=date(2024, 1, 1),
                how="written",
                review_on=date(2025, 1, 1),
            ),
            Consent(
                member_id=renewed,
                given_on=date(2026, 6, 1),
                how="verbal",
                review_on=date(2027, 6, 1),
            ),
        ]
    )
    session.commit()
    rows = gdpr_review.consent_review(session, coordinator, today=TODAY)
    assert [(r.member_id, r.problem) for r in rows] == [
        (expired, ConsentProblem.EXPIRED),
        (never, ConsentProblem.NEVER_RECORDED),
    ]
    assert rows[0].review_on == date(2026, 1, 1)
