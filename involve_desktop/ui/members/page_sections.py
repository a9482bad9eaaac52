"""The words on a member's page: details, roles, training and consent states, history, audit.

Pure functions from DTOs to lines of text, each with a mark (tick, warning, problem) that the
page shows as an icon *beside* words: state is never shown by colour alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Any

from involve_desktop.core.formatting import format_date, format_pence, format_timestamp
from involve_desktop.core.services.dto import AuditInfo
from involve_desktop.core.services.involvement import InvolvementItem
from involve_desktop.core.services.member_dto import (
    ConsentInfo,
    MemberDetail,
    MemberStatus,
    Restricted,
    RoleHeld,
    StatusInfo,
    TrainingInfo,
    TrainingState,
)
from involve_desktop.core.services.member_records import CONSENT_DUE_DAYS
from involve_desktop.core.services.payments_dto import PaymentStatement, PreferenceInfo

NOT_GIVEN = "—"
NO_INVOLVEMENT = "Nothing yet — shifts, meetings, panels and courses will appear here."
PART_OF_INVOLVEMENT = (
    "Only what your account may see is listed: shifts, and the meetings and courses of the "
    "groups it runs."
)
FIELD_LABELS = {
    "full_name": "Full name",
    "preferred_name": "Preferred name",
    "date_joined": "Date joined",
    "preferred_contact": "Preferred contact",
    "check_in_on": "Check-in date",
    "left_on": "Date left",
    "left_reason": "Reason for leaving",
    "needs_large_print": "Large print",
    "needs_interpreter": "Interpreter",
    "needs_step_free": "Step-free access",
    "needs_hearing_loop": "Hearing loop",
    "access_other": "Other access needs",
    "lived_experience": "Lived experience",
    "emergency_contact": "Emergency contact",
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Mark(Enum):
    """The icon shown beside a line."""

    NONE = "none"
    OK = "ok"
    DUE = "due"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Line:
    """One line of a section: its words and the icon beside them."""

    text: str
    mark: Mark = Mark.NONE


def _or_dash(value: str | None) -> str:
    return value.strip() if value and value.strip() else NOT_GIVEN


def status_summary(detail: MemberDetail) -> str:
    """ "Active", "Stepping back — check in Tue 3 Mar 2026", "Left Tue 3 Mar 2026 — moved away"."""
    if detail.status is MemberStatus.STEPPING_BACK:
        text = "Stepping back"
        if detail.check_in_on:
            text += f" — check in on {format_date(detail.check_in_on)}"
        return text
    if detail.status is MemberStatus.LEFT:
        text = f"Left {format_date(detail.left_on)}" if detail.left_on else "Left"
        if detail.left_reason:
            text += f" — {detail.left_reason}"
        return text
    return detail.status.label


def detail_rows(detail: MemberDetail) -> list[tuple[str, str]]:
    """The details section as (label, value) pairs."""
    address = ", ".join(p for p in (detail.address, detail.postcode) if p and p.strip())
    return [
        ("Full name", detail.full_name),
        ("Goes by", _or_dash(detail.preferred_name)),
        ("Pronouns", _or_dash(detail.pronouns)),
        ("Email", _or_dash(detail.email)),
        ("Phone", _or_dash(detail.phone)),
        ("Address", _or_dash(address)),
        (
            "Preferred contact",
            detail.preferred_contact.label if detail.preferred_contact else NOT_GIVEN,
        ),
        ("Joined", format_date(detail.date_joined)),
        ("Status", status_summary(detail)),
        ("Access needs", detail.access.describe() or "None recorded"),
    ]


def restricted_rows(restricted: Restricted) -> list[tuple[str, str]]:
    """The restricted section (coordinators only) as (label, value) pairs."""
    lived = {True: "Yes", False: "No", None: "Not recorded"}[restricted.lived_experience]
    return [
        ("Lived experience", lived),
        ("Emergency contact", _or_dash(restricted.emergency_contact)),
        ("Notes", _or_dash(restricted.notes)),
    ]


def role_lines(roles: tuple[RoleHeld, ...], today: date) -> list[Line]:
    """Current roles first (since when), then past roles with their dates."""
    current = [r for r in roles if r.end_on is None or r.end_on >= today]
    past = [r for r in roles if r not in current]
    lines = [
        Line(f"{r.name} — since {format_date(r.start_on)}", Mark.OK)
        for r in sorted(current, key=lambda r: r.start_on)
    ]
    lines += [
        Line(f"{r.name} — {format_date(r.start_on)} to {format_date(r.end_on)} (ended)")
        for r in sorted(past, key=lambda r: r.start_on, reverse=True)
        if r.end_on is not None
    ]
    return lines or [Line("No roles recorded yet.")]


def training_words(info: TrainingInfo) -> Line:
    """ "Expired Tue 3 Mar 2026", "Due for renewal — expires …", "Current — expires …"."""
    done = f"completed {format_date(info.completed_on)}"
    if info.state is TrainingState.EXPIRED and info.expires_on:
        return Line(f"{info.name}: Expired {format_date(info.expires_on)} ({done})", Mark.PROBLEM)
    if info.state is TrainingState.DUE and info.expires_on:
        return Line(
            f"{info.name}: Due for renewal — expires {format_date(info.expires_on)} ({done})",
            Mark.DUE,
        )
    if info.state is TrainingState.CURRENT and info.expires_on:
        return Line(
            f"{info.name}: Current — expires {format_date(info.expires_on)} ({done})", Mark.OK
        )
    return Line(f"{info.name}: Does not expire ({done})", Mark.OK)


def training_lines(training: tuple[TrainingInfo, ...]) -> list[Line]:
    """The latest record of each training with its state, then earlier (renewed) records."""
    latest: dict[int, TrainingInfo] = {}
    for info in sorted(training, key=lambda t: (t.completed_on, t.id)):
        latest[info.training_type_id] = info
    lines = [training_words(t) for t in sorted(latest.values(), key=lambda t: t.name)]
    earlier = [t for t in training if latest[t.training_type_id] is not t]
    lines += [
        Line(f"{t.name}: earlier, completed {format_date(t.completed_on)} (since renewed)")
        for t in sorted(earlier, key=lambda t: t.completed_on, reverse=True)
    ]
    return lines or [Line("No training recorded yet.")]


def erased_words(day: date) -> str:
    """What an erased person's page says in place of the hints that offer an action."""
    return f"Erased on {format_date(day)}: nothing about them can be changed or added."


