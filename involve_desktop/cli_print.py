"""The ``print`` sub-command: render a printable sheet to a PDF file without opening a window.

Examples::

    involve-desktop print blank-sign-in --rows 30 --venue "Library" --out sign-in.pdf
    INVOLVE_PASSWORD=… involve-desktop print contact-list --user sam --out contacts.pdf
    INVOLVE_PASSWORD=… involve-desktop print weekly-rota --user sam --site "Ward 4" --out r.pdf
    INVOLVE_PASSWORD=… involve-desktop print finance-batch --user sam --csv --out batch.csv
    INVOLVE_PASSWORD=… involve-desktop print certificate --user sam --cohort "Cohort 3" --out c.pdf
    INVOLVE_PASSWORD=… involve-desktop print cohort-register --user sam --cohort 4 --session 3 \
        --out register.pdf

Sheets of members (contact list, training due, members summary) and the rota sheets
(weekly rota, rota schedule, rota gaps), panel, leadership programme and payment sheets
read the database, so they
need an account: ``--user USERNAME``, with the password from the ``INVOLVE_PASSWORD``
environment variable, or asked for when run in a terminal. The same permission checks as in
the app apply, and the sign-in and sign-out are recorded in the audit trail.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.sheets import payment_data
from involve_desktop.core.sheets.catalogue import (
    MemberScope,
    SheetData,
    SheetField,
    SheetParams,
    SheetSpec,
    UnknownSheetError,
    all_sheets,
    get_sheet,
)
from involve_desktop.core.sheets.cohort_catalogue import LARGE_PRINT_UNUSED
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import Orientation, SheetOptions
from involve_desktop.core.sheets.output import write_bytes_atomically

ENV_PASSWORD = "INVOLVE_PASSWORD"

_OPTION_FOR_FIELD = {
    SheetField.TITLE: "--title",
    SheetField.ROWS: "--rows",
    SheetField.MEETING: "--meeting",
    SheetField.DATE: "--date",
    SheetField.VENUE: "--venue",
    SheetField.MEMBERS: "--members",
    SheetField.ROLE: "--role",
    SheetField.ACCESS_NEEDS: "--access-needs",
    SheetField.WITHIN_DAYS: "--within-days",
    SheetField.WEEK: "--week",
    SheetField.WEEKS: "--weeks",
    SheetField.SITE: "--site",
    SheetField.PERSON: "--person",
    SheetField.MONTH: "--month",
    SheetField.PANEL: "--panel",
    SheetField.COHORT: "--cohort",
    SheetField.SESSION: "--session",
    SheetField.SEARCH: "--search",
    SheetField.CONSENT_DUE: "--consent-due",
}


class PrintError(Exception):
    """Bad input or a refusal, as one line for stderr; ``code`` is the exit code."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class PrivacyNotUsed(PrintError):
    """``--privacy`` for a sheet of records that offers no privacy choice."""

    def __init__(self, spec: SheetSpec) -> None:
        why = (
            "prints each name in full, as the person wants it"
            if spec.default_privacy is PrivacyMode.FULL
            else "prints no names"
        )
        super().__init__(f"{spec.key} {why}, so it does not use --privacy.")


