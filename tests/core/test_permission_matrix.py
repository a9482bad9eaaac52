"""The permission matrix, row by row: what each role may do, and the service that enforces it.

Every (role, permission) pair is one test. It checks ``allows`` against the matrix written
out here (so a change to ``ROLE_PERMISSIONS`` must be made here too, on purpose), then makes
a representative service call as that role: an allowed call succeeds; a refused one raises
``PermissionDenied`` with a plain message and leaves a ``denied`` row on the audit trail
(``require`` records refusals in their own short transaction, so the rollback of the refused
work does not take the record with it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.permissions import ROLE_PERMISSIONS, Permission, Role, allows
from involve_desktop.core.services import (
    accounts,
    activities,
    audit,
    backups,
    cohorts_cohorts,
    cohorts_programmes,
    meetings_groups,
    member_export,
    member_import,
    member_records,
    member_search,
    members,
    organisation,
    panels,
    payments_expenses,
    payments_rates,
    reference_lists,
    rota_sites,
)
from involve_desktop.core.services.activities_dto import ActivityInput, ActivityKind
from involve_desktop.core.services.cohorts_dto import ProgrammeInput
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import GroupInput
from involve_desktop.core.services.member_dto import MemberFilter, MemberInput, Restricted
from involve_desktop.core.services.member_import_read import ImportTable, SourceRow
from involve_desktop.core.services.panels_dto import PanelInput
from involve_desktop.core.services.payments_dto import Activity, RateBasis, RateInput
from involve_desktop.core.services.rota_dto import SiteInput
from involve_desktop.core.sheets.member_data import load_members_summary
from involve_desktop.core.sheets.params import SheetParams

TODAY = date(2026, 3, 3)

# Who may do what, written out (not read from ROLE_PERMISSIONS): coordinators everything;
# facilitators see and add members, print sheets, read the rota, run their own groups'
# meetings and see their cohorts.
FACILITATOR_MAY = frozenset(
    {
        Permission.PRINT_SHEETS,
        Permission.VIEW_MEMBERS,
        Permission.EDIT_MEMBERS,
        Permission.VIEW_ROTA,
        Permission.VIEW_MEETINGS,
        Permission.RUN_MEETINGS,
        Permission.VIEW_COHORTS,
    }
)
EXPECTED: dict[Role, frozenset[Permission]] = {
    Role.COORDINATOR: frozenset(Permission),
    Role.FACILITATOR: FACILITATOR_MAY,
}


@dataclass(frozen=True)
class World:
    """What the calls work on: a member and a meeting group the facilitator is linked to."""

    member_id: int
    group_id: int


@pytest.fixture
def facilitator(session: Session, coordinator: Actor) -> Actor:
    """A facilitator account."""
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


@pytest.fixture
def world(session: Session, coordinator: Actor, facilitator: Actor) -> World:
    """A member, and a group whose meetings the facilitator runs."""
    member = members.create_member(session, coordinator, MemberInput(full_name="Alan Wright"))
    group = meetings_groups.create_group(
        session, coordinator, GroupInput("Tuesday Peer Support"), today=TODAY
    )
    meetings_groups.set_group_accounts(session, coordinator, group.id, [facilitator.account_id])
    return World(member.id, group.id)


Call = Callable[[Session, Actor, World, Any], object]


def _import_one(session: Session, actor: Actor, world: World, tmp: Any) -> object:
    table = ImportTable("members.csv", ("Full name",), (SourceRow(2, ("Bea Jones",)),))
    return member_import.preview_import(
        session, actor, table, member_import.guess_mapping(table.headers), today=TODAY
    )


def _restricted_shown(session: Session, actor: Actor, world: World, tmp: Any) -> object:
    """Restricted fields are left out, not refused: a missing ``restricted`` counts as no."""
    detail = members.get_member(session, actor, world.member_id, today=TODAY)
    if detail.restricted is None:
        raise PermissionDenied("restricted fields were left out")
    return detail


def _retention_review(session: Session, actor: Actor, world: World, tmp: Any) -> object:
    from involve_desktop.core.services import gdpr_review

    return gdpr_review.retention_candidates(session, actor, today=TODAY)


CALLS: dict[Permission, Call] = {
    Permission.MANAGE_ACCOUNTS: lambda s, a, w, t: accounts.list_accounts(s, a),
    Permission.EDIT_GROUP_SETTINGS: lambda s, a, w, t: organisation.rename_group(
        s, a, "Riverside Voices Together"
    ),
    Permission.VIEW_AUDIT_LOG: lambda s, a, w, t: audit.list_entries(s, a),
    Permission.PRINT_SHEETS: lambda s, a, w, t: load_members_summary(s, a, SheetParams(), TODAY),
    Permission.VIEW_MEMBERS: lambda s, a, w, t: member_search.list_members(s, a, today=TODAY),
    Permission.EDIT_MEMBERS: lambda s, a, w, t: members.create_member(
        s, a, MemberInput(full_name="Chris Patel"), today=TODAY
    ),
    Permission.MANAGE_MEMBER_RECORDS: lambda s, a, w, t: member_records.add_role(
        s, a, w.member_id, reference_lists.role_type_id(s, "peer_supporter"), TODAY, today=TODAY
    ),
    Permission.VIEW_RESTRICTED: _restricted_shown,
    Permission.EDIT_RESTRICTED: lambda s, a, w, t: members.create_member(
        s, a, MemberInput(full_name="Dee Khan", restricted=Restricted(notes="x")), today=TODAY
    ),
    Permission.IMPORT_MEMBERS: _import_one,
    Permission.EXPORT_PERSONAL_DATA: lambda s, a, w, t: member_export.export_members(
        s, a, MemberFilter(), t / "members.csv", "csv", TODAY
    ),
    Permission.EDIT_LISTS: lambda s, a, w, t: reference_lists.save_role_type(s, a, "Trustee"),
    Permission.VIEW_ROTA: lambda s, a, w, t: rota_sites.list_sites(s, a),
    Permission.MANAGE_ROTA: lambda s, a, w, t: rota_sites.create_site(s, a, SiteInput("Ward 7")),
    Permission.VIEW_MEETINGS: lambda s, a, w, t: meetings_groups.list_groups(s, a),
    Permission.RUN_MEETINGS: lambda s, a, w, t: meetings_groups.add_closed_day(
        s, a, w.group_id, TODAY, "Bank holiday"
    ),
    Permission.MANAGE_MEETING_GROUPS: lambda s, a, w, t: meetings_groups.create_group(
        s, a, GroupInput("Thursday Walk and Talk"), today=TODAY
    ),
    Permission.VIEW_PANELS: lambda s, a, w, t: panels.list_panels(s, a),
    Permission.MANAGE_PANELS: lambda s, a, w, t: panels.create_panel(
        s, a, PanelInput("Peer Worker", TODAY, venue="Office")
    ),
    Permission.VIEW_PAYMENTS: lambda s, a, w, t: payments_expenses.list_claims(s, a, TODAY, TODAY),
    Permission.MANAGE_PAYMENTS: lambda s, a, w, t: payments_rates.set_rate(
        s, a, RateInput(Activity.PANEL, RateBasis.PER_HOUR, 2000, TODAY)
    ),
    Permission.VIEW_COHORTS: lambda s, a, w, t: cohorts_cohorts.list_cohorts(s, a),
    Permission.MANAGE_BACKUPS: lambda s, a, w, t: backups.list_backups(s, a, t),
    Permission.ERASE_PERSONAL_DATA: _retention_review,
    Permission.MANAGE_COHORTS: lambda s, a, w, t: cohorts_programmes.create_programme(
        s, a, ProgrammeInput("Peer Leadership Programme", 10)
    ),
    Permission.VIEW_INVOLVEMENT: lambda s, a, w, t: activities.list_activities(s, a),
    Permission.MANAGE_INVOLVEMENT: lambda s, a, w, t: activities.create_activity(
        s, a, ActivityInput("Crisis line consultation", ActivityKind.CONSULTATION, TODAY)
    ),
}

ROWS = [(role, permission) for role in Role for permission in Permission]


def test_every_permission_has_a_row_and_a_service_call():
    assert set(EXPECTED) == set(Role)
    assert set(CALLS) == set(Permission)
    assert {role: frozenset(ROLE_PERMISSIONS[role]) for role in Role} == EXPECTED


def _denials(session: Session, actor: Actor, permission: Permission) -> int:
    return len(
        session.scalars(
            select(AuditEntry.id).where(
                AuditEntry.action == "denied",
                AuditEntry.entity == permission.value,
                AuditEntry.account_id == actor.account_id,
            )
        ).all()
    )


@pytest.mark.parametrize(("role", "permission"), ROWS, ids=[f"{r}-{p}" for r, p in ROWS])
def test_matrix_row(role, permission, session, coordinator, facilitator, world, tmp_path):
    allowed = permission in EXPECTED[role]
    assert allows(role, permission) is allowed
    actor = coordinator if role is Role.COORDINATOR else facilitator
    call = CALLS[permission]
    if allowed:
        call(session, actor, world, tmp_path)
        assert _denials(session, actor, permission) == 0
        return
    if permission is Permission.VIEW_RESTRICTED:  # left out, not refused
        detail = members.get_member(session, actor, world.member_id, today=TODAY)
        assert detail.restricted is None
        return
    with pytest.raises(
        PermissionDenied, match=r"Your account \(facilitator\) cannot .*coordinator"
    ):
        call(session, actor, world, tmp_path)
    session.rollback()
    assert _denials(session, actor, permission) == 1  # the refusal is on the audit trail


def test_facilitator_runs_only_their_own_groups_meetings(session, coordinator, facilitator, world):
    other = meetings_groups.create_group(
        session, coordinator, GroupInput("Men's Group"), today=TODAY
    )
    meetings_groups.add_closed_day(session, facilitator, world.group_id, TODAY)
    with pytest.raises(PermissionDenied):
        meetings_groups.add_closed_day(session, facilitator, other.id, TODAY)


def test_turned_off_account_is_refused_and_the_refusal_recorded(session, coordinator, facilitator):
    accounts.set_active(session, coordinator, facilitator.account_id, False)
    with pytest.raises(PermissionDenied, match="turned off"):
        member_search.list_members(session, facilitator, today=TODAY)
    session.rollback()
    assert _denials(session, facilitator, Permission.VIEW_MEMBERS) == 1
