"""The leadership spectrum self-assessment sheet, read back with pypdf."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.services import members, spectrum
from involve_desktop.core.services.member_dto import MemberInput, Restricted
from involve_desktop.core.services.spectrum_dto import AnswerInput, AssessmentInput, OtherPerson
from involve_desktop.core.services.spectrum_statements import Answer, Stage, statements_of
from involve_desktop.core.sheets.catalogue import SheetParams, get_sheet
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions
from involve_desktop.core.sheets.spectrum_sheet import spectrum_sheet_pdf
from tests.sheets.member_helpers import facilitator as make_facilitator
from tests.sheets.member_helpers import sheet_data
from tests.sheets.pdfread import all_text

TODAY = date(2026, 6, 1)
G = statements_of(Stage.GOOD_INVOLVEMENT)


@pytest.fixture
def assessments(session, coordinator) -> tuple[int, int]:
    """An earlier (Beginnings) and a later (Good involvement) finished self-assessment."""
    zoe = members.create_member(
        session,
        coordinator,
        MemberInput(full_name="Zoë Okafor", restricted=Restricted(lived_experience=True)),
    ).id
    ben = members.create_member(session, coordinator, MemberInput(full_name="Ben Mills")).id
    ids = []
    for day, answers in (
        (date(2025, 1, 15), (AnswerInput(G[0].key, Answer.PARTLY, "Only the board"),)),
        (
            date(2026, 1, 15),
            tuple(
                AnswerInput(s.key, Answer.YES, evidence=f"Evidence {n}") for n, s in enumerate(G)
            ),
        ),
    ):
        info = spectrum.create_assessment(
            session,
            coordinator,
            AssessmentInput(
                day,
                led_by="Jo Bloggs",
                notes="Held at the café.",
                answers=answers,
                member_ids=(zoe, ben),
                others=(OtherPerson("Priya Rao", "Service manager"),),
            ),
            today=TODAY,
        )
        ids.append(spectrum.finish_assessment(session, coordinator, info.id).id)
    return ids[0], ids[1]


def test_sheet_prints_stage_missing_ticks_people_and_comparison(session, coordinator, assessments):
    early, later = assessments
    text = all_text(spectrum_sheet_pdf(session, coordinator, later, today=TODAY))
    flat = " ".join(text.split())
    assert "Self-assessment of Thu 15 Jan 2026" in flat
    assert "Stage reached: Good involvement" in flat
    assert "Still needed for Service user led:" in flat
    assert "People who use services lead governance." in flat
    assert "✓ Yes" in flat and "Evidence 3" in flat
    assert "Zoë O." in flat and "Zoë Okafor" not in flat  # first name and initial by default
    assert "Ben M.; Zoë O." in flat and "Priya Rao (Service manager)" in flat
    # One of the two members named has lived experience: the number would say whose.
    assert "Members with lived experience among them" not in flat
    assert "How many of them have lived experience is kept off sheets that name people" in flat
    assert "Compared with earlier self-assessments" in flat
    assert "Wed 15 Jan 2025 · Beginnings" in flat
    assert "Confidential" in flat
    for word in ("patient", "client", "diagnos"):
        assert word not in flat.lower()
    first = " ".join(all_text(spectrum_sheet_pdf(session, coordinator, early, today=TODAY)).split())
    assert "Stage reached: Beginnings" in first
    assert "(partly there)" in first and "Only the board" in first
    assert "Compared with earlier" not in first  # nothing earlier to compare with


def test_catalogue_prints_by_date_or_the_latest(session, engine, coordinator, assessments):
    spec = get_sheet("spectrum")
    data = sheet_data(engine, coordinator)
    full = SheetOptions(privacy=PrivacyMode.FULL)
    latest = " ".join(all_text(spec.render(SheetParams(), full, data, today=TODAY)).split())
    assert "Self-assessment of Thu 15 Jan 2026" in latest and "Zoë Okafor" in latest
    dated = spec.render(SheetParams(date_text="2025-01-15"), full, data, today=TODAY)
    assert "Self-assessment of Wed 15 Jan 2025" in " ".join(all_text(dated).split())
    with pytest.raises(SheetInputError, match="no self-assessment dated"):
        spec.render(SheetParams(date_text="2025-02-01"), full, data, today=TODAY)


def test_facilitators_cannot_print_it(session, engine, coordinator, assessments):
    facilitator = make_facilitator(session, coordinator)
    with pytest.raises(PermissionDenied):
        get_sheet("spectrum").render(
            SheetParams(), SheetOptions(), sheet_data(engine, facilitator), today=TODAY
        )
