"""One leadership spectrum self-assessment on paper, with earlier ones for comparison.

What it prints: the date and who led it, the **stage reached** (with the rule) and **what is
still needed for the next stage**; who took part (members by the name they go by, in the
privacy mode chosen; other people — staff, trustees, taking part in their work role — by
name and role as typed, like facilitators on other sheets), so it is marked Confidential;
each stage's statements with the tick (symbol and word, never colour alone), comment and
evidence; the notes; then, when there are earlier finished self-assessments, a comparison
table (statements down, dates across).

Lived experience is never printed against a person: only how many of the members who took
part have it, as recorded, and only when that shows nobody's (``core.privacy``: otherwise the
sheet says the number is kept off); never a diagnosis.

- ``spectrum_sheet_pdf(session, actor, assessment_id, …)`` — the Leadership spectrum tab's
  Ctrl+P;
- ``load_spectrum_sheet`` — the Sheets screen and ``involve-desktop print spectrum
  --date 2026-05-01`` (without a date, the latest self-assessment).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.privacy import KEPT_OFF, printable_lived_experience
from involve_desktop.core.services import organisation, spectrum
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.spectrum_compare import MAX_COLUMNS, comparison_of
from involve_desktop.core.services.spectrum_dto import (
    AssessmentInfo,
    AssessmentStatus,
    Comparison,
)
from involve_desktop.core.services.spectrum_statements import (
    RULE_TEXT,
    STAGE_NOTES,
    Answer,
    Stage,
    statements_of,
)
from involve_desktop.core.services.transaction import require
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import format_name
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions, check_text
from involve_desktop.core.sheets.params import SheetParams
from involve_desktop.core.sheets.rota_data import parse_day
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Leadership spectrum self-assessment"
NOT_ANSWERED = "—"
LEGEND = "Ticks: ✓ Yes, ½ Partly, ✗ No, — not answered (counts as No)."


@dataclass(frozen=True)
class SpectrumSheet:
    """One assessment and the earlier finished ones to compare it with (oldest first)."""

    assessment: AssessmentInfo
    earlier: tuple[AssessmentInfo, ...] = ()
    group_name: str | None = None
    title: str | None = None


def answer_words(answer: Answer | None) -> str:
    """ "✓ Yes", "½ Partly", "✗ No" or "—" (not answered)."""
    return f"{answer.symbol} {answer.label}" if answer else NOT_ANSWERED


def _lived_line(named: int, named_with: int) -> str:
    """How many of the named members have lived experience, when that shows nobody's."""
    lived = printable_lived_experience(named, named_with)
    if lived is None:
        return f"How many of them have lived experience is {KEPT_OFF}."
    return f"Members with lived experience among them (as recorded): {lived}."


def _people(info: AssessmentInfo, options: SheetOptions) -> list[str]:
    members = [format_name(p.name, options.privacy) for p in info.participants if p.is_member]
    others = [
        p.name + (f" ({p.role})" if p.role else "") for p in info.participants if not p.is_member
    ]
    lines = [
        f"Members ({len(members)}): {'; '.join(members) or 'none recorded'}",
        f"Other people ({len(others)}): {'; '.join(others) or 'none'}",
        _lived_line(len(members), info.members_with_lived_experience),
    ]
    return lines


def _stage_table(info: AssessmentInfo, stage: Stage, styles: SheetStyles, width: float) -> Flowable:
    rows = []
    for statement in statements_of(stage):
        found = info.answer_for(statement.key)
        rows.append(
            [
                paragraph(statement.text, styles.cell),
                paragraph(answer_words(found.answer if found else None), styles.cell),
                paragraph(found.comment if found else "", styles.cell),
                paragraph(found.evidence if found else "", styles.cell),
            ]
        )
    widths = [width * 0.36, width * 0.14, width * 0.25, width * 0.25]
    header = [paragraph(h, styles.cell_bold) for h in ("Statement", "Tick", "Comment", "Evidence")]
    return ruled_table(header, rows, widths, styles, fit_rows=True)


def _comparison_table(table: Comparison, styles: SheetStyles, width: float) -> Flowable:
    first = width * 0.4
    other = (width - first) / max(1, len(table.columns))
    header = [paragraph("Statement", styles.cell_bold)] + [
        paragraph(
            f"{format_date(c.day)}"
            + (" (draft)" if c.status is AssessmentStatus.DRAFT else "")
            + f" · {c.stage.label}",
            styles.cell_bold,
        )
        for c in table.columns
    ]
    rows = [
        [paragraph(f"{row.stage.label}: {row.text}", styles.cell)]
        + [paragraph(answer_words(a), styles.cell) for a in row.answers]
        for row in table.rows
    ]
    return ruled_table(header, rows, [first] + [other] * len(table.columns), styles, fit_rows=True)


