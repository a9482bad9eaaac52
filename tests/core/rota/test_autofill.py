"""Auto-fill on a real database: fair proposals, gaps with reasons, commit, undo, re-check."""

from __future__ import annotations

from datetime import date, time

import pytest

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.services import audit
from involve_desktop.core.services import rota_availability as availability
from involve_desktop.core.services.rota_assign import assign, unassign
from involve_desktop.core.services.rota_autofill import (
    commit_autofill,
    propose_autofill,
    undo_autofill,
)
from involve_desktop.core.services.rota_dto import CoverageState
from involve_desktop.core.services.rota_rules import RotaRefused
from involve_desktop.core.services.rota_shifts import shift_views
from tests.core.rota.helpers import TODAY, TUE, peer, shift, site

END = date(2026, 3, 8)


def on_shifts(session, actor):
    return {
        v.slot.id: sorted(a.name for a in v.assignees)
        for v in shift_views(session, actor, TODAY, END)
    }


def test_fills_to_minimum_spreading_shifts_evenly(session, coordinator):
    ward = site(session, coordinator)
    shifts = [shift(session, coordinator, ward, day=date(2026, 3, d)) for d in (3, 4, 5, 6)]
    for name in ("Ava", "Bea", "Cy", "Dot"):
        peer(session, coordinator, f"{name} Test")
    proposal = propose_autofill(session, coordinator, TODAY, END, today=TODAY)
    assert proposal.gaps == ()
    assert len(proposal.assignments) == 8
    counts: dict[str, int] = {}
    for item in proposal.assignments:
        counts[item.member_name] = counts.get(item.member_name, 0) + 1
    assert sorted(counts.values()) == [2, 2, 2, 2]
    # Deterministic: alphabetical tie-break on the first shift, fewest-so-far afterwards.
    assert [p.member_name for p in proposal.assignments[:4]] == [
        "Ava Test",
        "Bea Test",
        "Cy Test",
        "Dot Test",
    ]
    assert propose_autofill(session, coordinator, TODAY, END, today=TODAY) == proposal
    assert {p.shift_id for p in proposal.assignments} == set(shifts)


def test_regulars_before_bank(session, coordinator):
    ward = site(session, coordinator)
    shift(session, coordinator, ward)
    peer(session, coordinator, "Aaron Bank", bank=True)
    peer(session, coordinator, "Zed Regular")
    peer(session, coordinator, "Yan Regular")
    proposal = propose_autofill(session, coordinator, TODAY, END, today=TODAY)
    assert sorted(p.member_name for p in proposal.assignments) == ["Yan Regular", "Zed Regular"]


