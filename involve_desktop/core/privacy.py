"""When a sheet that names people may print how many have lived experience.

Whether someone has lived experience is recorded but never printed (DOMAIN.md). A count
printed next to a list of names can still give it away: "3 members present: Douglas W.,
Joshua C., Will N.; 3 with lived experience" says it of each of them, and so does 0, and
"all but one" nearly does. ``printable_lived_experience`` is the one rule every sheet uses:
it gives the number to print, or None when the number must be left off and the sheet says
``KEPT_OFF`` instead (the screen still shows coordinators the number).

The rule: a sheet that names nobody may print the count. A sheet that names people prints
it only when at least ``MIN_EACH_SIDE`` named people have lived experience and at least
``MIN_EACH_SIDE`` named people do not (or have not said), so no named person's status can be
worked out. People who are present but not named (staff, carers, others counted only) are
added to the printed number, but never make it safe to print: a reader may know their
status, so the named people's own figures are what decide.
"""

from __future__ import annotations

MIN_EACH_SIDE = 3

KEPT_OFF = (
    "kept off sheets that name people, so that nobody's lived experience can be worked out "
    "(coordinators see it on screen)"
)


def printable_lived_experience(named: int, named_with: int, unnamed_with: int = 0) -> int | None:
    """The lived-experience count to print beside ``named`` named people, ``named_with`` of
    whom have lived experience (as recorded), plus ``unnamed_with`` people not named on the
    sheet who have it; None when printing it could reveal a named person's status."""
    if min(named, named_with, unnamed_with) < 0 or named_with > named:
        raise ValueError("counts must be 0 or more, with no more named with than named")
    total = named_with + unnamed_with
    if named == 0:
        return total
    if named_with >= MIN_EACH_SIDE and named - named_with >= MIN_EACH_SIDE:
        return total
    return None
