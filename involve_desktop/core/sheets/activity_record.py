"""One involvement activity as a 4PI record: Purpose, Presence, Process and Impact.

Each activity starts on its own page: what it was (kind, date, who asked for it), then the
four sections in the words coordinators typed, and the 4PI check ("Impact not recorded
yet"…). Members present print by the name they go by, in the privacy mode chosen, so the
sheet is marked Confidential. The agreed principles, when saved, open the first page.

- ``activity_record_pdf(session, actor, activity_id, …)`` — the Activities tab's Ctrl+P;
- ``load_activity_records`` — the Sheets screen and ``involve-desktop print
  activity-record --month 2026-05``: every activity in that month (default: the latest).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, PageBreak, Paragraph
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.privacy import KEPT_OFF, printable_lived_experience
from involve_desktop.core.services import activities, activities_principles, organisation
from involve_desktop.core.services.activities_dto import (
    ActivityFilter,
    ActivityInfo,
    ImpactStatus,
    PaymentOffered,
    Principles,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf
from involve_desktop.core.sheets.names import format_name
from involve_desktop.core.sheets.options import SheetOptions, check_text
from involve_desktop.core.sheets.params import SheetParams
from involve_desktop.core.sheets.rota_data import parse_month
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, sheet_styles

DEFAULT_TITLE = "Involvement activity record (4PI)"
NOT_RECORDED = "Not recorded yet."


@dataclass(frozen=True)
class ActivityRecordSheet:
    """What the record prints: one or more activities, the principles, the heading."""

    records: tuple[ActivityInfo, ...]
    principles: Principles = Principles()
    group_name: str | None = None
    title: str | None = None


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def presence_words(info: ActivityInfo) -> str:
    """ "7 people present: 4 members, 2 staff, 1 carer or family member; 5 with lived
    experience." — the number only when it cannot show a named member's lived experience
    (``core.privacy``); otherwise it says the number is kept off."""
    parts = [
        _plural(len(info.members), "member", "members"),
        _plural(info.staff_count, "staff member", "staff"),
        _plural(info.carers_count, "carer or family member", "carers and family members"),
        _plural(info.others_count, "other person", "other people"),
    ]
    lived = printable_lived_experience(
        len(info.members), info.members_lived_experience, info.others_lived_experience
    )
    said = (
        f"{lived} with lived experience"
        if lived is not None
        else f"how many have lived experience is {KEPT_OFF}"
    )
    present = _plural(info.people_present, "person", "people")
    return f"{present} present: {', '.join(parts)}; {said}."


def _field(label: str, text: str | None, styles: SheetStyles) -> list[Flowable]:
    lines = [line for line in (text or "").splitlines() if line.strip()] or [NOT_RECORDED]
    out: list[Flowable] = [paragraph(f"{label}:", styles.body_bold)]
    out += [paragraph(line, styles.body) for line in lines]
    return out


def _payment(info: ActivityInfo) -> str:
    if info.payment is PaymentOffered.NOT_APPLICABLE and not info.payment_note:
        return "Not applicable."
    return " — ".join(p for p in (info.payment.label, info.payment_note) if p)


def record_story(info: ActivityInfo, styles: SheetStyles, options: SheetOptions) -> list[Flowable]:
    """One activity's record: details, the four sections, the 4PI check."""
    story: list[Flowable] = [
        paragraph(info.title, styles.heading),
        paragraph(
            f"{info.kind.label} · {format_date(info.day)}"
            + (f" · asked for by {info.asked_by}" if info.asked_by else ""),
            styles.body,
        ),
        Paragraph("Purpose", styles.heading),
        *_field("Why it happened", info.purpose, styles),
        Paragraph("Presence", styles.heading),
        paragraph(presence_words(info), styles.body),
    ]
    if info.members:
        names = ", ".join(format_name(p.name, options.privacy) for p in info.members)
        story.append(paragraph(f"Members present: {names}", styles.body))
    missing = ", ".join(info.missing_groups) if info.missing_groups else "None noted."
    story.append(paragraph(f"Groups that were missing: {missing}", styles.body))
    feedback = (
        f"{format_date(info.feedback_on)} — {info.feedback_how or ''}".rstrip(" —")
        if info.feedback_on
        else "Not given back yet."
    )
    story += [
        Paragraph("Process", styles.heading),
        *_field("Roles", info.roles, styles),
        *_field("Preparation", info.preparation, styles),
        *_field("Accessibility", info.accessibility, styles),
        *_field("Support offered", info.support, styles),
        paragraph(f"Payment offered: {_payment(info)}", styles.body),
        paragraph(f"Feedback given back: {feedback}", styles.body),
        Paragraph("Impact", styles.heading),
        paragraph(f"Status: {info.impact_status.label}", styles.body),
        *_field("What changed for services", info.impact_services, styles),
        *_field("What changed for the people involved", info.impact_people, styles),
    ]
    if info.impact_status is ImpactStatus.NO_CHANGE:
        story += _field("Why nothing changed", info.impact_reason, styles)
    check = "Complete." if not info.gaps else "; ".join(info.gaps) + "."
    story.append(paragraph(f"4PI check: {check}", styles.body_bold))
    return story


def activity_record_story(sheet: ActivityRecordSheet, options: SheetOptions) -> list[Flowable]:
    """The principles (if saved), then each activity on its own page."""
    styles = sheet_styles(options.large_print)
    story: list[Flowable] = []
    if sheet.principles.text:
        agreed = (
            f" (agreed {format_date(sheet.principles.agreed_on)})"
            if sheet.principles.agreed_on
            else ""
        )
        story.append(Paragraph(f"Our principles{agreed}", styles.heading))
        story += [paragraph(line, styles.body) for line in sheet.principles.text.splitlines()]
    if not sheet.records:
        story.append(paragraph("No involvement activities recorded in this period.", styles.body))
    for n, info in enumerate(sheet.records):
        if n:
            story.append(PageBreak())
        story += record_story(info, styles, options)
    return story


def render_activity_record(
    sheet: ActivityRecordSheet,
    options: SheetOptions | None = None,
    *,
    printed_on: date | None = None,
) -> bytes:
    """Render the record(s) to PDF bytes."""
    options = options or SheetOptions()
    title = check_text("title", "Title", sheet.title) or DEFAULT_TITLE
    header = SheetHeader(title, check_text("group_name", "Group name", sheet.group_name) or None)
    return build_pdf(
        activity_record_story(sheet, options),
        header=header,
        options=options,
        has_names=True,
        printed_on=printed_on,
    )


def activity_record_pdf(
    session: Session,
    actor: Actor,
    activity_id: int,
    options: SheetOptions | None = None,
    *,
    today: date | None = None,
) -> bytes:
    """One activity's 4PI record as PDF bytes (the Activities tab's Print)."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    info = activities.get_activity(session, actor, activity_id)
    sheet = ActivityRecordSheet(
        (info,),
        activities_principles.get_principles(session, actor),
        organisation.group_name(session),
    )
    return render_activity_record(sheet, options, printed_on=today)


def load_activity_records(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> ActivityRecordSheet:
    """Every activity in ``params.month`` (oldest first); without a month, the latest one."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    if params.month:
        first = parse_month(params.month, today)
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        chosen = ActivityFilter(start=first, end=date.fromordinal(nxt.toordinal() - 1))
        records = tuple(reversed(activities.list_activities(session, actor, chosen)))
    else:
        records = tuple(activities.list_activities(session, actor)[:1])
    return ActivityRecordSheet(
        records,
        activities_principles.get_principles(session, actor),
        params.group_name or organisation.group_name(session),
        params.title,
    )
