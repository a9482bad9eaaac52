"""The audit trail in people's words: when ("Tue 3 Nov 2026 14:05") and what changed
("status: Waiting for approval → Approved; member: Clare Bennett").

Which record a row is about, and the names of records its changes point at, come from
``audit_names`` (one query per kind of record for a whole page); they are re-exported here.
Values read as people write them: dates with the weekday, money in pounds, yes/no, codes by
their labels, ids by the record's name, and an empty value as "(none)".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from involve_desktop.core.formatting import format_date, format_pence
from involve_desktop.core.permissions import Role
from involve_desktop.core.services.activities_dto import (
    ActivityKind,
    ImpactStatus,
    PaymentOffered,
    YouSaidStatus,
)
from involve_desktop.core.services.audit_names import (
    NAMINGS,
    WEEKDAYS,
    RecordNames,
    is_change,
    label_of,
    record_names,
    record_words,
    reference_words,
    referenced_kind,
)
from involve_desktop.core.services.audit_values import (
    NONE,
    SPECIAL,
    SPECIAL_CHANGES,
    members_words,
)
from involve_desktop.core.services.cohorts_dto import CohortStatus, EnrolmentState
from involve_desktop.core.services.meetings_dto import GroupKind, ScheduleKind
from involve_desktop.core.services.member_dto import ContactMethod, MemberStatus
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
BLANK = NONE  # an empty value, everywhere in the trail
LOOKUPS = NAMINGS  # the kinds of record that have names
__all__ = [
    "BLANK",
    "LOOKUPS",
    "change_parts",
    "describe_changes",
    "record_names",
    "record_words",
    "when_words",
]


# --- When ---------------------------------------------------------------------------------


def local_time(at: datetime) -> datetime:
    """A stored (UTC, naive) time as the laptop's local wall-clock time (naive)."""
    return at.replace(tzinfo=UTC).astimezone(LOCAL_ZONE).replace(tzinfo=None)


def when_words(at: datetime) -> str:
    """A stored (UTC) time as people read it, local, with the weekday: "Tue 3 Nov 2026 14:05"."""
    local = local_time(at)
    return f"{format_date(local.date())} {local:%H:%M}"


# --- What changed -------------------------------------------------------------------------

# Field names whose plain replacement ("valid_from" → "valid from") reads badly; a field
# holding another record's id reads as that record ("member_id" → "member").
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
    "member_id": "member",
    "account_id": "account",
    "cohort_id": "cohort",
    "programme_id": "programme",
    "activity_id": "activity",
    "action_id": "alumni action",
    "site_id": "site",
    "shift_id": "shift",
    "pattern_id": "weekly shift",
    "group_id": "group",
    "meeting_id": "meeting",
    "panel_id": "panel",
    "batch_id": "auto-fill",
    "required_training_type_id": "training needed",
    "training": "training needed",  # a shift's, by the training's id
    "training_type_id": "training",
    "role_type_id": "role",
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
    (None, "preferred_contact"): ContactMethod,
}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")
_CLOCK = re.compile(r"\d{2}:\d{2}:\d{2}")
_CODE = re.compile(r"[a-z]+(_[a-z]+)+|[A-Z]+(_[A-Z]+)+")  # "next_year", "SHIFT_ASSIGNED"
_SOMEONE = re.compile(r"(.+) \(#(\d+)\)")
_WORDS = {"True": "yes", "False": "no", "None": NONE}  # a flag or nothing stored as text


def field_words(field: str) -> str:
    """A field's name in words: "next_year" → "next year", "amount_pence" → "amount",
    "member_id" → "member", "Ben Okafor (#2)" → "Ben Okafor (member 2)"."""
    if field in FIELD_LABELS:
        return FIELD_LABELS[field]
    person = _SOMEONE.fullmatch(field)  # attendance notes "Ben Okafor (#2)"
    if person:
        return f"{person[1]} (member {person[2]})"
    if field.endswith("_pence"):
        field = field.removesuffix("_pence")
    if field.endswith("_id"):
        field = field.removesuffix("_id")
    return field.replace("_", " ")


def value_words(
    value: Any, entity: str = "", field: str = "", names: RecordNames | None = None
) -> str:
    """One value as people write it: dates "Tue 3 Nov 2026", times "20:00", money "£25.00",
    yes/no, code values by their labels, another record's id by its name (from
    ``record_names``), lists joined by commas; nothing as "(none)"."""
    special = SPECIAL.get((entity, field))
    words = special(value) if special else members_words(entity, field, value, names)
    if words is not None:
        return words
    if value is None or value == "":
        return NONE
    if isinstance(value, bool):
        return "yes" if value else "no"
    kind = referenced_kind(field, value)
    if kind is not None:
        return reference_words(kind, value, names)
    if isinstance(value, (list, tuple)):
        return ", ".join(value_words(v, entity, field, names) for v in value) or NONE
    if isinstance(value, dict):
        return ", ".join(f"{field_words(str(k))} {value_words(v)}" for k, v in value.items())
    if isinstance(value, int) and field.endswith("_pence"):
        return format_pence(value)
    if isinstance(value, int) and field == "weekday" and 0 <= value <= 6:
        return WEEKDAYS[value].removesuffix("s")
    if not isinstance(value, str):
        return str(value)
    enum = VALUE_LABELS.get((entity, field)) or VALUE_LABELS.get((None, field))
    if enum is not None and value in {m.value for m in enum}:
        return label_of(enum, value)
    return _text_words(value)


def _text_words(value: str) -> str:
    if value in _WORDS:
        return _WORDS[value]
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
        return value.replace("_", " ").lower()
    # several lines (an address, a list typed one a line) on one line
    return ", ".join(line.strip() for line in value.splitlines() if line.strip()) or NONE


def change_parts(
    changes: Mapping[str, Any] | None, entity: str = "", names: RecordNames | None = None
) -> list[str]:
    """The changes of one row, one part per field: ["status: Active → Left", "member: Alan
    Wright"] (a value typed with "; " in it stays in its one part).

    ``[old, new]`` pairs read "old → new"; a new record's empty fields say nothing; values
    already hidden by the service ("(restricted — changed)", "(changed)") stay hidden.
    ``names`` (from ``record_names`` for the page) names the records ids point at.
    """
    if not changes:
        return []
    parts = []
    for field, value in changes.items():
        key = str(field)
        label = field_words(key)
        # a column's [old, new]; a few keys ("sections changed") hold plain lists
        if is_change(key, value):
            pair = SPECIAL_CHANGES.get((entity, key))
            if pair is not None:
                parts.append(f"{label}: {pair(*value)}")
                continue
            old, new = (value_words(v, entity, key, names) for v in value)
            parts.append(f"{label}: {old} → {new}")
        elif value is not None and value != "":
            parts.append(f"{label}: {value_words(value, entity, key, names)}")
    return parts


def describe_changes(
    changes: Mapping[str, Any] | None, entity: str = "", names: RecordNames | None = None
) -> str:
    """The changes of one row as a sentence: "status: Active → Left; member: Alan Wright"
    (``change_parts`` joined)."""
    return "; ".join(change_parts(changes, entity, names))
