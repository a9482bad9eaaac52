"""Weekly shift patterns and generating concrete shifts from them.

Decisions:

- A pattern's end at or before its start means the shift ends the next day (22:00–06:00);
  an end equal to the start is refused (a 24-hour shift is not a peer support shift).
- Minimum / maximum peers default to the site's when left blank; required training defaults
  to the built-in peer support training unless ``no_training_required``. A minimum above the
  site's maximum (with the pattern's maximum left blank) is refused on the minimum, naming
  both fixes, rather than quietly dropping the maximum.
- ``generate_shifts`` makes one shift per pattern per matching day, copying the pattern's
  values. It is idempotent (never a second shift for the same pattern and day — also a
  unique constraint), never creates shifts before today, skips days the site is closed,
  archived sites, and England & Wales bank holidays (from the ``holidays`` package, offline)
  unless the pattern runs on bank holidays. A holiday on a Saturday or Sunday with a weekday
  standing in for it ("Boxing Day (observed)") is a bank holiday only on that weekday, as on
  gov.uk: Sat 26 Dec 2026 gets its shifts, Mon 28 Dec does not.
- Editing a pattern never rewrites shifts already generated, past or future: they keep their
  times, peers and training (and their assignments). Only later generation uses the new
  values. To change a future shift, cancel it (with a reason) or edit it by hand.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import NotFound, ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import TrainingType
from involve_desktop.core.models.rota import RotaClosedDate, RotaPattern, RotaShift, RotaSite
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.reference_lists import training_type_id
from involve_desktop.core.services.rota_dto import GenerateResult, PatternInfo, PatternInput, hhmm
from involve_desktop.core.services.rota_rules import WEEKDAYS
from involve_desktop.core.services.rota_sites import check_peers
from involve_desktop.core.services.transaction import require, transaction
from involve_desktop.core.text import natural_sort_key

MAX_GENERATE_DAYS = 366
OBSERVED = " (observed)"  # the ``holidays`` package's mark on a stand-in weekday


@lru_cache(maxsize=32)
def _holidays_for(year: int) -> dict[date, str]:
    import holidays  # a fifth of a second to import: only when shifts are made

    return without_weekend_originals(
        dict(holidays.country_holidays("GB", subdiv="ENG", years=year).items())
    )


def without_weekend_originals(found: dict[date, str]) -> dict[date, str]:
    """Drop a holiday that falls on a Saturday or Sunday when a weekday stands in for it.

    The ``holidays`` package lists both Sat 26 Dec 2026 "Boxing Day" and Mon 28 Dec
    "Boxing Day (observed)"; only the Monday is the bank holiday (gov.uk lists only the
    substitute day), so shifts on the Saturday go ahead. A day holding two holidays
    ("Christmas Day; Boxing Day") goes only when each has its stand-in.
    """
    substituted = {
        part.removesuffix(OBSERVED)
        for name in found.values()
        for part in name.split("; ")
        if part.endswith(OBSERVED)
    }
    return {
        day: name
        for day, name in found.items()
        if day.weekday() < 5 or not all(part in substituted for part in name.split("; "))
    }


def bank_holidays(start: date, end: date) -> dict[date, str]:
    """England & Wales bank holidays from ``start`` to ``end`` inclusive, with their names."""
    found: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        found.update({d: n for d, n in _holidays_for(year).items() if start <= d <= end})
    return found


def pattern_info(row: RotaPattern, training_name: str | None) -> PatternInfo:
    """DTO for a pattern row."""
    return PatternInfo(
        row.id,
        row.site_id,
        row.site.name,
        row.weekday,
        row.start_time,
        row.end_time,
        row.min_peers,
        row.max_peers,
        row.required_training_type_id,
        training_name,
        row.runs_on_bank_holidays,
        row.valid_from,
        row.valid_to,
    )


def _values(session: Session, data: PatternInput) -> dict:
    site = session.get(RotaSite, data.site_id)
    if site is None:
        raise ValidationError("site", "Choose a site from the list.")
    if not 0 <= data.weekday <= 6:
        raise ValidationError("weekday", "Choose a day of the week.")
    if data.start_time == data.end_time:
        raise ValidationError(
            "end_time", "End time must differ from the start (an earlier end means next day)."
        )
    if data.valid_to is not None and data.valid_to < data.valid_from:
        raise ValidationError("valid_to", "Valid to must be on or after valid from.")
    min_peers = data.min_peers if data.min_peers is not None else site.min_together
    max_peers = data.max_peers if data.max_peers is not None else site.max_peers
    if data.max_peers is None and max_peers is not None and max_peers < min_peers:
        raise ValidationError(
            "min_peers",
            f"Minimum peers ({min_peers}) is more than {site.name}'s maximum of {max_peers}. "
            f"Lower the minimum, or set this shift's maximum peers to {min_peers} or more.",
        )
    check_peers(min_peers, max_peers, "min_peers", "max_peers")
    if data.no_training_required:
        training = None
    elif data.required_training_type_id is not None:
        if session.get(TrainingType, data.required_training_type_id) is None:
            raise ValidationError("required_training", "Choose a training from the list.")
        training = data.required_training_type_id
    else:
        training = training_type_id(session, "peer_support")
    return {
        "site_id": site.id,
        "weekday": data.weekday,
        "start_time": data.start_time,
        "end_time": data.end_time,
        "min_peers": min_peers,
        "max_peers": max_peers,
        "required_training_type_id": training,
        "runs_on_bank_holidays": data.runs_on_bank_holidays,
        "valid_from": data.valid_from,
        "valid_to": data.valid_to,
    }


def _refuse_duplicate(session: Session, values: dict, pattern_id: int | None) -> None:
    """Refuse a second pattern for the same site, day and times over overlapping dates.

    Two identical patterns would generate every shift twice.
    """
    query = select(RotaPattern).where(
        RotaPattern.site_id == values["site_id"],
        RotaPattern.weekday == values["weekday"],
        RotaPattern.start_time == values["start_time"],
        RotaPattern.end_time == values["end_time"],
    )
    if pattern_id is not None:
        query = query.where(RotaPattern.id != pattern_id)
    start, end = values["valid_from"], values["valid_to"] or date.max
    for other in session.scalars(query):
        if other.valid_from <= end and start <= (other.valid_to or date.max):
            until = f" until {format_date(other.valid_to)}" if other.valid_to else ""
            raise ValidationError(
                "start_time",
                f"This site already has this shift every {WEEKDAYS[other.weekday]} at these "
                f"times (from {format_date(other.valid_from)}{until}). Change that pattern "
                "instead, or choose other times or dates.",
            )


def _info(session: Session, row: RotaPattern) -> PatternInfo:
    name = None
    if row.required_training_type_id is not None:
        name = session.scalar(
            select(TrainingType.name).where(TrainingType.id == row.required_training_type_id)
        )
    return pattern_info(row, name)


def create_pattern(session: Session, actor: Actor, data: PatternInput) -> PatternInfo:
    """Add a weekly shift pattern to a site."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        values = _values(session, data)
        _refuse_duplicate(session, values, None)
        row = RotaPattern(**values)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "rota_pattern", row.id, audit.created_fields(values))
        info = _info(session, row)
    return info


