"""Dates, times, money and file sizes the way users read them, whatever the system locale.

Dates as "Tue 3 Mar 2026", times 24-hour, money as "£12.50" (stored as integer pence),
sizes as "820 KB".
"""

from __future__ import annotations

from datetime import UTC, date, datetime

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(day: date) -> str:
    """ "Tue 3 Mar 2026"."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def local_from_utc(moment: datetime) -> datetime:
    """A stored (naive UTC) timestamp as local wall-clock time."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def format_date_time(local: datetime) -> str:
    """A local wall-clock time as "Tue 3 Mar 2026, 14:05"."""
    return f"{format_date(local.date())}, {local:%H:%M}"


def format_timestamp(moment: datetime | None, empty: str = "—") -> str:
    """A stored UTC timestamp as local "Tue 3 Mar 2026, 14:05"."""
    if moment is None:
        return empty
    return format_date_time(local_from_utc(moment))


def format_size(size: int) -> str:
    """A file's size in bytes as "820 KB" (at least 1 KB) or "12.4 MB"."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def format_pence(pence: int) -> str:
    """Integer pence as pounds: 1250 → "£12.50", -5 → "−£0.05"."""
    sign = "−" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), 100)
    return f"{sign}£{pounds:,}.{rest:02d}"