def add_print_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add ``print SHEET … --out FILE.pdf`` to the main parser's sub-commands."""
    keys = ", ".join(spec.key for spec in all_sheets())
    parser = subparsers.add_parser(
        "print",
        help="save a printable sheet as a PDF",
        description=f"Save a printable sheet as a PDF file. Sheets: {keys}. Sheets of "
        f"members need --user; the password comes from {ENV_PASSWORD} or is asked for.",
    )
    parser.add_argument("sheet", metavar="SHEET", help=f"which sheet to print ({keys})")
    parser.add_argument("--group", metavar="NAME", help="group name (default: from the database)")
    parser.add_argument("--title", metavar="T", help="title at the top of the sheet")
    parser.add_argument("--rows", metavar="N", help="number of rows to write in (1-500)")
    parser.add_argument("--meeting", metavar="TEXT", help="meeting name, pre-filled")
    parser.add_argument(
        "--date",
        metavar="TEXT",
        help='blank sign-in: the date, pre-filled, e.g. "Tue 3 Mar 2026"; spectrum: which '
        "self-assessment, by its date, e.g. 2026-03-03 (default the latest)",
    )
    parser.add_argument("--venue", metavar="TEXT", help="venue, pre-filled")
    parser.add_argument(
        "--members",
        choices=[scope.value for scope in MemberScope],
        help="which members to list (default: active)",
    )
    parser.add_argument(
        "--role", metavar="NAME", help='only people holding this role, e.g. "Peer supporter"'
    )
    parser.add_argument(
        "--search",
        metavar="TEXT",
        help="contact list, training due: only people whose name, email or phone contains "
        "TEXT (as the members list's search)",
    )
    parser.add_argument(
        "--consent-due",
        dest="consent_due",
        action="store_true",
        default=None,
        help="contact list, training due: only people whose consent review is due",
    )
    parser.add_argument(
        "--access-needs",
        action="store_true",
        default=None,
        help="add each person's access needs (contact list)",
    )
    parser.add_argument(
        "--within-days", metavar="N", help="training due within N days, 0-365 (default 60)"
    )
    parser.add_argument(
        "--week",
        metavar="DATE",
        help="rota sheets: a date in the week (weekly rota) or the first day (gaps), "
        "e.g. 2026-03-02 (default today)",
    )
    parser.add_argument("--weeks", metavar="N", help="rota gaps: how many weeks, 1-13 (default 4)")
    parser.add_argument("--site", metavar="NAME", help="rota sheets: one site (default all)")
    parser.add_argument(
        "--person",
        "--member",
        dest="person",
        metavar="NAME_OR_NUMBER",
        help="rota schedule, payment statement, expense claim form, certificate: whose (name "
        "or member number; a payment statement without one is everyone's, certificates "
        "without one are every graduate's)",
    )
    parser.add_argument(
        "--month",
        metavar="YYYY-MM",
        help="rota schedule, expense claim form: which month (default this month); payment "
        "statement, finance batch: which month (default last month); panel summary: the "
        "last of its 12 months (default this month); annual report: the year's first month, "
        "e.g. 2026-04 for April 2026 to March 2027 (default the financial year today is in); "
        "activity record: the month whose activities to print (default the latest activity)",
    )
    parser.add_argument(
        "--panel", metavar="NUMBER_OR_POST", help="panel pack: the panel's number or post title"
    )
    parser.add_argument(
        "--cohort",
        metavar="NUMBER_OR_NAME",
        help='certificate, cohort summary, cohort register: the cohort, e.g. "Cohort 3", '
        '"Peer Leadership Programme, Cohort 3" or its number',
    )
    parser.add_argument(
        "--session",
        metavar="NUMBER_OR_DATE",
        help="cohort register: the session's number or date, e.g. 3 or 2026-03-03 "
        "(default the next session)",
    )
    parser.add_argument(
        "--user", metavar="USERNAME", help="the account to sign in as (sheets of members)"
    )
    parser.add_argument("--landscape", action="store_true", help="A4 landscape (default portrait)")
    parser.add_argument(
        "--large-print", action="store_true", help="large print: 16 pt text and taller rows"
    )
    parser.add_argument(
        "--privacy",
        choices=[mode.value for mode in PrivacyMode],
        default=None,
        help="how names are printed: full (Zoë Smith), initial (Zoë S.), initials (Z. S.); "
        "default initial, but full on payment sheets (finance pays the named person); "
        "certificates always print the name in full",
    )
    parser.add_argument(
        "--csv",
        action="store_true",
        help="finance batch: save the CSV file for finance software instead of the PDF "
        "(--out FILE.csv)",
    )
    parser.add_argument(
        "--out", metavar="FILE.pdf", required=True, help="where to save the PDF (or CSV)"
    )


def _whole_number(option: str, text: str | None, example: int) -> int | None:
    """A whole-number option (range checks happen in the sheet), or ValueError."""
    if text is None:
        return None
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(
            f"{option} must be a whole number, for example {example}; not {text!r}."
        ) from None


