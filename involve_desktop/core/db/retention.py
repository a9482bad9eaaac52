"""Which backups to keep: Anki's thinning, so recent work is close at hand and old work lasts.

Every backup from today and yesterday is kept. Going back from there, the newest backup of
each earlier day is kept for 12 days (days with no backup do not count), then the newest of
each earlier week (Monday to Sunday) for 10 weeks, then the newest of each earlier month for 9
months. Everything else may be deleted. Learned from Anki's ``rslib/src/collection/backup.rs``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

DAILY = 12
WEEKLY = 10
MONTHLY = 9


def _week(day: date) -> date:
    """The Monday that starts ``day``'s week."""
    return day - timedelta(days=day.weekday())


def _month(day: date) -> tuple[int, int]:
    return day.year, day.month


def backups_to_keep(
    stamps: Iterable[datetime],
    now: datetime,
    daily: int = DAILY,
    weekly: int = WEEKLY,
    monthly: int = MONTHLY,
) -> set[datetime]:
    """The times of the backups to keep, out of ``stamps`` (times the backups were taken).

    Walks from the newest backup to the oldest: today's and yesterday's (and any from the
    future, if the clock was changed) are all kept; each older backup is kept while a
    daily, then weekly, then monthly place is left and it is the first (newest) one seen of
    a day, week or month older than the last one kept.
    """
    yesterday = now.date() - timedelta(days=1)
    keep: set[datetime] = set()
    last_day: date | None = None
    left = {"daily": daily, "weekly": weekly, "monthly": monthly}
    for stamp in sorted(set(stamps), reverse=True):
        day = stamp.date()
        if day >= yesterday:
            stage = None
        elif left["daily"] and (last_day is None or day < last_day):
            stage = "daily"
        elif left["daily"]:
            continue  # another backup of a day already kept
        elif left["weekly"] and (last_day is None or _week(day) < _week(last_day)):
            stage = "weekly"
        elif left["weekly"]:
            continue
        elif left["monthly"] and (last_day is None or _month(day) < _month(last_day)):
            stage = "monthly"
        else:
            continue
        keep.add(stamp)
        last_day = day
        if stage is not None:
            left[stage] -= 1
    return keep
