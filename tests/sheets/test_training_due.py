"""Training due or expired: states in words, expired first, renewals replace old records."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.services.member_dto import TrainingState
from involve_desktop.core.sheets.catalogue import SheetParams, get_sheet
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions
from involve_desktop.core.sheets.training_due import (
    TrainingDueRow,
    TrainingDueSheet,
    render_training_due,
)
from tests.sheets.member_helpers import TODAY, add_member, facilitator, sheet_data, train
from tests.sheets.pdfread import all_text, page_lines

SPEC = get_sheet("training-due")


@pytest.fixture
def trained(session, coordinator) -> None:
    ana = add_member(session, coordinator, "Ana Expired", joined=date(2020, 1, 1))
    ben = add_member(session, coordinator, "Ben Due", joined=date(2020, 1, 1))
    cat = add_member(session, coordinator, "Cat Current", joined=date(2020, 1, 1))
    dev = add_member(session, coordinator, "Dev Renewed", joined=date(2020, 1, 1))
    eve = add_member(session, coordinator, "Eve Later", joined=date(2020, 1, 1))
    train(session, coordinator, ana, "peer_support", date(2024, 1, 10))  # expired 10 Jan 2026
    train(session, coordinator, ben, "safeguarding", date(2023, 12, 20))  # due 20 Dec 2026
    train(session, coordinator, cat, "peer_support", date(2026, 6, 1))  # current
    train(session, coordinator, cat, "leadership_programme", date(2021, 1, 1))  # never expires
    train(session, coordinator, dev, "peer_support", date(2022, 3, 1))  # expired…
    train(session, coordinator, dev, "peer_support", date(2026, 3, 1))  # …but renewed
    train(session, coordinator, eve, "safeguarding", date(2024, 5, 1))  # expires 1 May 2027


def render(engine, actor, **params) -> bytes:
    return SPEC.render(
        SheetParams(**params),
        SheetOptions(privacy=PrivacyMode.FULL),
        sheet_data(engine, actor),
        today=TODAY,
    )


def test_expired_first_then_due_each_with_its_state_in_words(engine, coordinator, trained):
    lines = [line for page in page_lines(render(engine, coordinator)) for line in page]
    ana, ben = lines.index("Ana Expired"), lines.index("Ben Due")
    assert lines[ana : ana + 5] == [
        "Ana Expired",
        "Peer support",
        "Wed 10 Jan 2024",
        "Sat 10 Jan 2026",
        "Expired",
    ]
    assert lines[ben : ben + 5] == [
        "Ben Due",
        "Safeguarding",
        "Wed 20 Dec 2023",
        "Sun 20 Dec 2026",
        "Due for renewal",
    ]
    assert (
        lines.index("Expired — 1 record")
        < ana
        < lines.index("Due for renewal in the next 60 days — 1 record")
        < ben
    )


def test_current_never_expiring_and_renewed_training_is_left_out(engine, coordinator, trained):
    text = all_text(render(engine, coordinator))
    assert "Ana Expired" in text
    assert "Cat Current" not in text
    assert "Dev Renewed" not in text
    assert "Leadership programme" not in text


def test_the_window_can_be_narrowed_or_widened(engine, coordinator, trained):
    narrow = all_text(render(engine, coordinator, within_days=10))
    assert "Ben Due" not in narrow and "Ana Expired" in narrow
    assert "Eve Later" not in all_text(render(engine, coordinator))
    wide = all_text(render(engine, coordinator, within_days=365))
    assert "Eve Later" in wide and "Cat Current" not in wide
    assert "expiring by Fri 26 Nov 2027" in wide


def test_days_out_of_range_name_the_field(engine, coordinator, trained):
    with pytest.raises(SheetInputError) as caught:
        render(engine, coordinator, within_days=400)
    assert caught.value.field == "within_days"


def test_only_coordinators_may_print_it(engine, session, coordinator, trained):
    # Names beside "peer support" training can hint at lived experience.
    fran = facilitator(session, coordinator)
    assert not SPEC.allowed_for(fran)
    with pytest.raises(PermissionDenied):
        render(engine, fran)


def test_nothing_due_says_so():
    pdf = render_training_due(TrainingDueSheet((), within_days=60))
    assert "Nobody's training has expired or is due for renewal in the next 60 days" in (
        all_text(pdf)
    )


def test_large_print_keeps_names_whole_by_shortening_dates():
    rows = (
        TrainingDueRow(
            "Francesca Jones",
            "Recruitment panel",
            date(2023, 8, 9),
            date(2026, 8, 9),
            TrainingState.EXPIRED,
        ),
    )
    lines = page_lines(
        render_training_due(
            TrainingDueSheet(rows, 60),
            SheetOptions(large_print=True, privacy=PrivacyMode.FULL),
        )
    )[0]
    assert "Francesca" in lines[lines.index("State") + 1]
    assert "9 Aug 2026" in lines and "Sun 9 Aug 2026" not in lines
    assert "Expired" in lines
