"""A screen's "today" that moves on at midnight.

The shared laptop is often left signed in (behind the screen lock) for days. A screen that
read the date once when it was built would, after midnight, still treat yesterday's meeting
as today's or tomorrow's as still ahead. ``LiveToday`` is a class attribute for such
screens: assign a date to fix it (tests do), assign None to follow the real date, which is
then read afresh every time.
"""

from __future__ import annotations

from datetime import date
from typing import Any, overload


class LiveToday:
    """Descriptor: the date given to the instance, or ``date.today()`` when none was."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}_fixed"

    @overload
    def __get__(self, instance: None, owner: type) -> LiveToday: ...
    @overload
    def __get__(self, instance: object, owner: type) -> date: ...
    def __get__(self, instance: Any, owner: type) -> Any:
        if instance is None:
            return self
        return getattr(instance, self.slot, None) or date.today()

    def __set__(self, instance: object, value: date | None) -> None:
        setattr(instance, self.slot, value)
