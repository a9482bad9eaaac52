"""What the meeting sign-in sheet prints, read through the meetings services.

Two ways in:

- ``meeting_sign_in_pdf(session, actor, meeting_ids, …)`` — the meetings screen: chosen
  meetings (e.g. the next N of a group from ``meetings_meetings.next_meetings``) to PDF;
- ``load_meeting_sign_in`` — the Sheets screen and ``involve-desktop print meeting-sign-in``:
  the group named in "Meeting" (``--meeting``; the Sheets screen offers ``group_names`` to
  choose from, and a typed name matches loosely, ``loose_name``), its meetings from "Week"
  (``--week``, the first day, default today) for "Weeks" (``--weeks``, default 4), "Rows"
  blank rows.

Both check the account may print sheets and run each meeting's group (a facilitator account
only for groups it is linked to). Only the names people go by are read: nothing else.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.models.meetings import Meeting, MeetingFacilitator, MeetingGroupMember
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import meetings_groups, meetings_meetings, organisation
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_access import require_meeting
from involve_desktop.core.services.meetings_attendance import LOOKBACK_MONTHS, expected_ids
from involve_desktop.core.services.meetings_people import people
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.core.services.transaction import require
from involve_desktop.core.sheets.meeting_sign_in import (
    DEFAULT_BLANK_ROWS,
    MeetingSignInSheet,
    SignInMeeting,
    render_meeting_sign_in,
)
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions
from involve_desktop.core.sheets.params import SheetParams
from involve_desktop.core.sheets.rota_data import parse_day, period_text
from involve_desktop.core.text import search_key

DEFAULT_WEEKS = 4
MAX_WEEKS = 13
WHAT = "print sign-in sheets for this group"


def sign_in_meetings(
    session: Session, actor: Actor, meeting_ids: Sequence[int]
) -> tuple[SignInMeeting, ...]:
    """Each meeting's details and expected people (names they go by, in order), in date
    order; cancelled meetings are refused."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    found = []
    for meeting_id in meeting_ids:
        row = require_meeting(session, actor, meeting_id, Permission.RUN_MEETINGS, WHAT)
        info = meetings_meetings.meeting_info(session, row)
        if info.cancelled:
            raise SheetInputError(
                "meeting", f"The meeting on {info.when} is cancelled; it has no sign-in sheet."
            )
        expected = expected_ids(session, row)
        names = tuple(p.name for p in people(session, expected))
        listed = who_is_listed(session, row, expected)
        found.append(
            (
                (info.day, info.start_time, info.group_name),
                SignInMeeting(
                    info.group_name, info.day, info.times, info.venue, info.topic, names, listed
                ),
            )
        )
    return tuple(meeting for _, meeting in sorted(found, key=lambda pair: pair[0]))


def who_is_listed(session: Session, meeting: Meeting, expected: set[int]) -> str:
    """Who the sheet lists, in words, so nobody wonders why it holds more names than the
    group has members: "24 group members and 8 people who came in the last 3 months" (an
    open group also lists who came lately), "12 group members and 1 facilitator"."""
    members = expected & set(
        session.scalars(
            select(MeetingGroupMember.member_id).where(
                MeetingGroupMember.group_id == meeting.group_id
            )
        )
    )
    facilitators = (
        expected
        & set(
            session.scalars(
                select(MeetingFacilitator.member_id).where(
                    MeetingFacilitator.meeting_id == meeting.id
                )
            )
        )
    ) - members
    came = len(expected) - len(members) - len(facilitators)
    parts = [
        plural(len(members), "group member"),
        *([plural(len(facilitators), "facilitator")] if facilitators else []),
        *(
            [f"{plural(came, 'person', 'people')} who came in the last {LOOKBACK_MONTHS} months"]
            if came
            else []
        ),
    ]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def meeting_sign_in_sheet(
    session: Session,
    actor: Actor,
    meeting_ids: Sequence[int],
    *,
    blank_rows: int = DEFAULT_BLANK_ROWS,
    new_here: bool = True,
    group_name: str | None = None,
    title: str | None = None,
) -> MeetingSignInSheet:
    """The sheet's DTO for these meetings (``group_name`` defaults to the organisation's)."""
    meetings = sign_in_meetings(session, actor, meeting_ids)
    return MeetingSignInSheet(
        meetings,
        blank_rows,
        new_here,
        group_name if group_name is not None else organisation.group_name(session),
        title,
    )


