"""The leadership spectrum part of the annual report: no names, only stages and counts."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.spectrum import SEE, assessments_between
from involve_desktop.core.services.spectrum_dto import SpectrumPeriodSummary, SpectrumSummaryLine
from involve_desktop.core.services.spectrum_statements import Stage, statements_of
from involve_desktop.core.services.transaction import require


def spectrum_summary(
    session: Session, actor: Actor, start: date, end: date
) -> SpectrumPeriodSummary:
    """The self-assessments finished in ``start``–``end`` (both included), oldest first:
    stage reached, statements ticked Yes per stage (of how many), and how many members
    (and of them with lived experience) and other people took part. No names."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, SEE)
    if start > end:
        raise ValidationError("start", "The period starts after it ends — swap the dates.")
    lines = []
    for info in assessments_between(session, start, end, finished_only=True):
        members = sum(1 for p in info.participants if p.is_member)
        lines.append(
            SpectrumSummaryLine(
                day=info.day,
                stage=info.stage,
                yes_counts=tuple(
                    (stage, info.result.yes_counts[stage], len(statements_of(stage)))
                    for stage in Stage
                ),
                members=members,
                members_with_lived_experience=info.members_with_lived_experience,
                others=len(info.participants) - members,
            )
        )
    return SpectrumPeriodSummary(start, end, tuple(lines))
