"""Members: validation, restricted fields, duplicates, status history, roles, training, search."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import PermissionDenied, ValidationError, ValidationErrors
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, audit, member_records, members, reference_lists
from involve_desktop.core.services.member_dto import (
    ConsentHow,
    MemberFilter,
    MemberInput,
    MemberStatus,
    Restricted,
    TrainingFilter,
    TrainingState,
)
from involve_desktop.core.services.member_search import list_members

TODAY = date(2026, 11, 26)


@pytest.fixture
def facilitator(session, coordinator):
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


def add(session, actor, name="Zoë Adams", **kw):
    data = MemberInput(full_name=name, date_joined=kw.pop("date_joined", date(2024, 5, 1)), **kw)
    return members.create_member(session, actor, data, today=TODAY)


def test_create_member_normalises_and_records_history(session, coordinator):
    m = add(
        session, coordinator, email="Zoe@Example.ORG", phone="+44 7700 900123", postcode="sw1a1aa"
    )
    assert (m.email, m.postcode) == ("Zoe@example.org", "SW1A 1AA")
    assert m.status is MemberStatus.ACTIVE
    assert [h.reason for h in m.history] == ["Joined"]
    rows = audit.list_entries(session, coordinator, entity="member", entity_id=m.id)
    assert rows[0].action == "create" and rows[0].changes["full_name"] == "Zoë Adams"


@pytest.mark.parametrize(
    "field,kwargs,words",
    [
        ("full_name", {"name": "  "}, "Full name is needed"),
        ("email", {"email": "zoe.example.org"}, "needs an @"),
        ("email", {"email": "zoe@example"}, "does not look right"),
        ("phone", {"phone": "12345"}, "10 or 11 digits"),
        ("phone", {"phone": "0770O 900123"}, "only have digits"),
        ("postcode", {"postcode": "12345"}, "UK postcode"),
        ("date_joined", {"date_joined": date(2027, 1, 1)}, "cannot be in the future"),
    ],
)
def test_validation_names_field_and_fix(session, coordinator, field, kwargs, words):
    with pytest.raises(ValidationError) as err:
        add(session, coordinator, **kwargs)
    assert err.value.field == field and words in err.value.message


def test_restricted_fields_hidden_and_refused_for_facilitator(session, coordinator, facilitator):
    secret = Restricted(
        lived_experience=True, emergency_contact="Mum 07700 900999", notes="Private"
    )
    m = add(session, coordinator, restricted=secret)
    assert members.get_member(session, coordinator, m.id, today=TODAY).restricted == secret
    seen = members.get_member(session, facilitator, m.id, today=TODAY)
    assert seen.restricted is None
    with pytest.raises(PermissionDenied):
        members.update_member(
            session,
            facilitator,
            m.id,
            MemberInput("Zoë Adams", restricted=Restricted(notes="changed")),
            today=TODAY,
        )
    # A facilitator editing ordinary details leaves restricted information untouched.
    members.update_member(
        session,
        facilitator,
        m.id,
        MemberInput("Zoë Adams", pronouns="she/her", date_joined=date(2024, 5, 1)),
        today=TODAY,
    )
    assert members.get_member(session, coordinator, m.id, today=TODAY).restricted == secret
    trail = audit.list_entries(session, coordinator, entity="member", entity_id=m.id)
    assert "Private" not in str([t.changes for t in trail])


def test_possible_duplicate_is_flagged_before_saving(session, coordinator):
    first = add(session, coordinator, email="zoe@example.org")
    with pytest.raises(members.PossibleDuplicateError) as dup:
        add(
            session,
            coordinator,
            name="ZOE ADAMS",
            email="zoe@example.org",
            date_joined=date(2025, 1, 1),
        )
    assert dup.value.matches[0].member_id == first.id
    assert "email" in dup.value.matches[0].reasons
    # Same name alone is not a duplicate (two people can share a name).
    add(
        session,
        coordinator,
        name="Zoë Adams",
        email="other@example.org",
        date_joined=date(2025, 2, 2),
    )
    again = members.create_member(
        session,
        coordinator,
        MemberInput("Zoë Adams", email="zoe@example.org"),
        allow_duplicate=True,
        today=TODAY,
    )
    assert again.id != first.id


def test_stepping_back_and_leaving_keep_history(session, coordinator):
    m = add(session, coordinator)
    members.change_status(
        session,
        coordinator,
        m.id,
        MemberStatus.STEPPING_BACK,
        date(2026, 6, 1),
        check_in_on=date(2026, 9, 1),
        today=TODAY,
    )
    members.change_status(
        session, coordinator, m.id, MemberStatus.ACTIVE, date(2026, 9, 2), today=TODAY
    )
    done = members.change_status(
        session,
        coordinator,
        m.id,
        MemberStatus.LEFT,
        date(2026, 10, 1),
        reason="Moved away",
        today=TODAY,
    )
    assert done.status is MemberStatus.LEFT and done.left_reason == "Moved away"
    assert [h.status for h in done.history] == [
        MemberStatus.ACTIVE,
        MemberStatus.STEPPING_BACK,
        MemberStatus.ACTIVE,
        MemberStatus.LEFT,
    ]
    assert done.history[1].check_in_on == date(2026, 9, 1)
    with pytest.raises(ValidationError, match="already left"):
        members.change_status(session, coordinator, m.id, MemberStatus.LEFT, TODAY, today=TODAY)
    # Left people are archived from the list, and come back when restored.
    assert list_members(session, coordinator, today=TODAY).total_matching == 0
    shown = list_members(
        session, coordinator, MemberFilter(statuses=frozenset({MemberStatus.LEFT})), today=TODAY
    )
    assert [r.id for r in shown.rows] == [m.id]
    members.change_status(session, coordinator, m.id, MemberStatus.ACTIVE, TODAY, today=TODAY)
    assert list_members(session, coordinator, today=TODAY).total_matching == 1


def test_training_expiry_from_validity_and_states(session, coordinator):
    m = add(session, coordinator)
    peer = reference_lists.training_type_id(session, "peer_support")  # valid 24 months
    member_records.record_training(
        session, coordinator, m.id, peer, date(2024, 12, 15), today=TODAY
    )
    detail = members.get_member(session, coordinator, m.id, today=TODAY)
    assert detail.training[0].expires_on == date(2026, 12, 15)
    assert detail.training[0].state is TrainingState.DUE
    assert member_records.training_state(date(2026, 11, 25), TODAY) is TrainingState.EXPIRED
    assert member_records.training_state(date(2027, 6, 1), TODAY) is TrainingState.CURRENT
    assert member_records.training_state(None, TODAY) is TrainingState.NO_EXPIRY


def test_renewed_training_is_not_counted_as_expired(session, coordinator):
    m = add(session, coordinator)
    peer = reference_lists.training_type_id(session, "peer_support")
    member_records.record_training(session, coordinator, m.id, peer, date(2023, 1, 1), today=TODAY)
    expired = MemberFilter(training=TrainingFilter.EXPIRED)
    assert list_members(session, coordinator, expired, today=TODAY).total_matching == 1
    member_records.record_training(session, coordinator, m.id, peer, date(2026, 10, 1), today=TODAY)
    assert list_members(session, coordinator, expired, today=TODAY).total_matching == 0


def test_search_role_filter_and_counts(session, coordinator):
    zoe = add(session, coordinator, email="zoe@example.org", phone="07700 900123")
    add(session, coordinator, name="Łukasz Nowak", date_joined=date(2023, 1, 1))
    add(session, coordinator, name="Siobhán Kelly", preferred_name="Shiv Kelly")
    peer = reference_lists.role_type_id(session, "peer_supporter")
    member_records.add_role(session, coordinator, zoe.id, peer, date(2025, 1, 1), today=TODAY)

    def names(**kw):
        return [
            r.display_name
            for r in list_members(session, coordinator, MemberFilter(**kw), today=TODAY).rows
        ]

    assert names() == ["Łukasz Nowak", "Shiv Kelly", "Zoë Adams"]  # by the name they go by
    assert names(search="lukasz") == ["Łukasz Nowak"]
    assert names(search="siobhan") == ["Shiv Kelly"]
    assert names(search="zoe@ex") == ["Zoë Adams"]
    assert names(search="07700 900") == ["Zoë Adams"]
    assert names(search="+44 7700 900123") == ["Zoë Adams"]
    assert names(search="100%") == []
    assert names(role_type_id=peer) == ["Zoë Adams"]
    result = list_members(session, coordinator, today=TODAY)
    assert (result.total_matching, result.peer_supporters_matching) == (3, 1)
    assert result.rows[2].roles == ("Peer supporter",)


def test_consent_due_filter(session, coordinator):
    a = add(session, coordinator)
    b = add(session, coordinator, name="Mark Lee")
    member_records.record_consent(
        session,
        coordinator,
        a.id,
        date(2026, 1, 1),
        ConsentHow.WRITTEN,
        keeping_records=True,
        contact_email=True,
        today=TODAY,
    )
    member_records.record_consent(
        session,
        coordinator,
        b.id,
        date(2025, 12, 1),
        ConsentHow.VERBAL,
        keeping_records=True,
        today=TODAY,
    )
    due = list_members(session, coordinator, MemberFilter(consent_due=True), today=TODAY)
    assert [r.display_name for r in due.rows] == [
        "Mark Lee"
    ]  # review on 1 Dec 2026, within 30 days
    detail = members.get_member(session, coordinator, a.id, today=TODAY)
    assert detail.current_consent.describe() == "Keeping records, contact by email"


def test_facilitator_cannot_edit_lists(session, facilitator):
    with pytest.raises(PermissionDenied):
        reference_lists.save_role_type(session, facilitator, "Trustee")


@pytest.mark.parametrize(
    "full,preferred,shown",
    [
        ("Siobhán Ó Briain", "Shiv", "Shiv Ó Briain"),
        ("Jordan Smith", "Jay Smith", "Jay Smith"),
        ("Madonna", "Madge", "Madge"),
        ("Zoë Adams", None, "Zoë Adams"),
        ("Zoë Adams", "  ", "Zoë Adams"),
    ],
)
def test_name_they_go_by(full, preferred, shown):
    assert members.display_name(full, preferred) == shown


def test_role_changed_since_sign_in_decides_restricted_fields(session, coordinator, facilitator):
    from involve_desktop.core.models.accounts import Account as AccountRow

    m = add(session, coordinator, restricted=Restricted(notes="Private"))
    session.execute(
        AccountRow.__table__.update()
        .where(AccountRow.id == coordinator.account_id)
        .values(role="facilitator")
    )
    session.commit()
    assert members.get_member(session, coordinator, m.id, today=TODAY).restricted is None


def test_newest_consent_decides_when_review_is_due(session, coordinator):
    m = add(session, coordinator)
    member_records.record_consent(
        session,
        coordinator,
        m.id,
        date(2025, 3, 1),
        ConsentHow.WRITTEN,
        keeping_records=True,
        review_on=date(2028, 3, 1),
        today=TODAY,
    )
    member_records.record_consent(
        session,
        coordinator,
        m.id,
        date(2026, 6, 1),
        ConsentHow.VERBAL,
        keeping_records=True,
        review_on=date(2026, 12, 1),
        today=TODAY,
    )
    due = list_members(session, coordinator, MemberFilter(consent_due=True), today=TODAY)
    assert [r.id for r in due.rows] == [m.id]


@pytest.mark.parametrize("typed", ["o'brien", "obrien", "O’Brien", "brien"])
def test_search_ignores_apostrophes(session, coordinator, typed):
    add(session, coordinator, name="Siobhán O’Brien")
    found = list_members(session, coordinator, MemberFilter(search=typed), today=TODAY)
    assert [r.full_name for r in found.rows] == ["Siobhán O’Brien"]


def test_overlong_phone_number_is_refused_with_a_message(session, coordinator):
    with pytest.raises(ValidationError) as err:
        add(session, coordinator, phone="07700 900123 " + "-" * 40)
    assert err.value.field == "phone" and "too long" in err.value.message


def test_leaving_before_joining_is_refused(session, coordinator):
    m = add(session, coordinator)  # joined 1 May 2024
    with pytest.raises(ValidationError, match="before they joined"):
        members.change_status(
            session, coordinator, m.id, MemberStatus.LEFT, date(2024, 1, 1), today=TODAY
        )


def test_facilitator_cannot_change_roles_training_or_status(session, coordinator, facilitator):
    m = add(session, coordinator)
    peer = reference_lists.role_type_id(session, "peer_supporter")
    training = reference_lists.training_type_id(session, "peer_support")
    with pytest.raises(PermissionDenied):
        member_records.add_role(session, facilitator, m.id, peer, date(2025, 1, 1), today=TODAY)
    with pytest.raises(PermissionDenied):
        member_records.record_training(
            session, facilitator, m.id, training, date(2025, 1, 1), today=TODAY
        )
    with pytest.raises(PermissionDenied):
        members.change_status(session, facilitator, m.id, MemberStatus.LEFT, TODAY, today=TODAY)
    # Walk-ins: a facilitator may still add someone and record their consent.
    walk_in = add(session, facilitator, name="New Person")
    member_records.record_consent(
        session,
        facilitator,
        walk_in.id,
        TODAY,
        ConsentHow.WRITTEN,
        keeping_records=True,
        today=TODAY,
    )


def test_removing_a_mistaken_role_or_training_is_noted_on_the_trail(session, coordinator):
    m = add(session, coordinator)
    peer = reference_lists.role_type_id(session, "peer_supporter")
    training = reference_lists.training_type_id(session, "safeguarding")
    member_records.add_role(session, coordinator, m.id, peer, date(2025, 1, 1), today=TODAY)
    member_records.record_training(
        session, coordinator, m.id, training, date(2025, 2, 1), today=TODAY
    )
    detail = members.get_member(session, coordinator, m.id, today=TODAY)
    member_records.remove_role(session, coordinator, detail.roles[0].id)
    member_records.remove_training(session, coordinator, detail.training[0].id)
    after = members.get_member(session, coordinator, m.id, today=TODAY)
    assert after.roles == () and after.training == ()
    trail = [
        r.changes for r in audit.list_entries(session, coordinator, entity="member", entity_id=m.id)
    ]
    assert {"training removed": "Safeguarding, Sat 1 Feb 2025"} in trail
    assert {"role removed": "Peer supporter from Wed 1 Jan 2025"} in trail


def test_every_field_problem_is_reported_together(session, coordinator):
    data = MemberInput(
        "",
        email="no-at-sign",
        postcode="nowhere",
        date_joined=date(2099, 1, 1),
        restricted=Restricted(notes="x" * 10_001),
    )
    with pytest.raises(ValidationErrors) as raised:
        members.create_member(session, coordinator, data, today=date(2026, 11, 27))
    fields = [problem.field for problem in raised.value.problems]
    assert fields == ["full_name", "date_joined", "email", "postcode", "notes"]
    assert raised.value.field == "full_name"  # one-field code still gets the first
    assert "Email needs an @" in raised.value.message


def test_a_single_problem_is_a_plain_validation_error(session, coordinator):
    with pytest.raises(ValidationError) as raised:
        members.create_member(session, coordinator, MemberInput("Ana", email="ana"))
    assert type(raised.value) is ValidationError and raised.value.field == "email"