def consent_lines(
    consents: tuple[ConsentInfo, ...], today: date, erased_on: date | None = None
) -> list[Line]:
    """What was agreed, how and when, the review date ("Review due" in words), earlier ones.
    For an erased person (``erased_on``) no review is asked for: the record is closed."""
    if erased_on is not None:
        return [
            Line(erased_words(erased_on)),
            *(
                Line(f"Given {format_date(c.given_on)} ({c.how.label.lower()}) — {c.describe()}")
                for c in reversed(consents)
            ),
        ]
    if not consents:
        return [Line("No consent recorded yet — use Record consent… to add it.", Mark.DUE)]
    current = consents[-1]
    lines = [
        Line(f"Agreed to: {current.describe()}"),
        Line(f"Given {format_date(current.given_on)} ({current.how.label.lower()})"),
    ]
    review = current.review_on
    if review is None:
        lines.append(Line("No review date set."))
    elif review < today:
        lines.append(Line(f"Review due — was due {format_date(review)}", Mark.PROBLEM))
    elif review <= today + timedelta(days=CONSENT_DUE_DAYS):
        lines.append(Line(f"Review due — by {format_date(review)}", Mark.DUE))
    else:
        lines.append(Line(f"Next review {format_date(review)}", Mark.OK))
    lines += [
        Line(f"Earlier: given {format_date(c.given_on)} ({c.how.label.lower()}) — {c.describe()}")
        for c in reversed(consents[:-1])
    ]
    return lines


