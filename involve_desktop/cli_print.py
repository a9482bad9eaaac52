"""The ``print`` sub-command: render a printable sheet to a PDF file without opening a window.

Example: ``involve-desktop print blank-sign-in --rows 30 --venue "Library" --out sign-in.pdf``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.sheets.catalogue import (
    SheetField,
    SheetParams,
    UnknownSheetError,
    all_sheets,
    get_sheet,
)
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import Orientation, SheetOptions
from involve_desktop.core.sheets.output import write_bytes_atomically

_OPTION_FOR_FIELD = {
    SheetField.TITLE: "--title",
    SheetField.ROWS: "--rows",
    SheetField.MEETING: "--meeting",
    SheetField.DATE: "--date",
    SheetField.VENUE: "--venue",
}


def add_print_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add ``print SHEET … --out FILE.pdf`` to the main parser's sub-commands."""
    keys = ", ".join(spec.key for spec in all_sheets())
    parser = subparsers.add_parser(
        "print",
        help="save a printable sheet as a PDF",
        description=f"Save a printable sheet as a PDF file. Sheets: {keys}.",
    )
    parser.add_argument("sheet", metavar="SHEET", help=f"which sheet to print ({keys})")
    parser.add_argument("--group", metavar="NAME", help="group name (default: from the database)")
    parser.add_argument("--title", metavar="T", help="title at the top of the sheet")
    parser.add_argument("--rows", metavar="N", help="number of rows to write in (1-500)")
    parser.add_argument("--meeting", metavar="TEXT", help="meeting name, pre-filled")
    parser.add_argument("--date", metavar="TEXT", help='date, pre-filled, e.g. "Tue 3 Mar 2026"')
    parser.add_argument("--venue", metavar="TEXT", help="venue, pre-filled")
    parser.add_argument("--landscape", action="store_true", help="A4 landscape (default portrait)")
    parser.add_argument(
        "--large-print", action="store_true", help="large print: 16 pt text and taller rows"
    )
    parser.add_argument(
        "--privacy",
        choices=[mode.value for mode in PrivacyMode],
        default=SheetOptions().privacy.value,
        help="how names are printed: full (Zoë Smith), initial (Zoë S.), initials (Z. S.)",
    )
    parser.add_argument("--out", metavar="FILE.pdf", required=True, help="where to save the PDF")


def _fail(message: str) -> int:
    """Print a one-line error to stderr and return the bad-input exit code."""
    print(f"involve-desktop print: {message}", file=sys.stderr)
    return 2


def _rows(text: str | None) -> int | None:
    """``--rows`` as a number (range checks happen in the sheet), or ValueError."""
    if text is None:
        return None
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(f"--rows must be a whole number, for example 20; not {text!r}.") from None


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


def run_print(args: argparse.Namespace, group_name_lookup: Callable[[], str | None]) -> int:
    """Render the sheet named in ``args`` and write it to ``args.out``.

    Returns 0 on success, 2 on bad input (one-line message on stderr), 1 if the file could
    not be written. Needs no QApplication.
    """
    try:
        spec = get_sheet(args.sheet)
    except UnknownSheetError as error:
        return _fail(error.message)
    unused = [
        option
        for field, option in _OPTION_FOR_FIELD.items()
        if field not in spec.fields and getattr(args, field.value) is not None
    ]
    if unused:
        return _fail(f"{spec.key} does not use {', '.join(unused)}.")
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        return _fail(f"--out should end in .pdf, for example {out.with_suffix('.pdf').name}.")
    if not out.parent.is_dir():
        return _fail(f"the folder {out.parent} does not exist; create it or choose another.")
    try:
        params = SheetParams(
            group_name=_group_name(args, group_name_lookup),
            title=args.title,
            rows=_rows(args.rows),
            meeting=args.meeting,
            date_text=args.date,
            venue=args.venue,
        )
        options = SheetOptions(
            orientation=Orientation.LANDSCAPE if args.landscape else Orientation.PORTRAIT,
            large_print=args.large_print,
            privacy=PrivacyMode(args.privacy),
        )
        pdf = spec.render(params, options)
    except InvolveError as error:
        return _fail(_with_option(error))
    except ValueError as error:
        return _fail(str(error))
    try:
        write_bytes_atomically(out, pdf)
    except OSError as error:
        print(
            f"involve-desktop print: could not write {out}: {error.strerror or error}",
            file=sys.stderr,
        )
        return 1
    print(f"Saved {spec.title} to {out.resolve()}")
    return 0


def _with_option(error: InvolveError) -> str:
    """The error message, prefixed with the command-line option it is about."""
    field = getattr(error, "field", None)
    option = "--group" if field == "group_name" else _OPTION_FOR_FIELD.get(field)
    return f"{option}: {error.message}" if option else error.message
