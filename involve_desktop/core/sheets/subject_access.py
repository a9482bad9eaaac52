"""The readable half of a subject access export: everything held about one person, by section.

Each section is one kind of record (details, involvement, consent, rota shifts, payments…);
each record is one paragraph of "Label: value" pairs, so a long history stays compact and a
section with many fields still fits the page. Dates, money and yes/no are written in words.
The full name is printed: the sheet is for the person themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from involve_desktop.core.formatting import format_date, format_pence, format_timestamp
from involve_desktop.core.sheets.fonts import FONT_BOLD, clean_text
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.styles import paragraph, sheet_styles

TITLE = "Everything we hold about you"
# Section titles for the tables known today; a table added later gets a title from its name.
TABLE_TITLES = {
    "member_status_change": "Status history",
    "member_role": "Roles",
    "training_record": "Training",
    "consent": "Consent",
    "rota_assignment": "Rota shifts",
    "rota_availability": "Rota availability",
    "rota_unavailable": "Days not available for the rota",
    "rota_limits": "Rota limits",
    "rota_call_down": "Asked to cover shifts",
    "meeting_attendance": "Meeting attendance",
    "meeting_facilitator": "Meetings facilitated",
    "meeting_group_member": "Groups",
    "meeting_group_facilitator": "Groups facilitated",
    "panel_seat": "Recruitment panels",
    "payment_preference": "Payment preference",
    "pay_line": "Payments for time",
    "expense_claim": "Expenses",
    "enrolment": "Leadership programme places",
    "cohort_facilitator": "Cohorts facilitated",
    "alumni_action_member": "Alumni actions",
    "involvement_activity_member": "Involvement activities you came to",
    "spectrum_member": "Involvement self-assessments you took part in",
}
# Derived search columns: held only to find people quickly, and shown in the JSON.
HIDDEN_MEMBER_FIELDS = frozenset({"sort_name", "name_key", "search_text"})
# Fields that hold a stored code ("bank_transfer", "rota_assignment"), written as words.
CODE_FIELDS = frozenset({"status", "method", "kind", "role", "outcome", "answer", "state"})
_CODE = re.compile(r"[a-z]+(?:_[a-z]+)*")
# The app's own bookkeeping, in the JSON but meaningless on paper.
INTERNAL_FIELDS = frozenset({"id", "source_id", "batch_id", "version"})


@dataclass(frozen=True)
class AccessSection:
    """One section: a title and its records, each a tuple of (label, value) pairs."""

    title: str
    records: tuple[tuple[tuple[str, str], ...], ...]
    note: str | None = None


@dataclass(frozen=True)
class SubjectAccessSheet:
    """What to print for one person."""

    name: str
    group_name: str | None
    sections: tuple[AccessSection, ...]


def label(field: str) -> str:
    """ "benefits_advice_offered_on" → "Benefits advice offered on"; "group_id" → "Group"."""
    words = field.removesuffix("_pence").removesuffix("_id").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def is_code_field(field: str) -> bool:
    """Whether ``field`` holds a stored code rather than words someone typed."""
    return field in CODE_FIELDS or field.endswith(tuple(f"_{c}" for c in CODE_FIELDS))


def code_words(value: str) -> str:
    """A stored code in words: "bank_transfer" → "Bank transfer"; other text unchanged."""
    if not _CODE.fullmatch(value):
        return value
    words = value.replace("_", " ")
    return words[:1].upper() + words[1:]


def readable(field: str, value: Any) -> str:
    """A stored value in words: dates in full, pence as pounds, booleans as Yes/No."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int) and field.endswith("_pence"):
        return format_pence(value)
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, str) and "T" in value and value[4:5] == "-":
        try:
            return format_timestamp(datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, (dict, list)):
        return _changes_text(value)
    return str(value)


