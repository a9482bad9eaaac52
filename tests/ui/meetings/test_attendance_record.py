"""A member's page shows their attendance record at meetings, per group, in words."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services import meetings_attendance, meetings_groups
from involve_desktop.core.services import meetings_meetings as meetings
from involve_desktop.core.services.meetings_dto import AttendanceState, MeetingInput
from involve_desktop.ui.members.member_page import MemberPage
from tests.core.meetings.helpers import group, person


def test_member_page_lists_meetings_attended_apologies_and_facilitated(
    qtbot, context, session, coordinator
):
    aisha = person(session, coordinator, "Aisha Khan")
    tuesday = group(session, coordinator)
    forum = group(session, coordinator, "Thursday Forum")
    meetings_groups.set_group_facilitators(session, coordinator, forum, [aisha])
    days = [date(2026, 2, 3), date(2026, 2, 10), date(2026, 2, 17)]
    ids = [meetings.add_meeting(session, coordinator, tuesday, MeetingInput(d)).id for d in days]
    states = [AttendanceState.PRESENT, AttendanceState.APOLOGIES, AttendanceState.PRESENT]
    for meeting_id, state in zip(ids, states, strict=True):
        meetings_attendance.set_attendance(session, coordinator, meeting_id, {aisha: state})
    meetings.add_meeting(session, coordinator, forum, MeetingInput(date(2026, 2, 5)))

    page = MemberPage(context, coordinator)
    qtbot.addWidget(page)
    assert page.show_member(aisha)
    texts = page.meetings.texts()
    assert (
        "Tuesday Peer Support: attended 2 meetings, sent apologies 1 time "
        "(first Tue 3 Feb 2026, last Tue 17 Feb 2026)"
    ) in texts
    assert "Thursday Forum: attended 0 meetings, facilitated 1" in texts
    assert "In all: attended 2 meetings, apologies 1, facilitated 1." in texts
    # Each meeting is also in the involvement history (from the meetings services).
    involvement = " ".join(page.involvement.texts())
    assert "Attended: Tuesday Peer Support" in involvement
