"""The audit trail in people's words: which record a row is about ("pay line for Jo Bloggs
(Recruitment panel, Tue 3 Nov 2026)"), what changed ("status: Waiting for approval →
Approved"), and when ("Tue 3 Nov 2026 14:05").

Record names are looked up for a whole page of rows at once, one query per kind of record
on the page (never one per row), so the viewer reads 500 rows with a fixed handful of
queries. A record since removed, or a kind with no lookup here, keeps the plain words
"rota shift 3".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date, format_pence
from involve_desktop.core.models.accounts import Account, Organisation
from involve_desktop.core.models.activities import InvolvementActivity, YouSaidEntry
from involve_desktop.core.models.cohorts import AlumniAction, Cohort, Enrolment, Programme
from involve_desktop.core.models.meetings import Meeting, MeetingGroup
from involve_desktop.core.models.panels import Panel
from involve_desktop.core.models.payments import ExpenseClaim, PayLine, PaymentRate
from involve_desktop.core.models.people import Member
from involve_desktop.core.models.rota import RotaAssignment, RotaPattern, RotaShift, RotaSite
from involve_desktop.core.models.spectrum import SpectrumAssessment
from involve_desktop.core.permissions import Role
from involve_desktop.core.services.activities_dto import (
    ActivityKind,
    ImpactStatus,
    PaymentOffered,
    YouSaidStatus,
)
from involve_desktop.core.services.cohorts_dto import CohortStatus, EnrolmentState
from involve_desktop.core.services.dto import AuditInfo
from involve_desktop.core.services.meetings_dto import GroupKind, ScheduleKind
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.panels_dto import PanelStatus, PolicyKind
from involve_desktop.core.services.payments_dto import (
    Activity,
    ExpenseKind,
    PaymentMethod,
    PayStatus,
    RateBasis,
)
from involve_desktop.core.services.rota_dto import Attendance, SiteKind
from involve_desktop.core.services.spectrum_dto import AssessmentStatus

LOCAL_ZONE = ZoneInfo("Europe/London")
BLANK = "(blank)"
_WEEKDAYS = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")

RecordNames = Mapping[tuple[str, int], str]


# --- When ---------------------------------------------------------------------------------


def local_time(at: datetime) -> datetime:
    """A stored (UTC, naive) time as the laptop's local wall-clock time (naive)."""
    return at.replace(tzinfo=UTC).astimezone(LOCAL_ZONE).replace(tzinfo=None)


def when_words(at: datetime) -> str:
    """A stored (UTC) time as people read it, local, with the weekday: "Tue 3 Nov 2026 14:05"."""
    local = local_time(at)
    return f"{format_date(local.date())} {local:%H:%M}"


# --- Which record -------------------------------------------------------------------------


def _hours(start: time | None, end: time | None) -> str:
    if start is None:
        return ""
    return f"{start:%H:%M}–{end:%H:%M}" if end is not None else f"{start:%H:%M}"


def _shift(site: str, day: date, start: time, end: time) -> str:
    return f"{site} shift, {format_date(day)} {_hours(start, end)}"


def _person(full_name: str, preferred_name: str | None) -> str:
    return display_name(full_name, preferred_name)


def _label(enum: type[StrEnum], value: str) -> str:
    try:
        return str(enum(value).label)  # type: ignore[attr-defined]
    except (ValueError, AttributeError):
        return value.replace("_", " ")


Lookup = Callable[[Session, set[int]], dict[int, str]]


def _members(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(Member.id, Member.full_name, Member.preferred_name).where(Member.id.in_(ids))
    )
    return {r.id: f"{_person(r.full_name, r.preferred_name)} (member {r.id})" for r in rows}


