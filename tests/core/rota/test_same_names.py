"""Two peer supporters who go by the same name are told apart wherever the coordinator acts
on one of them: on the shift, in who could cover it, in the week grid and in the Peer
supporters list ("Zoë Clarke (joined Mar 2024)"); names no one shares are left alone."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.services import member_records, members, reference_lists
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.services.names_apart import telling_apart
from involve_desktop.core.services.rota_assign import assign
from involve_desktop.core.services.rota_coverage import suggestions
from involve_desktop.core.services.rota_rules import RotaRefused
from involve_desktop.core.services.rota_shifts import shift_view
from tests.core.rota.helpers import TODAY, peer, shift, site


def second_zoe(session, actor, joined: date = date(2025, 5, 6)) -> int:
    """Another Zoë Clarke (the same name, allowed after the duplicate question)."""
    m = members.create_member(
        session,
        actor,
        MemberInput(full_name="Zoe Clarke", preferred_name="Zoë", date_joined=joined),
        allow_duplicate=True,
        today=TODAY,
    )
    role = reference_lists.role_type_id(session, "peer_supporter")
    member_records.add_role(session, actor, m.id, role, joined, today=TODAY)
    training = reference_lists.training_type_id(session, "peer_support")
    member_records.record_training(session, actor, m.id, training, joined, today=TODAY)
    return m.id


def test_names_shared_are_told_apart_by_when_they_joined_or_number(session, coordinator):
    first = peer(session, coordinator, "Zoë Clarke")  # joined Jan 2024
    second = second_zoe(session, coordinator)
    aisha = peer(session, coordinator, "Aisha Khan")
    names = {first: "Zoë Clarke", second: "zoe clarke", aisha: "Aisha Khan"}
    assert telling_apart(session, names) == {
        first: "joined Jan 2024",
        second: "joined May 2025",
    }
    third = second_zoe(session, coordinator, joined=date(2025, 5, 20))
    apart = telling_apart(session, names | {third: "Zoë Clarke"})
    assert apart[first] == "joined Jan 2024"
    assert (apart[second], apart[third]) == (f"member no. {second}", f"member no. {third}")
    assert telling_apart(session, {aisha: "Aisha Khan"}) == {}


def test_on_the_shift_and_in_who_could_cover(session, coordinator):
    ward = site(session, coordinator, "Ward 4")
    tue = shift(session, coordinator, ward)
    first = peer(session, coordinator, "Zoë Clarke")
    second = second_zoe(session, coordinator)
    peer(session, coordinator, "Aisha Khan")
    assign(session, coordinator, tue, first)
    view = shift_view(session, coordinator, tue)
    assert [a.label for a in view.assignees] == ["Zoë Clarke"]  # no one else on it shares it
    found = suggestions(session, coordinator, tue)
    labels = {s.member_id: s.label for s in found.eligible}
    assert labels[second] == "Zoë Clarke (joined May 2025)"
    assign(session, coordinator, tue, second, override_limits=True, override_reason="Asked")
    view = shift_view(session, coordinator, tue)
    assert sorted(a.label for a in view.assignees) == [
        "Zoë Clarke (joined Jan 2024)",
        "Zoë Clarke (joined May 2025)",
    ]


def test_a_refusal_says_which_of_two_namesakes_it_means(session, coordinator):
    ward = site(session, coordinator, "Ward 4")
    tue = shift(session, coordinator, ward)
    first = peer(session, coordinator, "Zoë Clarke")
    second_zoe(session, coordinator)
    aisha = peer(session, coordinator, "Aisha Khan")
    assign(session, coordinator, tue, first)
    assign(session, coordinator, tue, aisha)
    with pytest.raises(RotaRefused) as again:
        assign(session, coordinator, tue, first)
    assert str(again.value) == "Zoë Clarke (joined Jan 2024) is already on this shift."
    with pytest.raises(RotaRefused) as alone:
        assign(session, coordinator, tue, aisha)
    assert str(alone.value) == "Aisha Khan is already on this shift."  # no one shares it
