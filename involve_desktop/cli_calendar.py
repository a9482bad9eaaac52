"""Headless export of one person's shifts as a calendar file for their phone.

    INVOLVE_PASSWORD=… involve-desktop calendar --user sam --person "Zoë Adams" --out zoe.ics

``--person`` is a name (as in the members list) or a member number; the file covers
``--weeks`` weeks (default 8) from ``--from`` (default today). Coordinators only.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from involve_desktop.cli_print import PrintError, signed_in
from involve_desktop.core.errors import InvolveError
from involve_desktop.core.services import rota_ics
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter, MemberStatus
from involve_desktop.core.services.member_search import list_members
from involve_desktop.core.sheets.output import write_bytes_atomically

MAX_WEEKS = 52


def add_calendar_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add ``calendar`` to the command line."""
    parser = subparsers.add_parser(
        "calendar", help="save one person's shifts as a calendar file (.ics) for their phone"
    )
    parser.add_argument("--user", required=True, help="your username (password: INVOLVE_PASSWORD)")
    parser.add_argument("--person", required=True, help="their name or member number")
    parser.add_argument("--from", dest="start", help="first day, e.g. 2026-03-02 (default today)")
    parser.add_argument("--weeks", type=int, default=8, help=f"how many weeks (1–{MAX_WEEKS})")
    parser.add_argument("--out", required=True, type=Path, help="the .ics file to write")


def _member_id(session: Session, actor: Actor, text: str) -> int:
    wanted = text.strip()
    if wanted.isdigit():
        return int(wanted)
    everyone = frozenset(MemberStatus)
    found = list_members(session, actor, MemberFilter(search=wanted, statuses=everyone)).rows
    if len(found) == 1:
        return found[0].id
    if not found:
        raise PrintError(f"nobody matches {wanted!r}; check the name or use the member number.")
    names = ", ".join(f"{m.display_name} ({m.id})" for m in found[:5])
    raise PrintError(f"more than one person matches {wanted!r}: {names}. Use the number.")


def run_calendar(args: argparse.Namespace) -> int:
    """Write the calendar file; 0 on success, 2 with a one-line message on bad input."""
    try:
        start = date.fromisoformat(args.start) if args.start else date.today()
    except ValueError:
        print(
            f"involve-desktop: --from {args.start!r} is not a date like 2026-03-02.",
            file=sys.stderr,
        )
        return 2
    if not 1 <= args.weeks <= MAX_WEEKS:
        print(f"involve-desktop: --weeks must be between 1 and {MAX_WEEKS}.", file=sys.stderr)
        return 2
    try:
        with signed_in(args) as (sessions, actor, _group), sessions() as session:
            member_id = _member_id(session, actor, args.person)
            data = rota_ics.person_calendar(
                session,
                actor,
                member_id,
                start,
                start + timedelta(weeks=args.weeks) - timedelta(days=1),
            )
        write_bytes_atomically(args.out, data)
    except PrintError as error:
        print(f"involve-desktop: {error}", file=sys.stderr)
        return 2
    except InvolveError as error:
        print(f"involve-desktop: {error.message}", file=sys.stderr)
        return 2
    print(f"Saved the calendar to {args.out}")
    return 0
