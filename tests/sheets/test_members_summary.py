"""Members summary: counts by status and current role, joiners and leavers per month."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.services import member_records, members
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.reference_lists import role_type_id
from involve_desktop.core.sheets.catalogue import SheetParams, get_sheet
from involve_desktop.core.sheets.member_data import load_members_summary
from involve_desktop.core.sheets.options import SheetOptions
from tests.sheets.member_helpers import (
    TODAY,
    add_member,
    facilitator,
    give_role,
    seed_group,
    sheet_data,
)
from tests.sheets.pdfread import all_text, page_lines

SPEC = get_sheet("members-summary")


@pytest.fixture
def group(session, coordinator) -> dict[str, int]:
    ids = seed_group(session, coordinator)  # 4 active, 1 stepping back, 1 left (Sep 2026)
    ids["new"] = add_member(session, coordinator, "Nia New", joined=date(2026, 11, 2))
    ids["spring"] = add_member(session, coordinator, "Sol Spring", joined=date(2026, 3, 9))
    ids["old"] = add_member(session, coordinator, "Olu Old", joined=date(2025, 11, 30))
    give_role(session, coordinator, ids["mo"], "facilitator", date(2025, 2, 1))
    give_role(session, coordinator, ids["mo"], "peer_supporter", date(2025, 2, 1))
    member_records.add_role(  # an ended role is not a current role
        session,
        coordinator,
        ids["lukasz"],
        role_type_id(session, "panel_member"),
        date(2024, 6, 1),
        date(2025, 6, 1),
        today=TODAY,
    )
    give_role(session, coordinator, ids["gone"], "staff", date(2024, 6, 1))  # left: not counted
    members.change_status(
        session, coordinator, ids["spring"], MemberStatus.LEFT, date(2026, 9, 30), today=TODAY
    )
    return ids


def test_counts_by_status(session, coordinator, group):
    summary = load_members_summary(session, coordinator, SheetParams(), TODAY)
    assert (summary.active, summary.stepping_back, summary.left) == (6, 1, 2)


def test_counts_by_current_role(session, coordinator, group):
    summary = load_members_summary(session, coordinator, SheetParams(), TODAY)
    roles = {r.role: (r.active, r.stepping_back) for r in summary.roles}
    assert roles["Peer supporter"] == (2, 1)  # Zoë and Mo active; Rhys stepping back
    assert roles["Facilitator"] == (1, 0)
    assert roles["Recruitment panel member"] == (0, 0)  # Łukasz's role ended
    assert roles["Staff"] == (0, 0)  # Gwen left
    assert (summary.no_role.active, summary.no_role.stepping_back) == (4, 0)  # Ł, Shiv, Nia, Olu


def test_joiners_and_leavers_per_month_for_twelve_months(session, coordinator, group):
    summary = load_members_summary(session, coordinator, SheetParams(), TODAY)
    months = {m.month: (m.joined, m.left) for m in summary.months}
    assert [m.month for m in summary.months][0] == date(2025, 12, 1)
    assert list(months)[-1] == date(2026, 11, 1) and len(months) == 12
    assert months[date(2026, 11, 1)] == (1, 0)
    assert months[date(2026, 3, 1)] == (1, 0)
    assert months[date(2026, 9, 1)] == (0, 2)
    assert date(2025, 11, 1) not in months  # Olu joined 13 months ago: outside the year
    assert sum(j for j, _ in months.values()) == 2


def test_the_printed_sheet_has_the_counts_and_no_names(engine, coordinator, group):
    pdf = SPEC.render(
        SheetParams(group_name="Riverside Voices"),
        SheetOptions(),
        sheet_data(engine, coordinator),
        today=TODAY,
    )
    lines = page_lines(pdf)[0]
    status = lines.index("Status")
    assert lines[status + 2 : status + 8] == ["Active", "6", "Stepping back", "1", "Left", "2"]
    assert "Sep 2026" in lines and lines[
        lines.index("Sep 2026") + 1 : lines.index("Sep 2026") + 3
    ] == [
        "0",
        "2",
    ]
    text = all_text(pdf)
    for name in ("Zoë", "Łukasz", "Shiv", "Nia", "Gwen", "Adams"):
        assert name not in text
    assert "Confidential" not in text  # counts only
    assert "Joined and left, Dec 2025 to Nov 2026" in text


def test_large_print_stacks_the_tables(engine, coordinator, group):
    pdf = SPEC.render(
        SheetParams(), SheetOptions(large_print=True), sheet_data(engine, coordinator), today=TODAY
    )
    assert len(page_lines(pdf)) >= 2
    assert "People by current role" in all_text(pdf)


def test_facilitators_may_print_it(engine, session, coordinator, group):
    fran = facilitator(session, coordinator)
    pdf = SPEC.render(SheetParams(), SheetOptions(), sheet_data(engine, fran), today=TODAY)
    assert "People by status" in all_text(pdf)
