"""Certificates of completion and the cohort summary, read back from the PDF."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.pagesizes import A4, landscape

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import (
    accounts,
    cohorts_cohorts,
    cohorts_enrolment,
    cohorts_facilitators,
    cohorts_progress,
)
from involve_desktop.core.services.cohorts_dto import FacilitatorInput
from involve_desktop.core.sheets import cohort_data, meeting_data
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.params import SheetParams
from tests.core.cohorts.helpers import attend, cohort, enrolled, person, plan, programme
from tests.sheets.pdfread import all_text, page_lines, reader

LAST = date(2026, 3, 10)


@pytest.fixture
def finished(session, coordinator):
    """Cohort 4: Zoë (known as Zoë Ní Bhriain) and Ben graduated, Cara withdrew, Dev did
    not attend enough; a graduate co-facilitates with a member of trust staff."""
    prog = programme(session, coordinator)
    earlier = cohort(session, coordinator, prog, "Cohort 3", start=date(2025, 1, 7))
    first = plan(session, coordinator, earlier, 10)
    aisha = person(session, coordinator, "Aisha Khan")
    enrolled(session, coordinator, earlier, aisha, on=date(2025, 1, 7))
    attend(session, coordinator, first, {n: {aisha} for n in range(1, 11)}, date(2025, 3, 11))
    cohorts_progress.graduate(session, coordinator, earlier, [aisha], date(2025, 3, 11), today=LAST)
    c = cohort(session, coordinator, prog, "Cohort 4")
    cohorts_facilitators.add_facilitator(session, coordinator, c, FacilitatorInput(aisha))
    cohorts_facilitators.add_facilitator(
        session,
        coordinator,
        c,
        FacilitatorInput(outside_name="Dr Priya Shah", job_title="Clinical Lead"),
    )
    sessions = plan(session, coordinator, c, 10, topics=("Welcome", "Our stories"))
    zoe = person(session, coordinator, "Zoë Bridget Ní Bhriain", preferred="Zoë Ní Bhriain")
    ben, cara, dev = (
        person(session, coordinator, n) for n in ("Ben Okafor", "Cara Nwosu", "Dev Patel")
    )
    places = {m: enrolled(session, coordinator, c, m) for m in (zoe, ben, cara, dev)}
    who = {n: {zoe, ben, dev} for n in range(1, 11)}
    who |= {n: {zoe, ben} for n in (4, 5, 6)}
    who |= {1: {zoe, ben, cara, dev}, 2: {zoe, ben, cara, dev}}
    attend(session, coordinator, sessions, who, LAST)
    cohorts_enrolment.withdraw(session, coordinator, places[cara], on=date(2026, 1, 20))
    result = cohorts_progress.graduate(session, coordinator, c, [zoe, ben, dev], LAST, today=LAST)
    assert len(result.graduated) == 2
    return {"cohort": c, "zoe": zoe, "ben": ben, "dev": dev}


def test_certificate_reads_back_with_the_known_as_name(session, coordinator, finished) -> None:
    pdf = cohort_data.certificates_pdf(session, coordinator, finished["cohort"], [finished["zoe"]])
    pages = reader(pdf).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(
        round(x) for x in landscape(A4)
    )
    text = all_text(pdf)
    for expected in (
        "Riverside Voices",
        "Certificate of Completion",
        "Zoë Ní Bhriain",
        "Peer Leadership Programme",
        "Cohort 4",
        "Completed on 10 March 2026",
        "Aisha Khan",
        "Co-facilitator",
        "Dr Priya Shah",
        "Clinical Lead",
    ):
        assert expected in text
    assert "Bridget" not in text  # the name she goes by, not her full legal name
    assert "Confidential" not in text and "Page 1" not in text


def test_certificates_for_every_graduate_and_refused_for_others(
    session, coordinator, finished
) -> None:
    pdf = cohort_data.certificates_pdf(session, coordinator, finished["cohort"])
    names = [
        next(line for line in page if line in ("Ben Okafor", "Zoë Ní Bhriain"))
        for page in page_lines(pdf)
    ]
    assert names == ["Ben Okafor", "Zoë Ní Bhriain"]
    with pytest.raises(ValidationError, match="Dev Patel has not"):
        cohort_data.certificates_pdf(session, coordinator, finished["cohort"], [finished["dev"]])


def test_cohort_summary_reads_back(session, coordinator, finished) -> None:
    pdf = cohort_data.cohort_summary_pdf(
        session,
        coordinator,
        finished["cohort"],
        SheetOptions(privacy=PrivacyMode.FULL),
        today=LAST,
    )
    text = all_text(pdf)
    for expected in (
        "Cohort summary: Peer Leadership Programme, Cohort 4",
        "Places taken: 3",
        "Completed: 2",
        "Withdrawn: 1",
        "Sessions held: 10 of 10",
        "To complete: At least 80% of the sessions.",
        "Aisha Khan (graduate co-facilitator)",
        "Welcome",
        "Our stories",
        "Zoë Ní Bhriain",
        "Graduated on Tue 10 Mar 2026",
        "Withdrew on Tue 20 Jan 2026",
        "Cannot now complete",
        "Confidential",
    ):
        assert expected in text, expected
    initials = all_text(
        cohort_data.cohort_summary_pdf(
            session,
            coordinator,
            finished["cohort"],
            SheetOptions(privacy=PrivacyMode.INITIALS),
            today=LAST,
        )
    )
    assert "Zoë Ní Bhriain" not in initials and "Z. N. B." in initials


def test_summary_shows_onward_roles(session, coordinator, finished) -> None:
    later = cohort(
        session,
        coordinator,
        cohorts_cohorts.get_cohort(session, coordinator, finished["cohort"]).programme_id,
        "Cohort 5",
        start=date(2026, 9, 1),
    )
    cohorts_facilitators.add_facilitator(
        session, coordinator, later, FacilitatorInput(finished["ben"])
    )
    text = all_text(
        cohort_data.cohort_summary_pdf(
            session,
            coordinator,
            finished["cohort"],
            SheetOptions(privacy=PrivacyMode.FULL),
            today=LAST,
        )
    )
    assert "Co-facilitated Peer Leadership Programme, Cohort 5" in text
    assert "Nothing recorded yet" in text  # Zoë


def test_unlinked_facilitator_cannot_print_the_cohort(session, coordinator, finished) -> None:
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    fran = accounts.sign_in(session, "fran", "tuesday group")
    with pytest.raises(PermissionDenied):
        cohort_data.certificates_pdf(session, fran, finished["cohort"])


def test_cohort_register_is_the_meeting_sign_in_sheet(session, coordinator) -> None:
    c = cohort(session, coordinator, programme(session, coordinator), "Cohort 4")
    sessions = plan(session, coordinator, c, 10, topics=("Welcome",))
    zoe = person(session, coordinator, "Zoë Bridget Ní Bhriain", preferred="Zoë Ní Bhriain")
    enrolled(session, coordinator, c, zoe)
    first = meeting_data.meeting_sign_in_pdf(
        session, coordinator, [sessions[0].meeting.id], SheetOptions(privacy=PrivacyMode.FULL)
    )
    assert "Zoë Ní Bhriain" in all_text(first)
    assert "Welcome" in all_text(first)
    params = SheetParams(meeting="Peer Leadership Programme — Cohort 4", week="2026-01-06", weeks=2)
    sheet = meeting_data.load_meeting_sign_in(session, coordinator, params, date(2026, 1, 1))
    assert len(sheet.meetings) == 2
