"""The printable sheets the app offers, so the Sheets screen and the CLI list the same ones.

Each entry says which inputs its form offers (``fields``), whether it prints people's names
(then the privacy mode is offered), and how to make it. A sheet drawn from the form alone
(the blank sign-in sheet) has only ``draw``; a sheet of members also has ``load``, which
reads its rows through the services with a Session and the signed-in account, so
``render`` then needs a ``SheetData``. A new sheet is one module with its DTO and render
function plus one ``register`` call at the bottom here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.sheets import (
    blank_sign_in,
    contact_list,
    meeting_data,
    meeting_sign_in,
    member_data,
    members_summary,
    panel_data,
    panel_pack,
    panel_summary,
    rota_data,
    rota_lists,
    rota_week,
    training_due,
)
from involve_desktop.core.sheets.contact_list import ContactListSheet
from involve_desktop.core.sheets.members_summary import MembersSummarySheet
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import Orientation, SheetOptions
from involve_desktop.core.sheets.params import MemberScope, SheetData, SheetField, SheetParams
from involve_desktop.core.sheets.training_due import TrainingDueSheet

__all__ = [
    "MemberScope",
    "SheetData",
    "SheetField",
    "SheetNeedsDataError",
    "SheetParams",
    "SheetSpec",
    "UnknownSheetError",
    "all_sheets",
    "get_sheet",
    "register",
    "suggested_file_name",
]

Loader = Callable[[Session, Actor, SheetParams, date], Any]
Drawer = Callable[[SheetParams, SheetOptions, Any, date], bytes]


class SheetNeedsDataError(InvolveError):
    """A sheet of members was asked for without a database and a signed-in account."""


@dataclass(frozen=True)
class SheetSpec:
    """One printable sheet: its key (CLI name), words for people, inputs and how to make it.

    ``draw(params, options, data, today)`` lays the PDF out; ``data`` is what ``load``
    returned (None for sheets without ``load``). ``permissions`` are what the account needs
    (the loader's ``require`` calls enforce them; screens use them to explain beforehand).
    """

    key: str
    title: str
    description: str
    draw: Drawer
    fields: frozenset[SheetField]
    prints_names: bool = False
    default_rows: int | None = None
    min_rows: int = 1
    max_rows: int = 500
    load: Loader | None = None
    permissions: frozenset[Permission] = frozenset()
    who_may: str = ""
    fixed_orientation: Orientation | None = None  # e.g. the weekly rota: always landscape
    # How names print unless the user chooses: first name + initial (privacy by default);
    # payment sheets print full names, as finance pays the named person.
    default_privacy: PrivacyMode = PrivacyMode.FIRST_INITIAL

    @property
    def offers_privacy(self) -> bool:
        """Whether the privacy mode (full name / initial / initials) changes this sheet."""
        return self.prints_names

    @property
    def needs_data(self) -> bool:
        """Whether the sheet reads member records (needs a database and an account)."""
        return self.load is not None

    def allowed_for(self, actor: Actor) -> bool:
        """Whether ``actor``'s role has every permission this sheet needs."""
        return all(actor.can(permission) for permission in self.permissions)

    def render(
        self,
        params: SheetParams,
        options: SheetOptions,
        data: SheetData | None = None,
        *,
        today: date | None = None,
    ) -> bytes:
        """Make the PDF: load its rows (if it has any) in one short session, then draw.

        Raises ``SheetInputError`` for bad input, ``PermissionDenied`` when the account may
        not print it, and ``SheetNeedsDataError`` when a member sheet gets no ``data``.
        """
        day = today or date.today()
        loaded = None
        if self.load is not None:
            if data is None:
                raise SheetNeedsDataError(
                    f"The {self.title.lower()} is made from the member records, so it needs "
                    "the database and a signed-in account."
                )
            with data.sessions() as session:
                loaded = self.load(session, data.actor, params, day)
        return self.draw(params, options, loaded, day)


class UnknownSheetError(KeyError):
    """No sheet has that key; the message lists the ones that exist."""

    def __init__(self, key: str, known: list[str]) -> None:
        super().__init__(key)
        self.key = key
        self.known = known
        self.message = (
            f"There is no sheet called {key!r}. Sheets you can print: {', '.join(known)}."
        )

    def __str__(self) -> str:
        return self.message


_SHEETS: dict[str, SheetSpec] = {}


def register(spec: SheetSpec) -> SheetSpec:
    """Add a sheet to the catalogue (a key can only be used once)."""
    if spec.key in _SHEETS:
        raise ValueError(f"A sheet called {spec.key!r} is already registered.")
    _SHEETS[spec.key] = spec
    return spec


def all_sheets() -> list[SheetSpec]:
    """Every sheet, in the order they were registered (the order screens list them)."""
    return list(_SHEETS.values())


def get_sheet(key: str) -> SheetSpec:
    """The sheet with this key, or ``UnknownSheetError`` naming the known ones."""
    try:
        return _SHEETS[key]
    except KeyError:
        raise UnknownSheetError(key, list(_SHEETS)) from None


def suggested_file_name(spec: SheetSpec, params: SheetParams, day: date | None = None) -> str:
    """A file name for saving, e.g. "sign-in-sheet-2026-03-03.pdf"."""
    title = unicodedata.normalize("NFKD", params.title or spec.title)
    plain = "".join(ch for ch in title if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"['’]", "", plain)
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or spec.key
    return f"{slug}-{(day or date.today()).isoformat()}.pdf"


def _draw_blank_sign_in(
    params: SheetParams, options: SheetOptions, _data: None, day: date
) -> bytes:
    """Catalogue adapter: form/CLI inputs → ``BlankSignInSheet`` → PDF bytes."""
    sheet = blank_sign_in.BlankSignInSheet(
        group_name=params.group_name,
        title=params.title,
        rows=blank_sign_in.DEFAULT_ROWS if params.rows is None else params.rows,
        meeting=params.meeting,
        date_text=params.date_text,
        venue=params.venue,
    )
    return blank_sign_in.render_blank_sign_in(sheet, options, printed_on=day)


register(
    SheetSpec(
        key="blank-sign-in",
        title=blank_sign_in.DEFAULT_TITLE,
        description=(
            "Numbered rows for people to write their name and sign, with space for the "
            "meeting, date and venue. Print it for any group, even before anyone is added "
            "to the app. No names are printed, but the sheet collects them, so it is "
            "marked Confidential."
        ),
        draw=_draw_blank_sign_in,
        fields=frozenset(
            {
                SheetField.TITLE,
                SheetField.ROWS,
                SheetField.MEETING,
                SheetField.DATE,
                SheetField.VENUE,
            }
        ),
        prints_names=False,
        default_rows=blank_sign_in.DEFAULT_ROWS,
        min_rows=blank_sign_in.MIN_ROWS,
        max_rows=blank_sign_in.MAX_ROWS,
    )
)


# -- sheets of members: rows read through the services by ``member_data`` --------------------
_MEMBER_FILTERS = frozenset(
    {
        SheetField.TITLE,
        SheetField.MEMBERS,
        SheetField.ROLE,
        SheetField.SEARCH,
        SheetField.CONSENT_DUE,
    }
)
_ANYONE_WITH_MEMBERS = frozenset({Permission.PRINT_SHEETS, Permission.VIEW_MEMBERS})


def _draw_contact_list(
    _params: SheetParams, options: SheetOptions, sheet: ContactListSheet, day: date
) -> bytes:
    return contact_list.render_contact_list(sheet, options, printed_on=day)


def _draw_training_due(
    _params: SheetParams, options: SheetOptions, sheet: TrainingDueSheet, day: date
) -> bytes:
    return training_due.render_training_due(sheet, options, printed_on=day)


def _draw_members_summary(
    _params: SheetParams, options: SheetOptions, sheet: MembersSummarySheet, day: date
) -> bytes:
    return members_summary.render_members_summary(sheet, options, printed_on=day)


register(
    SheetSpec(
        key="contact-list",
        title=contact_list.DEFAULT_TITLE,
        description=(
            "Names with pronouns, phone, email and how each person prefers to be contacted, "
            "alphabetical by the name they go by. Optionally their access needs. Nothing "
            "else: no lived experience, emergency contacts, notes or roles. A phone or "
            'email someone has not agreed to be contacted by prints as "Not agreed". '
            "Marked Confidential; each one printed is noted in the audit trail."
        ),
        draw=_draw_contact_list,
        load=member_data.load_contact_list,
        fields=_MEMBER_FILTERS | {SheetField.ACCESS_NEEDS},
        prints_names=True,
        permissions=frozenset({Permission.PRINT_SHEETS, Permission.EXPORT_PERSONAL_DATA}),
        who_may="Only coordinators can print the contact list, because it copies "
        "everyone's phone and email onto paper.",
    )
)
register(
    SheetSpec(
        key="training-due",
        title=training_due.DEFAULT_TITLE,
        description=(
            "Everyone whose training has expired or needs renewing soon: name, training, "
            "date completed, expiry date and the state in words. Expired first, then due "
            "for renewal, earliest expiry first. Marked Confidential."
        ),
        draw=_draw_training_due,
        load=member_data.load_training_due,
        fields=_MEMBER_FILTERS | {SheetField.WITHIN_DAYS},
        prints_names=True,
        # Names beside "peer support" training can hint at lived experience: coordinators.
        permissions=_ANYONE_WITH_MEMBERS | {Permission.MANAGE_MEMBER_RECORDS},
    )
)
register(
    SheetSpec(
        key="members-summary",
        title=members_summary.DEFAULT_TITLE,
        description=(
            "How many people are active, stepping back or have left; how many hold each "
            "role now; and who joined and left in each of the last 12 months, as a table "
            "and a bar chart. Counts only, no names."
        ),
        draw=_draw_members_summary,
        load=member_data.load_members_summary,
        fields=frozenset({SheetField.TITLE}),
        prints_names=False,
        permissions=_ANYONE_WITH_MEMBERS,
    )
)


# -- rota sheets: read through the rota services by ``rota_data`` ---------------------------
_ANYONE_WITH_ROTA = frozenset({Permission.PRINT_SHEETS, Permission.VIEW_ROTA})


def _draw_weekly_rota(
    _params: SheetParams, options: SheetOptions, sheet: rota_data.WeeklyRotaSheet, day: date
) -> bytes:
    return rota_week.render_weekly_rota(sheet, options, printed_on=day)


def _draw_person_schedule(
    _params: SheetParams, options: SheetOptions, sheet: rota_data.PersonScheduleSheet, day: date
) -> bytes:
    return rota_lists.render_person_schedule(sheet, options, printed_on=day)


def _draw_gaps(
    _params: SheetParams, options: SheetOptions, sheet: rota_data.GapsSheet, day: date
) -> bytes:
    return rota_lists.render_gaps(sheet, options, printed_on=day)


register(
    SheetSpec(
        key="weekly-rota",
        title=rota_week.DEFAULT_TITLE,
        description=(
            "Monday to Sunday of one week on A4 landscape, to pin on a ward wall: every site "
            "(a row per site) or one site (a row per shift time). Each shift shows its times, "
            'who is on and the cover in words ("ALONE", "No one", "needs 1 more"), as large '
            "as fits the page; bank holidays named. Names only, nothing else about anyone; "
            "made for the wall, so no Confidential footer — first name and initial unless "
            "you choose otherwise."
        ),
        draw=_draw_weekly_rota,
        load=rota_data.load_weekly_rota,
        fields=frozenset({SheetField.TITLE, SheetField.WEEK, SheetField.SITE}),
        prints_names=True,
        permissions=_ANYONE_WITH_ROTA,
        fixed_orientation=Orientation.LANDSCAPE,
    )
)
register(
    SheetSpec(
        key="rota-schedule",
        title=rota_lists.SCHEDULE_TITLE,
        description=(
            "One person's shifts in a month: date, time, site, who else is on and the cover. "
            "Give their name or member number. Marked Confidential."
        ),
        draw=_draw_person_schedule,
        load=rota_data.load_person_schedule,
        fields=frozenset({SheetField.TITLE, SheetField.PERSON, SheetField.MONTH}),
        prints_names=True,
        permissions=_ANYONE_WITH_ROTA,
    )
)
register(
    SheetSpec(
        key="rota-gaps",
        title=rota_lists.GAPS_TITLE,
        description=(
            "Every shift below its minimum number of peers together over a period (4 weeks "
            "from the date given, unless you say otherwise): date, time, site, who is on, the "
            'state in words ("ALONE", "No one") and how many more are needed. Marked '
            "Confidential."
        ),
        draw=_draw_gaps,
        load=rota_data.load_gaps,
        fields=frozenset({SheetField.TITLE, SheetField.WEEK, SheetField.WEEKS, SheetField.SITE}),
        prints_names=True,
        permissions=_ANYONE_WITH_ROTA,
    )
)


# -- meetings: read through the meetings services by ``meeting_data`` ------------------------


def _draw_meeting_sign_in(
    _params: SheetParams,
    options: SheetOptions,
    sheet: meeting_sign_in.MeetingSignInSheet,
    day: date,
) -> bytes:
    return meeting_sign_in.render_meeting_sign_in(sheet, options, printed_on=day)


register(
    SheetSpec(
        key="meeting-sign-in",
        title="Meeting sign-in sheets",
        description=(
            "Sign-in sheets for a group's meetings, one meeting after another, each from a "
            "new page: give the group's name under Meeting, the first day and how many "
            "weeks. Each lists the people expected (the group's members, and for open "
            "groups everyone who came in the last 3 months) by the name they go by, with a "
            "box to tick and space to sign, then empty rows for newcomers and a “New "
            "here?” box. No roles or anything else about anyone. Marked Confidential."
        ),
        draw=_draw_meeting_sign_in,
        load=meeting_data.load_meeting_sign_in,
        fields=frozenset(
            {
                SheetField.TITLE,
                SheetField.MEETING,
                SheetField.WEEK,
                SheetField.WEEKS,
                SheetField.ROWS,
            }
        ),
        prints_names=True,
        default_rows=meeting_sign_in.DEFAULT_BLANK_ROWS,
        min_rows=meeting_sign_in.MIN_BLANK_ROWS,
        max_rows=meeting_sign_in.MAX_BLANK_ROWS,
        permissions=frozenset(
            {Permission.PRINT_SHEETS, Permission.VIEW_MEETINGS, Permission.RUN_MEETINGS}
        ),
        who_may="Coordinators, and facilitators for the groups their account is linked to.",
    )
)


# -- recruitment panels: read through the panel services by ``panel_data`` -------------------
_COORDINATORS_PANELS = frozenset({Permission.PRINT_SHEETS, Permission.VIEW_PANELS})


def _draw_panel_pack(
    _params: SheetParams, options: SheetOptions, sheet: panel_pack.PanelPackSheet, day: date
) -> bytes:
    return panel_pack.render_panel_pack(sheet, options, printed_on=day)


def _draw_panel_summary(
    _params: SheetParams, options: SheetOptions, sheet: panel_summary.PanelSummarySheet, day: date
) -> bytes:
    return panel_summary.render_panel_summary(sheet, options, printed_on=day)


register(
    SheetSpec(
        key="panel-pack",
        title=panel_pack.DEFAULT_TITLE,
        description=(
            "One recruitment panel: the post, team, when and where, candidates; who sits on "
            "it and their role on the panel; the preparation and debrief checklist with "
            "boxes to tick (dates already recorded printed beside them); questions panel "
            "members contributed. Give the panel's number or post title. Marked Confidential."
        ),
        draw=_draw_panel_pack,
        load=panel_data.load_panel_pack,
        fields=frozenset({SheetField.TITLE, SheetField.PANEL}),
        prints_names=True,
        permissions=_COORDINATORS_PANELS,
        who_may="Only coordinators print recruitment panel sheets.",
    )
)
register(
    SheetSpec(
        key="panel-summary",
        title=panel_summary.DEFAULT_TITLE,
        description=(
            "Recruitment panels over the 12 months ending with the month given: panels held, "
            "planned and cancelled; each person's seats and when they last sat; and how "
            "concentrated the lived-experience seats were (how many different people, the "
            "share the 3 who sat most took, with a warning above the level set in Settings). "
            "Marked Confidential."
        ),
        draw=_draw_panel_summary,
        load=panel_data.load_panel_summary,
        fields=frozenset({SheetField.TITLE, SheetField.MONTH}),
        prints_names=True,
        permissions=_COORDINATORS_PANELS,
        who_may="Only coordinators print recruitment panel sheets.",
    )
)


# -- leadership programme, payment and involvement sheets: registered by their own modules
# (keeps this file short), in the order of the areas in the sidebar ----------------------
# isort: off
from involve_desktop.core.sheets import cohort_catalogue  # noqa: E402, F401
from involve_desktop.core.sheets import payment_catalogue  # noqa: E402, F401
from involve_desktop.core.sheets import spectrum_catalogue  # noqa: E402, F401
from involve_desktop.core.sheets import activity_catalogue  # noqa: E402, F401
from involve_desktop.core.sheets import report_catalogue  # noqa: E402, F401

# isort: on