def update_pattern(
    session: Session, actor: Actor, pattern_id: int, data: PatternInput
) -> PatternInfo:
    """Change a pattern; shifts already generated are left exactly as they are."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    with transaction(session):
        row = session.get(RotaPattern, pattern_id)
        if row is None:
            raise NotFound("That shift pattern is no longer in the rota. Refresh the list.")
        values = _values(session, data)
        _refuse_duplicate(session, values, pattern_id)
        before = {k: getattr(row, k) for k in values}
        for key, value in values.items():
            setattr(row, key, value)
        changes = audit.changes_between(before, values)
        if changes:
            audit.record(session, actor, "update", "rota_pattern", row.id, changes)
        info = _info(session, row)
    return info


def list_patterns(session: Session, actor: Actor, site_id: int | None = None) -> list[PatternInfo]:
    """Patterns by site, weekday and start time."""
    require(session, actor, Permission.VIEW_ROTA, "see the rota")
    query = (
        select(RotaPattern, TrainingType.name)
        .join(RotaSite, RotaSite.id == RotaPattern.site_id)
        .outerjoin(TrainingType, TrainingType.id == RotaPattern.required_training_type_id)
        .order_by(RotaSite.name, RotaPattern.weekday, RotaPattern.start_time, RotaPattern.id)
    )
    if site_id is not None:
        query = query.where(RotaPattern.site_id == site_id)
    rows = sorted(  # sites in natural order ("Venue 3" before "Venue 12"), as list_sites
        session.execute(query).all(),
        key=lambda r: (natural_sort_key(r[0].site.name), r[0].site_id, r[0].weekday),
    )
    return [pattern_info(row, name) for row, name in rows]


def generate_shifts(
    session: Session, actor: Actor, start: date, end: date, *, today: date | None = None
) -> GenerateResult:
    """Make the shifts of every pattern from ``start`` to ``end`` (never before today)."""
    require(session, actor, Permission.MANAGE_ROTA, "change the rota")
    if end < start:
        raise ValidationError("end", "The end date must be on or after the start date.")
    if (end - start).days >= MAX_GENERATE_DAYS:
        raise ValidationError("end", "Generate at most a year of shifts at a time.")
    first = max(start, today or date.today())
    if end < first:
        return GenerateResult(0, 0, (), ())
    bank = bank_holidays(first, end)
    with transaction(session):
        patterns = session.execute(
            select(RotaPattern, RotaSite.name)
            .join(RotaSite, RotaSite.id == RotaPattern.site_id)
            .where(
                RotaSite.archived.is_(False),
                RotaPattern.valid_from <= end,
                (RotaPattern.valid_to.is_(None)) | (RotaPattern.valid_to >= first),
            )
            .order_by(RotaPattern.id)
        ).all()
        closed = {
            (a, b)
            for a, b in session.execute(
                select(RotaClosedDate.site_id, RotaClosedDate.day).where(
                    RotaClosedDate.day >= first, RotaClosedDate.day <= end
                )
            )
        }
        existing = {
            (a, b)
            for a, b in session.execute(
                select(RotaShift.pattern_id, RotaShift.day).where(
                    RotaShift.day >= first, RotaShift.day <= end, RotaShift.pattern_id.is_not(None)
                )
            )
        }
        created = already = 0
        bank_skipped: dict[date, str] = {}
        closed_skipped: set[tuple[date, str]] = set()
        for pattern, site_name in patterns:
            day = first + timedelta(days=(pattern.weekday - first.weekday()) % 7)
            while day <= end:
                if pattern.valid_from <= day and (
                    pattern.valid_to is None or day <= pattern.valid_to
                ):
                    if (pattern.id, day) in existing:
                        already += 1
                    elif (pattern.site_id, day) in closed:
                        closed_skipped.add((day, site_name))
                    elif day in bank and not pattern.runs_on_bank_holidays:
                        bank_skipped[day] = bank[day]
                    else:
                        session.add(_shift_from(pattern, day))
                        created += 1
                day += timedelta(days=7)
        if created:
            audit.record(
                session,
                actor,
                "create",
                "rota_shift",
                None,
                {
                    "generated": created,
                    "from": format_date(first),
                    "to": format_date(end),
                },
            )
    return GenerateResult(
        created, already, tuple(sorted(bank_skipped.items())), tuple(sorted(closed_skipped))
    )


def _shift_from(pattern: RotaPattern, day: date) -> RotaShift:
    return RotaShift(
        site_id=pattern.site_id,
        pattern_id=pattern.id,
        day=day,
        start_time=pattern.start_time,
        end_time=pattern.end_time,
        min_peers=pattern.min_peers,
        max_peers=pattern.max_peers,
        required_training_type_id=pattern.required_training_type_id,
    )


def describe_pattern(info: PatternInfo) -> str:
    """ "Ward 4, Mondays 09:00–13:00"."""
    days = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
    return f"{info.site_name}, {days[info.weekday]} {hhmm(info.start_time)}–{hhmm(info.end_time)}"