def history_lines(history: tuple[StatusInfo, ...]) -> list[Line]:
    """Status changes, newest first: "Tue 3 Mar 2026 — Stepping back: a break (recorded by Sam)"."""
    lines = []
    for step in reversed(history):
        text = f"{format_date(step.effective_on)} — {step.status.label}"
        if step.reason:
            text += f": {step.reason}"
        if step.check_in_on:
            text += f", check in on {format_date(step.check_in_on)}"
        lines.append(Line(f"{text} (recorded by {step.recorded_by})"))
    return lines


def involvement_lines(items: list[InvolvementItem], *, part: bool = False) -> list[Line]:
    """What they took part in, newest first, or the empty-state line; ``part``: the account
    sees only part (the same closing line whether or not anything was left out)."""
    lines = [Line(f"{format_date(i.on)} — {i.area}: {i.description}") for i in items]
    if not lines:
        lines = [Line(NO_INVOLVEMENT)]
    return [*lines, Line(PART_OF_INVOLVEMENT)] if part else lines


def payment_lines(
    preference: PreferenceInfo, year: PaymentStatement, erased_on: date | None = None
) -> list[Line]:
    """How they want to be paid, benefits advice, and this year's totals paid and still to pay
    (coordinators only: the page shows this section with VIEW_PAYMENTS). An erased person's
    (``erased_on``) preference is not asked for any more."""
    if erased_on is not None and preference.method is None:
        lines = [Line(erased_words(erased_on))]
    elif preference.method is None:
        lines = [
            Line(
                "Payment preference: not asked yet — use Set payment preference… to record how "
                "they want to be paid (or that they decline).",
                Mark.DUE,
            )
        ]
    else:
        lines = [Line(f"Paid by: {preference.method.label}", Mark.OK)]
    if preference.benefits_advice_offered_on:
        lines.append(
            Line(f"Benefits advice offered {format_date(preference.benefits_advice_offered_on)}")
        )
    else:
        lines.append(Line("Benefits advice: not recorded as offered."))
    if preference.note:
        lines.append(Line(f"Note: {preference.note}"))
    lines.append(
        Line(
            f"{year.start.year} so far: {format_pence(year.paid_pence)} paid, "
            f"{format_pence(year.outstanding_pence)} not paid yet "
            f"(time {format_pence(year.time_pence)}, expenses {format_pence(year.expenses_pence)})"
        )
    )
    if year.not_payable_lines:
        count = len(year.not_payable_lines)
        lines.append(
            Line(
                f"Involvement recorded without payment this year: {count} "
                f"{'time' if count == 1 else 'times'}."
            )
        )
    return lines


def _value(field: str, value: Any) -> str:
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if field == "status" and value in {s.value for s in MemberStatus}:
        return MemberStatus(value).label
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return format_date(date.fromisoformat(value))
    text = str(value)
    return text if len(text) <= 160 else text[:157] + "…"


def describe_changes(action: str, changes: dict | None) -> str:
    """An audit row's changes in words: "Email: a@x.org → b@x.org; Phone: (blank) → 0161…"."""
    if action == "create":
        return "Added to the records"
    if not changes:
        return action.capitalize()
    parts = []
    for field, value in changes.items():
        label = FIELD_LABELS.get(field, field.replace("_", " ").capitalize())
        if isinstance(value, list) and len(value) == 2:
            parts.append(f"{label}: {_value(field, value[0])} → {_value(field, value[1])}")
        else:
            parts.append(f"{label}: {_value(field, value)}")
    return "; ".join(parts)


def audit_lines(entries: list[AuditInfo]) -> list[Line]:
    """Who changed what and when, newest first."""
    if not entries:
        return [Line("No changes recorded.")]
    return [
        Line(
            f"{format_timestamp(e.at)} · {e.account_name} · {describe_changes(e.action, e.changes)}"
        )
        for e in entries
    ]
