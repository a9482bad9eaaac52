"""Making pay lines from recorded involvement: which sources, which rate, which preference,
and running it again."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import select

from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.rota import RotaAssignment, RotaShift, RotaSite
from involve_desktop.core.services import payments_batch, payments_lines
from involve_desktop.core.services.payments_dto import (
    Activity,
    PaymentMethod,
    PayStatus,
    RateBasis,
)
from tests.core.payments.helpers import (
    MARCH,
    TODAY,
    meeting,
    panel,
    person,
    prefer,
    rate,
    shift,
    standard_rates,
)


def generate(session, actor, period=MARCH):
    return payments_lines.generate_pay_lines(session, actor, *period, today=TODAY)


def lines(session, actor, period=MARCH, **kw):
    return payments_lines.list_pay_lines(session, actor, *period, **kw)


def test_each_paying_method_gets_a_pending_line_at_the_rate(session, coordinator) -> None:
    standard_rates(session, coordinator)
    people = {}
    for method in (PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH, PaymentMethod.VOUCHER):
        people[method] = person(session, coordinator, f"Person {method.label}")
        prefer(session, coordinator, people[method], method)
        shift(session, people[method], date(2026, 3, 3), time(9), time(13))
    result = generate(session, coordinator)
    assert (result.created, result.not_payable, result.no_preference) == (3, 0, [])
    found = lines(session, coordinator)
    assert {line.method for line in found} == set(people)
    for line in found:
        assert line.status is PayStatus.PENDING
        assert line.amount_pence == 4800  # 4 h at £12.00
        assert line.minutes == 240 and line.sessions is None
        assert line.activity is Activity.ROTA_SHIFT
        assert line.description == "Peer support shift: Ward 4, 09:00–13:00"


def test_declined_and_expenses_only_are_recorded_but_not_payable(session, coordinator) -> None:
    standard_rates(session, coordinator)
    declined = person(session, coordinator, "Dee Clined")
    expenses = person(session, coordinator, "Ed Spenses")
    prefer(session, coordinator, declined, PaymentMethod.DECLINED)
    prefer(session, coordinator, expenses, PaymentMethod.EXPENSES_ONLY)
    panel(session, date(2026, 3, 10), [declined, expenses])
    result = generate(session, coordinator)
    assert (result.created, result.not_payable) == (2, 2)
    found = lines(session, coordinator)
    assert {(x.name, x.status, x.amount_pence, x.rate_pence) for x in found} == {
        ("Dee Clined", PayStatus.NOT_PAYABLE, 0, 2500),
        ("Ed Spenses", PayStatus.NOT_PAYABLE, 0, 2500),
    }
    assert {x.method for x in found} == {PaymentMethod.DECLINED, PaymentMethod.EXPENSES_ONLY}


def test_no_preference_is_pending_without_a_method_and_named(session, coordinator) -> None:
    standard_rates(session, coordinator)
    nobody = person(session, coordinator, "Nora Asked")
    meeting(session, date(2026, 3, 17), [nobody])
    result = generate(session, coordinator)
    assert result.no_preference == ["Nora Asked"]
    assert "Nora Asked" in result.summary
    (line,) = lines(session, coordinator)
    assert (line.status, line.method, line.amount_pence) == (PayStatus.PENDING, None, 2000)
    # Once asked, the line follows the preference at once.
    prefer(session, coordinator, nobody, PaymentMethod.DECLINED)
    (line,) = lines(session, coordinator)
    assert (line.status, line.method, line.amount_pence) == (
        PayStatus.NOT_PAYABLE,
        PaymentMethod.DECLINED,
        0,
    )
    prefer(session, coordinator, nobody, PaymentMethod.CASH)
    (line,) = lines(session, coordinator)
    assert (line.status, line.amount_pence) == (PayStatus.PENDING, 2000)


def test_only_held_panels_lived_experience_seats_are_paid(session, coordinator) -> None:
    standard_rates(session, coordinator)
    lived = person(session, coordinator, "Lee Ved")
    staff = person(session, coordinator, "Stacey Staff")
    for someone in (lived, staff):
        prefer(session, coordinator, someone, PaymentMethod.BANK_TRANSFER)
    panel(session, date(2026, 3, 10), [lived], [staff])
    panel(session, date(2026, 3, 12), [lived], status="cancelled")
    panel(session, date(2026, 3, 20), [lived], status="planned")
    panel(session, date(2026, 4, 1), [lived])  # outside March
    generate(session, coordinator)
    found = lines(session, coordinator)
    assert [(x.name, x.day, x.description) for x in found] == [
        ("Lee Ved", date(2026, 3, 10), "Interview panel: Peer Support Worker")
    ]


def test_shifts_need_worked_and_use_actual_minutes(session, coordinator) -> None:
    standard_rates(session, coordinator)
    peer = person(session, coordinator, "Pat Peer")
    prefer(session, coordinator, peer, PaymentMethod.BANK_TRANSFER)
    shift(session, peer, date(2026, 3, 2), actual_minutes=50)
    shift(session, peer, date(2026, 3, 3), time(22), time(6))  # overnight: 8 h planned
    shift(session, peer, date(2026, 3, 4), attendance="did_not_attend")
    shift(session, peer, date(2026, 3, 5), attendance=None)
    generate(session, coordinator)
    found = lines(session, coordinator)
    assert [(x.day, x.minutes, x.amount_pence) for x in found] == [
        (date(2026, 3, 2), 50, 1000),
        (date(2026, 3, 3), 480, 9600),
    ]


def test_meetings_need_recorded_attendance_and_not_cancelled(session, coordinator) -> None:
    standard_rates(session, coordinator)
    host = person(session, coordinator, "Hal Host")
    prefer(session, coordinator, host, PaymentMethod.VOUCHER)
    meeting(session, date(2026, 3, 3), [host])
    meeting(session, date(2026, 3, 10), [host], recorded=False)
    meeting(session, date(2026, 3, 17), [host], cancelled=True)
    generate(session, coordinator)
    assert [x.day for x in lines(session, coordinator)] == [date(2026, 3, 3)]


def test_running_again_adds_only_what_is_new(session, coordinator) -> None:
    standard_rates(session, coordinator)
    peer = person(session, coordinator, "Pat Peer")
    prefer(session, coordinator, peer, PaymentMethod.BANK_TRANSFER)
    shift(session, peer, date(2026, 3, 2))
    first = generate(session, coordinator)
    again = generate(session, coordinator)
    assert (first.created, again.created, again.already_there) == (1, 0, 1)
    shift(session, peer, date(2026, 3, 9))
    third = generate(session, coordinator)
    assert (third.created, third.already_there) == (1, 1)
    assert len(lines(session, coordinator)) == 2
    generates = session.scalars(select(AuditEntry).where(AuditEntry.action == "generate"))
    assert len(list(generates)) == 3


def test_a_shift_no_longer_worked_withdraws_its_pending_line(session, coordinator) -> None:
    standard_rates(session, coordinator)
    peer = person(session, coordinator, "Pat Peer")
    prefer(session, coordinator, peer, PaymentMethod.BANK_TRANSFER)
    assignment_id = shift(session, peer, date(2026, 3, 2))
    generate(session, coordinator)
    session.get(RotaAssignment, assignment_id).attendance = "did_not_attend"
    session.commit()
    result = generate(session, coordinator)
    assert result.withdrawn == 1
    assert "withdrawn" in result.summary
    assert lines(session, coordinator) == []


def test_an_approved_line_is_never_withdrawn_or_changed(session, coordinator) -> None:
    standard_rates(session, coordinator)
    peer = person(session, coordinator, "Pat Peer")
    prefer(session, coordinator, peer, PaymentMethod.BANK_TRANSFER)
    assignment_id = shift(session, peer, date(2026, 3, 2))
    generate(session, coordinator)
    (line,) = lines(session, coordinator)
    payments_lines.approve_lines(session, coordinator, [line.id])
    row = session.get(RotaAssignment, assignment_id)
    row.actual_minutes = 60
    session.commit()
    assert generate(session, coordinator).updated == 0
    row.attendance = "did_not_attend"
    session.commit()
    assert generate(session, coordinator).withdrawn == 0
    (kept,) = lines(session, coordinator)
    assert (kept.status, kept.minutes, kept.amount_pence) == (PayStatus.APPROVED, 240, 4800)


def test_changed_minutes_update_a_pending_line(session, coordinator) -> None:
    standard_rates(session, coordinator)
    peer = person(session, coordinator, "Pat Peer")
    prefer(session, coordinator, peer, PaymentMethod.BANK_TRANSFER)
    assignment_id = shift(session, peer, date(2026, 3, 2))
    generate(session, coordinator)
    session.get(RotaAssignment, assignment_id).actual_minutes = 150
    session.commit()
    result = generate(session, coordinator)
    assert (result.updated, result.created) == (1, 0)
    (line,) = lines(session, coordinator)
    assert (line.minutes, line.amount_pence) == (150, 3000)


def test_rate_valid_on_the_day_is_used(session, coordinator) -> None:
    rate(session, coordinator, Activity.PANEL, RateBasis.PER_SESSION, 2500, date(2025, 4, 1))
    rate(session, coordinator, Activity.PANEL, RateBasis.PER_SESSION, 3000, date(2026, 3, 15))
    sitter = person(session, coordinator, "Sid Sitter")
    prefer(session, coordinator, sitter, PaymentMethod.BANK_TRANSFER)
    for day in (date(2026, 3, 14), date(2026, 3, 15), date(2026, 3, 16)):
        panel(session, day, [sitter])
    generate(session, coordinator)
    assert [x.amount_pence for x in lines(session, coordinator)] == [2500, 3000, 3000]


def test_no_rate_makes_no_line_and_says_so(session, coordinator) -> None:
    rate(session, coordinator, Activity.PANEL, RateBasis.PER_SESSION, 2500, date(2026, 3, 11))
    sitter = person(session, coordinator, "Sid Sitter")
    prefer(session, coordinator, sitter, PaymentMethod.BANK_TRANSFER)
    panel(session, date(2026, 3, 10), [sitter])  # before the first panel rate
    shift(session, sitter, date(2026, 3, 10))  # no shift rate at all
    result = generate(session, coordinator)
    assert result.created == 0
    assert result.no_rate == ["Recruitment panel", "Peer support shift"]
    assert "No rate is set for: Recruitment panel, Peer support shift." in result.summary


def test_per_hour_panel_uses_its_times(session, coordinator) -> None:
    rate(session, coordinator, Activity.PANEL, RateBasis.PER_HOUR, 1201)
    sitter = person(session, coordinator, "Sid Sitter")
    prefer(session, coordinator, sitter, PaymentMethod.CASH)
    panel(session, date(2026, 3, 10), [sitter], start=time(10), end=time(10, 7))
    panel(session, date(2026, 3, 11), [sitter], start=None, end=None)
    result = generate(session, coordinator)
    assert [(x.minutes, x.amount_pence) for x in lines(session, coordinator)] == [(7, 140)]
    assert result.no_rate == []
    assert result.no_times == ["Interview panel: Peer Support Worker on Wed 11 Mar 2026"]


def test_a_thousand_ten_pence_lines_total_exactly(session, coordinator) -> None:
    rate(session, coordinator, Activity.ROTA_SHIFT, RateBasis.PER_HOUR, 10)
    peer = person(session, coordinator, "Pat Peer")
    prefer(session, coordinator, peer, PaymentMethod.BANK_TRANSFER)
    site = RotaSite(name="Ward 9")
    session.add(site)
    session.flush()
    for n in range(1000):
        row = RotaShift(
            site_id=site.id, day=date(2026, 3, 1 + n % 31), start_time=time(9), end_time=time(10)
        )
        session.add(row)
        session.flush()
        session.add(
            RotaAssignment(shift_id=row.id, member_id=peer, assigned_by="t", attendance="worked")
        )
    session.commit()
    assert generate(session, coordinator).created == 1000
    ids = [x.id for x in lines(session, coordinator)]
    payments_lines.approve_lines(session, coordinator, ids)
    batch = payments_batch.finance_batch(session, coordinator, *MARCH)
    assert batch.total_pence == 10_000
    assert batch.people[0].time_pence == 10_000
    assert batch.by_method == {PaymentMethod.BANK_TRANSFER: 10_000}


def test_cohort_sessions_are_paid_at_the_cohort_rate(session, coordinator) -> None:
    standard_rates(session, coordinator)
    host = person(session, coordinator, "Hal Host")
    prefer(session, coordinator, host, PaymentMethod.BANK_TRANSFER)
    cohort = "Peer Leadership Programme — Cohort 3"
    meeting(session, date(2026, 3, 4), [host], group=cohort, kind="leadership_cohort")
    meeting(session, date(2026, 3, 5), [host])
    result = generate(session, coordinator)
    assert result.no_rate == ["Facilitating a cohort session"]
    assert [x.activity for x in lines(session, coordinator)] == [Activity.MEETING_FACILITATION]
    rate(session, coordinator, Activity.COHORT_FACILITATION, RateBasis.PER_HOUR, 1500)
    assert generate(session, coordinator).created == 1
    first = lines(session, coordinator)[0]
    assert (first.activity, first.description, first.minutes, first.amount_pence) == (
        Activity.COHORT_FACILITATION,
        f"Cohort session: {cohort}",
        120,
        3000,
    )
