"""Made-up members for the demo: who they are, their status, roles, training and consent.

Pure data, no database: ``member_plans(count, today, fake, rng)`` returns the same people for
the same seed every time (dates counted back from ``today``). The writers in ``members.py``
store them, through the services (standard demo) or in bulk (large demo).

Contact details use ranges reserved for fiction: phone numbers 07700 900xxx / 01632 960xxx
and email addresses at example.org / example.com / example.net.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from involve_desktop.core.dates import add_months
from involve_desktop.core.services.member_dto import (
    AccessNeeds,
    ConsentHow,
    ContactMethod,
    MemberInput,
    MemberStatus,
    Restricted,
)
from involve_desktop.core.text import sort_key

# A few names that are not ASCII, so sorting, searching and printing meet them in the demo.
FIXED_PEOPLE: tuple[tuple[str, str | None, str | None], ...] = (
    ("Siobhán Murphy", None, "she/her"),
    ("Zoë Clarke", None, None),
    ("Łukasz Kowalski", None, "he/him"),
    ("Nguyễn Thị Mai", "Mai Nguyễn", "she/her"),
    ("Seán Ó Briain", None, None),
    ("Dafydd ap Siôn", None, "he/him"),
    ("Chloé Okonkwo-Brown", None, "they/them"),
)
NICKNAMES = {
    "Elizabeth": "Liz",
    "William": "Will",
    "Robert": "Rob",
    "Katherine": "Kate",
    "Margaret": "Maggie",
    "Christopher": "Chris",
    "Jennifer": "Jen",
    "Samuel": "Sam",
    "Alexander": "Alex",
    "Rebecca": "Becky",
    "Thomas": "Tom",
    "Victoria": "Vicky",
    "Daniel": "Dan",
    "Joanne": "Jo",
}
PRONOUNS = ("she/her", "he/him", "they/them", "she/they")
LEFT_REASONS = (
    "Moved away",
    "Started a new job",
    "Wanted a break from groups",
    "Caring for a relative",
    None,
)
NOTES = (
    "Prefers a phone call the day before a meeting.",
    "Likes agendas sent a week ahead.",
    "Happy to help set up the room.",
)
ACCESS_OTHER = ("Agendas in advance, please", "Quiet space to take breaks", "Sits near the door")
DOMAINS = ("example.org", "example.com", "example.net")

# (weight, role codes held now, training codes) — everyone else is a plain member.
PROFILES: tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...] = (
    (42, ("member",), ()),
    (18, ("member", "peer_supporter"), ("peer_support", "safeguarding")),
    (7, ("member", "bank_peer_supporter"), ("peer_support", "safeguarding")),
    (8, ("member", "panel_member"), ("recruitment_panel",)),
    (5, ("member", "facilitator"), ("safeguarding", "leadership_programme")),
    (8, ("member", "council_member"), ("leadership_programme",)),
    (5, ("volunteer",), ()),
    (4, ("staff",), ("safeguarding",)),
    (3, ("member", "peer_supporter", "panel_member"), ("peer_support", "recruitment_panel")),
)
VALIDITY_MONTHS = {"peer_support": 24, "recruitment_panel": 36, "safeguarding": 36}
TRAINING_DUE_DAYS = 60

if TYPE_CHECKING:  # Faker is only imported when the demo is made
    from faker import Faker


@dataclass(frozen=True)
class RolePlan:
    """A role held from ``start_on`` (to ``end_on`` if it ended)."""

    code: str
    start_on: date
    end_on: date | None = None


@dataclass(frozen=True)
class TrainingPlan:
    """Training completed on ``completed_on`` (its expiry follows the training's validity)."""

    code: str
    completed_on: date


@dataclass(frozen=True)
class ConsentPlan:
    """What someone agreed to and when; review falls 12 months later."""

    given_on: date
    how: ConsentHow
    contact_email: bool
    contact_phone: bool
    contact_post: bool
    photos: bool


@dataclass(frozen=True)
class MemberPlan:
    """One made-up person and everything recorded about them."""

    data: MemberInput
    status: MemberStatus
    status_on: date | None = None
    check_in_on: date | None = None
    left_reason: str | None = None
    roles: tuple[RolePlan, ...] = ()
    training: tuple[TrainingPlan, ...] = ()
    consent: ConsentPlan | None = None


def _between(rng: random.Random, first: date, last: date) -> date:
    """A day from ``first`` to ``last`` (``first`` if the range is empty)."""
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.8:
        return f"07700 900{rng.randint(0, 999):03d}"
    return f"01632 960{rng.randint(0, 999):03d}"


def _email(first: str, last: str, rng: random.Random) -> str:
    """first.last@example.org, accents folded ("Łukasz" → "lukasz"), sometimes with a number."""
    plain = "".join(
        ch for ch in sort_key(f"{first}.{last}") if ch.isascii() and ch.isalnum() or ch == "."
    )
    number = rng.choice(("", "", str(rng.randint(1, 99))))
    return f"{plain.strip('.') or 'member'}{number}@{rng.choice(DOMAINS)}"


def _completed_on(code: str, joined: date, today: date, rng: random.Random) -> date:
    """A completion date that makes the training current, due for renewal or expired."""
    months = VALIDITY_MONTHS.get(code)
    if months is None:
        return _between(rng, joined, today)
    roll = rng.random()
    if roll < 0.5:  # current: expires more than the due window away
        expires = today + timedelta(days=rng.randint(TRAINING_DUE_DAYS + 5, months * 30 - 20))
    elif roll < 0.8:  # due for renewal
        expires = today + timedelta(days=rng.randint(1, TRAINING_DUE_DAYS))
    else:  # expired
        expires = today - timedelta(days=rng.randint(1, 240))
    done = add_months(expires, -months)
    return min(max(done, joined), today)


def _consent(joined: date, today: date, rng: random.Random) -> ConsentPlan | None:
    roll = rng.random()
    if roll < 0.08:
        return None
    if roll < 0.18:  # review overdue or due within 30 days
        given = today - timedelta(days=rng.randint(340, 420))
    else:
        given = today - timedelta(days=rng.randint(0, 320))
    return ConsentPlan(
        given_on=min(max(given, joined), today),
        how=rng.choice(
            (ConsentHow.WRITTEN, ConsentHow.WRITTEN, ConsentHow.VERBAL, ConsentHow.ONLINE)
        ),
        contact_email=rng.random() < 0.85,
        contact_phone=rng.random() < 0.8,
        contact_post=rng.random() < 0.3,
        photos=rng.random() < 0.4,
    )


def _access(rng: random.Random) -> AccessNeeds:
    if rng.random() > 0.16:
        return AccessNeeds()
    return AccessNeeds(
        large_print=rng.random() < 0.5,
        interpreter=rng.random() < 0.1,
        step_free=rng.random() < 0.4,
        hearing_loop=rng.random() < 0.25,
        other=rng.choice(ACCESS_OTHER) if rng.random() < 0.3 else None,
    )


def _restricted(staff: bool, rng: random.Random, fake: Faker) -> Restricted:
    lived = None if rng.random() < 0.1 else (not staff if rng.random() < 0.85 else staff)
    contact = None
    if rng.random() < 0.4:
        contact = f"{fake.first_name()} ({rng.choice(('partner', 'sister', 'friend', 'son'))}) "
        contact += _phone(rng)
    notes = rng.choice(NOTES) if rng.random() < 0.1 else None
    return Restricted(lived, contact, notes)


def _roles(
    codes: tuple[str, ...], joined: date, left_on: date | None, today: date, rng: random.Random
) -> tuple[RolePlan, ...]:
    """Roles held now (ended on the leaving date for people who left), sometimes an old one."""
    last = left_on or today
    roles = []
    for code in codes:
        start = joined
        if code not in ("member", "staff", "volunteer"):
            start = _between(rng, joined, min(joined + timedelta(days=400), last))
        roles.append(RolePlan(code, start, left_on))
    if "bank_peer_supporter" in codes and rng.random() < 0.5:  # moved from the rota to the bank
        bank = next(role for role in roles if role.code == "bank_peer_supporter")
        roles.append(RolePlan("peer_supporter", joined, bank.start_on))
    return tuple(roles)


def _person(
    full: str,
    preferred: str | None,
    pronouns: str | None,
    today: date,
    fake: Faker,
    rng: random.Random,
) -> MemberPlan:
    # Addresses follow the name someone goes by (an old name in an email would out them).
    first, last = (preferred or full).split()[0], (preferred or full).split()[-1]
    weights = [w for w, _, _ in PROFILES]
    _, codes, training_codes = rng.choices(PROFILES, weights=weights)[0]
    recent = rng.random() < 0.3  # a steady trickle of joiners over the last year and a half
    joined = today - timedelta(days=rng.randint(5, 540) if recent else rng.randint(540, 9 * 365))
    roll = rng.random()
    status, status_on, check_in, reason = MemberStatus.ACTIVE, None, None, None
    if roll < 0.11:
        status = MemberStatus.STEPPING_BACK
        status_on = _between(rng, max(joined, today - timedelta(days=120)), today)
        check_in = today + timedelta(days=rng.randint(-14, 70))
        check_in = max(check_in, status_on)
    elif roll < 0.24:
        status = MemberStatus.LEFT
        status_on = _between(rng, joined, today)
        reason = rng.choice(LEFT_REASONS)
    staff = "staff" in codes
    data = MemberInput(
        full_name=full,
        preferred_name=preferred,
        pronouns=pronouns,
        email=_email(first, last, rng) if rng.random() < 0.9 else None,
        phone=_phone(rng) if rng.random() < 0.85 else None,
        address=f"{fake.street_address()}\n{fake.city()}" if rng.random() < 0.7 else None,
        postcode=fake.postcode() if rng.random() < 0.75 else None,
        preferred_contact=rng.choice((*ContactMethod, None, None)),
        date_joined=joined,
        access=_access(rng),
        restricted=_restricted(staff, rng, fake),
    )
    ended = status_on if status is MemberStatus.LEFT else None
    last_day = ended or today
    return MemberPlan(
        data=data,
        status=status,
        status_on=status_on,
        check_in_on=check_in,
        left_reason=reason,
        roles=_roles(codes, joined, ended, today, rng),
        training=tuple(
            TrainingPlan(code, min(_completed_on(code, joined, today, rng), last_day))
            for code in training_codes
        ),
        consent=_consent(joined, today, rng),
    )


def _made_up_name(fake: Faker, rng: random.Random) -> tuple[str, str | None, str | None]:
    first, last = fake.first_name(), fake.last_name()
    nickname = NICKNAMES.get(first)
    preferred = None
    if nickname and rng.random() < 0.7:
        preferred = f"{nickname} {last}"
    elif rng.random() < 0.08:  # goes by a middle name or a name they chose
        preferred = f"{fake.first_name()} {last}"
    pronouns = rng.choice(PRONOUNS) if rng.random() < 0.3 else None
    return f"{first} {last}", preferred, pronouns


def member_plans(count: int, today: date, fake: Faker, rng: random.Random) -> list[MemberPlan]:
    """``count`` made-up people; the same list for the same seeds and ``today``."""
    names = list(FIXED_PEOPLE[: min(count, len(FIXED_PEOPLE))])
    names += [_made_up_name(fake, rng) for _ in range(count - len(names))]
    return [_person(full, pref, pron, today, fake, rng) for full, pref, pron in names]
