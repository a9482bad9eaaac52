"""A person's attendance record at meetings, in words, for their member page.

Each meeting attended or facilitated is already a line of their involvement history; this
adds the per-group totals: meetings attended, apologies sent, meetings facilitated, and
when they first and last came (only the groups the account may see).
"""

from __future__ import annotations

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.meetings_dto import PersonAttendance, PersonGroupAttendance
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.ui.members.page_sections import Line

NO_MEETINGS = "No meetings attended yet."


def _group_line(g: PersonGroupAttendance) -> str:
    parts = [f"attended {plural(g.attended, 'meeting')}"]
    if g.apologies:
        parts.append(f"sent apologies {plural(g.apologies, 'time')}")
    if g.facilitated:
        parts.append(f"facilitated {g.facilitated}")
    text = f"{g.group_name}: " + ", ".join(parts)
    if g.first_attended and g.last_attended:
        first, last = format_date(g.first_attended), format_date(g.last_attended)
        text += f" (on {first})" if first == last else f" (first {first}, last {last})"
    return text


def attendance_lines(record: PersonAttendance) -> list[Line]:
    """One line a group, then the totals when there are several groups."""
    if not record.groups:
        return [Line(NO_MEETINGS)]
    lines = [Line(_group_line(g)) for g in record.groups]
    if len(record.groups) > 1:
        lines.append(
            Line(
                f"In all: attended {plural(record.attended, 'meeting')}, apologies "
                f"{record.apologies}, facilitated {record.facilitated}."
            )
        )
    return lines
