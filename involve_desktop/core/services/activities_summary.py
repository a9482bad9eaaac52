"""Figures about 4PI involvement activities over a period, for the annual report.

Counts by kind, people present (members and others), the share with lived experience, the
groups named missing most often, how many activities have impact recorded and feedback
given back, you said, we did counts by status, and a few impact texts. It never includes
member names: only counts and the impact texts coordinators wrote.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import activities, you_said
from involve_desktop.core.services.activities_dto import (
    ActivityFilter,
    ActivityKind,
    ImpactStatus,
    YouSaidStatus,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.transaction import require

TOP_MISSING = 5
IMPACT_EXAMPLES = 3


@dataclass(frozen=True)
class ActivitiesSummary:
    """4PI activity figures for ``start``–``end`` (``lived_share`` a whole per cent or None
    when nobody was recorded present)."""

    start: date
    end: date
    activities: int
    by_kind: tuple[tuple[ActivityKind, int], ...]
    members_present: int
    others_present: int
    lived_experience_present: int
    lived_share: int | None
    missing_groups: tuple[tuple[str, int], ...]
    impact_recorded: int
    changed: int
    feedback_given: int
    you_said_by_status: tuple[tuple[YouSaidStatus, int], ...]
    impact_examples: tuple[str, ...]

    @property
    def people_present(self) -> int:
        """Members and other people present, added over all activities."""
        return self.members_present + self.others_present


def activities_summary(session: Session, actor: Actor, start: date, end: date) -> ActivitiesSummary:
    """The 4PI activity figures for activities and log entries from ``start`` to ``end``."""
    require(session, actor, Permission.VIEW_INVOLVEMENT, activities.SEE)
    rows = activities.list_activities(session, actor, ActivityFilter(start=start, end=end))
    kinds = Counter(r.kind for r in rows)
    members = sum(len(r.members) for r in rows)
    others = sum(r.staff_count + r.carers_count + r.others_count for r in rows)
    lived = sum(r.lived_experience_present for r in rows)
    missing: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for row in reversed(rows):  # oldest first: the first spelling used is kept
        for group in row.missing_groups:
            key = group.casefold()
            spelling.setdefault(key, group)
            missing[key] += 1
    top = sorted(missing.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_MISSING]
    recorded = [r for r in rows if "Impact not recorded yet" not in r.gaps]
    statuses = Counter(
        e.status for e in you_said.list_entries(session, actor, start=start, end=end)
    )
    examples = [
        r.impact_services or r.impact_people or ""
        for r in sorted(rows, key=lambda r: (r.day, r.id))
        if r.impact_status is ImpactStatus.CHANGED
    ]
    return ActivitiesSummary(
        start=start,
        end=end,
        activities=len(rows),
        by_kind=tuple((k, kinds[k]) for k in ActivityKind if kinds[k]),
        members_present=members,
        others_present=others,
        lived_experience_present=lived,
        lived_share=round(100 * lived / (members + others)) if members + others else None,
        missing_groups=tuple((spelling[k], n) for k, n in top),
        impact_recorded=len(recorded),
        changed=sum(1 for r in rows if r.impact_status is ImpactStatus.CHANGED),
        feedback_given=sum(1 for r in rows if r.feedback_on is not None),
        you_said_by_status=tuple((s, statuses[s]) for s in YouSaidStatus),
        impact_examples=tuple(e for e in examples if e)[-IMPACT_EXAMPLES:],
    )