def spectrum_story(sheet: SpectrumSheet, options: SheetOptions) -> list[Flowable]:
    """The sheet's content (see the module docstring)."""
    styles = sheet_styles(options.large_print)
    width = page_geometry(options, SheetHeader(DEFAULT_TITLE)).content_width - 2 * mm
    info = sheet.assessment
    result = info.result
    draft = " — DRAFT, not finished yet" if info.status is AssessmentStatus.DRAFT else ""
    story: list[Flowable] = [
        paragraph(f"Self-assessment of {format_date(info.day)}{draft}", styles.heading),
        paragraph(f"Led by: {info.led_by or 'not recorded'}", styles.body),
        paragraph(f"Stage reached: {result.stage.label}", styles.body_bold),
        paragraph(f"How the stage is worked out: {RULE_TEXT}", styles.body),
        paragraph(LEGEND, styles.body),
    ]
    if result.next_stage is None:
        story.append(paragraph("This is the top of the spectrum.", styles.body))
    else:
        story.append(paragraph(f"Still needed for {result.next_stage.label}:", styles.body_bold))
        story += [
            paragraph(
                "• " + s.text + (" (partly there)" if s.key in result.partly else ""),
                styles.body,
            )
            for s in result.missing
        ]
    story.append(Paragraph("Who took part", styles.heading))
    story += [paragraph(line, styles.body) for line in _people(info, options)]
    for stage in Stage:
        heading = Paragraph(stage.label, styles.heading)
        note = paragraph(STAGE_NOTES[stage], styles.body)
        story.append(KeepTogether([heading, note, _stage_table(info, stage, styles, width)]))
    if info.notes:
        story.append(Paragraph("Notes", styles.heading))
        story += [paragraph(line, styles.body) for line in info.notes.splitlines() if line]
    if sheet.earlier:
        story.append(Paragraph("Compared with earlier self-assessments", styles.heading))
        story.append(_comparison_table(comparison_of([*sheet.earlier, info]), styles, width))
    return story


def render_spectrum(
    sheet: SpectrumSheet, options: SheetOptions | None = None, *, printed_on: date | None = None
) -> bytes:
    """Render the self-assessment to PDF bytes."""
    options = options or SheetOptions()
    title = check_text("title", "Title", sheet.title) or DEFAULT_TITLE
    header = SheetHeader(title, check_text("group_name", "Group name", sheet.group_name) or None)
    return build_pdf(
        spectrum_story(sheet, options),
        header=header,
        options=options,
        has_names=True,
        printed_on=printed_on,
    )


def _sheet_for(
    session: Session, info: AssessmentInfo, group_name: str | None, title: str | None
) -> SpectrumSheet:
    earlier = [
        i
        for i in spectrum.assessments_between(session, end=info.day, finished_only=True)
        if i.id != info.id and (i.day, i.id) < (info.day, info.id)
    ]
    return SpectrumSheet(
        info,
        tuple(earlier[-(MAX_COLUMNS - 1) :]),
        group_name or organisation.group_name(session),
        title,
    )


def spectrum_sheet_pdf(
    session: Session,
    actor: Actor,
    assessment_id: int,
    options: SheetOptions | None = None,
    *,
    today: date | None = None,
) -> bytes:
    """One self-assessment (with earlier finished ones compared) as PDF bytes."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    info = spectrum.get_assessment(session, actor, assessment_id)
    return render_spectrum(_sheet_for(session, info, None, None), options, printed_on=today)


def load_spectrum_sheet(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> SpectrumSheet:
    """The self-assessment dated ``params.date_text`` (without a date: the latest one)."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    rows = spectrum.list_assessments(session, actor)  # newest first
    if params.date_text:
        day = parse_day("date", "The date", params.date_text, today)
        rows = [r for r in rows if r.day == day]
        if not rows:
            raise SheetInputError("date", f"There is no self-assessment dated {format_date(day)}.")
    if not rows:
        raise SheetInputError(
            "date", "There are no self-assessments yet: record one in Involvement first."
        )
    info = spectrum.get_assessment(session, actor, rows[0].id)
    return _sheet_for(session, info, params.group_name, params.title)
