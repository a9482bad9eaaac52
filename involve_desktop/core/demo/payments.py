"""The involvement payments demo seeder: rates, preferences, pay lines and expense claims.

Runs last (after the rota, meetings, panels and cohorts seeders), through the payment
services. Rates: a recruitment panel £25 per session, a peer support shift £12.00 per hour,
facilitating a meeting £20 per session, facilitating a cohort session £30 per session.
The people involved in the last three complete months get a preference: mostly bank
transfer, some cash or voucher, two or three declined, one or two expenses only, a few not
asked yet; most have a date when benefits advice was offered.
Lines are made for those three months and this month so far; the two oldest months are
approved and paid, the third approved (waiting to be paid: the finance batch), this month
waiting for approval. A handful of expense claims (travel with receipts, one care costs)
follow the same pattern.

The same data every run: choices come from a seeded ``random.Random``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from involve_desktop.core.dates import add_months
from involve_desktop.core.demo.context import SEED, DemoContext
from involve_desktop.core.services import (
    payments_expenses,
    payments_lines,
    payments_preferences,
    payments_rates,
)
from involve_desktop.core.services.payments_dto import (
    Activity,
    ExpenseInput,
    ExpenseKind,
    PaymentMethod,
    PayStatus,
    PreferenceInput,
    RateBasis,
    RateInput,
)
from involve_desktop.core.services.payments_sources import sources_in

_RANDOM_SEED = SEED + 70
RATES = (
    (Activity.PANEL, RateBasis.PER_SESSION, 2500),
    (Activity.ROTA_SHIFT, RateBasis.PER_HOUR, 1200),
    (Activity.MEETING_FACILITATION, RateBasis.PER_SESSION, 2000),
    (Activity.COHORT_FACILITATION, RateBasis.PER_SESSION, 3000),
)
TRAVEL = (
    ("Return bus fare", 460),
    ("Train and bus", 1280),
    ("Taxi (no step-free bus route)", 1850),
    ("Mileage, 14 miles at 45p", 630),
    ("Return bus fare", 500),
)


def months_back(today: date) -> list[tuple[date, date]]:
    """The last three complete months, oldest first, as (first day, last day)."""
    first_this = today.replace(day=1)
    periods = []
    for back in (3, 2, 1):
        start = add_months(first_this, -back)
        periods.append((start, add_months(start, 1) - timedelta(days=1)))
    return periods


def _preferences(ctx: DemoContext, involved: list[int], rng: random.Random) -> None:
    """Give most people a preference (see the module text); a few are not asked yet.

    ``involved`` has one entry per piece of involvement, so the people most involved are
    mostly paid; the choices that pay nothing for time go to people involved less often.
    """
    counts: dict[int, int] = {}
    for member_id in involved:
        counts[member_id] = counts.get(member_id, 0) + 1
    people = sorted(counts, key=lambda m: (-counts[m], m))
    others = people[len(people) // 3 :]
    rng.shuffle(others)
    special: dict[int, PaymentMethod | None] = {}
    for method, how_many in (
        (PaymentMethod.DECLINED, 3 if len(people) > 15 else 2),
        (PaymentMethod.EXPENSES_ONLY, 2 if len(people) > 15 else 1),
        (None, 2),
    ):
        for _ in range(how_many):
            if others:
                special[others.pop()] = method
    for number, member_id in enumerate(people):
        if member_id in special:
            method = special[member_id]
        else:
            method = rng.choices(
                [PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH, PaymentMethod.VOUCHER],
                [6, 2, 1],
            )[0]
        if method is None:
            continue
        offered = None if number % 5 == 4 else ctx.today - timedelta(days=rng.randint(30, 400))
        note = (
            "Keeps to the permitted earnings limit, so asked not to be paid for time."
            if method is PaymentMethod.DECLINED
            else None
        )
        payments_preferences.set_preference(
            ctx.session,
            ctx.coordinator,
            member_id,
            PreferenceInput(method, offered, note),
            today=ctx.today,
        )


def _claims(ctx: DemoContext, periods: list[tuple[date, date]], rng: random.Random) -> None:
    """A few travel claims (with receipts) and one care costs claim, on involvement days."""
    session, actor = ctx.session, ctx.coordinator
    for number, (start, end) in enumerate(periods):
        found = sorted(sources_in(session, start, end, ctx.today), key=lambda s: (s.day, s.id))
        if not found:
            continue
        picks = rng.sample(found, min(len(found), 2))
        ids = []
        for pick_number, source in enumerate(picks):
            text, pence = TRAVEL[(number * 2 + pick_number) % len(TRAVEL)]
            data = ExpenseInput(source.member_id, ExpenseKind.TRAVEL, source.day, pence, True, text)
            ids.append(payments_expenses.add_claim(session, actor, data, today=ctx.today).id)
        if number == 1:
            source = picks[0]
            data = ExpenseInput(
                source.member_id,
                ExpenseKind.CARE,
                source.day,
                2400,
                True,
                "Childminder for the afternoon",
            )
            ids.append(payments_expenses.add_claim(session, actor, data, today=ctx.today).id)
        if number < 2:
            payments_expenses.approve_claims(session, actor, ids)
            paid_on = min(end + timedelta(days=10), ctx.today)
            payments_expenses.mark_claims_paid(session, actor, ids, paid_on, today=ctx.today)


def seed_payments(ctx: DemoContext) -> None:
    """Add the demo rates, preferences, pay lines and claims (see the module docstring)."""
    rng = random.Random(_RANDOM_SEED)
    session, actor, today = ctx.session, ctx.coordinator, ctx.today
    since = date(today.year - 2, 4, 1)
    for activity, basis, pence in RATES:
        payments_rates.set_rate(session, actor, RateInput(activity, basis, pence, since))
    periods = months_back(today)
    involved = sources_in(session, periods[0][0], today, today)
    _preferences(ctx, [s.member_id for s in involved], rng)
    for start, end in [*periods, (today.replace(day=1), today)]:
        payments_lines.generate_pay_lines(session, actor, start, end, today=today)
    for number, (start, end) in enumerate(periods):
        waiting = payments_lines.lines_in(session, start, end, statuses=[PayStatus.PENDING])
        ids = [line.id for line in waiting if line.method is not None]
        if not ids:
            continue
        payments_lines.approve_lines(session, actor, ids)
        if number < 2:
            paid_on = min(end + timedelta(days=10), today)
            payments_lines.mark_lines_paid(session, actor, ids, paid_on, today=today)
    _claims(ctx, periods, rng)
