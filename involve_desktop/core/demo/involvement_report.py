"""Demo: the coordinator's words for the current year's annual involvement report (issue 9).

So the printed demo report reads as a finished one would: the three sections (the year in
brief, what changed because of members, next year) for the reporting year that contains
``ctx.today``, saved through the report service (audited). Counts and changes only — no
names, as the report itself prints none.
"""

from __future__ import annotations

from involve_desktop.core.demo.context import DemoContext
from involve_desktop.core.services import involvement_report
from involve_desktop.core.services.involvement_report import ReportNarrative, year_containing

YEAR_IN_BRIEF = (
    "This was the year our members moved from being asked to leading. The peer support "
    "rota grew to two new wards, the recruitment panels kept a member with lived "
    "experience on every interview, and a new cohort of the leadership programme started "
    "in the spring.\n\n"
    "We also looked hard at who takes part. The figures in this report show that a few "
    "people still carry much of the panel work, and that we hear too little from young "
    "people and from men."
)
WHAT_CHANGED = (
    "The discharge leaflet was rewritten by members and is now given out on every ward. "
    "The Trust changed its visiting hours after our consultation, and members now "
    "co-deliver the induction for new staff.\n\n"
    "Members told us that being paid on time matters: payments now go out within two "
    "weeks of a panel or a shift."
)
NEXT_YEAR = (
    "Train six more members for recruitment panels, so the same few people are not asked "
    "every time. Run two co-production workshops in the evening for people who work or "
    "care during the day, and ask the youth forum to help us plan one of them. Take the "
    "leadership spectrum self-assessment again in the spring, aiming for more of the "
    "Service user led statements."
)


def seed_involvement_report(ctx: DemoContext) -> None:
    """Write the demo narrative for the reporting year (April to March) containing today."""
    year = year_containing(ctx.today)
    involvement_report.save_narrative(
        ctx.session,
        ctx.coordinator,
        ReportNarrative(
            starts_on=year.start,
            year_in_brief=YEAR_IN_BRIEF,
            what_changed=WHAT_CHANGED,
            next_year=NEXT_YEAR,
        ),
    )