def _group_name(args: argparse.Namespace, lookup: Callable[[], str | None]) -> str | None:
    """``--group`` if given, else the group name in the database, else no group name."""
    if args.group is not None:
        return args.group
    try:
        return lookup()
    except Exception as error:  # noqa: BLE001 - printing must not depend on the database
        print(
            f"Note: could not read the group name ({error}); printing without it. "
            "Use --group NAME to set one.",
            file=sys.stderr,
        )
        return None


def _check_out(args: argparse.Namespace, spec: SheetSpec) -> Path:
    """The output path, after checking the options and the folder; or PrintError."""
    unused = [
        option
        for field, option in _OPTION_FOR_FIELD.items()
        if field not in spec.fields and getattr(args, field.value, None) is not None
    ]
    if unused:
        raise PrintError(f"{spec.key} does not use {', '.join(unused)}.")
    if spec.key in LARGE_PRINT_UNUSED and (args.large_print or args.landscape):
        raise PrintError(
            f"{spec.key} is always A4 landscape with large text; it does not use "
            "--large-print or --landscape."
        )
    if not spec.offers_privacy and args.privacy:
        raise PrivacyNotUsed(spec)
    out = Path(args.out).expanduser()
    if getattr(args, "csv", False):
        if spec.key not in CSV_SHEETS:
            raise PrintError(f"only {', '.join(CSV_SHEETS)} can be saved as CSV.")
        if out.suffix.lower() != ".csv":
            raise PrintError(
                f"--out should end in .csv, for example {out.with_suffix('.csv').name}."
            )
    elif out.suffix.lower() != ".pdf":
        raise PrintError(f"--out should end in .pdf, for example {out.with_suffix('.pdf').name}.")
    if not out.parent.is_dir():
        raise PrintError(f"the folder {out.parent} does not exist; create it or choose another.")
    if spec.needs_data and not args.user:
        raise PrintError(
            f"{spec.key} is made from the member records, so it needs an account: add "
            f"--user USERNAME (the password is read from {ENV_PASSWORD}, or asked for)."
        )
    return out


def _params(args: argparse.Namespace, group_name: str | None) -> SheetParams:
    return SheetParams(
        group_name=group_name,
        title=args.title,
        rows=_whole_number("--rows", args.rows, 20),
        meeting=args.meeting,
        date_text=args.date,
        venue=args.venue,
        members=MemberScope(args.members) if args.members else None,
        role=args.role,
        access_needs=args.access_needs,
        search=getattr(args, "search", None),
        consent_due=getattr(args, "consent_due", None),
        within_days=_whole_number("--within-days", args.within_days, 60),
        week=getattr(args, "week", None),
        weeks=_whole_number("--weeks", getattr(args, "weeks", None), 4),
        site=getattr(args, "site", None),
        person=getattr(args, "person", None),
        month=getattr(args, "month", None),
        panel=getattr(args, "panel", None),
        cohort=getattr(args, "cohort", None),
        session=getattr(args, "session", None),
    )


def _options(args: argparse.Namespace, spec: SheetSpec) -> SheetOptions:
    return SheetOptions(
        orientation=Orientation.LANDSCAPE if args.landscape else Orientation.PORTRAIT,
        large_print=args.large_print,
        privacy=PrivacyMode(args.privacy) if args.privacy else spec.default_privacy,
    )


def read_password(username: str) -> str:
    """The password from ``INVOLVE_PASSWORD``, else asked for in a terminal; else PrintError."""
    password = os.environ.get(ENV_PASSWORD)
    if password:
        return password
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"Password for {username}: ")
    raise PrintError(
        f"no password for {username}: set the {ENV_PASSWORD} environment variable, or run "
        "the command in a terminal to be asked for it."
    )


