"""The annual involvement report: read back with pypdf — no names, charts and narrative."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from involve_desktop.core.demo.context import DemoSize
from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.models.people import Member
from involve_desktop.core.services.involvement_report import (
    ReportNarrative,
    read_narrative,
    save_narrative,
)
from involve_desktop.core.sheets.catalogue import SheetParams, get_sheet
from involve_desktop.core.sheets.options import SheetOptions
from tests.sheets.member_helpers import facilitator as make_facilitator
from tests.sheets.member_helpers import sheet_data
from tests.sheets.pdfread import all_text, reader

TODAY = date(2026, 11, 27)
CHART_TEXT = (
    "Rota shifts: covered and gaps",
    "People involved each quarter: new and returning",
    "Share of all involvement taken by the 3 most involved people, by kind",
    "Gini coefficient each quarter, all involvement",
    "You said, we did: where the changes members asked for stand",
    "Quarter",  # an axis title
    "Kind of involvement",
    "Apr–Jun 2026",  # a category label
    "The leadership spectrum over time",
    "Statements ticked Yes at each self-assessment, by stage",
)


@pytest.fixture
def demo(session):
    """The standard demo group, as the app's --demo shows it."""
    return seed_demo(session, DemoSize.STANDARD, today=TODAY)


def _render(engine, actor) -> bytes:
    return get_sheet("annual-report").render(
        SheetParams(month="2026-04", group_name="Riverside Voices"),
        SheetOptions(),
        sheet_data(engine, actor),
        today=TODAY,
    )


def test_the_report_names_no_one_and_has_its_charts(engine, session, demo) -> None:
    save_narrative(
        session,
        demo,
        ReportNarrative(
            date(2026, 4, 1),
            year_in_brief="Peer support reached two new wards.",
            what_changed="The crisis team changed its discharge leaflet.",
            version=read_narrative(session, demo, date(2026, 4, 1)).version,  # the demo's words
        ),
    )
    pdf = _render(engine, demo)
    text = " ".join(all_text(pdf).split())
    for chart in CHART_TEXT:
        assert chart in text
    assert "Peer support reached two new wards." in text
    assert "The crisis team changed its discharge leaflet." in text
    assert "April 2026 to March 2027" in text
    assert "leadership spectrum twice between April 2024 and March 2027." in text
    assert "mean difference" not in text  # the Gini is explained in plain words
    names = session.execute(select(Member.full_name, Member.preferred_name)).all()
    assert len(names) >= 50
    for full, preferred in names:
        assert full not in text
        surname = full.split()[-1]
        assert f"{preferred or full.split()[0]} {surname}" not in text
    for (account_name,) in session.execute(select(Account.display_name)):
        assert account_name not in text
    assert "Confidential" not in text
    assert len(reader(pdf).pages) >= 6


def test_the_spread_readings_are_printed(engine, demo) -> None:
    text = " ".join(all_text(_render(engine, demo)).split())
    assert "How evenly involvement was spread" in text
    assert "people involved." in text  # a reading such as "… by 3 of the 12 people involved."
    assert "Top 10 % took" in text and "Gini" in text


def test_facilitators_may_not_print_it(engine, session, demo) -> None:
    facilitator = make_facilitator(session, demo)
    assert not get_sheet("annual-report").allowed_for(facilitator)
    with pytest.raises(PermissionDenied):
        _render(engine, facilitator)


def _pounds(pence: int) -> str:
    return f"£{pence // 100:,}.{pence % 100:02d}"


def test_approved_money_is_never_called_paid(engine, session, demo) -> None:
    from involve_desktop.core.models.payments import ExpenseClaim, PayLine

    year = (date(2026, 4, 1), date(2027, 3, 31))

    def total(model, status: str) -> int:
        rows = session.scalars(
            select(model).where(model.day.between(*year), model.status == status)
        ).all()
        return sum(r.amount_pence for r in rows)

    paid, owed = total(PayLine, "paid"), total(PayLine, "approved")
    repaid = total(ExpenseClaim, "paid")
    assert paid and owed  # the demo has both, as a real year part-way through would
    text = " ".join(all_text(_render(engine, demo)).split())
    assert f"Paid to members for their involvement {_pounds(paid)}" in text
    assert f"…approved, still to pay {_pounds(owed)}" in text
    assert f"Total paid {_pounds(paid + repaid)}" in text
    assert f"Total approved, still to pay {_pounds(owed + total(ExpenseClaim, 'approved'))}" in (
        text
    )
    assert _pounds(paid + owed) not in text  # no figure mixes the two
