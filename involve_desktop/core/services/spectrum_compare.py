"""Leadership spectrum self-assessments compared over time: statements down, dates across."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.spectrum import (
    SEE,
    assessment_info,
    assessments_between,
    load_assessment,
)
from involve_desktop.core.services.spectrum_dto import (
    AssessmentInfo,
    Comparison,
    ComparisonColumn,
    ComparisonRow,
)
from involve_desktop.core.services.spectrum_statements import STATEMENTS
from involve_desktop.core.services.transaction import require

MAX_COLUMNS = 8


def comparison_of(infos: Sequence[AssessmentInfo]) -> Comparison:
    """Build the table from assessments already read (oldest first)."""
    columns = tuple(ComparisonColumn(i.id, i.day, i.status, i.stage) for i in infos)
    rows = []
    for statement in STATEMENTS:
        answers = []
        for info in infos:
            found = info.answer_for(statement.key)
            answers.append(found.answer if found else None)
        rows.append(ComparisonRow(statement.key, statement.stage, statement.text, tuple(answers)))
    return Comparison(columns, tuple(rows))


def compare_assessments(
    session: Session,
    actor: Actor,
    assessment_ids: Sequence[int] | None = None,
    *,
    include_drafts: bool = False,
) -> Comparison:
    """Compare self-assessments, oldest first: the ones given, or every finished one (and
    drafts too when ``include_drafts``), at most the latest ``MAX_COLUMNS``."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, SEE)
    if assessment_ids is not None:
        if len(set(assessment_ids)) > MAX_COLUMNS:
            raise ValidationError(
                "assessments", f"Compare up to {MAX_COLUMNS} self-assessments at a time."
            )
        infos = [assessment_info(session, load_assessment(session, i)) for i in set(assessment_ids)]
        infos.sort(key=lambda i: (i.day, i.id))
    else:
        infos = assessments_between(session, finished_only=not include_drafts)[-MAX_COLUMNS:]
    return comparison_of(infos)