def _changes_text(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_changes_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return " → ".join("—" if v is None else _changes_text(v) for v in value)
    return str(value)


def _value(field: str, value: Any, names: dict[str, dict[str, str]]) -> str:
    if field in names and isinstance(value, int) and not isinstance(value, bool):
        return names[field].get(str(value), f"number {value} (since removed)")
    if isinstance(value, str) and (is_code_field(field) or "_" in value):
        return code_words(value)
    return readable(field, value)


def _record(
    row: dict[str, Any],
    hidden: frozenset[str] = frozenset(),
    names: dict[str, dict[str, str]] | None = None,
) -> tuple[tuple[str, str], ...]:
    return tuple(
        (label(k), _value(k, v, names or {}))
        for k, v in row.items()
        if v is not None and k not in hidden and k not in INTERNAL_FIELDS
    )


def _audit_what(entry: dict[str, Any]) -> str:
    words = entry.get("in_words", {}).get("what")
    return words or f"{entry['action']} {code_words(entry['entity']).lower()}"


def _audit_changes(entry: dict[str, Any]) -> str:
    words = entry.get("in_words", {}).get("changes")
    return words or _changes_text(entry["changes"] or {})


def sheet_from(data: dict[str, Any], name: str) -> SubjectAccessSheet:
    """The sheet for the dictionary ``gdpr_access.gather`` made."""
    sections = [
        AccessSection("Your details", (_record(data["member"], HIDDEN_MEMBER_FIELDS),)),
        AccessSection(
            "Involvement",
            tuple(
                (("On", readable("on", i["on"])), ("Area", i["area"]), ("What", i["description"]))
                for i in data["involvement"]
            ),
        ),
    ]
    names = data.get("names", {})
    for table, rows in data["related_tables"].items():
        title = TABLE_TITLES.get(table, label(table))
        sections.append(
            AccessSection(title, tuple(_record(r, frozenset({"member_id"}), names) for r in rows))
        )
    sections.append(
        AccessSection(
            "Changes recorded about you",
            tuple(
                (
                    ("When", readable("at", e["at"])),
                    ("By", e["account_name"]),
                    ("What", _audit_what(e)),
                    ("Changes", _audit_changes(e)),
                )
                for e in data["audit_entries"]
            ),
        )
    )
    mentions = tuple(
        (("Where", f"{label(m['table'])}, {label(m['column']).lower()}"), ("Text", m["text"]))
        for m in data["mentioned_in"]
    )
    if mentions:
        sections.append(AccessSection("Other places your name appears", mentions))
    return SubjectAccessSheet(name, data["about"]["group"], tuple(sections))


def subject_access_story(sheet: SubjectAccessSheet, options: SheetOptions) -> list[Flowable]:
    """An introduction, then each section with its records (or "Nothing recorded")."""
    styles = sheet_styles(options.large_print)
    intro = (
        f"This is everything {sheet.group_name or 'the group'} holds about {sheet.name} "
        "in Involve Desktop, as asked for under UK data protection law (a subject access "
        "request). The same information is in the JSON file beside this one."
    )
    story: list[Flowable] = [paragraph(intro, styles.body), Spacer(1, 2 * mm)]
    for section in sheet.sections:
        story.append(Paragraph(escape(clean_text(section.title)), styles.heading))
        if section.note:
            story.append(paragraph(section.note, styles.body))
        if not section.records:
            story.append(paragraph("Nothing recorded.", styles.body))
            continue
        for record in section.records:
            parts = [
                f'<font name="{FONT_BOLD}">{escape(clean_text(k))}</font>: {escape(clean_text(v))}'
                for k, v in record
            ]
            story.append(Paragraph(" · ".join(parts), styles.body))
            story.append(Spacer(1, 1.5 * mm))
    return story


def render_subject_access(
    sheet: SubjectAccessSheet,
    options: SheetOptions | None = None,
    *,
    printed_on: date | None = None,
) -> bytes:
    """Render the subject access sheet to PDF bytes."""
    options = options or SheetOptions()
    header = SheetHeader(title=TITLE, group_name=sheet.group_name, subtitle=sheet.name)
    return build_pdf(
        subject_access_story(sheet, options),
        header=header,
        options=options,
        has_names=True,
        printed_on=printed_on,
    )
