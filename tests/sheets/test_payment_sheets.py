"""Payment statements, the finance batch (PDF and CSV) and the expense claim form, read back
from real files against the figures worked out by hand.

March: Ann (bank transfer) works 4 h (£48.00) and sits a panel (£25.00), claims £4.60 bus
fares; Bea (cash) facilitates a meeting (£20.00); Dee declines payment (her panel seat is
recorded, not paid) and claims £15.00 care costs. Everything is approved; Ann's shift is
paid on 10 Apr.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from involve_desktop.core.db.engine import session_factory
from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.services import payments_expenses, payments_lines
from involve_desktop.core.services.payments_dto import (
    ExpenseInput,
    ExpenseKind,
    PaymentMethod,
    PayStatus,
)
from involve_desktop.core.sheets.catalogue import SheetData, SheetParams, get_sheet
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions
from involve_desktop.core.sheets.payment_data import (
    expense_claim_form_pdf,
    finance_batch_csv_bytes,
    finance_batch_pdf,
    payment_statements_pdf,
)
from tests.conftest import COORDINATOR_PASSWORD
from tests.core.payments.helpers import (
    MARCH,
    TODAY,
    meeting,
    panel,
    person,
    prefer,
    shift,
    standard_rates,
)
from tests.sheets.pdfread import all_text, page_lines

FULL = SheetOptions(privacy=PrivacyMode.FULL)
FORBIDDEN = ("service user", "patient", "diagnos", "client")


@pytest.fixture
def march(session, coordinator) -> dict[str, int]:
    standard_rates(session, coordinator)
    ids = {
        "ann": person(session, coordinator, "Ann Able"),
        "bea": person(session, coordinator, "Beatriz Bold", preferred="Bea"),
        "dee": person(session, coordinator, "Dee Clined"),
    }
    prefer(session, coordinator, ids["ann"], PaymentMethod.BANK_TRANSFER, date(2026, 1, 5))
    prefer(session, coordinator, ids["bea"], PaymentMethod.CASH, None)
    prefer(session, coordinator, ids["dee"], PaymentMethod.DECLINED, date(2026, 2, 3))
    shift(session, ids["ann"], date(2026, 3, 2))
    panel(session, date(2026, 3, 10), [ids["ann"], ids["dee"]])
    meeting(session, date(2026, 3, 17), [ids["bea"]])
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    for who, kind, pence, text in (
        ("ann", ExpenseKind.TRAVEL, 460, "Bus fares"),
        ("dee", ExpenseKind.CARE, 1500, "Childminder"),
    ):
        payments_expenses.add_claim(
            session,
            coordinator,
            ExpenseInput(ids[who], kind, date(2026, 3, 10), pence, True, text),
            today=TODAY,
        )
    pending = [PayStatus.PENDING]
    lines = payments_lines.list_pay_lines(session, coordinator, *MARCH, statuses=pending)
    payments_lines.approve_lines(session, coordinator, [x.id for x in lines])
    claims = payments_expenses.list_claims(session, coordinator, *MARCH, statuses=pending)
    payments_expenses.approve_claims(session, coordinator, [x.id for x in claims])
    shift_line = next(x for x in lines if x.day == date(2026, 3, 2))
    payments_lines.mark_lines_paid(
        session, coordinator, [shift_line.id], date(2026, 4, 10), today=TODAY
    )
    return ids


def test_one_statement_with_lines_expenses_and_totals(session, coordinator, march) -> None:
    pdf = payment_statements_pdf(session, coordinator, *MARCH, march["ann"], FULL, today=TODAY)
    (lines,) = page_lines(pdf)
    text = " ".join(lines)  # wrapped cells read back as one line each
    assert lines[:3] == [
        "Riverside Voices",
        "Payment statement",
        "Sun 1 Mar 2026 to Tue 31 Mar 2026",
    ]
    assert "Ann Able" in text and "How you are paid: Bank transfer" in text
    assert "Benefits advice: Offered on Mon 5 Jan 2026" in text
    assert "Mon 2 Mar Peer support shift: Ward 4, 09:00–13:00 4 h £12.00 per hour £48.00" in text
    assert "Paid Fri 10 Apr 2026" in text
    assert "Tue 10 Mar Interview panel: Peer Support Worker 1 session £25.00 per session" in text
    assert "Travel: Bus fares" in text
    assert "For your time £73.00 Expenses £4.60 Total £77.60" in text
    assert "Paid so far £48.00 Approved, still to pay £29.60" in text
    assert "Waiting for approval" not in text  # everything of Ann's is approved


def test_statement_keeps_lines_waiting_for_approval_apart(session, coordinator, march) -> None:
    payments_expenses.add_claim(
        session,
        coordinator,
        ExpenseInput(march["ann"], ExpenseKind.TRAVEL, date(2026, 3, 20), 350, True, "Taxi"),
        today=TODAY,
    )
    pdf = payment_statements_pdf(session, coordinator, *MARCH, march["ann"], FULL, today=TODAY)
    text = " ".join(" ".join(page) for page in page_lines(pdf))
    assert "Paid so far £48.00 Approved, still to pay £29.60 Waiting for approval £3.50" in text
    assert "Confidential — contains personal information" in text
    assert not any(word in text.casefold() for word in FORBIDDEN)


def test_declined_involvement_is_recorded_in_their_words(session, coordinator, march) -> None:
    pdf = payment_statements_pdf(session, coordinator, *MARCH, march["dee"], FULL, today=TODAY)
    text = all_text(pdf)
    assert "Declined payment" in text
    assert "Recorded — you chose not to be paid" in text
    assert "Interview panel: Peer Support Worker" in text
    assert "Paid for your time" not in text
    assert "Care costs: Childminder" in text


def test_everyone_gets_a_page_in_name_order(session, coordinator, march) -> None:
    person(session, coordinator, "Zed Nothing")
    pages = page_lines(payment_statements_pdf(session, coordinator, *MARCH, today=TODAY))
    assert len(pages) == 3
    assert [page[5] for page in pages] == ["Ann A.", "Bea B.", "Dee C."]  # privacy default
    assert "Not recorded — ask us if you would like advice" in " ".join(pages[1])


def test_finance_batch_pdf_totals_and_sign_off(session, coordinator, march) -> None:
    (lines,) = page_lines(finance_batch_pdf(session, coordinator, *MARCH, FULL, today=TODAY))
    text = " ".join(lines)
    assert "Covers: Approved, waiting to be paid." in text
    # Ann's shift is paid already, so only her panel and bus fares wait.
    ann, bea = march["ann"], march["bea"]
    assert f"{ann} Ann Able Bank transfer £25.00 £4.60 £29.60 Sam Coordinator" in text
    assert f"{bea} Bea Bold Cash £20.00 £0.00 £20.00 Sam Coordinator" in text
    # Dee declined payment for her time, but her care costs are still repaid: finance is
    # told so, not "Declined payment £15.00".
    assert "Dee Clined Expenses only (declined payment for time) £0.00 £15.00 £15.00" in text
    assert "Bank transfer £29.60 Cash £20.00 Expenses only (declined payment for time) £15.00" in (
        text
    )
    assert "Declined payment £" not in text
    assert "Grand total (3 people) £64.60" in text
    for sign in ("Checked by", "Authorised by", "Paid by"):
        assert sign in lines
    assert not any(word in text.casefold() for word in FORBIDDEN)


def test_large_print_batch_keeps_the_sign_off_with_the_totals(session, coordinator, march) -> None:
    more = [person(session, coordinator, f"Extra Person {n:02d}") for n in range(14)]
    for member_id in more:
        prefer(session, coordinator, member_id, PaymentMethod.CASH)
        payments_expenses.add_claim(
            session,
            coordinator,
            ExpenseInput(member_id, ExpenseKind.TRAVEL, date(2026, 3, 12), 300, True, "Bus"),
            today=TODAY,
        )
    pending = payments_expenses.list_claims(
        session, coordinator, *MARCH, statuses=[PayStatus.PENDING]
    )
    payments_expenses.approve_claims(session, coordinator, [x.id for x in pending])
    large = SheetOptions(privacy=PrivacyMode.FULL, large_print=True)
    pages = page_lines(finance_batch_pdf(session, coordinator, *MARCH, large, today=TODAY))
    assert len(pages) > 1
    (with_sign_off,) = [page for page in pages if "Finance sign-off" in page]
    assert "Totals by how people are paid" in with_sign_off
    assert any(line.startswith("Grand total (17 people)") for line in with_sign_off)


def test_finance_batch_csv_has_a_bom_and_no_totals(session, coordinator, march) -> None:
    data = finance_batch_csv_bytes(session, coordinator, *MARCH)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["member_id", "name", "method", "date"]
    assert [r[8] for r in rows[1:]] == ["25.00", "4.60", "20.00", "15.00"]


def test_claim_form_lists_days_claims_and_room_to_write(session, coordinator, march) -> None:
    pdf = expense_claim_form_pdf(session, coordinator, march["dee"], *MARCH, FULL, today=TODAY)
    pages = page_lines(pdf)
    text = "\n".join("\n".join(p) for p in pages)
    assert "Dee Clined" in text and "Sun 1 Mar 2026 to Tue 31 Mar 2026" in text
    assert "Tue 10 Mar Interview panel: Peer Support Worker" in " ".join(pages[0])
    assert "Claims we already have" in text and "Care costs: Childminder" in text
    assert "I spent this money to take part" in text
    assert "For office use" in text and "Approved by" in text and "Paid on" in text
    assert "Signed" in text
    assert not any(word in text.casefold() for word in FORBIDDEN)
    with pytest.raises(SheetInputError) as caught:
        expense_claim_form_pdf(
            session, coordinator, march["dee"], *MARCH, FULL, empty_rows=31, today=TODAY
        )
    assert caught.value.field == "rows"


def test_sheets_print_from_the_catalogue(engine, coordinator, march) -> None:
    data = SheetData(session_factory(engine), coordinator)
    april = date(2026, 4, 15)
    statement = get_sheet("payment-statement").render(
        SheetParams(person="bea bold"), FULL, data, today=april
    )
    assert "Bea Bold" in all_text(statement)  # last month by default: March
    batch = get_sheet("finance-batch").render(SheetParams(month="2026-03"), FULL, data)
    assert "Grand total (3 people)" in all_text(batch)
    form = get_sheet("expense-claim-form").render(
        SheetParams(person=str(march["ann"]), month="Mar 2026", rows=2), FULL, data
    )
    assert "Ann Able" in all_text(form)
    for wrong, words in (("", "Say who"), ("999", "no member number 999"), ("Nobody", "Nobody")):
        with pytest.raises(SheetInputError, match=words) as caught:
            get_sheet("expense-claim-form").render(SheetParams(person=wrong), FULL, data)
        assert caught.value.field == "person"


def test_facilitators_cannot_print_payment_sheets(session, coordinator, march) -> None:
    from involve_desktop.core.permissions import Role
    from involve_desktop.core.services import accounts

    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    fran = accounts.sign_in(session, "fran", "tuesday group")
    for key in ("payment-statement", "finance-batch", "expense-claim-form"):
        assert not get_sheet(key).allowed_for(fran)
    for action in (
        lambda: payment_statements_pdf(session, fran, *MARCH),
        lambda: finance_batch_pdf(session, fran, *MARCH),
        lambda: finance_batch_csv_bytes(session, fran, *MARCH),
        lambda: expense_claim_form_pdf(session, fran, march["ann"], *MARCH),
    ):
        with pytest.raises(PermissionDenied):
            action()


def test_print_and_csv_from_the_command_line(
    database_url, session, coordinator, march, tmp_path, monkeypatch
) -> None:
    from involve_desktop import cli

    session.close()
    monkeypatch.setenv("INVOLVE_PASSWORD", COORDINATOR_PASSWORD)
    base = ["--database", database_url, "print"]
    out = tmp_path / "statement.pdf"
    argv = [*base, "payment-statement", "--user", "sam", "--month", "2026-03"]
    assert cli.main([*argv, "--member", "Dee Clined", "--out", str(out)]) == 0
    text = all_text(out.read_bytes())
    assert "Recorded — you chose not to be paid" in text
    assert "Dee Clined" in text  # payment sheets print full names unless asked otherwise
    assert (
        cli.main([*argv, "--member", "Dee Clined", "--privacy", "initial", "--out", str(out)]) == 0
    )
    assert "Dee C." in all_text(out.read_bytes())
    out = tmp_path / "batch.csv"
    argv = [*base, "finance-batch", "--user", "sam", "--month", "2026-03", "--csv"]
    assert cli.main([*argv, "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfmember_id,name")
    wrong = [*base, "expense-claim-form", "--user", "sam", "--member", "1", "--csv"]
    assert cli.main([*wrong, "--out", str(tmp_path / "x.csv")]) == 2


def test_large_print_money_tables_turn_landscape(session, coordinator, march) -> None:
    from tests.sheets.pdfread import reader

    large = SheetOptions(large_print=True, privacy=PrivacyMode.FULL)
    for pdf in (
        finance_batch_pdf(session, coordinator, *MARCH, large, today=TODAY),
        payment_statements_pdf(session, coordinator, *MARCH, march["ann"], large, today=TODAY),
    ):
        box = reader(pdf).pages[0].mediabox
        assert float(box.width) > float(box.height)
        assert "£77.60" in all_text(pdf) or "£64.60" in all_text(pdf)
    form = expense_claim_form_pdf(session, coordinator, march["ann"], *MARCH, large, today=TODAY)
    box = reader(form).pages[0].mediabox
    assert float(box.width) < float(box.height)  # the form stays portrait for writing on


def test_a_long_statement_starts_its_table_on_the_first_page(session, coordinator) -> None:
    standard_rates(session, coordinator)
    ann = person(session, coordinator, "Ann Able")
    prefer(session, coordinator, ann, PaymentMethod.BANK_TRANSFER, date(2026, 1, 5))
    for day in range(1, 31):
        shift(session, ann, date(2026, 3, day))
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    pdf = payment_statements_pdf(session, coordinator, *MARCH, ann, FULL, today=TODAY)
    first, *rest = page_lines(pdf)
    assert rest  # thirty shifts run over
    first_text = " ".join(first)
    assert "Paid for your time" in first_text
    assert "Sun 1 Mar Peer support shift" in first_text


def test_each_persons_statement_counts_its_own_pages(session, coordinator, march) -> None:
    """Printed for everyone, each statement says "Page 1 of n" for that person's own pages."""
    for day in range(3, 31):  # Ann's statement runs over a page
        shift(session, march["ann"], date(2026, 3, day))
    payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
    pages = page_lines(payment_statements_pdf(session, coordinator, *MARCH, today=TODAY))
    numbers = [next(x for x in page if x.startswith("Page ")) for page in pages]
    ann_pages = len(pages) - 2
    assert ann_pages >= 2
    assert numbers == [f"Page {n} of {ann_pages}" for n in range(1, ann_pages + 1)] + [
        "Page 1 of 1",
        "Page 1 of 1",
    ]
