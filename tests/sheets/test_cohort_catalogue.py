"""The leadership programme sheets in the catalogue: certificate, cohort summary and cohort
register, made from the cohort named in the form or on the command line."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.pagesizes import A4, landscape

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.services import cohorts_cohorts, cohorts_sessions
from involve_desktop.core.sheets.catalogue import SheetData, SheetParams, get_sheet
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import Orientation, SheetInputError, SheetOptions
from involve_desktop.core.sheets.params import SheetField
from tests.core.cohorts.helpers import cohort, plan, programme
from tests.sheets.cohort_helpers import LAST, ZOE, SeededCohort, seed_cohort
from tests.sheets.member_helpers import facilitator, sheet_data
from tests.sheets.pdfread import all_text, page_lines, reader

FULL = SheetOptions(privacy=PrivacyMode.FULL)


@pytest.fixture
def seeded(session, coordinator) -> SeededCohort:
    return seed_cohort(session, coordinator)


@pytest.fixture
def data(engine, coordinator) -> SheetData:
    return sheet_data(engine, coordinator)


def render(key: str, data: SheetData, options: SheetOptions = FULL, **params: object) -> bytes:
    return get_sheet(key).render(SheetParams(**params), options, data, today=LAST)


def test_the_cohort_sheets_ask_for_a_cohort_and_certificates_print_names_in_full() -> None:
    cert = get_sheet("certificate")
    assert cert.fields == {SheetField.COHORT, SheetField.PERSON}
    assert not cert.offers_privacy and cert.default_privacy is PrivacyMode.FULL
    assert cert.fixed_orientation is Orientation.LANDSCAPE
    assert SheetField.COHORT in get_sheet("cohort-summary").fields
    assert get_sheet("cohort-summary").offers_privacy
    register = get_sheet("cohort-register")
    assert {SheetField.COHORT, SheetField.SESSION, SheetField.ROWS} <= register.fields
    assert register.default_privacy is PrivacyMode.FIRST_INITIAL


def test_certificate_from_the_catalogue_reads_back(seeded, data) -> None:
    # Even asked for initials, a certificate prints the name she goes by, in full.
    pdf = render("certificate", data, SheetOptions(privacy=PrivacyMode.INITIALS), cohort="Cohort 4")
    (page,) = reader(pdf).pages  # only Zoë graduated
    size = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
    assert size == tuple(round(x) for x in landscape(A4))
    text = all_text(pdf)
    for expected in (
        "Riverside Voices",
        ZOE,
        "Peer Leadership Programme",
        "Cohort 4 · 6 January 2026",
        "Completed on 10 March 2026",
        "Dr Priya Shah",
        "Clinical Lead",
    ):
        assert expected in text, expected
    assert "Bridget" not in text and "Z. N." not in text and "Ben Okafor" not in text


def test_one_graduates_certificate_by_name_or_number(seeded, data) -> None:
    by_name = render("certificate", data, cohort=str(seeded.cohort_id), person="zoe ni bhriain")
    by_number = render("certificate", data, cohort="Cohort 4", person=str(seeded.zoe))
    assert ZOE in all_text(by_name) and ZOE in all_text(by_number)
    with pytest.raises(SheetInputError, match="Ben Okafor has not graduated") as caught:
        render("certificate", data, cohort="Cohort 4", person="Ben Okafor")
    assert caught.value.field == "person"
    assert f"Graduates: {ZOE}." in caught.value.message
    with pytest.raises(SheetInputError, match="Nobody called 'Ann' has a place on Cohort 4"):
        render("certificate", data, cohort="Cohort 4", person="Ann")


def test_a_cohort_with_no_graduates_is_explained(session, coordinator, seeded, data) -> None:
    cohort(session, coordinator, seeded.programme_id, "Cohort 5", start=date(2026, 9, 1))
    with pytest.raises(SheetInputError, match="No one has graduated from .*Cohort 5 yet") as caught:
        render("certificate", data, cohort="Cohort 5")
    assert caught.value.field == "cohort"


def test_cohort_summary_from_the_catalogue_reads_back(seeded, data) -> None:
    name = "Peer Leadership Programme, Cohort 4"
    text = all_text(render("cohort-summary", data, cohort=name, title="End of course"))
    for expected in (
        f"End of course: {name}",
        "Tue 6 Jan 2026 to",
        "Completed: 1",
        "Dr Priya Shah (Clinical Lead)",
        "Welcome",
        ZOE,
        "Graduated on Tue 10 Mar 2026",
        "Confidential",
    ):
        assert expected in text, expected
    private = all_text(render("cohort-summary", data, SheetOptions(), cohort="Cohort 4"))
    assert "Zoë B." in private and ZOE not in private  # first name and initial by default


def test_cohort_register_is_the_sign_in_sheet_of_one_session(seeded, data) -> None:
    pdf = render("cohort-register", data, cohort="Cohort 4", session="2", rows=3)
    lines = page_lines(pdf)[0]
    assert lines[:3] == [
        "Riverside Voices",
        "Cohort register",
        "Peer Leadership Programme — Cohort 4",
    ]
    text = all_text(pdf)
    for expected in ("Tue 13 Jan 2026", "Session 2: Our stories", ZOE, "Ben Okafor", "New here?"):
        assert expected in text, expected
    assert [n for n in lines if n.isdigit()] == ["1", "2", "3", "4", "5"]  # 2 people, 3 empty
    by_date = all_text(render("cohort-register", data, cohort="Cohort 4", session="3 Feb 2026"))
    assert "Session 5" in by_date and "Tue 3 Feb 2026" in by_date


def test_the_register_defaults_to_the_next_session(seeded, data) -> None:
    sheet = get_sheet("cohort-register")
    pdf = sheet.render(SheetParams(cohort="Cohort 4"), FULL, data, today=date(2026, 1, 7))
    assert "Session 2: Our stories" in all_text(pdf)
    after = sheet.render(SheetParams(cohort="Cohort 4"), FULL, data, today=date(2026, 6, 1))
    assert "Session 10" in all_text(after)  # all held: the last one


@pytest.mark.parametrize(
    ("session_text", "expected"),
    [
        ("11", "Cohort 4 has sessions 1 to 10, so there is no session 11"),
        ("2026-01-07", "Cohort 4 has no session on Wed 7 Jan 2026. Its sessions: 1 on Tue 6 Jan"),
        ("soon", "Session should be its number (1 to 10) or its date"),
    ],
)
def test_a_session_that_is_not_there_is_explained(seeded, data, session_text, expected) -> None:
    with pytest.raises(SheetInputError) as caught:
        render("cohort-register", data, cohort="Cohort 4", session=session_text)
    assert caught.value.field == "session"
    assert expected in caught.value.message


def test_a_cancelled_session_has_no_register(session, coordinator, seeded, data) -> None:
    later = cohort(session, coordinator, seeded.programme_id, "Cohort 5", start=date(2026, 9, 1))
    third = plan(session, coordinator, later, 10)[2]
    cohorts_sessions.cancel_session(session, coordinator, third.meeting.id, "Venue flooded")
    with pytest.raises(SheetInputError, match=r"Session 3 on Tue 15 Sep 2026 is cancelled \(Venue"):
        render("cohort-register", data, cohort="Cohort 5", session="3")


@pytest.mark.parametrize("key", ["certificate", "cohort-summary", "cohort-register"])
def test_a_cohort_that_is_not_there_names_the_ones_that_are(seeded, data, key) -> None:
    choices = f"Choose one of: Peer Leadership Programme, Cohort 4 (number {seeded.cohort_id})."
    with pytest.raises(SheetInputError) as caught:
        render(key, data, cohort="Cohort 9")
    assert caught.value.field == "cohort"
    assert caught.value.message == f"No cohort called 'Cohort 9'. {choices}"
    with pytest.raises(SheetInputError, match="Say which cohort: its name"):
        render(key, data)
    with pytest.raises(SheetInputError, match="There is no cohort number 999. Choose one of"):
        render(key, data, cohort="999")


def test_two_cohorts_of_the_same_name_need_the_programme(session, coordinator, seeded, data):
    other = programme(session, coordinator, "Co-production Champions")
    cohort(session, coordinator, other, "Cohort 4")
    with pytest.raises(SheetInputError, match="More than one cohort is called 'cohort 4'"):
        render("cohort-summary", data, cohort="cohort 4")
    # The group's own name (as on the Meetings screen) finds it too.
    named = "Peer Leadership Programme — Cohort 4"
    assert "Completed: 1" in all_text(render("cohort-summary", data, cohort=named))


def test_a_facilitator_not_linked_to_the_cohort_is_refused(
    session, coordinator, engine, seeded
) -> None:
    fran = facilitator(session, coordinator)
    as_fran = sheet_data(engine, fran)
    for key in ("certificate", "cohort-summary", "cohort-register"):
        assert get_sheet(key).allowed_for(fran)  # the role may; this cohort is not hers
        with pytest.raises(PermissionDenied, match="not one of those running Cohort 4"):
            render(key, as_fran, cohort=str(seeded.cohort_id), session="1")
        with pytest.raises(SheetInputError, match="cannot see any cohorts yet"):
            render(key, as_fran, cohort="Cohort 4", session="1")
    cohorts_cohorts.set_cohort_accounts(session, coordinator, seeded.cohort_id, [fran.account_id])
    assert ZOE in all_text(render("cohort-register", as_fran, cohort="Cohort 4", session="1"))
    assert ZOE in all_text(render("certificate", as_fran, cohort="Cohort 4"))
