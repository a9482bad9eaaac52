"""The annual report's leadership spectrum page: the stage each self-assessment reached, over
the three years to the year's end, as a table and a chart of statements ticked "Yes" per
stage. Head counts only — no one who took part is named.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, TableStyle

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.spectrum_dto import SpectrumPeriodSummary
from involve_desktop.core.services.spectrum_statements import Stage
from involve_desktop.core.sheets.report_charts import Series, bar_chart
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table

SPECTRUM_TITLE = "The leadership spectrum over time"


def _how_often(count: int) -> str:
    """ "once", "twice", "3 times"."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def spectrum_story(
    summary: SpectrumPeriodSummary | None, styles: SheetStyles, width: float
) -> list[Flowable]:
    """The spectrum section (nothing when no self-assessment was finished)."""
    if summary is None or not summary.assessments:
        return []
    lines = summary.assessments
    stages = [stage for stage in Stage if stage is not Stage.BEGINNINGS]
    header = (
        ["Date", "Stage reached"]
        + [f"{stage.label}: ticked Yes" for stage in stages]
        + ["Who took part"]
    )
    small = styles.cell_bold.clone(
        "SmallBold", fontSize=styles.small_size, leading=styles.small_size * 1.2
    )
    rows = []
    for line in lines:
        counts = {stage: (yes, total) for stage, yes, total in line.yes_counts}
        who = f"{line.members} members ({line.members_with_lived_experience} with lived experience)"
        if line.others:
            who += f", {line.others} others"
        rows.append(
            [
                format_date(line.day),
                paragraph(line.stage.label, styles.cell),
                *[f"{counts[s][0]} of {counts[s][1]}" for s in stages],
                paragraph(who, styles.cell),
            ]
        )
    widths = [width * 0.21, width * 0.19] + [width * 0.17] * len(stages)
    widths.append(width - sum(widths))
    table = ruled_table([paragraph(h, small) for h in header], rows, widths, styles, fit_rows=True)
    table.setStyle(TableStyle([("ALIGN", (2, 1), (-2, -1), "RIGHT")]))
    latest = lines[-1]
    intro = (
        f"The group assessed itself against the leadership spectrum {_how_often(len(lines))} "
        f"between {summary.start:%B %Y} and {summary.end:%B %Y}. The latest, on "
        f"{format_date(latest.day)}, reached "
        f"“{latest.stage.label}”."
    )
    chart = bar_chart(
        width,
        70 * mm,
        title="Statements ticked Yes at each self-assessment, by stage",
        categories=[format_date(line.day) for line in lines],
        series=[
            Series(
                stage.label,
                tuple(next(y for s, y, _t in line.yes_counts if s is stage) for line in lines),
            )
            for stage in stages
        ],
        y_title="Statements ticked Yes",
        x_title="Self-assessment",
        size=styles.small_size,
    )
    return [
        CondPageBreak(110 * mm),
        Paragraph(SPECTRUM_TITLE, styles.heading),
        paragraph(intro, styles.body),
        Spacer(1, 2 * mm),
        table,
        Spacer(1, 4 * mm),
        CondPageBreak(72 * mm),
        chart,
    ]


__all__ = ["SPECTRUM_TITLE", "spectrum_story"]
