"""The ``migrate`` sub-command: bring a database's schema up to date without opening a window.

    involve-desktop migrate                                   # the SQLite file in your data folder
    involve-desktop --database postgresql+psycopg://…/involve migrate
    involve-desktop migrate --check                           # only say whether it is up to date
    INVOLVE_PASSWORD=… involve-desktop migrate --user sam     # an encrypted file

It does what the app does at start-up (integrity check, a backup of an existing SQLite file
before upgrading, the upgrade, a refusal of a database from a newer version) and prints the
schema revision. An IT volunteer can run it before a training day, and the packaged app's
test runs it on a fresh database to prove the migrations travel with the program.
"""

from __future__ import annotations

import argparse
import sys

from involve_desktop.cli_print import PrintError, read_password
from involve_desktop.core.errors import InvolveError


def add_maintenance_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add ``migrate [--check] [--user NAME]`` to the main parser's sub-commands."""
    parser = subparsers.add_parser(
        "migrate",
        help="bring the database's schema up to date and print its revision",
        description="Open the database (--database URL, INVOLVE_DATABASE_URL, or the SQLite "
        "file in your data folder), upgrade its schema as starting the app would (backing up "
        "a SQLite file first), and print the schema revision.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing: print the revision and exit 1 if an upgrade is needed",
    )
    parser.add_argument(
        "--user",
        metavar="USERNAME",
        help="an account that can unlock an encrypted database (password from "
        "INVOLVE_PASSWORD, or asked for)",
    )


def run_maintenance(args: argparse.Namespace) -> int:
    """Run ``migrate``: 0 when the schema is (now) up to date, 1 if not, 2 on an error."""
    from involve_desktop import paths, startup
    from involve_desktop.core.db.engine import create_engine_for
    from involve_desktop.core.db.migrate import current_revision, head_revision

    if getattr(args, "demo", False):
        return _fail("the demo database is made afresh, up to date, each time; leave out --demo.")
    url = startup.resolve_url(args.database)
    head = head_revision(paths.migrations_dir())
    try:
        if args.check:
            path = startup.database_file(url)
            if path is not None and not path.exists():
                print(f"No database yet at {path}; the newest schema is {head}.")
                return 1
            key = _key(url, args)
            engine = create_engine_for(url, read_only=path is not None, key=key)
            try:
                current = current_revision(engine)
            finally:
                engine.dispose()
            print(f"Schema revision: {current or 'none (empty database)'}")
            if current == head:
                print("Up to date.")
                return 0
            print(f"An upgrade to {head} is needed: run `involve-desktop migrate`.")
            return 1
        return _migrate(url, args)
    except PrintError as error:
        return _fail(error.message, error.code)
    except InvolveError as error:
        return _fail(error.message)


def _key(url: str, args: argparse.Namespace) -> bytes | None:
    """The database key of an encrypted SQLite file (needs ``--user``), else None."""
    from involve_desktop import startup

    if not startup.is_encrypted(url):
        return None
    if not args.user:
        raise PrintError(
            "this database is encrypted: add --user USERNAME (the password is read from "
            "INVOLVE_PASSWORD, or asked for)."
        )
    return startup.unlock(url, args.user, read_password(args.user))


def _migrate(url: str, args: argparse.Namespace) -> int:
    """Claim the file, open and upgrade it as the app would, and say what happened."""
    from involve_desktop import startup

    key = _key(url, args)
    claimed = startup.claim_database(url, confirm_clear=lambda holder: False)
    if claimed is not None and claimed.read_only:
        who = claimed.holder.describe() if claimed.holder else "Someone has this database open"
        claimed.release()
        raise PrintError(f"{who}, so it cannot be upgraded now. Nothing has been changed.", 1)
    try:
        opened = startup.open_database(url, claim=claimed, key=key)
    except BaseException:
        if claimed is not None:
            claimed.release()
        raise
    try:
        result = opened.migration
        print(f"Database: {opened.location}")
        if result.upgraded:
            before = result.from_revision or "new, empty database"
            print(f"Upgraded from {before} to {result.to_revision}.")
            if result.backup is not None:
                print(f"A copy from before the upgrade is at {result.backup}")
        else:
            print("Already up to date.")
        print(f"Schema revision: {result.to_revision}")
    finally:
        opened.close()
    return 0


def _fail(message: str, code: int = 2) -> int:
    """Print a one-line error to stderr and return the exit code."""
    print(f"involve-desktop migrate: {' '.join(message.split())}", file=sys.stderr)
    return code
