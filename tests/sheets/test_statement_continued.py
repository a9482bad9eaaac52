"""A statement that runs over a page says whose it is at the top of the next page (issue #6
walk-through: the second page of Alan's statement among everyone's had no name on it)."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services import payments_lines
from involve_desktop.core.services.payments_dto import PaymentMethod
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.payment_data import payment_statements_pdf
from tests.core.payments.helpers import MARCH, TODAY, person, prefer, shift, standard_rates
from tests.sheets.pdfread import page_lines

FULL = SheetOptions(privacy=PrivacyMode.FULL)


def test_a_long_statement_names_its_person_on_every_page(session, coordinator) -> None:
    standard_rates(session, coordinator)
    ann = person(session, coordinator, "Ann Able")
    bo = person(session, coordinator, "Bo Brief")
    for who in (ann, bo):
        prefer(session, coordinator, who, PaymentMethod.BANK_TRANSFER, date(2026, 1, 5))
    for day in range(1, 31):
        shift(session, ann, date(2026, 3, day))
    shift(session, bo, date(2026, 3, 4))
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    pages = page_lines(
        payment_statements_pdf(session, coordinator, *MARCH, None, FULL, today=TODAY)
    )
    assert len(pages) >= 3  # Ann runs over, Bo has a page of his own
    ann_pages = [p for p in pages if not any("Bo Brief" in line for line in p)]
    assert len(ann_pages) >= 2
    first, *continued = ann_pages
    assert "Ann Able" in first
    assert any("Peer support shift" in " ".join(page) for page in continued)
    for page in continued:
        assert any("Ann Able" in line for line in page)  # whose page it is, on every page
        if "Peer support shift" in " ".join(page):
            assert "Ann Able — paid for your time, continued" in page
        assert "Sun 1 Mar Peer support shift" not in " ".join(page)  # no row printed twice
    every_row = " ".join(" ".join(p) for p in ann_pages)
    for day in (1, 15, 30):
        assert f"{date(2026, 3, day):%a} {day} Mar" in every_row
    # Bo's short statement has no continuation caption.
    assert not any("continued" in line for p in pages if "Bo Brief" in p for line in p)


def test_a_two_page_claim_form_names_the_person_on_its_second_page(session, coordinator) -> None:
    from involve_desktop.core.sheets.payment_data import expense_claim_form_pdf

    standard_rates(session, coordinator)
    ann = person(session, coordinator, "Ann Able")
    prefer(session, coordinator, ann, PaymentMethod.BANK_TRANSFER, date(2026, 1, 5))
    for day in range(1, 31):
        shift(session, ann, date(2026, 3, day))
    pages = page_lines(expense_claim_form_pdf(session, coordinator, ann, *MARCH, FULL, today=TODAY))
    assert len(pages) >= 2
    first, *rest = pages
    assert "Ann Able" in first
    assert any("Shift: Ward 4" in " ".join(page) for page in rest)  # the days run over
    for page in rest:
        if "Shift: Ward 4" in " ".join(page):
            assert "Ann Able — your claim, continued" in page
