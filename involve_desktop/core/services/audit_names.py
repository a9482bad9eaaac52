"""Which record an audit row is about, and which records its changes point at, by name.

A page of rows is named in one go (``record_names``): the ids of each kind of record —
the rows' own records and those their changes point at ("member_id": 12, "members":
"5,6,7") — are read with one query per kind, never one per row. Each kind is one entry
of ``NAMINGS``: the columns to read, the tables to join and how to word a row, so a new
kind of record is one entry, not a new function.

Only names the coordinator already sees on the screens are read (people's names, titles,
days); restricted fields are never looked up.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.accounts import Account, Organisation
from involve_desktop.core.models.activities import InvolvementActivity, YouSaidEntry
from involve_desktop.core.models.cohorts import AlumniAction, Cohort, Enrolment, Programme
from involve_desktop.core.models.involvement_report import InvolvementReport
from involve_desktop.core.models.meetings import Meeting, MeetingGroup
from involve_desktop.core.models.panels import Panel
from involve_desktop.core.models.payments import ExpenseClaim, PayLine, PaymentRate
from involve_desktop.core.models.people import Member, RoleType, TrainingType
from involve_desktop.core.models.rota import (
    RotaAssignment,
    RotaAutofillBatch,
    RotaCallDown,
    RotaPattern,
    RotaShift,
    RotaSite,
)
from involve_desktop.core.models.spectrum import SpectrumAssessment
from involve_desktop.core.services.dto import AuditInfo
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.payments_dto import Activity, ExpenseKind

WEEKDAYS = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
RecordNames = Mapping[Any, str]


def label_of(enum: type[StrEnum], value: str) -> str:
    """A stored code by its enum's label ("pending" → "Waiting for approval"); an unknown
    code with its underscores read as spaces."""
    try:
        return str(enum(value).label)  # type: ignore[attr-defined]
    except (ValueError, AttributeError):
        return value.replace("_", " ")


def _hours(start: time | None, end: time | None) -> str:
    if start is None:
        return ""
    return f"{start:%H:%M}–{end:%H:%M}" if end is not None else f"{start:%H:%M}"


def _shift(site: str, day: date, start: time, end: time) -> str:
    return f"{site} shift, {format_date(day)} {_hours(start, end)}"


def _person(r: Any) -> str:
    return display_name(r.full_name, r.preferred_name)


def reporting_year_words(starts_on: date) -> str:
    """A reporting year as the involvement report writes it ("April 2026 to March 2027")."""
    from involve_desktop.core.services.involvement_report import reporting_year  # cycle

    return reporting_year(starts_on).label


@dataclass(frozen=True)
class Naming:
    """How one kind of record is named: its id column, the columns read (joined through
    ``joins``, each ``(table, on)``) and the words for one row of them."""

    id_column: Any
    columns: tuple[Any, ...]
    words: Callable[[Any], str]
    joins: tuple[tuple[Any, Any], ...] = ()

    def read(self, session: Session, ids: set[int]) -> dict[int, str]:
        """The words for every id still in the records, in one query."""
        query = select(self.id_column.label("id"), *self.columns)
        for table, on in self.joins:
            query = query.join(table, on)
        rows = session.execute(query.where(self.id_column.in_(ids)))
        return {r.id: self.words(r) for r in rows}


_PERSON = (Member.full_name, Member.preferred_name)
_SITE_NAME = RotaSite.name.label("site")


def _on_day(model: Any, noun: str, kind: Any, enum: type[StrEnum]) -> Naming:
    """A member's record of a kind on a day: "pay line for Jo Bloggs (Travel, Tue 3 Nov
    2026)" (``kind`` the column holding the code of ``enum``)."""
    return Naming(
        model.id,
        (kind.label("kind"), model.day, *_PERSON),
        lambda r: f"{noun} for {_person(r)} ({label_of(enum, r.kind)}, {format_date(r.day)})",
        ((Member, Member.id == model.member_id),),
    )


