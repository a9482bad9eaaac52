"""What the leadership programme sheets print, read through the cohort services.

- ``certificates_pdf(session, actor, cohort_id, member_ids=None)`` — certificates of
  completion for the cohort's graduates (or the ones chosen), one page each;
- ``cohort_summary_pdf(session, actor, cohort_id, options)`` — the cohort summary;
- ``load_certificates`` / ``load_cohort_summary`` / ``load_cohort_register`` — the Sheets
  screen and ``involve-desktop print certificate|cohort-summary|cohort-register --cohort
  "Cohort 3"`` (``--person`` for one graduate's certificate, ``--session`` for the
  register): the cohort by number or name, found by ``cohort_inputs``.

All need PRINT_SHEETS and sight of the cohort (coordinators, or a facilitator linked to
it); onward recruitment-panel roles are printed only for accounts that may see panels. The
register is the meeting sign-in sheet of the session's meeting, so it also needs
RUN_MEETINGS for the cohort's group (the same link).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import (
    cohorts_enrolment,
    cohorts_facilitators,
    cohorts_pathways,
    cohorts_progress,
    cohorts_sessions,
    organisation,
)
from involve_desktop.core.services.cohorts_dto import (
    CohortInfo,
    EnrolmentState,
    FacilitatorInfo,
    GraduatePathway,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.core.services.transaction import require
from involve_desktop.core.sheets import meeting_data
from involve_desktop.core.sheets.certificate import Certificate, Signatory, render_certificates
from involve_desktop.core.sheets.cohort_inputs import find_cohort, find_graduate, find_session
from involve_desktop.core.sheets.cohort_summary import (
    CohortSummarySheet,
    SummaryOnward,
    SummaryPerson,
    SummarySession,
    render_cohort_summary,
)
from involve_desktop.core.sheets.meeting_sign_in import DEFAULT_BLANK_ROWS, MeetingSignInSheet
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions
from involve_desktop.core.sheets.params import SheetParams

REGISTER_TITLE = "Cohort register"
FACILITATOR = "Facilitator"
CO_FACILITATOR = "Co-facilitator"


def _role(f: FacilitatorInfo) -> str:
    if f.member_id is None:
        return f.job_title or FACILITATOR
    return CO_FACILITATOR if f.graduate_cofacilitator else FACILITATOR


def certificates(
    session: Session, actor: Actor, cohort_id: int, member_ids: Iterable[int] | None = None
) -> list[Certificate]:
    """Certificates for the cohort's graduates (all, or those in ``member_ids``), in name
    order; asking for someone who has not graduated is refused, naming them."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    result = cohorts_progress.progress(session, actor, cohort_id)
    cohort = result.cohort
    wanted = None if member_ids is None else set(member_ids)
    places = {
        e.member_id: e
        for e in cohorts_enrolment.list_enrolments(session, actor, cohort_id)
        if e.state is EnrolmentState.COMPLETED
    }
    if wanted is not None:
        missing = [p.name for p in result.people if p.member_id in wanted - set(places)]
        if missing or not wanted <= {p.member_id for p in result.people}:
            raise ValidationError(
                "members",
                "Certificates are for people who have graduated: "
                + (", ".join(missing) or "someone chosen")
                + " has not (yet).",
            )
    signatories = tuple(
        Signatory(f.name, _role(f))
        for f in cohorts_facilitators.list_facilitators(session, actor, cohort_id)
    )
    group = organisation.group_name(session)
    return [
        Certificate(
            p.name,
            cohort.programme_name,
            cohort.name,
            places[p.member_id].graduated_on or date.today(),
            signatories,
            group,
            cohort.start_on,
            cohort.end_on,
        )
        for p in result.people
        if p.member_id in places and (wanted is None or p.member_id in wanted)
    ]


def certificates_pdf(
    session: Session, actor: Actor, cohort_id: int, member_ids: Iterable[int] | None = None
) -> bytes:
    """The certificates as one PDF, a page each."""
    return render_certificates(certificates(session, actor, cohort_id, member_ids))


def _when(cohort: CohortInfo) -> str:
    when = format_date(cohort.start_on)
    if cohort.end_on:
        when += f" to {format_date(cohort.end_on)}"
    return when + (f" · {cohort.venue}" if cohort.venue else "")


def _onward(row: GraduatePathway) -> str:
    roles = [f"co-facilitated {title}" for title in row.cofacilitated]
    if row.panels:
        roles.append(f"sat on {plural(len(row.panels), 'recruitment panel')}")
    roles += [f"joined {name} ({format_date(on)})" for name, on in row.council]
    text = "; ".join(roles)
    return text[:1].upper() + text[1:]


