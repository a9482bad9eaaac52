"""What still uses a role or a kind of training, counted for the question asked before it is
retired: running rota patterns and coming shifts that require it, and the people holding it."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import NotFound, PermissionDenied
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import (
    accounts,
    member_records,
    members,
    reference_lists,
    rota_patterns,
    rota_shifts,
    rota_sites,
)
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.reference_lists import ListEntryUse
from involve_desktop.core.services.rota_dto import PatternInput
from tests.core.rota.helpers import NO_TRAINING, TODAY, peer, shift, site

SAFEGUARDING = "safeguarding"


def _kind(session, code: str) -> int:
    return reference_lists.training_type_id(session, code)


def _pattern(session, actor, site_id: int, weekday: int, **kw) -> int:
    data = PatternInput(site_id, weekday, time(9), time(13), date(2026, 1, 5), **kw)
    return rota_patterns.create_pattern(session, actor, data).id


def test_training_counts_running_patterns_coming_shifts_and_people_in_date(session, coordinator):
    ward = site(session, coordinator)
    peer_support = _kind(session, "peer_support")
    _pattern(session, coordinator, ward, 0)  # peer support by default
    _pattern(session, coordinator, ward, 1, valid_to=date(2026, 12, 31))
    _pattern(session, coordinator, ward, 2, valid_to=date(2026, 2, 27))  # ended: not counted
    _pattern(session, coordinator, ward, 3, no_training_required=True)  # not counted
    closed = site(session, coordinator, "Old ward")
    _pattern(session, coordinator, closed, 0)
    rota_sites.archive_site(session, coordinator, closed)  # an archived site's: not counted
    shift(session, coordinator, ward, date(2026, 3, 2))  # today: counted
    shift(session, coordinator, ward, date(2026, 3, 9))
    shift(session, coordinator, ward, date(2026, 2, 23))  # past: not counted
    cancelled = shift(session, coordinator, ward, date(2026, 3, 10))
    rota_shifts.cancel_shift(session, coordinator, cancelled, "Ward closed for cleaning")
    shift(session, coordinator, ward, date(2026, 3, 11), no_training_required=True)

    peer(session, coordinator, "Aisha Khan")  # in date until June 2027
    peer(session, coordinator, "Ben Okafor", trained_until=None)  # does not expire
    peer(session, coordinator, "Cara Doyle", trained_until=date(2026, 2, 1))  # expired
    peer(session, coordinator, "Dev Patel", trained_until=NO_TRAINING)
    gone = peer(session, coordinator, "Eve Lam")
    members.change_status(
        session, coordinator, gone, MemberStatus.LEFT, date(2026, 2, 20), today=TODAY
    )
    twice = peer(session, coordinator, "Fay Ng")  # two records of it: one person
    member_records.record_training(
        session, coordinator, twice, peer_support, date(2025, 6, 1), today=TODAY
    )

    use = reference_lists.training_type_use(session, coordinator, peer_support, today=TODAY)
    assert (use.rota_patterns, use.future_shifts, use.people) == (2, 2, 3)
    assert "rota shifts" in use.built_in


def test_training_nothing_uses(session, coordinator):
    kind = _kind(session, SAFEGUARDING)
    use = reference_lists.training_type_use(session, coordinator, kind, today=TODAY)
    assert use == ListEntryUse()


def test_role_counts_people_holding_it_now(session, coordinator):
    peer(session, coordinator, "Aisha Khan")
    peer(session, coordinator, "Ben Okafor", bank=True)
    ended = peer(session, coordinator, "Cara Doyle")
    with_role = members.get_member(session, coordinator, ended)
    member_records.end_role(
        session, coordinator, with_role.roles[0].id, date(2026, 2, 1), today=TODAY
    )
    role = reference_lists.role_type_id(session, "peer_supporter")
    use = reference_lists.role_type_use(session, coordinator, role, today=TODAY)
    assert use.people == 1 and (use.rota_patterns, use.future_shifts) == (0, 0)
    assert "peer supporters" in use.built_in
    new = reference_lists.save_role_type(session, coordinator, "Befriender")
    assert reference_lists.role_type_use(session, coordinator, new.id, today=TODAY) == (
        ListEntryUse()
    )


def test_only_those_who_may_edit_the_lists_count_and_a_missing_entry_says_so(session, coordinator):
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    fran = accounts.sign_in(session, "fran", "tuesday group")
    kind = _kind(session, SAFEGUARDING)
    with pytest.raises(PermissionDenied):
        reference_lists.training_type_use(session, fran, kind, today=TODAY)
    with pytest.raises(NotFound):
        reference_lists.role_type_use(session, coordinator, 9999, today=TODAY)
