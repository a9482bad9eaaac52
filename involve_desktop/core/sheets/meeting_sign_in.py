"""The sign-in sheet for a meeting, or a batch of meetings (one after another, each starting
on a new page): the people expected, then blank rows for newcomers.

Each meeting starts with its group, date, time, venue and topic, and who is listed (an open
group's sheet also lists people who came lately, so it says so); then numbered rows with
"No.", "Name", "Here" (a box to tick) and "Signature". Names are the ones people go by, in
the chosen privacy mode (two that would read the same as "first name and initial" are told
apart: "Callum Br.", "Callum Bu."), in alphabetical order of the name they go by — the order
the attendance screen shows them in, so ticks are typed back row by row. An optional "New
here?" box asks newcomers for a name, how to contact them (optional) and a consent tick.

A meeting fits one A4 page when it can: rows tighten to 9 mm (the least for handwriting),
then up to six of the empty rows give way (two are always kept), then the "New here?" box
is left out — a group of about 20 fits (``_plan``). A longer list runs on at row
boundaries, each new page saying which meeting it continues, and the box stays with the
last names when giving up at most half of the empty rows makes room for it, rather than
taking a page of its own.

Nothing else about anyone is printed: no roles, no lived experience, nothing that says why
someone comes. The sheet carries the Confidential footer, and uses the shared page, styles
and fonts (DejaVu Sans, so every name prints).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import _FrameBreak

from involve_desktop.core.formatting import format_date
from involve_desktop.core.sheets.continued_table import ContinuedTable
from involve_desktop.core.sheets.fonts import FONT_BOLD, FONT_REGULAR, text_width
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import PrivacyMode, distinct_short_names, format_name
from involve_desktop.core.sheets.options import (
    SheetInputError,
    SheetOptions,
    check_count,
    check_text,
)
from involve_desktop.core.sheets.styles import (
    SheetStyles,
    cell_within,
    paragraph,
    ruled_table,
    sheet_styles,
)

DEFAULT_TITLE = "Sign-in sheet"
DEFAULT_BLANK_ROWS = 8
MIN_BLANK_ROWS = 0
MAX_BLANK_ROWS = 60
MAX_MEETINGS = 31
COLUMNS = ("No.", "Name", "Here", "Signature")
WELCOME = "Please tick \u201cHere\u201d and sign. Not on the list? Write your name in an empty row."
NEW_HERE_TITLE = "New here?"
NEW_HERE_TEXT = (
    "Welcome! If you would like to hear about future meetings, write your name and how to "
    "contact you (optional), and tick \u201cOK to keep\u201d if you are happy for us to keep "
    "them to tell you about meetings. You can ask us to remove them at any time."
)
NEW_HERE_COLUMNS = ("Name", "How to contact you (optional)", "OK to keep")
SHORT_CONTACT_HEADING = "Contact (optional)"  # where the long one would run into "OK to keep"
NEW_HERE_ROWS = 3
NEW_HERE_GAP = 5 * mm
TIGHT_ROW_HEIGHT = 9 * mm  # the least a handwriting row may be (UX.md)
MIN_KEPT_BLANK_ROWS = 2  # empty rows kept when others give way to fit one page…
MAX_GIVEN_UP_ROWS = DEFAULT_BLANK_ROWS - MIN_KEPT_BLANK_ROWS  # …and at most this many go
TICK_COLUMN = {False: 16 * mm, True: 24 * mm}
OK_COLUMN = {False: 27 * mm, True: 38 * mm}


class TickBox(Flowable):
    """An empty square to tick by hand, centred in its cell."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size
        self.hAlign = "CENTER"

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        """Its size: a square."""
        return self.size, self.size

    def draw(self) -> None:
        """A thin black square (prints on any black-and-white printer)."""
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


@dataclass(frozen=True)
class SignInMeeting:
    """One meeting on the sheet: its details and the expected people's names, in order."""

    group_name: str
    day: date
    times: str
    venue: str | None = None
    topic: str | None = None
    names: tuple[str, ...] = ()
    listed: str | None = None  # who the names are: "24 group members and 8 people who came…"