def summary_sheet(
    session: Session, actor: Actor, cohort_id: int, *, today: date | None = None
) -> CohortSummarySheet:
    """The summary's DTO for a cohort."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    result = cohorts_progress.progress(session, actor, cohort_id, today=today)
    cohort = result.cohort
    sessions = tuple(
        SummarySession(
            s.number,
            s.meeting.day,
            f"Cancelled: {s.meeting.cancelled_reason}"
            if s.meeting.cancelled
            else s.meeting.topic or "",
            ""
            if s.meeting.cancelled or not s.meeting.attendance_recorded
            else str(s.meeting.present),
            ""
            if s.meeting.cancelled or not s.meeting.attendance_recorded
            else str(s.meeting.apologies),
        )
        for s in cohorts_sessions.list_sessions(session, actor, cohort_id)
    )
    people = tuple(
        SummaryPerson(p.name, p.state.label, f"{p.attended} of {p.held}", p.text)
        for p in result.people
    )
    onward = tuple(
        SummaryOnward(row.name, _onward(row))
        for row in cohorts_pathways.pathways(session, actor, cohort.programme_id).graduates
        if row.cohort_id == cohort.id
    )
    facilitators = tuple(
        (f.name, "graduate co-facilitator" if f.graduate_cofacilitator else (f.job_title or ""))
        for f in cohorts_facilitators.list_facilitators(session, actor, cohort_id)
    )
    figures = (
        ("Places taken", str(cohort.enrolled + cohort.completed)),
        ("Completed", str(cohort.completed)),
        ("Withdrawn", str(cohort.withdrawn)),
        ("Waiting", str(cohort.waiting)),
        ("Sessions held", f"{result.held} of {result.total_sessions}"),
    )
    group = organisation.group_name(session)
    return CohortSummarySheet(
        cohort.title,
        _when(cohort),
        figures,
        result.rule,
        facilitators,
        sessions,
        people,
        onward,
        group,
    )


def cohort_summary_pdf(
    session: Session,
    actor: Actor,
    cohort_id: int,
    options: SheetOptions | None = None,
    *,
    today: date | None = None,
) -> bytes:
    """The cohort summary as a PDF."""
    sheet = summary_sheet(session, actor, cohort_id, today=today)
    return render_cohort_summary(sheet, options, printed_on=today)


# --- The Sheets screen and the print command: inputs in ``SheetParams`` --------------------


def load_certificates(
    session: Session, actor: Actor, params: SheetParams, _today: date
) -> tuple[Certificate, ...]:
    """Certificates for ``params.cohort``'s graduates, or the one graduate in
    ``params.person``; a cohort with no graduates yet is explained, not printed blank."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    cohort = find_cohort(session, actor, params.cohort)
    member_id = find_graduate(session, actor, cohort, params.person)
    found = certificates(session, actor, cohort.id, None if member_id is None else [member_id])
    if not found:
        raise SheetInputError(
            "cohort",
            f"No one has graduated from {cohort.title} yet. Record graduation on the "
            "cohort's page in Leadership, then print the certificates.",
        )
    if params.group_name is None:
        return tuple(found)
    return tuple(replace(cert, group_name=params.group_name) for cert in found)


def load_cohort_summary(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> CohortSummarySheet:
    """The summary of ``params.cohort`` as it stands ``today``."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    cohort = find_cohort(session, actor, params.cohort)
    sheet = summary_sheet(session, actor, cohort.id, today=today)
    group = sheet.group_name if params.group_name is None else params.group_name
    return replace(sheet, group_name=group, title=params.title)


def load_cohort_register(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> MeetingSignInSheet:
    """The sign-in sheet of one session of ``params.cohort`` (``params.session``: its
    number or date; blank → the next one), its topic given as "Session 3: …"."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    cohort = find_cohort(session, actor, params.cohort)
    sessions = cohorts_sessions.list_sessions(session, actor, cohort.id)
    chosen = find_session(cohort, sessions, params.session, today)
    sheet = meeting_data.meeting_sign_in_sheet(
        session,
        actor,
        [chosen.meeting.id],
        blank_rows=DEFAULT_BLANK_ROWS if params.rows is None else params.rows,
        group_name=params.group_name,
        title=params.title or REGISTER_TITLE,
    )
    meetings = tuple(replace(m, topic=chosen.label) for m in sheet.meetings)
    return replace(sheet, meetings=meetings)