def _titled(model: Any, column: Any, words: str = "{}") -> Naming:
    """A record named by one column ("{}" in ``words`` takes its value)."""
    return Naming(model.id, (column.label("title"),), lambda r: words.format(r.title))


def _titled_on_day(model: Any) -> Naming:
    """A record with a title and a day: "Recruitment panel (Fri 30 Oct 2026)"."""
    return Naming(model.id, (model.title, model.day), lambda r: f"{r.title} ({format_date(r.day)})")


_SHIFT_JOIN = ((RotaSite, RotaSite.id == RotaShift.site_id),)
_MEETING = ((MeetingGroup, MeetingGroup.id == Meeting.group_id),)
_MEETING_COLUMNS = (Meeting.day, MeetingGroup.name.label("group"))
_COHORT = ((Programme, Programme.id == Cohort.programme_id),)


def _person_and_shift(model: Any, words: str) -> Naming:
    """A member's link to a rota shift: "Ann Call asked to cover Ward 4 shift, …"."""
    return Naming(
        model.id,
        (RotaShift.day, RotaShift.start_time, RotaShift.end_time, _SITE_NAME, *_PERSON),
        lambda r: f"{_person(r)} {words} {_shift(r.site, r.day, r.start_time, r.end_time)}",
        (
            (RotaShift, RotaShift.id == model.shift_id),
            *_SHIFT_JOIN,
            (Member, Member.id == model.member_id),
        ),
    )