@dataclass(frozen=True)
class MeetingSignInSheet:
    """What to print. ``group_name`` is the organisation's name at the top of every page."""

    meetings: tuple[SignInMeeting, ...]
    blank_rows: int = DEFAULT_BLANK_ROWS
    new_here: bool = True
    group_name: str | None = None
    title: str | None = None


def continued_caption(meeting: SignInMeeting, styles: SheetStyles) -> Flowable:
    """ "Tuesday Peer Support — Tue 1 Dec 2026, 14:00–16:00 (continued)"."""
    text = f"{meeting.group_name} \u2014 {format_date(meeting.day)}, {meeting.times} (continued)"
    return KeepTogether([paragraph(text, styles.body), Spacer(1, 2 * mm)])


def _box_size(styles: SheetStyles) -> float:
    return styles.body_size * 1.1


def _details(meeting: SignInMeeting, styles: SheetStyles, width: float, *, group: bool) -> Table:
    """Date and time on one line, then venue and topic (and the group, on sheets of several
    groups; otherwise the page header names it), then who is listed ("Listed: 24 group
    members and 8 people who came in the last 3 months"): a bold label and the value."""
    size = styles.body_size
    labels = ("Group:", "Venue:", "Topic:", "Listed:")
    label_width = max(text_width(t, FONT_BOLD, size) for t in labels)
    label_width += 3 * mm
    time_label = text_width("Time:", FONT_BOLD, size) + 6 * mm
    date_width = text_width("Wed 30 Sep 2026", FONT_REGULAR, size) + 6 * mm
    rest = width - label_width - date_width - time_label
    data: list[list[object]] = [
        ["Date:", format_date(meeting.day), "Time:", meeting.times],
    ]
    extra = [("Group:", meeting.group_name)] if group else []
    extra += [("Venue:", meeting.venue), ("Topic:", meeting.topic), ("Listed:", meeting.listed)]
    spans = []
    for label, value in extra:
        if value:
            spans.append(("SPAN", (1, len(data)), (3, len(data))))
            data.append([label, paragraph(value, styles.cell), "", ""])
    table = Table(data, colWidths=[label_width, date_width, time_label, rest])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT_REGULAR, size),
                ("FONT", (0, 0), (0, -1), FONT_BOLD, size),
                ("FONT", (2, 0), (2, 0), FONT_BOLD, size),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                *spans,
            ]
        )
    )
    return table


def _rows_table(
    meeting: SignInMeeting,
    options: SheetOptions,
    width: float,
    plan: Plan,
) -> ContinuedTable:
    styles = sheet_styles(options.large_print)
    number, tick = styles.number_column_width, TICK_COLUMN[options.large_print]
    name = (width - number - tick) * 0.55
    names = printed_names(meeting.names, options.privacy)
    names += [""] * plan.blank_rows
    box = TickBox(_box_size(styles))  # one box drawn in every row (it keeps no state)
    rows: list[list[object]] = [
        [str(index), cell_within(text, styles.cell, name, plan.row_height), box, ""]
        for index, text in enumerate(names, start=1)
    ]
    widths = [number, name, tick, width - number - name - tick]

    def build(body: list[list[object]]) -> Table:
        table = ruled_table(COLUMNS, body, widths, styles, row_height=plan.row_height)
        table.setStyle(TableStyle([("ALIGN", (2, 0), (2, -1), "CENTER")]))
        return table

    caption = continued_caption(meeting, styles)
    return ContinuedTable(
        rows, build, caption, tail=plan.tail, spare=plan.spare, least_row_height=plan.row_height
    )


def printed_names(names: Sequence[str], privacy: PrivacyMode) -> list[str]:
    """The names as the privacy mode prints them; in "first name and initial", two that
    would read the same are told apart ("Callum Br.", "Callum Bu.")."""
    if privacy is PrivacyMode.FIRST_INITIAL:
        shorts = distinct_short_names(names)
        return [shorts[name] for name in names]
    return [format_name(name, privacy) for name in names]


