"""Command line: start the app, or run a headless command such as ``print``.

involve-desktop [--database URL] [--demo [--demo-size large]]
involve-desktop print blank-sign-in --rows 30 --out sheet.pdf
involve-desktop migrate [--check]
involve-desktop backup --user sam [--to FOLDER] [--list]
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from involve_desktop import APP_NAME, __version__

if TYPE_CHECKING:
    import argparse

    from involve_desktop.core.demo.context import DemoSize

# The headless commands; their parsers (and the sheet catalogue behind ``print``) are only
# imported when one of them, or --help, is asked for, so starting the window or asking for
# --version does not load them.
COMMANDS = ("print", "calendar", "migrate", "backup")


def _needs_commands(argv: Sequence[str]) -> bool:
    """True when ``argv`` names a command or asks for help (the full parser is needed)."""
    return any(arg in COMMANDS or arg in ("-h", "--help") for arg in argv)


def _never_fail_on_output() -> None:
    """A character the console cannot show is escaped (``\\u0141``), not fatal.

    Windows gives a program whose output goes to a pipe or a file its ANSI code page
    (cp1252 in the UK), in which "Ł" of "Łódź" does not exist; without this, a command that
    has done its work ends with a traceback when it says so. UTF-8 consoles never need it.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The argument parser (also used by the README's examples); ``with_commands=False``
    leaves out the commands, for starting the window quickly."""
    import argparse

    from involve_desktop.core.demo.context import DemoSize

    parser = argparse.ArgumentParser(
        prog="involve-desktop",
        description=f"{APP_NAME}: members, rota, panels, cohorts, meetings and sheets for "
        "user-led mental health groups.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database to open, e.g. postgresql+psycopg://user@server/involve "
        "(default: INVOLVE_DATABASE_URL, else the SQLite file in your data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a separate demo database full of made-up people (recreated each time)",
    )
    parser.add_argument(
        "--demo-size",
        choices=[s.value for s in DemoSize],
        default=DemoSize.STANDARD.value,
        help="how much demo data to make (large is for benchmarks)",
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    from involve_desktop.cli_backup import add_backup_parser
    from involve_desktop.cli_calendar import add_calendar_parser
    from involve_desktop.cli_maintenance import add_maintenance_parser
    from involve_desktop.cli_print import add_print_parser

    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_print_parser(commands)
    add_calendar_parser(commands)
    add_maintenance_parser(commands)
    add_backup_parser(commands)
    for command in commands.choices.values():
        # Also after the command (``print … --database URL``), where people put it; left
        # out, the value given before the command (or none) stands.
        command.add_argument(
            "--database",
            metavar="URL",
            default=argparse.SUPPRESS,
            help="the database to use (as --database before the command)",
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``involve-desktop`` and ``python -m involve_desktop``."""
    given = sys.argv[1:] if argv is None else list(argv)
    _never_fail_on_output()
    if not given:  # started from the menu or the desktop: no parser needed, start at once
        return _start_window(None, demo_size=None)
    parser = build_parser(with_commands=_needs_commands(given))
    args = parser.parse_args(given)
    if args.demo and args.database:
        parser.error("--demo uses its own separate database; leave out --database")
    if args.command is None:
        from involve_desktop.core.demo.context import DemoSize

        return _start_window(args.database, DemoSize(args.demo_size) if args.demo else None)

    from involve_desktop import startup_file

    startup_file.setup_logging()
    if args.command == "calendar":
        from involve_desktop.cli_calendar import run_calendar

        return run_calendar(args)
    if args.command == "migrate":
        from involve_desktop.cli_maintenance import run_maintenance

        return run_maintenance(args)
    if args.command == "backup":
        from involve_desktop.cli_backup import run_backup

        return run_backup(args)
    if args.command == "print":
        from involve_desktop import startup
        from involve_desktop.cli_print import run_print

        url = startup.resolve_url(args.database)
        return run_print(args, lambda: startup.read_group_name(url))
    raise AssertionError(f"unknown command {args.command}")  # argparse allows no other


def _start_window(database: str | None, demo_size: DemoSize | None) -> int:
    """The window on ``database`` (else the usual one), or on the demo when ``demo_size``."""
    from involve_desktop import startup_file
    from involve_desktop.app import run_app  # Qt is imported only for the window

    startup_file.setup_logging(cap_size=False)  # capped once the first window has painted
    return run_app(
        url=None if demo_size is not None else startup_file.resolve_url(database),
        demo_size=demo_size,
        argv=sys.argv[:1],
    )