def test_never_leaves_one_person_alone(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    peer(session, coordinator, "Solo Person")
    proposal = propose_autofill(session, coordinator, TODAY, END, today=TODAY)
    assert proposal.assignments == ()
    [gap] = proposal.gaps
    assert gap.shift_id == s and gap.state is CoverageState.NO_ONE
    assert gap.reason == "only 1 eligible person (Solo Person) — would be alone"


def test_gap_reason_names_training(session, coordinator):
    ward = site(session, coordinator)
    shift(session, coordinator, ward)
    peer(session, coordinator, "Old Cert", trained_until=date(2026, 1, 1))
    peer(session, coordinator, "Older Cert", trained_until=date(2025, 1, 1))
    [gap] = propose_autofill(session, coordinator, TODAY, END, today=TODAY).gaps
    assert gap.reason == (
        "no one available with current peer support training on Tue 3 Mar 2026 09:00–13:00"
    )


def test_limits_and_existing_assignments_respected(session, coordinator):
    ward = site(session, coordinator)
    first = shift(session, coordinator, ward, day=TUE)
    second = shift(session, coordinator, ward, day=date(2026, 3, 5))
    a = peer(session, coordinator, "Amy One", limits=(1, None))
    peer(session, coordinator, "Bo Two", limits=(1, None))
    peer(session, coordinator, "Cai Three")
    assign(session, coordinator, first, a)
    proposal = propose_autofill(session, coordinator, TODAY, END, today=TODAY)
    by_shift = {(p.shift_id, p.member_name) for p in proposal.assignments}
    assert (first, "Amy One") not in by_shift and ("Amy One" not in {n for _, n in by_shift})
    # Bo goes on the first shift (fewest so far, alphabetical), so cannot do the second, and
    # Cai is not sent there alone:
    assert by_shift == {(first, "Bo Two")}
    [gap] = proposal.gaps
    assert gap.shift_id == second and gap.state is CoverageState.NO_ONE
    assert gap.reason == "only 1 eligible person (Cai Three) — would be alone"
    assert gap.proposed == 0


def test_commit_then_undo_restores_previous_assignments(session, coordinator):
    ward = site(session, coordinator)
    s1 = shift(session, coordinator, ward, day=TUE)
    shift(session, coordinator, ward, day=date(2026, 3, 4))
    manual = peer(session, coordinator, "Manual Person")
    for name in ("Ann", "Bob", "Cat"):
        peer(session, coordinator, f"{name} Auto")
    assign(session, coordinator, s1, manual)
    before = on_shifts(session, coordinator)
    proposal = propose_autofill(session, coordinator, TODAY, END, today=TODAY)
    batch = commit_autofill(session, coordinator, proposal, today=TODAY)
    after = on_shifts(session, coordinator)
    assert all(len(names) >= 2 for names in after.values())
    assert audit.list_entries(session, coordinator, "rota_autofill_batch", batch)[0].changes[
        "assignments"
    ] == len(proposal.assignments)
    assert undo_autofill(session, coordinator, batch) == len(proposal.assignments)
    assert on_shifts(session, coordinator) == before
    with pytest.raises(ValidationError, match="already been undone"):
        undo_autofill(session, coordinator, batch)


def test_undo_skips_assignments_already_removed(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    a, _ = peer(session, coordinator, "Ann Auto"), peer(session, coordinator, "Bob Auto")
    batch = commit_autofill(
        session,
        coordinator,
        propose_autofill(session, coordinator, TODAY, END, today=TODAY),
        today=TODAY,
    )
    unassign(session, coordinator, s, a)
    assert undo_autofill(session, coordinator, batch) == 1
    assert on_shifts(session, coordinator) == {s: []}


def test_commit_rechecks_rules_and_writes_nothing_if_changed(session, coordinator):
    ward = site(session, coordinator)
    s = shift(session, coordinator, ward)
    ann = peer(session, coordinator, "Ann Auto")
    peer(session, coordinator, "Bob Auto")
    proposal = propose_autofill(session, coordinator, TODAY, END, today=TODAY)
    availability.add_unavailable(session, coordinator, ann, TUE, TUE)
    with pytest.raises(RotaRefused, match="The rota changed since the proposal: Ann Auto is"):
        commit_autofill(session, coordinator, proposal, today=TODAY)
    assert on_shifts(session, coordinator) == {s: []}


def test_past_shifts_not_filled(session, coordinator):
    ward = site(session, coordinator)
    shift(session, coordinator, ward, day=TUE)
    peer(session, coordinator, "Ann Auto")
    peer(session, coordinator, "Bob Auto")
    proposal = propose_autofill(session, coordinator, TODAY, END, today=date(2026, 3, 4))
    assert proposal.assignments == () and proposal.gaps == ()


def test_facilitator_cannot_autofill(session, coordinator, facilitator):
    with pytest.raises(PermissionDenied):
        propose_autofill(session, facilitator, TODAY, END, today=TODAY)


def test_overnight_shift_blocks_early_next_morning(session, coordinator):
    ward = site(session, coordinator)
    night = shift(session, coordinator, ward, start=time(22), end=time(6), min_peers=1)
    early = shift(
        session, coordinator, ward, day=date(2026, 3, 4), start=time(5), end=time(8), min_peers=1
    )
    from involve_desktop.core.services.rota_dto import AvailabilitySlot

    slots = [AvailabilitySlot(d, time(0, 0), time(23, 59)) for d in range(7)]
    slots += [AvailabilitySlot(1, time(21), time(7))]
    peer(session, coordinator, "Nia Night", weekly=slots)
    proposal = propose_autofill(session, coordinator, TODAY, END, today=TODAY)
    assert [(p.shift_id, p.member_name) for p in proposal.assignments] == [(night, "Nia Night")]
    assert [g.shift_id for g in proposal.gaps] == [early]
    assert "1 on another shift" in proposal.gaps[0].reason


def test_undo_leaves_an_assignment_with_a_pay_line_and_names_what_it_removed(session, coordinator):
    from sqlalchemy import select

    from involve_desktop.core.models.payments import PayLine
    from involve_desktop.core.models.rota import RotaAssignment

    ward = site(session, coordinator, "Ward 4")
    s = shift(session, coordinator, ward)
    peer(session, coordinator, "Ann Auto"), peer(session, coordinator, "Bob Auto")
    batch = commit_autofill(
        session,
        coordinator,
        propose_autofill(session, coordinator, TODAY, END, today=TODAY),
        today=TODAY,
    )
    kept, gone = session.scalars(
        select(RotaAssignment).where(RotaAssignment.batch_id == batch).order_by(RotaAssignment.id)
    ).all()
    session.add(  # e.g. made before outcomes under a pay line were kept
        PayLine(
            member_id=kept.member_id,
            source_kind="rota_assignment",
            source_id=kept.id,
            day=TUE,
            activity="peer_support",
            description="Ward 4 shift",
            basis="session",
            sessions=1,
            rate_pence=2000,
            amount_pence=2000,
            status="pending",
            created_by="Sam",
        )
    )
    session.commit()
    gone_name = "Ann Auto" if gone.member_id < kept.member_id else "Bob Auto"
    assert undo_autofill(session, coordinator, batch) == 1
    assert len(on_shifts(session, coordinator)[s]) == 1
    [entry] = [
        e
        for e in audit.list_entries(session, coordinator, "rota_assignment", gone.id)
        if e.action == "delete"
    ]
    assert entry.changes["member"] == gone_name
    assert entry.changes["shift"].startswith("Ward 4")