class NewHereBox(KeepTogether):
    """The "New here?" box, kept in one piece; when it must start a page of its own, that
    page starts with ``caption`` (which meeting it belongs to), as a continued list does."""

    def __init__(self, flowables: list[Flowable], caption: Flowable) -> None:
        super().__init__(flowables)
        self.caption = caption

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """The box, after a page break and the caption when it does not fit here."""
        parts = super().split(avail_width, avail_height)
        if parts and isinstance(parts[0], _FrameBreak):  # it starts the next page
            parts.insert(1, self.caption)
        return parts


def _new_here(
    styles: SheetStyles, width: float, caption: Flowable, row_height: float
) -> tuple[Flowable, float]:
    """The "New here?" box, and the height it takes with the space above it."""
    ok = OK_COLUMN[styles.large_print]
    name = (width - ok) * 0.45
    contact = width - name - ok
    name_heading, contact_heading, ok_heading = NEW_HERE_COLUMNS
    if text_width(contact_heading, FONT_BOLD, styles.body_size) > contact - 4 * mm:
        contact_heading = SHORT_CONTACT_HEADING  # large print: the long one would overlap
    rows = [["", "", TickBox(_box_size(styles))] for _ in range(NEW_HERE_ROWS)]
    table = ruled_table(
        (name_heading, contact_heading, ok_heading),
        rows,
        [name, contact, ok],
        styles,
        row_height=row_height,
    )
    table.setStyle(TableStyle([("ALIGN", (2, 0), (2, -1), "CENTER")]))
    intro = Paragraph(f"<b>{NEW_HERE_TITLE}</b> {escape(NEW_HERE_TEXT)}", styles.body)
    height = NEW_HERE_GAP + intro.wrap(width, 10_000)[1] + 2 * mm + table.wrap(width, 10_000)[1]
    return NewHereBox([intro, Spacer(1, 2 * mm), table], caption), height


@dataclass(frozen=True)
class Plan:
    """How one meeting is laid out: its row height, how many empty rows, whether the "New
    here?" box is printed, and (for a list longer than a page) how many empty rows may give
    way so the box stays with the last names (``tail`` is the box's height)."""

    row_height: float
    blank_rows: int
    box: bool
    tail: float = 0
    spare: int = 0


