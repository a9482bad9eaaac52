"""The Council tab and a member's involvement as a facilitator sees them: whether the
lived-experience majority held, in words, with no count columns; and only the groups the
account runs, with the same closing line whatever was left out."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, meetings_attendance, meetings_groups
from involve_desktop.core.services import meetings_meetings as meetings
from involve_desktop.core.services.meetings_dto import AttendanceState, GroupKind, MeetingInput
from involve_desktop.ui.meetings.summary_view import COUNT_HEADERS, MAJORITY_HEADERS, CouncilView
from involve_desktop.ui.members.member_page import MemberPage
from involve_desktop.ui.members.page_sections import PART_OF_INVOLVEMENT
from tests.core.meetings.helpers import group, person

PRESENT = AttendanceState.PRESENT


@pytest.fixture
def facilitator(session, coordinator):
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


@pytest.fixture
def council(session, coordinator, facilitator) -> dict[str, int]:
    """A council Fran runs: three meetings, one of them attended by Lee alone."""
    g = group(session, coordinator, "Management Council", kind=GroupKind.MANAGEMENT_COUNCIL)
    meetings_groups.set_group_accounts(session, coordinator, g, [facilitator.account_id])
    lee = person(session, coordinator, "Lee One", lived=True)
    lou = person(session, coordinator, "Lou Two", lived=True)
    wes = person(session, coordinator, "Wes Staff", lived=False)
    win = person(session, coordinator, "Win Ally", lived=False)
    plan = [
        (date(2026, 2, 3), [lee, lou, wes]),
        (date(2026, 2, 10), [lee, wes, win]),
        (date(2026, 2, 17), [lee]),
    ]
    for day, who in plan:
        m = meetings.add_meeting(session, coordinator, g, MeetingInput(day)).id
        meetings_attendance.set_attendance(session, coordinator, m, {p: PRESENT for p in who})
    return {"group": g, "lee": lee}


def _council_view(qtbot, context, actor, group_id) -> CouncilView:
    view = CouncilView(context, actor, today=date(2026, 3, 20))
    qtbot.addWidget(view)
    view.period.set_dates(date(2026, 2, 1), date(2026, 2, 28))
    view.show_group(group_id)
    return view


def _table(view: CouncilView) -> tuple[list[str], list[list[str]]]:
    t = view.table
    headers = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    rows = [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]
    return headers, rows


def test_council_tab_reads_majority_only_for_a_facilitator(
    qtbot, context, facilitator, council
) -> None:
    view = _council_view(qtbot, context, facilitator, council["group"])
    headers, rows = _table(view)
    assert headers == MAJORITY_HEADERS
    assert [row[2] for row in rows] == [
        "Yes",
        "No — not the majority",
        "Not shown — too few present to say without giving away someone's answer",
    ]
    words = view.words.text()
    assert "the majority at 1 of them; at 1 meeting too few were present" in words
    assert "only a coordinator sees the numbers" in words
    assert "Tue 10 Feb 2026" in view.banner.text()
    assert " of 3" not in words + view.banner.text()


def test_council_tab_keeps_the_counts_for_a_coordinator(
    qtbot, context, coordinator, council
) -> None:
    view = _council_view(qtbot, context, coordinator, council["group"])
    headers, rows = _table(view)
    assert headers == COUNT_HEADERS
    assert rows[2] == ["Tue 17 Feb 2026", "1", "1", "0", "0", "Yes"]
    assert "Overall 4 of 7 attendances" in view.words.text()


def test_member_page_says_a_facilitator_sees_part_whatever_was_left_out(
    qtbot, context, coordinator, facilitator, council
) -> None:
    for actor in (facilitator, coordinator):
        page = MemberPage(context, actor)
        qtbot.addWidget(page)
        assert page.show_member(council["lee"])
        texts = page.involvement.texts()
        council_lines = [t for t in texts if "Attended: Management Council" in t]
        assert len(council_lines) == 3  # Fran runs the council
        assert (PART_OF_INVOLVEMENT in texts) is (actor is facilitator)
