"""Backup thinning like Anki's: a year of half-hourly working-day backups comes down to the
hand-counted set (2 days in full, 12 daily, 10 weekly, 9 monthly)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from involve_desktop.core.db.backup import backup_sqlite, list_backup_files
from involve_desktop.core.db.retention import backups_to_keep

NOW = datetime(2026, 11, 25, 18, 0)  # a Wednesday evening, after the day's last backup


def _working_day_backups(day: date) -> list[datetime]:
    """Every 30 minutes from 09:00 to 17:00 (17 backups) on Monday to Friday."""
    if day.weekday() >= 5:
        return []
    start = datetime.combine(day, time(9, 0))
    return [start + timedelta(minutes=30 * i) for i in range(17)]


def _a_year() -> list[datetime]:
    stamps: list[datetime] = []
    for back in range(365):
        stamps += _working_day_backups(NOW.date() - timedelta(days=back))
    return stamps


def _five_pm(*days: str) -> set[datetime]:
    return {datetime.combine(date.fromisoformat(d), time(17, 0)) for d in days}


def test_a_year_of_backups_thins_to_the_hand_counted_set():
    kept = backups_to_keep(_a_year(), NOW)

    today_and_yesterday = set(_working_day_backups(date(2026, 11, 25))) | set(
        _working_day_backups(date(2026, 11, 24))
    )
    # The newest backup of each of the 12 working days before yesterday.
    daily = _five_pm(
        "2026-11-23", "2026-11-20", "2026-11-19", "2026-11-18", "2026-11-17", "2026-11-16",
        "2026-11-13", "2026-11-12", "2026-11-11", "2026-11-10", "2026-11-09", "2026-11-06",
    )  # fmt: skip
    # Then the newest of each earlier week (its Friday) for 10 weeks before the week of 2 Nov.
    weekly = _five_pm(
        "2026-10-30", "2026-10-23", "2026-10-16", "2026-10-09", "2026-10-02",
        "2026-09-25", "2026-09-18", "2026-09-11", "2026-09-04", "2026-08-28",
    )  # fmt: skip
    # Then the newest of each earlier month (its last working day) for 9 months before August.
    monthly = _five_pm(
        "2026-07-31", "2026-06-30", "2026-05-29", "2026-04-30", "2026-03-31",
        "2026-02-27", "2026-01-30", "2025-12-31", "2025-11-28",
    )  # fmt: skip

    assert len(today_and_yesterday) == 34
    assert kept == today_and_yesterday | daily | weekly | monthly
    assert len(kept) == 34 + 12 + 10 + 9


def test_a_weekend_does_not_use_up_daily_places_and_future_stamps_are_kept():
    monday = datetime(2026, 11, 23, 9, 0)
    stamps = [datetime(2026, 11, 20, 17, 0), datetime(2026, 11, 20, 9, 0)]  # last Friday
    stamps.append(monday + timedelta(days=3))  # the clock was wrong once: kept, not lost
    kept = backups_to_keep(stamps, monday)
    assert kept == {datetime(2026, 11, 20, 17, 0), monday + timedelta(days=3)}


def test_each_new_backup_thins_the_folder_whatever_the_reason(tmp_path: Path):
    import sqlite3

    source = tmp_path / "involve.sqlite3"
    sqlite3.connect(source).execute("CREATE TABLE t (x)").connection.close()
    folder = tmp_path / "backups"
    first = datetime(2026, 1, 5, 10, 0)  # a Monday
    for day in range(60):
        for hour, reason in ((10, "every-30-minutes"), (16, "on-close")):
            when = first + timedelta(days=day, hours=hour - 10)
            backup_sqlite(source, folder, reason, now=when)
    last = first + timedelta(days=59, hours=6)
    names = [b.path.name for b in list_backup_files(source, folder)]
    stamps = [b.taken for b in list_backup_files(source, folder)]
    assert set(stamps) == backups_to_keep(stamps, last)
    # 4 and 5 Mar in full; 3 Mar back to Fri 20 Feb daily; then the weeks of 9 Feb, 2 Feb,
    # 26 Jan, 19 Jan, 12 Jan and 5 Jan (all there are) weekly.
    assert len(names) == 4 + 12 + 6
    assert names[0] == "involve-2026-03-05T160000-on-close.sqlite3"
    assert not list(folder.glob("*.partial"))