@contextmanager
def signed_in(
    args: argparse.Namespace,
) -> Iterator[tuple[sessionmaker[Session], Actor, str | None]]:
    """Open the database named by ``args``, sign in as ``--user``, and sign out afterwards.

    Yields the session factory, the signed-in account and the group's name.
    """
    from involve_desktop import startup  # opening a database is only needed here
    from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_file
    from involve_desktop.core.demo.seed import DemoSize
    from involve_desktop.core.services import accounts, organisation

    password = read_password(args.user)
    if getattr(args, "demo", False):
        opened = startup.open_demo_database(DemoSize(getattr(args, "demo_size", "standard")))
    else:
        url = startup.resolve_url(getattr(args, "database", None))
        probe = create_engine_for(url)
        missing = sqlite_file(probe)
        probe.dispose()
        if missing is not None and not missing.exists():
            raise PrintError(
                f"there is no database at {missing}. Start the app once to set up your "
                "group, or say which database to use with --database URL."
            )
        # An encrypted file opens with the database key from this account's key slot.
        key = startup.unlock(url, args.user, password) if startup.is_encrypted(url) else None
        opened = startup.open_database(url, key=key)
    try:
        sessions = session_factory(opened.engine)
        with sessions() as session:
            actor = accounts.sign_in(session, args.user, password)
            group = organisation.group_name(session)
        try:
            yield sessions, actor, group
        finally:
            with sessions() as session:
                accounts.sign_out(session, actor)
    finally:
        opened.engine.dispose()


def _render_from_database(
    args: argparse.Namespace, spec: SheetSpec, options: SheetOptions
) -> bytes:
    """Open the database, sign in as ``--user``, render the sheet (or its CSV), sign out."""
    with signed_in(args) as (sessions, actor, group_name):
        group = args.group if args.group is not None else group_name
        params = _params(args, group)
        if getattr(args, "csv", False):
            return CSV_SHEETS[spec.key](sessions, actor, params)
        return spec.render(params, options, SheetData(sessions, actor))


def _finance_batch_csv(sessions: Callable[[], Session], actor: Actor, params: SheetParams) -> bytes:
    """The finance batch's CSV file (UTF-8 with a BOM) for ``--month`` (default last)."""
    with sessions() as session:
        start, end = payment_data.finance_period(params, date.today())
        return payment_data.finance_batch_csv_bytes(session, actor, start, end)


CSV_SHEETS: dict[str, Callable[[Callable[[], Session], Actor, SheetParams], bytes]] = {
    "finance-batch": _finance_batch_csv
}


def run_print(args: argparse.Namespace, group_name_lookup: Callable[[], str | None]) -> int:
    """Render the sheet named in ``args`` and write it to ``args.out``.

    Returns 0 on success, 2 on bad input or a refusal (one-line message on stderr), 1 if the
    file could not be written. Needs no QApplication. ``group_name_lookup`` is used for
    sheets that do not open the database themselves.
    """
    try:
        spec = get_sheet(args.sheet)
        out = _check_out(args, spec)
        options = _options(args, spec)
        if spec.needs_data:
            pdf = _render_from_database(args, spec, options)
        else:
            pdf = spec.render(_params(args, _group_name(args, group_name_lookup)), options)
    except UnknownSheetError as error:
        return _fail(error.message)
    except PrintError as error:
        return _fail(error.message, error.code)
    except InvolveError as error:
        return _fail(_with_option(error))
    except ValueError as error:
        return _fail(str(error))
    try:
        write_bytes_atomically(out, pdf)
    except OSError as error:
        return _fail(f"could not write {out}: {error.strerror or error}", 1)
    what = f"{spec.title} (CSV)" if getattr(args, "csv", False) else spec.title
    print(f"Saved {what} to {out.resolve()}")
    return 0


def _fail(message: str, code: int = 2) -> int:
    """Print a one-line error to stderr and return the exit code."""
    print(f"involve-desktop print: {' '.join(message.split())}", file=sys.stderr)
    return code


def _with_option(error: InvolveError) -> str:
    """The error message, prefixed with the command-line option it is about."""
    field = getattr(error, "field", None)
    option = "--group" if field == "group_name" else _OPTION_FOR_FIELD.get(field)
    return f"{option}: {error.message}" if option else error.message
