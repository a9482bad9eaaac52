"""Screenshots of every main screen on the demo data, for the README.

    uv run python tools/readme_screenshots.py            # all of them, into docs/screenshots
    uv run python tools/readme_screenshots.py --only home members --out /tmp/shots

Runs the real app window under Xvfb (started here on a free display when there is no
``DISPLAY``; ``--offscreen`` uses Qt's offscreen platform instead, as the test does) on a
fresh demo database in a temporary data folder, signed in as the demo coordinator, at
1280×720 — the size the window opens at on a 1366×768 laptop. Each screen is captured
with ``QWidget.grab`` (the window's own pixels, no desktop around it) as a PNG.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 720)


def _start_xvfb() -> subprocess.Popen[bytes] | None:
    """Start Xvfb on a free display and point DISPLAY at it (None if Xvfb is missing)."""
    if shutil.which("Xvfb") is None:
        return None
    for number in range(90, 110):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        process = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                os.environ["DISPLAY"] = f":{number}"
                return process
            time.sleep(0.1)
        process.kill()
    return None


def _screens(window, settle: Callable[[], None]) -> dict[str, Callable[[], object]]:  # noqa: ANN001
    """Name → how to get the window there (in README order)."""

    def area(key: str) -> Callable[[], object]:
        return lambda: window.show_area(key)

    def tab(key: str, view_attr: str, index: int) -> Callable[[], object]:
        def show() -> None:
            window.show_area(key)
            getattr(window, view_attr).tabs.setCurrentIndex(index)

        return show

    def member_page() -> None:
        window.show_area("members")
        view = window.members_view
        settle()
        model = view.table.model()
        if model is not None and model.rowCount() > 0:
            view.table.selectRow(0)
            index = model.index(0, 0)
            view.table.doubleClicked.emit(index)

    screens: dict[str, Callable[[], object]] = {
        "home": area("home"),
        "members": area("members"),
        "member-page": member_page,
        "rota": area("rota"),
        "meetings": area("meetings"),
        "cohorts": area("cohorts"),
        "panels": area("panels"),
        "payments": area("payments"),
    }
    if getattr(window, "involvement_view", None) is not None:
        for index, name in enumerate(["spectrum", "activities", "you-said", "spread", "report"]):
            screens[f"involvement-{name}"] = tab("involvement", "involvement_view", index)
    screens["sheets"] = area("sheets")
    screens["settings"] = area("settings")
    return screens


def capture(out: Path, only: list[str] | None = None) -> list[Path]:
    """Open the demo, sign in, and save one PNG per screen into ``out``; return the files."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from involve_desktop import app as app_module
    from involve_desktop import startup
    from involve_desktop.core.db.engine import session_factory
    from involve_desktop.core.demo.seed import DEMO_PASSWORD, DEMO_USERNAME, DemoSize
    from involve_desktop.core.services import accounts
    from involve_desktop.ui.context import AppContext
    from involve_desktop.ui.main_window import MainWindow

    qt_app = app_module.create_application([sys.argv[0]])
    opened = startup.open_demo_database(DemoSize.STANDARD)
    context = AppContext(session_factory(opened.engine), opened.location, demo=True)
    with context.session() as session:
        actor = accounts.sign_in(session, DEMO_USERNAME, DEMO_PASSWORD)
    window = MainWindow(context, actor)
    window.resize(*SIZE)
    window.show()

    def settle() -> None:
        for _ in range(10):
            qt_app.processEvents()
            # processEvents leaves deleteLater() to the event loop; the real app runs one.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            time.sleep(0.02)

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    for name, go in _screens(window, settle).items():
        if only and name not in only:
            continue
        go()
        settle()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        saved.append(path)
    window.close()
    opened.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    """Parse the options, prepare a private data folder and a display, capture."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the PNGs")
    parser.add_argument("--only", nargs="*", help="screen names (default: all)")
    parser.add_argument("--offscreen", action="store_true", help="Qt offscreen, no Xvfb")
    args = parser.parse_args(argv)
    os.environ["INVOLVE_DATA_DIR"] = tempfile.mkdtemp(prefix="involve-shots-")
    xvfb = None
    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not os.environ.get("DISPLAY"):
        xvfb = _start_xvfb()
        if xvfb is None:
            print("Xvfb not found: install xvfb, or use --offscreen", file=sys.stderr)
            return 1
    sys.path.insert(0, str(ROOT))
    try:
        for path in capture(args.out, args.only):
            print(path)
    finally:
        if xvfb is not None:
            xvfb.terminate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