# Audit entity → how its records are named (one query for all the ids of a page).
NAMINGS: dict[str, Naming] = {
    # a member alone is their name; the Record column adds "(member 7)"
    "member": Naming(Member.id, _PERSON, _person),
    "account": _titled(Account, Account.display_name),
    "pay_line": _on_day(PayLine, "pay line", PayLine.activity, Activity),
    "expense_claim": _on_day(ExpenseClaim, "expense claim", ExpenseClaim.kind, ExpenseKind),
    # the trail names a payment choice by its member's id
    "payment_preference": Naming(Member.id, _PERSON, lambda r: f"payment choice of {_person(r)}"),
    "rota_site": _titled(RotaSite, RotaSite.name),
    "rota_shift": Naming(
        RotaShift.id,
        (RotaShift.day, RotaShift.start_time, RotaShift.end_time, _SITE_NAME),
        lambda r: _shift(r.site, r.day, r.start_time, r.end_time),
        _SHIFT_JOIN,
    ),
    "rota_assignment": _person_and_shift(RotaAssignment, "on"),
    "rota_call_down": _person_and_shift(RotaCallDown, "asked to cover"),
    "rota_pattern": Naming(
        RotaPattern.id,
        (RotaPattern.weekday, RotaPattern.start_time, RotaPattern.end_time, _SITE_NAME),
        lambda r: (
            f"{r.site} weekly shift, {WEEKDAYS[r.weekday % 7]} {_hours(r.start_time, r.end_time)}"
        ),
        ((RotaSite, RotaSite.id == RotaPattern.site_id),),
    ),
    "rota_autofill_batch": Naming(
        RotaAutofillBatch.id,
        (RotaAutofillBatch.start_on, RotaAutofillBatch.end_on),
        lambda r: f"{format_date(r.start_on)} to {format_date(r.end_on)}",
    ),
    "meeting": Naming(
        Meeting.id, _MEETING_COLUMNS, lambda r: f"{r.group} meeting, {format_date(r.day)}", _MEETING
    ),
    # the trail names a meeting's attendance by the meeting's id
    "meeting_attendance": Naming(
        Meeting.id,
        _MEETING_COLUMNS,
        lambda r: f"attendance at {r.group} meeting, {format_date(r.day)}",
        _MEETING,
    ),
    "meeting_group": _titled(MeetingGroup, MeetingGroup.name),
    "panel": Naming(
        Panel.id,
        (Panel.post_title, Panel.day),
        lambda r: f"{r.post_title} panel, {format_date(r.day)}",
    ),
    "programme": _titled(Programme, Programme.name),
    "cohort": Naming(
        Cohort.id,
        (Cohort.name, Programme.name.label("programme")),
        lambda r: f"{r.programme} — {r.name}",
        _COHORT,
    ),
    "enrolment": Naming(
        Enrolment.id,
        (Cohort.name, Programme.name.label("programme"), *_PERSON),
        lambda r: f"{_person(r)} on {r.programme} — {r.name}",
        (
            (Cohort, Cohort.id == Enrolment.cohort_id),
            *_COHORT,
            (Member, Member.id == Enrolment.member_id),
        ),
    ),
    "involvement_activity": _titled_on_day(InvolvementActivity),
    "alumni_action": _titled_on_day(AlumniAction),
    "organisation": _titled(Organisation, Organisation.name),
    "payment_rate": Naming(
        PaymentRate.id,
        (PaymentRate.activity, PaymentRate.valid_from),
        lambda r: f"{label_of(Activity, r.activity)} rate from {format_date(r.valid_from)}",
    ),
    "spectrum_assessment": Naming(
        SpectrumAssessment.id,
        (SpectrumAssessment.day,),
        lambda r: f"leadership self-assessment of {format_date(r.day)}",
    ),
    "you_said_entry": Naming(
        YouSaidEntry.id,
        (YouSaidEntry.day,),
        lambda r: f"\u201cyou said, we did\u201d of {format_date(r.day)}",
    ),
    "involvement_report": Naming(
        InvolvementReport.id,
        (InvolvementReport.starts_on,),
        lambda r: f"involvement report for {reporting_year_words(r.starts_on)}",
    ),
    "training_type": _titled(TrainingType, TrainingType.name),
    "role_type": _titled(RoleType, RoleType.name),
}
# How the Record column words a name that reads alone in a change ("site: Ward 4"), by
# kind; "{id}" takes the record's id.
AS_RECORD = {
    "member": "{} (member {id})",
    "account": "{}'s account",
    "rota_site": "{} (site)",
    "rota_autofill_batch": "auto-fill of {}",
    "meeting_group": "{} (group)",
    "organisation": "{} (the group's details)",
    "training_type": "{} (training)",
    "role_type": "{} (role)",
}
# Kinds with one record only: named without a query, whatever the id.
SINGLE_RECORDS = {
    "panel_settings": "the panel settings",
    "involvement_principles": "the group's involvement principles",
}

# Permissions whose code reads badly as "permission to …".
PERMISSION_WORDS = {
    "view_restricted": "see restricted details",
    "edit_restricted": "change restricted details",
    "edit_lists": "change the lists of roles and training",
    "view_audit_log": "see the audit log",
}

# A change's field that holds another record's id (any entity) → that record's kind.
REFERENCES = {
    "member_id": "member",
    "member": "member",  # an undone auto-fill notes "member": 12
    "account_id": "account",
    "activity_id": "involvement_activity",
    "action_id": "alumni_action",
    "cohort_id": "cohort",
    "programme_id": "programme",
    "site_id": "rota_site",
    "shift_id": "rota_shift",
    "shift": "rota_shift",
    "pattern_id": "rota_pattern",
    "group_id": "meeting_group",
    "meeting_id": "meeting",
    "panel_id": "panel",
    "batch_id": "rota_autofill_batch",
    "auto-fill": "rota_autofill_batch",
    "auto-fill undone": "rota_autofill_batch",
    "required_training_type_id": "training_type",
    "training": "training_type",  # a shift's training needed
    "training_type_id": "training_type",
    "role_type_id": "role_type",
}
# A change's field that holds a list of member ids ("5,6,7", "[5, 6, 7]").
MEMBER_LISTS = frozenset({("spectrum_assessment", "members"), ("involvement_activity", "members")})
_ID_LIST = re.compile(r"\[\s*\]|\[?\s*\d+(\s*,\s*\d+)*\s*\]?")  # "[]" is none


