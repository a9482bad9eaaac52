"""What someone facilitates from today on, said when they leave or step back."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.services import meetings_groups, meetings_meetings
from involve_desktop.core.services.meetings_dto import MeetingInput
from involve_desktop.core.services.meetings_facilitating import (
    facilitating_ahead,
    facilitating_note,
)
from tests.core.meetings.helpers import group, person

TODAY = date(2026, 3, 2)


def test_meetings_to_come_and_usual_groups_are_counted(session, coordinator, facilitator):
    zoe = person(session, coordinator, "Zoë Clarke")
    tuesday = group(session, coordinator)
    forum = group(session, coordinator, "Riverside Forum")
    meetings_groups.set_group_facilitators(session, coordinator, forum, [zoe])
    data = MeetingInput(date(2026, 3, 3), facilitator_ids=(zoe,))
    meetings_meetings.add_meeting(session, coordinator, tuesday, data)  # to come: counted
    past = MeetingInput(date(2026, 2, 24), facilitator_ids=(zoe,))
    meetings_meetings.add_meeting(session, coordinator, tuesday, past)  # past: not
    off = meetings_meetings.add_meeting(session, coordinator, forum, MeetingInput(TODAY))
    meetings_meetings.cancel_meeting(session, coordinator, off.id, "Room flooded")
    ahead = facilitating_ahead(session, coordinator, zoe, today=TODAY)
    assert (ahead.meetings, ahead.meeting_groups) == (1, ("Tuesday Peer Support",))
    assert ahead.usual_of == ("Riverside Forum",)
    assert facilitating_note("Zoë", ahead).startswith(
        "Zoë facilitates 1 meeting from today (Tuesday Peer Support)"
    )
    nobody = person(session, coordinator, "Ann Other")
    assert facilitating_note("Ann", facilitating_ahead(session, coordinator, nobody)) is None
    with pytest.raises(PermissionDenied):
        facilitating_ahead(session, facilitator, zoe)