def _accounts(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(select(Account.id, Account.display_name).where(Account.id.in_(ids)))
    return {r.id: f"{r.display_name}'s account" for r in rows}


def _pay_lines(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(PayLine.id, PayLine.activity, PayLine.day, Member.full_name, Member.preferred_name)
        .join(Member, Member.id == PayLine.member_id)
        .where(PayLine.id.in_(ids))
    )
    return {
        r.id: f"pay line for {_person(r.full_name, r.preferred_name)} "
        f"({_label(Activity, r.activity)}, {format_date(r.day)})"
        for r in rows
    }


def _expense_claims(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(
            ExpenseClaim.id, ExpenseClaim.kind, ExpenseClaim.day, Member.full_name,
            Member.preferred_name,
        )
        .join(Member, Member.id == ExpenseClaim.member_id)
        .where(ExpenseClaim.id.in_(ids))
    )  # fmt: skip
    return {
        r.id: f"expense claim for {_person(r.full_name, r.preferred_name)} "
        f"({_label(ExpenseKind, r.kind)}, {format_date(r.day)})"
        for r in rows
    }


def _payment_preferences(session: Session, ids: set[int]) -> dict[int, str]:
    # the trail names a payment choice by its member's id
    rows = session.execute(
        select(Member.id, Member.full_name, Member.preferred_name).where(Member.id.in_(ids))
    )
    return {r.id: f"payment choice of {_person(r.full_name, r.preferred_name)}" for r in rows}


def _sites(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(select(RotaSite.id, RotaSite.name).where(RotaSite.id.in_(ids)))
    return {r.id: f"{r.name} (site)" for r in rows}


def _shifts(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(RotaShift.id, RotaShift.day, RotaShift.start_time, RotaShift.end_time, RotaSite.name)
        .join(RotaSite, RotaSite.id == RotaShift.site_id)
        .where(RotaShift.id.in_(ids))
    )
    return {r.id: _shift(r.name, r.day, r.start_time, r.end_time) for r in rows}


def _assignments(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(
            RotaAssignment.id, RotaShift.day, RotaShift.start_time, RotaShift.end_time,
            RotaSite.name, Member.full_name, Member.preferred_name,
        )
        .join(RotaShift, RotaShift.id == RotaAssignment.shift_id)
        .join(RotaSite, RotaSite.id == RotaShift.site_id)
        .join(Member, Member.id == RotaAssignment.member_id)
        .where(RotaAssignment.id.in_(ids))
    )  # fmt: skip
    return {
        r.id: f"{_person(r.full_name, r.preferred_name)} on "
        f"{_shift(r.name, r.day, r.start_time, r.end_time)}"
        for r in rows
    }


def _patterns(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(
            RotaPattern.id, RotaPattern.weekday, RotaPattern.start_time, RotaPattern.end_time,
            RotaSite.name,
        )
        .join(RotaSite, RotaSite.id == RotaPattern.site_id)
        .where(RotaPattern.id.in_(ids))
    )  # fmt: skip
    return {
        r.id: f"{r.name} weekly shift, {_WEEKDAYS[r.weekday % 7]} "
        f"{_hours(r.start_time, r.end_time)}"
        for r in rows
    }


def _meeting_rows(session: Session, ids: set[int]) -> Iterable[Any]:
    return session.execute(
        select(Meeting.id, Meeting.day, MeetingGroup.name)
        .join(MeetingGroup, MeetingGroup.id == Meeting.group_id)
        .where(Meeting.id.in_(ids))
    )


def _meetings(session: Session, ids: set[int]) -> dict[int, str]:
    return {r.id: f"{r.name} meeting, {format_date(r.day)}" for r in _meeting_rows(session, ids)}


def _attendance(session: Session, ids: set[int]) -> dict[int, str]:
    # the trail names a meeting's attendance by the meeting's id
    return {
        r.id: f"attendance at {r.name} meeting, {format_date(r.day)}"
        for r in _meeting_rows(session, ids)
    }


def _groups(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(MeetingGroup.id, MeetingGroup.name).where(MeetingGroup.id.in_(ids))
    )
    return {r.id: f"{r.name} (group)" for r in rows}


def _panels(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(select(Panel.id, Panel.post_title, Panel.day).where(Panel.id.in_(ids)))
    return {r.id: f"{r.post_title} panel, {format_date(r.day)}" for r in rows}


def _programmes(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(select(Programme.id, Programme.name).where(Programme.id.in_(ids)))
    return {r.id: r.name for r in rows}


def _cohorts(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(Cohort.id, Cohort.name, Programme.name.label("programme"))
        .join(Programme, Programme.id == Cohort.programme_id)
        .where(Cohort.id.in_(ids))
    )
    return {r.id: f"{r.programme} — {r.name}" for r in rows}


def _enrolments(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(
            Enrolment.id, Cohort.name, Programme.name.label("programme"), Member.full_name,
            Member.preferred_name,
        )
        .join(Cohort, Cohort.id == Enrolment.cohort_id)
        .join(Programme, Programme.id == Cohort.programme_id)
        .join(Member, Member.id == Enrolment.member_id)
        .where(Enrolment.id.in_(ids))
    )  # fmt: skip
    return {
        r.id: f"{_person(r.full_name, r.preferred_name)} on {r.programme} — {r.name}" for r in rows
    }


def _activities(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(InvolvementActivity.id, InvolvementActivity.title, InvolvementActivity.day).where(
            InvolvementActivity.id.in_(ids)
        )
    )
    return {r.id: f"{r.title} ({format_date(r.day)})" for r in rows}


def _organisations(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids))
    )
    return {r.id: f"{r.name} (the group's details)" for r in rows}


def _alumni_actions(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(AlumniAction.id, AlumniAction.title, AlumniAction.day).where(
            AlumniAction.id.in_(ids)
        )
    )
    return {r.id: f"{r.title} ({format_date(r.day)})" for r in rows}


def _rates(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(PaymentRate.id, PaymentRate.activity, PaymentRate.valid_from).where(
            PaymentRate.id.in_(ids)
        )
    )
    return {
        r.id: f"{_label(Activity, r.activity)} rate from {format_date(r.valid_from)}" for r in rows
    }


def _assessments(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(SpectrumAssessment.id, SpectrumAssessment.day).where(SpectrumAssessment.id.in_(ids))
    )
    return {r.id: f"leadership self-assessment of {format_date(r.day)}" for r in rows}


def _you_said(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.execute(
        select(YouSaidEntry.id, YouSaidEntry.day).where(YouSaidEntry.id.in_(ids))
    )
    return {r.id: f"\u201cyou said, we did\u201d of {format_date(r.day)}" for r in rows}


# Audit entity → how its records are named (one query for all the ids of a page).
LOOKUPS: dict[str, Lookup] = {
    "member": _members,
    "account": _accounts,
    "pay_line": _pay_lines,
    "expense_claim": _expense_claims,
    "payment_preference": _payment_preferences,
    "rota_site": _sites,
    "rota_shift": _shifts,
    "rota_assignment": _assignments,
    "rota_pattern": _patterns,
    "meeting": _meetings,
    "meeting_attendance": _attendance,
    "meeting_group": _groups,
    "panel": _panels,
    "programme": _programmes,
    "cohort": _cohorts,
    "enrolment": _enrolments,
    "involvement_activity": _activities,
    "organisation": _organisations,
    "alumni_action": _alumni_actions,
    "payment_rate": _rates,
    "spectrum_assessment": _assessments,
    "you_said_entry": _you_said,
}


def record_names(session: Session, entries: Iterable[AuditInfo]) -> dict[tuple[str, int], str]:
    """The words for the records a page of rows is about, keyed ``(entity, id)``: one query
    per kind of record on the page. Removed records and unnamed kinds are left out."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for e in entries:
        if e.entity_id is not None and e.entity in LOOKUPS:
            wanted[e.entity].add(e.entity_id)
    names: dict[tuple[str, int], str] = {}
    for entity, ids in wanted.items():
        for entity_id, words in LOOKUPS[entity](session, ids).items():
            names[(entity, entity_id)] = words
    return names


def record_words(entry: AuditInfo, names: Mapping[Any, str] | None = None) -> str:
    """Which record a row is about, from ``record_names``: "Sam Coordinator's account",
    "Alan Wright (member 7)"; otherwise the plain "rota shift 3". ``names`` may also map a
    member id alone to the member's name."""
    entity = entry.entity.replace("_", " ")
    if entry.entity_id is None:
        return entity
    known = names or {}
    words = known.get((entry.entity, entry.entity_id))
    if words:
        return words
    name = known.get(entry.entity_id) if entry.entity == "member" else None
    return f"{name} (member {entry.entity_id})" if name else f"{entity} {entry.entity_id}"


# --- What changed -------------------------------------------------------------------------

# Field names whose plain replacement ("valid_from" → "valid from") reads badly.
FIELD_LABELS = {
    "valid_from": "from",
    "valid_to": "until",
    "start_on": "starts",
    "end_on": "ends",
    "min_peers": "fewest peers",
    "max_peers": "most peers",
    "min_together": "fewest peers together",
    "min_lived": "fewest with lived experience",
    "nth": "which week of the month",
    "weekday": "day of the week",
    "dob": "date of birth",
    "member_id": "member number",
    "cohort_id": "cohort number",
    "programme_id": "programme number",
    "activity_id": "activity number",
    "site_id": "site number",
    "required_training_type_id": "training needed (number)",
    "receipt_held": "receipt kept",
    "reliance_threshold": "reliance warning at (%)",
    "completion_percent": "completion needed (%)",
}
# Code values shown by their labels: (entity, field), or (None, field) for any entity.
VALUE_LABELS: dict[tuple[str | None, str], type[StrEnum]] = {
    ("pay_line", "status"): PayStatus,
    ("expense_claim", "status"): PayStatus,
    ("expense_claim", "kind"): ExpenseKind,
    ("member", "status"): MemberStatus,
    ("panel", "status"): PanelStatus,
    ("panel_settings", "policy"): PolicyKind,
    ("cohort", "status"): CohortStatus,
    ("enrolment", "state"): EnrolmentState,
    ("rota_site", "kind"): SiteKind,
    ("meeting_group", "kind"): GroupKind,
    ("meeting_group", "schedule"): ScheduleKind,
    ("involvement_activity", "kind"): ActivityKind,
    ("involvement_activity", "payment"): PaymentOffered,
    ("involvement_activity", "impact_status"): ImpactStatus,
    ("you_said_entry", "status"): YouSaidStatus,
    ("spectrum_assessment", "status"): AssessmentStatus,
    ("rota_assignment", "attendance"): Attendance,
    (None, "role"): Role,
    (None, "method"): PaymentMethod,
    (None, "activity"): Activity,
    (None, "basis"): RateBasis,
}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")
_CLOCK = re.compile(r"\d{2}:\d{2}:\d{2}")
_CODE = re.compile(r"[a-z]+(_[a-z]+)+")  # "next_year", a code shown as words


def field_words(field: str) -> str:
    """A field's name in words: "next_year" → "next year", "amount_pence" → "amount"."""
    if field in FIELD_LABELS:
        return FIELD_LABELS[field]
    if field.endswith("_pence"):
        field = field.removesuffix("_pence")
    return field.replace("_", " ")


def value_words(value: Any, entity: str = "", field: str = "") -> str:
    """One value as people write it: dates "Tue 3 Nov 2026", times "20:00", money "£25.00",
    yes/no, code values by their labels, lists joined by commas; blank as "(blank)"."""
    if value is None or value == "":
        return BLANK
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value_words(v, entity, field) for v in value) or BLANK
    if isinstance(value, int) and field.endswith("_pence"):
        return format_pence(value)
    if isinstance(value, int) and field == "weekday" and 0 <= value <= 6:
        return _WEEKDAYS[value].removesuffix("s")
    if not isinstance(value, str):
        return str(value)
    enum = VALUE_LABELS.get((entity, field)) or VALUE_LABELS.get((None, field))
    if enum is not None and value in {m.value for m in enum}:
        return _label(enum, value)
    return _text_words(value)


def _text_words(value: str) -> str:
    try:
        if _DAY.fullmatch(value):
            return format_date(date.fromisoformat(value))
        if _MOMENT.fullmatch(value):
            return when_words(datetime.fromisoformat(value))
        if _CLOCK.fullmatch(value):
            return value[:5]
    except ValueError:
        return value
    if _CODE.fullmatch(value):
        return value.replace("_", " ")
    return value


def describe_changes(changes: Mapping[str, Any] | None, entity: str = "") -> str:
    """The changes of one row as a sentence: "status: Active → Left; starts: Tue 3 Nov 2026".

    ``[old, new]`` pairs read "old → new"; a new record's blank fields say nothing; values
    already hidden by the service ("(restricted — changed)", "(changed)") stay hidden.
    """
    if not changes:
        return ""
    parts = []
    for field, value in changes.items():
        label = field_words(str(field))
        # a column's [old, new]; keys in words ("sections changed") hold plain lists
        if isinstance(value, list) and len(value) == 2 and " " not in str(field):
            old, new = (value_words(v, entity, str(field)) for v in value)
            parts.append(f"{label}: {old} → {new}")
        elif value is not None and value != "":
            parts.append(f"{label}: {value_words(value, entity, str(field))}")
    return "; ".join(parts)
