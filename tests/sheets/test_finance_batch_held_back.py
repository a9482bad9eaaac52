"""A finance batch never pays time to someone who no longer takes payment for it: such
lines are left out of the table, the totals and the CSV, and named above the table so the
coordinator sends them back (review of session 10: Alan's £870 "declined" but listed)."""

from __future__ import annotations

from involve_desktop.core.models.payments import PaymentPreference
from involve_desktop.core.services import payments_batch
from involve_desktop.core.services.payments_dto import PaymentMethod
from involve_desktop.core.sheets.finance_batch import render_finance_batch
from involve_desktop.core.sheets.payment_data import finance_batch_sheet
from tests.core.payments.helpers import MARCH
from tests.sheets.pdfread import all_text
from tests.sheets.test_payment_sheets import march  # noqa: F401 - fixture


def test_time_of_someone_who_now_declines_is_named_not_totalled(
    session,
    coordinator,
    march,  # noqa: F811
) -> None:
    before = finance_batch_sheet(session, coordinator, *MARCH)
    ann = next(p for p in before.batch.people if p.name == "Ann Able")
    assert ann.time_pence > 0
    # changed without the service (older data): the batch is the last guard
    session.get(PaymentPreference, ann.member_id).method = PaymentMethod.DECLINED.value
    session.commit()
    sheet = finance_batch_sheet(session, coordinator, *MARCH)
    after = next(p for p in sheet.batch.people if p.member_id == ann.member_id)
    assert (after.time_pence, after.total_pence) == (0, ann.expenses_pence)
    assert sheet.batch.total_pence == before.batch.total_pence - ann.time_pence
    text = " ".join(all_text(render_finance_batch(sheet)).split())
    assert f"Left out: 1 line for time for Ann A. (No. {ann.member_id})" in text
    assert "Put it back to waiting on the Pay lines tab and it is recorded, not paid." in text
    csv = payments_batch.finance_batch_csv(sheet.batch)
    assert "Peer support shift" not in csv


def test_nothing_left_out_says_nothing(session, coordinator, march) -> None:  # noqa: F811
    sheet = finance_batch_sheet(session, coordinator, *MARCH)
    assert sheet.batch.held_back == ()
    assert "Left out" not in all_text(render_finance_batch(sheet))
