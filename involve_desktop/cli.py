"""Command line: start the app, or run a headless command such as ``print``.

involve-desktop [--database URL] [--demo [--demo-size large]]
involve-desktop print blank-sign-in --rows 30 --out sheet.pdf
involve-desktop migrate [--check]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from involve_desktop import APP_NAME, __version__
from involve_desktop.cli_calendar import add_calendar_parser, run_calendar
from involve_desktop.cli_maintenance import add_maintenance_parser, run_maintenance
from involve_desktop.cli_print import add_print_parser, run_print
from involve_desktop.core.demo.seed import DemoSize


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the README's examples)."""
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_print_parser(commands)
    add_calendar_parser(commands)
    add_maintenance_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``involve-desktop`` and ``python -m involve_desktop``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo and args.database:
        parser.error("--demo uses its own separate database; leave out --database")

    from involve_desktop import startup

    startup.setup_logging()
    if args.command == "calendar":
        return run_calendar(args)
    if args.command == "migrate":
        return run_maintenance(args)
    if args.command == "print":
        url = startup.resolve_url(args.database)
        return run_print(args, lambda: startup.read_group_name(url))

    from involve_desktop.app import run_app  # Qt is imported only for the window

    return run_app(
        url=None if args.demo else startup.resolve_url(args.database),
        demo_size=DemoSize(args.demo_size) if args.demo else None,
        argv=sys.argv[:1],
    )
