"""Demo: two past leadership spectrum self-assessments (issue 9).

Runs after the members seeder and uses its people, through the spectrum services (every
rule applied, every change audited). About 18 months before ``ctx.today`` the group is at
Beginnings, with some Good involvement statements ticked or partly ticked; about 6 months
before, every Good involvement statement is ticked (so it reached Good involvement) and a
few Service user led ones are partly there. Both have comments and evidence, and members
with lived experience (as recorded on their member records) took part with a staff member
and a trustee. The same data every run (members are picked in id order).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from involve_desktop.core.demo.context import DemoContext
from involve_desktop.core.models.people import Member
from involve_desktop.core.services import spectrum
from involve_desktop.core.services.spectrum_dto import AnswerInput, AssessmentInput, OtherPerson
from involve_desktop.core.services.spectrum_statements import Answer

Y, P, N = Answer.YES, Answer.PARTLY, Answer.NO

# key: (answer 18 months ago, answer 6 months ago, comment, evidence)
ANSWERS: dict[str, tuple[Answer, Answer, str, str]] = {
    "b_surveys": (Y, N, "Mostly the Trust's yearly survey.", "2024 survey report"),
    "b_staff_meetings": (Y, P, "Agendas now shared a week ahead.", "Ward forum minutes"),
    "b_feedback": (Y, N, "You said, we did log started.", "You said, we did log"),
    "b_quality": (P, N, "", ""),
    "b_training": (Y, N, "Members now co-deliver induction.", "Induction timetable"),
    "b_priorities": (Y, P, "", ""),
    "b_leadership": (P, N, "", ""),
    "g_perspectives": (P, Y, "Members sit on the quality board.", "Board terms of reference"),
    "g_influence": (P, Y, "Discharge policy rewritten with us.", "Discharge policy v3"),
    "g_lead_inside": (Y, Y, "Leaflet review group led by members.", "New discharge leaflet"),
    "g_lead_outside": (N, Y, "Members started the walking group.", "Walking group flyer"),
    "g_independence": (N, Y, "Constitution drafted.", "Draft constitution"),
    "g_responsive": (Y, Y, "", "Letter from the service director"),
    "u_governance": (N, P, "Two members are trustees; not yet a majority.", "Trustee list"),
    "u_peer_support": (N, P, "Peer support drop-in twice a week.", "Rota"),
    "u_policy": (N, N, "", ""),
    "u_quality": (N, P, "Members chose the outcome measures for the café.", ""),
    "u_hosting": (N, N, "", ""),
    "u_shared_leadership": (N, N, "", ""),
    "u_coproduction": (N, P, "Co-produced the recovery college prospectus.", "Prospectus"),
}


def _answers(which: int) -> tuple[AnswerInput, ...]:
    return tuple(
        AnswerInput(key, values[which], values[2] or None, values[3] or None)
        for key, values in ANSWERS.items()
    )


def seed_spectrum(ctx: DemoContext) -> None:
    """Add two past leadership spectrum self-assessments to the demo group."""
    session = ctx.session
    lived = list(
        session.scalars(
            select(Member.id).where(Member.lived_experience.is_(True)).order_by(Member.id).limit(9)
        )
    )
    other = list(
        session.scalars(
            select(Member.id)
            .where(Member.lived_experience.is_not(True))
            .order_by(Member.id)
            .limit(2)
        )
    )
    if not lived:
        return
    plans = (
        (
            timedelta(days=548),
            0,
            lived[:4] + other[:1],
            "Sam (coordinator)",
            "First time we did it.",
        ),
        (
            timedelta(days=182),
            1,
            lived[3:9] + other[1:2],
            "Two members of the council",
            "Led by members this time. Next: a majority of members on the board.",
        ),
    )
    for before, which, people, led_by, notes in plans:
        info = spectrum.create_assessment(
            session,
            ctx.coordinator,
            AssessmentInput(
                day=ctx.today - before,
                led_by=led_by,
                notes=notes,
                answers=_answers(which),
                member_ids=tuple(people),
                others=(
                    OtherPerson("Dr Priya Rao", "Service manager"),
                    OtherPerson("Martin Hughes", "Trustee"),
                ),
            ),
            today=ctx.today,
        )
        spectrum.finish_assessment(session, ctx.coordinator, info.id)