def meeting_sign_in_pdf(
    session: Session,
    actor: Actor,
    meeting_ids: Sequence[int],
    options: SheetOptions | None = None,
    *,
    blank_rows: int = DEFAULT_BLANK_ROWS,
    new_here: bool = True,
    group_name: str | None = None,
    title: str | None = None,
    today: date | None = None,
) -> bytes:
    """Sign-in sheets for these meetings as one PDF (each meeting from a new page)."""
    sheet = meeting_sign_in_sheet(
        session,
        actor,
        meeting_ids,
        blank_rows=blank_rows,
        new_here=new_here,
        group_name=group_name,
        title=title,
    )
    return render_meeting_sign_in(sheet, options, printed_on=today)


_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]+\s*")
NEAREST = 3  # groups named when a typed name matches none or several


def loose_name(text: str) -> str:
    """A group name as typed or stored, ignoring case, accents, apostrophes, which dash or
    hyphen, and spaces: "peer leadership programme - cohort 3" and "Peer Leadership
    Programme — Cohort 3" are the same, so a keyboard without an em dash still finds it."""
    dashed = _DASHES.sub(" - ", search_key(text))
    return " ".join(dashed.split())


def _either(names: Sequence[str]) -> str:
    quoted = [f"\u201c{name}\u201d" for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def group_names(session: Session, actor: Actor) -> list[str]:
    """The groups whose sign-in sheets this account may ask for, in name order (every group
    for a coordinator, a facilitator's own), leadership programme cohorts' groups included."""
    return [g.name for g in meetings_groups.list_groups(session, actor, include_cohorts=True)]


def _group_id(session: Session, actor: Actor, name: str | None) -> tuple[int, str]:
    """The group named (loosely: ``loose_name``), or a ``SheetInputError`` that lists the
    groups (none given), or names the nearest ones (none or several match).

    The group whose name is exactly ``name`` wins (the list offers names as stored, and
    "St Mary's" beside "St Marys" must still be printable). A name that is part of exactly
    one group's name ("Tuesday", "cohort 3") finds it too: whole words first, then any part
    ("Tues", "St Mary")."""
    wanted = (name or "").strip()
    groups = meetings_groups.list_groups(session, actor, include_cohorts=True)
    known = ", ".join(g.name for g in groups) or "none you run yet"
    if not wanted:
        raise SheetInputError(
            "meeting", f"Say which group's sheets to print, by its name. Groups: {known}."
        )
    exact = [g for g in groups if g.name == wanted]
    if len(exact) == 1:
        return exact[0].id, exact[0].name
    key = loose_name(wanted)
    same = [g for g in groups if loose_name(g.name) == key]
    if len(same) == 1:
        return same[0].id, same[0].name
    if not same:
        same = [g for g in groups if f" {key} " in f" {loose_name(g.name)} "]
        if len(same) == 1:
            return same[0].id, same[0].name
    if not same and key:
        same = [g for g in groups if key in loose_name(g.name)]
        if len(same) == 1:
            return same[0].id, same[0].name
    if same:
        names = [g.name for g in same]
        raise SheetInputError(
            "meeting",
            f"More than one group matches \u201c{wanted}\u201d: {_either(names)}. "
            "Choose one of them.",
        )
    by_key = {loose_name(g.name): g.name for g in groups}
    nearest = difflib.get_close_matches(key, list(by_key), n=NEAREST, cutoff=0.5)
    if nearest:
        names = [by_key[k] for k in nearest]
        raise SheetInputError(
            "meeting",
            f"There is no group called \u201c{wanted}\u201d. Did you mean {_either(names)}?",
        )
    raise SheetInputError(
        "meeting", f"There is no group called \u201c{wanted}\u201d. Groups: {known}."
    )


def load_meeting_sign_in(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> MeetingSignInSheet:
    """The group's meetings from ``params.week`` (default today) for ``params.weeks`` weeks."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    start = parse_day("week", "From", params.week, today)
    weeks = DEFAULT_WEEKS if params.weeks is None else params.weeks
    if isinstance(weeks, bool) or not 1 <= weeks <= MAX_WEEKS:
        raise SheetInputError("weeks", f"Weeks must be from 1 to {MAX_WEEKS}; you gave {weeks}.")
    end = start + timedelta(days=7 * weeks - 1)
    group_id, name = _group_id(session, actor, params.meeting)
    meetings = meetings_meetings.list_meetings(
        session, actor, group_id, start, end, include_cancelled=False
    )
    if not meetings:
        raise SheetInputError(
            "week",
            f"{name} has no meetings from {period_text(start, end)}. Make them from the "
            "group's schedule, or add one, on the Meetings screen.",
        )
    return MeetingSignInSheet(
        sign_in_meetings(session, actor, [m.id for m in meetings]),
        DEFAULT_BLANK_ROWS if params.rows is None else params.rows,
        True,
        params.group_name,
        params.title,
    )