def referenced_kind(field: str, value: Any) -> str | None:
    """The kind of record a change's value names by its id, or None when it is not an id."""
    if isinstance(value, int) and not isinstance(value, bool):
        return REFERENCES.get(field)
    return None


def id_list(entity: str, field: str, value: Any) -> list[int] | None:
    """The member ids a list field holds ("5,6,7", "[5, 6]", [5, 6]); None if it holds none."""
    if (entity, field) not in MEMBER_LISTS:
        return None
    if isinstance(value, list) and all(isinstance(v, int) for v in value):
        return list(value)
    if isinstance(value, str) and _ID_LIST.fullmatch(value.strip()):
        return [int(v) for v in re.findall(r"\d+", value)]
    return None


# Changes that hold a plain list (of two or not), never an [old, new] pair.
PLAIN_LISTS = frozenset({"sections changed"})


def is_change(field: str, value: Any) -> bool:
    """Whether a change's value is an ``[old, new]`` pair (not a plain list)."""
    return isinstance(value, list) and len(value) == 2 and field not in PLAIN_LISTS


def _values(changes: Mapping[str, Any]) -> Iterable[tuple[str, Any]]:
    for field, value in changes.items():
        for one in value if is_change(str(field), value) else [value]:
            yield str(field), one


def _wanted(entries: Iterable[AuditInfo]) -> dict[str, set[int]]:
    wanted: dict[str, set[int]] = defaultdict(set)
    for e in entries:
        if e.entity_id is not None and e.entity in NAMINGS:
            wanted[e.entity].add(e.entity_id)
        for field, value in _values(e.changes or {}):
            kind = referenced_kind(field, value)
            if kind is not None:
                wanted[kind].add(value)
            ids = id_list(e.entity, field, value)
            if ids:
                wanted["member"].update(ids)
    return wanted


def record_names(session: Session, entries: Iterable[AuditInfo]) -> dict[tuple[str, int], str]:
    """The words for the records a page of rows is about or points at, keyed ``(kind,
    id)``: one query per kind of record. Removed records are left out."""
    names: dict[tuple[str, int], str] = {}
    for kind, ids in _wanted(entries).items():
        for record_id, words in NAMINGS[kind].read(session, ids).items():
            names[(kind, record_id)] = words
    return names


def reference_words(kind: str, record_id: int, names: RecordNames | None) -> str:
    """A record a change points at by its name; "number 12 (since removed)" when the page's
    names were read and it is no longer there; "number 12" when no names were read."""
    if names is None:
        return f"number {record_id}"
    return names.get((kind, record_id)) or f"number {record_id} (since removed)"


def record_words(entry: AuditInfo, names: RecordNames | None = None) -> str:
    """Which record a row is about, from ``record_names``: "Sam Coordinator's account",
    "Alan Wright (member 7)"; a record no longer there "rota shift 3 (since removed)"; a
    kind with no names the plain "backup 3". ``names`` may also map a member id alone to
    the member's name."""
    if entry.entity in SINGLE_RECORDS:
        return SINGLE_RECORDS[entry.entity]
    entity = entry.entity.replace("_", " ")
    if entry.action == "denied":  # a refusal names the permission it needed
        return f"permission to {PERMISSION_WORDS.get(entry.entity, entity)}"
    if entry.entity_id is None:
        return entity
    known = names or {}
    words = known.get((entry.entity, entry.entity_id))
    if words is None and entry.entity == "member":
        words = known.get(entry.entity_id)
    if not words:
        gone = names is not None and entry.entity in NAMINGS
        return f"{entity} {entry.entity_id}" + (" (since removed)" if gone else "")
    return AS_RECORD.get(entry.entity, "{}").format(words, id=entry.entity_id)
