"""The ``backup`` sub-command: back up the database now, or list its backups, without a window.

    INVOLVE_PASSWORD=… involve-desktop backup --user sam                 # into the backups folder
    INVOLVE_PASSWORD=… involve-desktop backup --user sam --to /media/USB  # into a folder of yours
    INVOLVE_PASSWORD=… involve-desktop backup --user sam --list          # date, size, state

It does what Settings → Backups → Back up now does, through the same service: a coordinator's
account (``--user``; the password from INVOLVE_PASSWORD, or asked for), the copy audited, an
encrypted file's copy encrypted with the same key (its keys file goes beside it). Restoring is
left to the app, where the person restoring can see what they are going back to.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from involve_desktop.cli_print import ENV_PASSWORD, PrintError, signed_in
from involve_desktop.core.db.backup import BackupFile
from involve_desktop.core.db.cipher import DATABASE_ERRORS
from involve_desktop.core.errors import InvolveError
from involve_desktop.core.formatting import format_date_time, format_size
from involve_desktop.core.services.backups import BackupsOverview

WHOLE = "looks whole"


def add_backup_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add ``backup [--to FOLDER] [--list] --user NAME`` to the main parser's sub-commands."""
    parser = subparsers.add_parser(
        "backup",
        help="back up the database now (or list its backups)",
        description="Take a copy of the database now, as Settings → Backups → Back up now "
        "does, into the backups folder in your data folder (or --to FOLDER), and print where "
        "it is. --list lists the backups instead, newest first, with the date, size and "
        f"whether each looks whole. Needs a coordinator's account: --user, with the password "
        f"from {ENV_PASSWORD} or asked for. Backups are restored in the app (Settings → "
        "Backups), not here. A database on a PostgreSQL server is backed up by the server.",
    )
    parser.add_argument(
        "--user",
        metavar="USERNAME",
        help=f"a coordinator's account (password from {ENV_PASSWORD}, or asked for)",
    )
    parser.add_argument(
        "--to",
        metavar="FOLDER",
        help="put the copy in FOLDER (a USB stick…) instead of the backups folder; with "
        "--list, list the copies in FOLDER",
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="list the backups (date, why, size, state, file name) instead of taking one",
    )


def _folder(args: argparse.Namespace) -> Path | None:
    """``--to`` as a path, checked to be a folder that is there; None without it."""
    if args.to is None:
        return None
    folder = Path(args.to).expanduser()
    if not folder.is_dir():
        raise PrintError(
            f"the folder {folder} does not exist. If it is on a USB stick, plug the stick in; "
            "otherwise create the folder or choose another."
        )
    return folder.resolve()


def run_backup(args: argparse.Namespace) -> int:
    """Back up now (or list): 0 done, 2 on bad input or a refusal, 1 if the copy failed."""
    from involve_desktop.core.services import backups

    copy: BackupFile
    try:
        if getattr(args, "demo", False):
            raise PrintError(
                "the demo database is made afresh each time, so there is nothing to back up; "
                "leave out --demo."
            )
        if not args.user:
            raise PrintError(
                "backups hold everyone's details, so they need a coordinator's account: add "
                f"--user USERNAME (the password is read from {ENV_PASSWORD}, or asked for)."
            )
        folder = _folder(args)
        with signed_in(args) as (sessions, actor, _group), sessions() as session:
            if args.list:
                _print_list(backups.list_backups(session, actor, folder))
                return 0
            copy = backups.back_up_now(session, actor, folder, prune=folder is None)
    except PrintError as error:
        return _fail(error.message, error.code)
    except InvolveError as error:
        failed = isinstance(error.__cause__, (OSError, *DATABASE_ERRORS))
        return _fail(error.message, 1 if failed else 2)
    print(
        f"Backed up: {copy.path} ({format_size(copy.size)}, taken {format_date_time(copy.taken)})."
    )
    if folder is not None:
        print("It holds everyone's details: keep it somewhere safe.")
    return 0


def _print_list(overview: BackupsOverview) -> None:
    """The copies, newest first, one a line: date, why, size, state, file name."""
    if overview.folder is None:
        raise PrintError(overview.note)
    if not overview.backups:
        print(f"No backups yet in {overview.folder}. Take one with `involve-desktop backup`.")
        return
    print(f"Backups in {overview.folder}, newest first:")
    rows = [
        (
            format_date_time(b.taken),
            b.reason_label,
            format_size(b.size),
            f"damaged: {overview.problem(b)}" if overview.problem(b) else WHOLE,
            b.path.name,
        )
        for b in overview.backups
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2])]
        print("  ".join([*cells, row[3].ljust(widths[3]), row[4]]))
    damaged = sum(1 for b in overview.backups if overview.problem(b))
    if damaged:
        print(
            f"{damaged} of them {'is' if damaged == 1 else 'are'} damaged and cannot be "
            "restored; the others are checked in full when restored or copied."
        )


def _fail(message: str, code: int = 2) -> int:
    """Print a one-line error to stderr and return the exit code."""
    print(f"involve-desktop backup: {' '.join(message.split())}", file=sys.stderr)
    return code
