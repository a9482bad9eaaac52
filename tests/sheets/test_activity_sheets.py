"""The 4PI activity record and the you said, we did poster, read back with pypdf."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.services import activities, activities_principles, members, you_said
from involve_desktop.core.services.activities_dto import (
    ActivityInput,
    ActivityKind,
    ImpactStatus,
    Principles,
    YouSaidInput,
    YouSaidStatus,
)
from involve_desktop.core.services.member_dto import MemberInput, Restricted
from involve_desktop.core.sheets.activity_record import activity_record_pdf
from involve_desktop.core.sheets.catalogue import SheetParams, get_sheet
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.you_said_we_did import you_said_we_did_pdf
from tests.sheets.member_helpers import facilitator as make_facilitator
from tests.sheets.member_helpers import sheet_data
from tests.sheets.pdfread import all_text, reader

TODAY = date(2026, 6, 1)
LIVED = Restricted(lived_experience=True)
FULL = SheetOptions(privacy=PrivacyMode.FULL)


@pytest.fixture
def seeded(session, coordinator) -> dict[str, int]:
    zoe = members.create_member(
        session, coordinator, MemberInput(full_name="Zoë Okafor", restricted=LIVED)
    ).id
    ben = members.create_member(
        session, coordinator, MemberInput(full_name="Ben Mills", restricted=LIVED)
    ).id
    activities_principles.save_principles(
        session, coordinator, Principles("Led by members.", date(2025, 9, 1)), today=TODAY
    )
    done = activities.create_activity(
        session,
        coordinator,
        ActivityInput(
            "Crisis line consultation",
            ActivityKind.CONSULTATION,
            date(2026, 5, 4),
            asked_by="Riverside NHS Trust",
            purpose="Hear what people need from the crisis line.",
            member_ids=(zoe, ben),
            staff_count=2,
            missing_groups=("young people",),
            feedback_on=date(2026, 5, 20),
            feedback_how="A letter to each person",
            impact_status=ImpactStatus.CHANGED,
            impact_services="Open until 2am at weekends.",
        ),
        today=TODAY,
    )
    waiting = activities.create_activity(
        session,
        coordinator,
        ActivityInput("Leaflet workshop", ActivityKind.WORKSHOP, date(2026, 5, 25)),
        today=TODAY,
    )
    you_said.create_entry(
        session,
        coordinator,
        YouSaidInput(
            date(2026, 5, 4),
            "Crisis line closes too early.",
            "Open until 2am at weekends.",
            YouSaidStatus.DONE,
            responsible="Zoë Okafor",
            activity_id=done.id,
        ),
        today=TODAY,
    )
    you_said.create_entry(
        session,
        coordinator,
        YouSaidInput(
            date(2026, 5, 10),
            "Free parking for meetings.",
            status=YouSaidStatus.NOT_POSSIBLE,
            reason="The car park is not ours.",
            responsible="Ben Mills",
        ),
        today=TODAY,
    )
    return {"done": done.id, "waiting": waiting.id}


def test_one_activity_record_has_the_four_sections(session, coordinator, seeded):
    text = " ".join(
        all_text(
            activity_record_pdf(session, coordinator, seeded["done"], FULL, today=TODAY)
        ).split()
    )
    for words in (
        "Crisis line consultation",
        "Consultation · Mon 4 May 2026 · asked for by Riverside NHS Trust",
        "Purpose",
        "Hear what people need from the crisis line.",
        "4 people present: 2 members, 2 staff, 0 carers and family members, 0 other people; "
        "how many have lived experience is kept off sheets that name people, so that nobody's "
        "lived experience can be worked out (coordinators see it on screen).",
        "Members present: Ben Mills, Zoë Okafor",
        "Groups that were missing: young people",
        "Process",
        "Feedback given back: Wed 20 May 2026 — A letter to each person",
        "Impact",
        "Status: Changed",
        "Open until 2am at weekends.",
        "4PI check: Complete.",
        "Our principles (agreed Mon 1 Sep 2025)",
        "Confidential",
    ):
        assert words in text


def test_no_lived_experience_count_that_shows_a_named_member_s(session, coordinator, seeded):
    text = " ".join(
        all_text(
            activity_record_pdf(session, coordinator, seeded["done"], FULL, today=TODAY)
        ).split()
    )
    assert "with lived experience." not in text  # both members named have it: not printed


def test_a_month_of_records_one_to_a_page_with_the_gaps(engine, coordinator, seeded):
    pdf = get_sheet("activity-record").render(
        SheetParams(month="2026-05"), FULL, sheet_data(engine, coordinator), today=TODAY
    )
    pages = reader(pdf).pages
    assert len(pages) == 2
    first, second = (" ".join(p.extract_text().split()) for p in pages)
    assert "Crisis line consultation" in first and "Leaflet workshop" in second
    assert "Impact not recorded yet; No feedback given back yet." in second
    initials = get_sheet("activity-record").render(
        SheetParams(month="2026-05"),
        SheetOptions(privacy=PrivacyMode.INITIALS),
        sheet_data(engine, coordinator),
        today=TODAY,
    )
    assert "Okafor" not in all_text(initials)


def test_the_poster_prints_no_names(session, coordinator, seeded):
    text = " ".join(all_text(you_said_we_did_pdf(session, coordinator, today=TODAY)).split())
    assert "You said" in text and "We did" in text and "Said on" in text
    assert "Crisis line closes too early." in text
    assert "Not possible: The car park is not ours." in text
    for name in ("Zoë", "Okafor", "Ben", "Mills", "Confidential"):
        assert name not in text


def test_the_poster_from_the_catalogue(engine, coordinator, seeded):
    pdf = get_sheet("you-said-we-did").render(
        SheetParams(title="What changed this year"),
        FULL,
        sheet_data(engine, coordinator),
        today=TODAY,
    )
    text = all_text(pdf)
    assert "What changed this year" in text and "Free parking for meetings." in text


def test_facilitators_may_not_print_them(engine, session, coordinator, seeded):
    facilitator = make_facilitator(session, coordinator)
    for key in ("activity-record", "you-said-we-did"):
        assert not get_sheet(key).allowed_for(facilitator)
        with pytest.raises(PermissionDenied):
            get_sheet(key).render(SheetParams(), FULL, sheet_data(engine, facilitator), today=TODAY)