def _plan(
    meeting: SignInMeeting,
    sheet: MeetingSignInSheet,
    options: SheetOptions,
    width: float,
    room: float,
) -> Plan:
    """The first layout that puts the whole meeting on one page, trying in turn:

    1. everything as asked, at the usual row height;
    2. rows 9 mm high (the least for handwriting; standard print only — large print keeps
       its taller rows);
    3. fewer empty rows, keeping the "New here?" box;
    4. the box left out, with as many of the empty rows as fit.

    So a small group's large-print sheet stays one page too, with fewer empty rows or no
    box; from about 11 names it runs on to a second page, keeping both.

    Empty rows give way down to two, and at most six of them (of the usual eight): more
    asked for on purpose (a drop-in expecting newcomers) are kept. With 9 mm rows a page
    holds about 20 names, two empty rows and no box, or 15 names, two empty rows and the box.

    A list too long for one page even so keeps every empty row at the usual height and
    runs on (rows are never split), the box staying with the last names when giving up at
    most half the empty rows (and at most six) makes room for it; with no box, as many
    empty rows give way rather than start a page of nothing else. ``room`` is the height
    left for the rows and the box under the details and the welcome line.
    """
    styles = sheet_styles(options.large_print)
    caption = continued_caption(meeting, styles)
    count, blank = len(meeting.names), sheet.blank_rows
    usual = styles.row_height
    tight = usual if options.large_print else min(usual, TIGHT_ROW_HEIGHT)
    box_height = {
        height: _new_here(styles, width, caption, height)[1] if sheet.new_here else 0.0
        for height in {usual, tight}
    }

    def fits(height: float, blank_rows: int, box: bool) -> bool:
        rows = styles.header_row_height + height * (count + blank_rows)
        return rows + (box_height[height] if box else 0) <= room

    kept = max(min(blank, MIN_KEPT_BLANK_ROWS), blank - MAX_GIVEN_UP_ROWS)
    tries = [(usual, blank, sheet.new_here), (tight, blank, sheet.new_here)]
    tries += [(tight, rows, sheet.new_here) for rows in range(blank - 1, kept - 1, -1)]
    if sheet.new_here:
        tries += [(tight, rows, False) for rows in range(blank, kept - 1, -1)]
    for height, blank_rows, box in tries:
        if fits(height, blank_rows, box):
            return Plan(height, blank_rows, box)
    tail = box_height[usual]
    spare = min(blank // 2, MAX_GIVEN_UP_ROWS)
    return Plan(usual, blank, sheet.new_here, tail=tail, spare=spare)


def meeting_sign_in_story(sheet: MeetingSignInSheet, options: SheetOptions) -> list[Flowable]:
    """The flowables: for each meeting its details, the rows and the "New here?" box, on
    one page when it can be (see ``_plan``); each meeting starts a new page."""
    styles = sheet_styles(options.large_print)
    geometry = page_geometry(options, _header(sheet))
    width = geometry.content_width
    gap = 3 * mm
    welcome_height = paragraph(WELCOME, styles.body).wrap(width, 10_000)[1]
    story: list[Flowable] = []
    for index, meeting in enumerate(sheet.meetings):
        if index:
            story.append(PageBreak())
        details = _details(meeting, styles, width, group=_header(sheet).subtitle is None)
        above = details.wrap(width, 10_000)[1] + 2 * gap + welcome_height
        room = geometry.frame_height - above - 1  # 1 pt to spare
        plan = _plan(meeting, sheet, options, width, room)
        story += [details, Spacer(1, gap), paragraph(WELCOME, styles.body), Spacer(1, gap)]
        story.append(_rows_table(meeting, options, width, plan))
        if plan.box:
            caption = continued_caption(meeting, styles)
            box, _height = _new_here(styles, width, caption, plan.row_height)
            story += [Spacer(1, NEW_HERE_GAP), box]
    return story


def _header(sheet: MeetingSignInSheet) -> SheetHeader:
    """Organisation, title, and the group's name when every meeting is of one group."""
    groups = {meeting.group_name for meeting in sheet.meetings}
    return SheetHeader(
        title=sheet.title or DEFAULT_TITLE,
        group_name=sheet.group_name,
        subtitle=next(iter(groups)) if len(groups) == 1 else None,
    )


def validated(sheet: MeetingSignInSheet) -> MeetingSignInSheet:
    """The sheet with its text tidied, or a ``SheetInputError`` naming the bad field."""
    if not sheet.meetings:
        raise SheetInputError("meeting", "Choose at least one meeting to print.")
    if len(sheet.meetings) > MAX_MEETINGS:
        raise SheetInputError(
            "meeting", f"Print at most {MAX_MEETINGS} meetings at a time; choose fewer."
        )
    return MeetingSignInSheet(
        meetings=sheet.meetings,
        blank_rows=check_count(
            "rows", "Empty rows for newcomers", sheet.blank_rows, MIN_BLANK_ROWS, MAX_BLANK_ROWS
        ),
        new_here=sheet.new_here,
        group_name=check_text("group_name", "Group name", sheet.group_name),
        title=check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
    )


def render_meeting_sign_in(
    sheet: MeetingSignInSheet,
    options: SheetOptions | None = None,
    *,
    printed_on: date | None = None,
) -> bytes:
    """Render the sign-in sheet(s) to PDF bytes (raises ``SheetInputError`` on bad input)."""
    sheet = validated(sheet)
    options = options or SheetOptions()
    story = meeting_sign_in_story(sheet, options)
    return build_pdf(
        story, header=_header(sheet), options=options, has_names=True, printed_on=printed_on
    )
