"""Finding the cohort, session and graduate a cohort sheet's inputs name, with clear messages.

- ``find_cohort`` — "Cohort 3", "Peer Leadership Programme, Cohort 3", the cohort's group
  name ("Peer Leadership Programme — Cohort 3") or its number, among the cohorts the
  account may see; a number of a cohort the account is not linked to is refused (and the
  refusal recorded) by the cohort services.
- ``find_session`` — one of the cohort's sessions by its number in the plan or its date;
  blank means the next session (or the last one, when all have been held).
- ``find_graduate`` — a graduate of the cohort by member number or the name they go by.

Every message names the input and says what to type instead (``SheetInputError``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from involve_desktop.core.errors import NotFound
from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import cohorts_cohorts, cohorts_enrolment
from involve_desktop.core.services.cohorts_dto import (
    CohortInfo,
    EnrolmentInfo,
    EnrolmentState,
    SessionInfo,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.sheets.options import SheetInputError
from involve_desktop.core.sheets.rota_data import parse_day
from involve_desktop.core.text import sort_key

MAX_LISTED = 8


def _key(text: str) -> str:
    """Text compared ignoring case, accents, punctuation and extra spaces."""
    return " ".join(re.sub(r"[\W_]+", " ", sort_key(text)).split())


def _listed(items: Sequence[str]) -> str:
    """ "A; B; C" (at most ``MAX_LISTED``, then "and 4 more")."""
    shown = "; ".join(items[:MAX_LISTED])
    extra = len(items) - MAX_LISTED
    return shown + (f"; and {extra} more" if extra > 0 else "")


def cohort_label(info: CohortInfo) -> str:
    """ "Peer Leadership Programme, Cohort 3 (number 7)": how a cohort is offered."""
    return f"{info.title} (number {info.id})"


def _choose(cohorts: Sequence[CohortInfo]) -> str:
    if not cohorts:
        return (
            "Your account cannot see any cohorts yet: a coordinator adds cohorts on the "
            "Leadership screen and links facilitators' accounts to theirs."
        )
    return "Choose one of: " + _listed([cohort_label(c) for c in cohorts]) + "."


def find_cohort(session: Session, actor: Actor, text: str | None) -> CohortInfo:
    """The cohort ``text`` names (see the module docstring), or ``SheetInputError``."""
    wanted = (text or "").strip()
    if wanted.isdigit():
        try:
            return cohorts_cohorts.get_cohort(session, actor, int(wanted))
        except NotFound:
            visible = cohorts_cohorts.list_cohorts(session, actor)
            raise SheetInputError(
                "cohort", f"There is no cohort number {wanted}. {_choose(visible)}"
            ) from None
    visible = cohorts_cohorts.list_cohorts(session, actor)
    if not wanted:
        raise SheetInputError(
            "cohort", f"Say which cohort: its name (e.g. Cohort 3) or number. {_choose(visible)}"
        )
    key = _key(wanted)
    found = [
        c
        for c in visible
        if key
        in {
            _key(c.name),
            _key(c.title),
            _key(cohorts_cohorts.group_name(c.programme_name, c.name)),
        }
    ]
    if len(found) == 1:
        return found[0]
    if found:
        named = _listed([cohort_label(c) for c in found])
        raise SheetInputError(
            "cohort",
            f"More than one cohort is called {wanted!r}: {named}. Give the programme too, "
            "or the cohort's number.",
        )
    raise SheetInputError("cohort", f"No cohort called {wanted!r}. {_choose(visible)}")


def _session_list(sessions: Sequence[SessionInfo]) -> str:
    return _listed([f"{s.number} on {format_date(s.meeting.day)}" for s in sessions])


def find_session(
    cohort: CohortInfo, sessions: Sequence[SessionInfo], text: str | None, today: date
) -> SessionInfo:
    """The session ``text`` names: its number or date; blank → the next session not
    cancelled from ``today`` (the last one if none is to come). Cancelled sessions are
    refused: they have no register."""
    wanted = (text or "").strip()
    if not sessions:
        raise SheetInputError(
            "session",
            f"{cohort.name} has no sessions planned yet. Plan them on the Leadership screen.",
        )
    if not wanted:
        held = [s for s in sessions if not s.meeting.cancelled]
        coming = [s for s in held if s.meeting.day >= today]
        if not held:
            raise SheetInputError(
                "session", f"Every session of {cohort.name} is cancelled; there is no register."
            )
        return coming[0] if coming else held[-1]
    if wanted.isdigit():
        found = [s for s in sessions if s.number == int(wanted)]
        if not found:
            raise SheetInputError(
                "session",
                f"{cohort.name} has sessions 1 to {len(sessions)}, so there is no session "
                f"{wanted}. Give a number from 1 to {len(sessions)}, or the session's date.",
            )
    else:
        try:
            day = parse_day("session", "Session", wanted, today)
        except SheetInputError:
            raise SheetInputError(
                "session",
                f"Session should be its number (1 to {len(sessions)}) or its date, such as "
                f"2026-03-03 or 3 Mar 2026; not {wanted!r}.",
            ) from None
        found = [s for s in sessions if s.meeting.day == day]
        if not found:
            raise SheetInputError(
                "session",
                f"{cohort.name} has no session on {format_date(day)}. Its sessions: "
                f"{_session_list(sessions)}.",
            )
    chosen = found[0]
    if chosen.meeting.cancelled:
        reason = chosen.meeting.cancelled_reason
        raise SheetInputError(
            "session",
            f"Session {chosen.number} on {format_date(chosen.meeting.day)} is cancelled"
            + (f" ({reason})" if reason else "")
            + ", so it has no register. Choose another session.",
        )
    return chosen


def _graduates(places: Sequence[EnrolmentInfo]) -> str:
    names = [e.name for e in places if e.state is EnrolmentState.COMPLETED]
    return "Graduates: " + _listed(names) + "." if names else "No one has graduated yet."


def find_graduate(
    session: Session, actor: Actor, cohort: CohortInfo, text: str | None
) -> int | None:
    """The member id of the graduate ``text`` names (None when blank: every graduate)."""
    wanted = (text or "").strip()
    if not wanted:
        return None
    places = cohorts_enrolment.list_enrolments(session, actor, cohort.id)
    if wanted.isdigit():
        found = [e for e in places if e.member_id == int(wanted)]
    else:
        found = [e for e in places if _key(e.name) == _key(wanted)]
    if not found:
        raise SheetInputError(
            "person",
            f"Nobody called {wanted!r} has a place on {cohort.name}. {_graduates(places)}",
        )
    if len(found) > 1:
        numbers = ", ".join(str(e.member_id) for e in found)
        raise SheetInputError(
            "person", f"More than one person is called {wanted}; use a member number ({numbers})."
        )
    place = found[0]
    if place.state is not EnrolmentState.COMPLETED:
        raise SheetInputError(
            "person",
            f"{place.name} has not graduated from {cohort.name} ({place.state.label.lower()}); "
            f"certificates are for graduates. {_graduates(places)}",
        )
    return place.member_id
