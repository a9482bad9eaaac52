"""Management council composition: do members with lived experience hold the majority?

User leadership means people with lived experience are the majority at every level. For a
management council, each meeting held (not cancelled, on or before today, attendance saved)
is checked: those present with lived experience must be strictly more than half of everyone
present. Unknown lived experience does NOT count as lived experience (it is reported apart,
so the council can find out), and exactly half is not a majority.

Lived experience is restricted, so only accounts allowed to see restricted fields
(VIEW_RESTRICTED: coordinators) get the counts (with lived experience, without, not known)
and each person's answer. Any other account (a facilitator linked to the council) gets, for
each meeting, how many were present and only whether the majority held: the counts are None
and so is the overall majority (weighted by attendances, it would give away the answer of
someone who comes to nearly every meeting). Where fewer than ``FEWEST_SHOWN`` were present,
even "held" or "not held" would tell a facilitator someone's answer (one person present: held
means they have lived experience), so it is None too, and not counted among the meetings
without the majority. The warnings then carry no numbers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.meetings import Meeting, MeetingAttendance
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_access import require_group
from involve_desktop.core.services.meetings_dto import (
    AttendanceState,
    CouncilComposition,
    CouncilMeeting,
    CouncilPerson,
    GroupKind,
)
from involve_desktop.core.services.meetings_people import name_order, names_of
from involve_desktop.core.services.transaction import permitted

RULE = "A management council needs more than half of those present to have lived experience."
FEWEST_SHOWN = 3
COUNTS_HIDDEN = (
    "Whether someone has lived experience is restricted: only a coordinator sees the numbers, "
    "and whose answer is not recorded yet (a missing answer counts as not having lived "
    "experience)."
)


def is_majority(present: int, lived_experience: int) -> bool:
    """Strictly more than half of those present have lived experience (half is not enough)."""
    return present > 0 and lived_experience * 2 > present


def meeting_warning(present: int, lived: int, unknown: int) -> str | None:
    """The plain-language warning for one meeting, or None when the majority held."""
    if is_majority(present, lived):
        return None
    if present == 0:
        return "Nobody is recorded as present at this meeting."
    unknown_text = f" ({unknown} not known)" if unknown else ""
    return (
        f"Members with lived experience were not the majority at this meeting: {lived} of "
        f"{present} present{unknown_text}. {RULE}"
    )


def withheld_warning(present: int, majority: bool | None) -> str | None:
    """The warning for one meeting for an account that may not see the counts."""
    if present == 0:
        return "Nobody is recorded as present at this meeting."
    if majority is False:
        return f"Members with lived experience were not the majority at this meeting. {RULE}"
    return None


def _withheld(meeting: CouncilMeeting) -> CouncilMeeting:
    """The meeting as an account without VIEW_RESTRICTED sees it: no counts, and whether the
    majority held only when at least ``FEWEST_SHOWN`` were present (or nobody was)."""
    shown = meeting.present == 0 or meeting.present >= FEWEST_SHOWN
    majority = meeting.majority if shown else None
    return CouncilMeeting(
        meeting.meeting_id,
        meeting.day,
        meeting.present,
        None,
        None,
        None,
        majority,
        withheld_warning(meeting.present, majority),
    )


def _short_days(short: list[CouncilMeeting], who: str = "They") -> str:
    days = ", ".join(format_date(m.day) for m in short)
    count = "1 meeting" if len(short) == 1 else f"{len(short)} meetings"
    return f"{who} were not the majority at {count}: {days}."


def _withheld_overall_warning(meetings: tuple[CouncilMeeting, ...]) -> str | None:
    short = [m for m in meetings if m.majority is False]
    if not short:
        return None
    return f"{_short_days(short, 'Members with lived experience')} {RULE}"


def _overall_warning(
    meetings: list[CouncilMeeting], present: int, lived: int, unknown: int
) -> str | None:
    short = [m for m in meetings if not m.majority]
    if not meetings:
        return None
    parts = []
    if not is_majority(present, lived):
        parts.append(
            f"Over the period, members with lived experience were not the majority: {lived} "
            f"of {present} attendances."
        )
    if short:
        parts.append(_short_days(short, "They" if parts else "Members with lived experience"))
    if not parts:
        return None
    if unknown:
        parts.append(
            f"Lived experience is not recorded for {unknown} of the attendances; it counts "
            "as not known until it is recorded."
        )
    return " ".join([*parts, RULE])


def council_composition(
    session: Session,
    actor: Actor,
    group_id: int,
    start: date,
    end: date,
    *,
    today: date | None = None,
) -> CouncilComposition:
    """The council's composition at each meeting held from ``start`` to ``end``, and overall;
    without VIEW_RESTRICTED, only whether the majority held (see the module note)."""
    group = require_group(
        session, actor, group_id, Permission.VIEW_MEETINGS, "see this group's meetings"
    )
    if GroupKind(group.kind) is not GroupKind.MANAGEMENT_COUNCIL:
        raise ValidationError(
            "group", f"{group.name} is not a management council, so there is no majority to check."
        )
    if end < start:
        raise ValidationError("end", "The end date must be on or after the start date.")
    last = min(end, today or date.today())
    held = list(
        session.execute(
            select(Meeting.id, Meeting.day, Meeting.attendance_recorded_at)
            .where(
                Meeting.group_id == group_id,
                Meeting.cancelled.is_(False),
                Meeting.day >= start,
                Meeting.day <= last,
            )
            .order_by(Meeting.day, Meeting.start_time, Meeting.id)
        )
    )
    recorded = [(id_, day) for id_, day, at in held if at is not None]
    present_rows = session.execute(
        select(MeetingAttendance.meeting_id, Member.id, Member.lived_experience)
        .join(Member, Member.id == MeetingAttendance.member_id)
        .where(
            MeetingAttendance.meeting_id.in_([id_ for id_, _ in recorded]),
            MeetingAttendance.state == AttendanceState.PRESENT.value,
        )
    ).all()
    by_meeting: dict[int, Counter[str]] = {id_: Counter() for id_, _ in recorded}
    answers: dict[int, bool | None] = {}
    times: Counter[int] = Counter()
    for meeting_id, member_id, lived in present_rows:
        key = "unknown" if lived is None else ("lived" if lived else "without")
        by_meeting[meeting_id][key] += 1
        answers[member_id] = lived
        times[member_id] += 1
    meetings = []
    for meeting_id, day in recorded:
        c = by_meeting[meeting_id]
        present = c["lived"] + c["without"] + c["unknown"]
        meetings.append(
            CouncilMeeting(
                meeting_id,
                day,
                present,
                c["lived"],
                c["without"],
                c["unknown"],
                is_majority(present, c["lived"]),
                meeting_warning(present, c["lived"], c["unknown"]),
            )
        )
    lived = sum(m.lived_experience for m in meetings)
    without = sum(m.without for m in meetings)
    unknown = sum(m.unknown for m in meetings)
    present = lived + without + unknown
    full = CouncilComposition(
        group_id=group_id,
        group_name=group.name,
        start=start,
        end=end,
        meetings=tuple(meetings),
        present=present,
        lived_experience=lived,
        without=without,
        unknown=unknown,
        majority=is_majority(present, lived),
        meetings_without_majority=sum(1 for m in meetings if not m.majority),
        not_recorded=len(held) - len(recorded),
        warning=_overall_warning(meetings, present, lived, unknown),
        people=None,
    )
    if not permitted(session, actor, Permission.VIEW_RESTRICTED):
        seen = tuple(_withheld(m) for m in meetings)
        return replace(
            full,
            meetings=seen,
            lived_experience=None,
            without=None,
            unknown=None,
            majority=None,
            meetings_without_majority=sum(1 for m in seen if m.majority is False),
            warning=_withheld_overall_warning(seen),
        )
    names = names_of(session, answers)
    people = tuple(
        CouncilPerson(m, names[m], answers[m], times[m])
        for m in sorted(answers, key=lambda m: name_order(names[m], m))
    )
    return replace(full, people=people)
