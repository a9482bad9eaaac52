"""Run in a fresh Python by the start-up and memory benchmarks: open a window, wait for its
first paint, print one JSON line (phase times in ms from the probe's start, peak memory).

``python window_probe.py bare`` — a bare ``QApplication`` + ``QMainWindow``, shown and painted.
``python window_probe.py app FILE [--members]`` — the main window on an existing SQLite file
with no one typing: import the app, open the file (lock, integrity check, migrations), sign
in as the demo coordinator, build the ``MainWindow`` (Home shown), paint it; with
``--members``, then open Members (10,000 people on the large demo) and paint that too.
``python window_probe.py signin`` — ``involve-desktop`` as started from the menu: its own
entry point with no arguments, on the existing plain SQLite file in the data folder
(``app.SignInFirst``): the sign-in window painted, the file opened behind it, then Sign in
pressed and the main window painted.

Each phase is also given as a wall-clock time (``at``), so the benchmark can measure from
the moment it spawned the process.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
PHASES: dict[str, float] = {}
KEEP: list[object] = []  # Qt helpers that must live as long as the app
AT: dict[str, float] = {}
RESIDENT: dict[str, float] = {}


def mark(name: str) -> None:
    """Note how long since the probe started (and the wall-clock time)."""
    PHASES[name] = round((time.perf_counter() - STARTED) * 1000, 1)
    AT[name] = time.time()
    RESIDENT[name] = round(resident_mb(), 1)


def wait_until(app, done) -> None:  # noqa: ANN001 - Qt imported late on purpose
    """Run the event loop until ``done()`` is true (60 s at most)."""
    from PySide6.QtCore import QTimer

    deadline = time.monotonic() + 60
    check = QTimer()
    check.setInterval(5)

    def look() -> None:
        if done():
            app.quit()
        elif time.monotonic() > deadline:
            sys.exit("not done within 60 s")

    check.timeout.connect(look)
    check.start()
    app.exec()
    check.stop()


def wait_for_paint(app, widget) -> None:  # noqa: ANN001 - Qt imported late on purpose
    """Show ``widget`` (if hidden) and run the event loop until it has painted once."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, _watched, event) -> bool:  # noqa: N802, ANN001
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    widget.installEventFilter(watcher)
    if not widget.isVisible():
        widget.show()
    widget.update()
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: sys.exit("no paint within 60 s"))  # never hang a benchmark
    guard.start(60_000)
    app.exec()
    guard.stop()
    widget.removeEventFilter(watcher)


def bare() -> None:
    """The baseline: the least a PySide6 window needs."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    mark("imported")
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1280, 800)
    mark("built")
    wait_for_paint(app, window)
    mark("painted")


def app_window(path: str, members: bool) -> None:
    """The real start-up on an existing file, signed in as the demo coordinator."""
    from involve_desktop import app as involve_app

    mark("imported")
    from involve_desktop.core.db.engine import session_factory, sqlite_url
    from involve_desktop.core.demo.seed import DEMO_PASSWORD, DEMO_USERNAME
    from involve_desktop.core.services import accounts
    from involve_desktop.ui.context import AppContext
    from involve_desktop.ui.main_window import MainWindow

    application = involve_app.create_application([sys.argv[0]])
    opened = involve_app.open_or_recover(sqlite_url(path), None, involve_app.Unlocked())
    assert opened is not None
    mark("database open")
    context = AppContext(session_factory(opened.engine), opened.location, opened.demo)
    with context.session() as session:
        actor = accounts.sign_in(session, DEMO_USERNAME, DEMO_PASSWORD)
    mark("signed in")
    window = MainWindow(context, actor)
    mark("built")
    wait_for_paint(application, window)
    mark("painted")
    if members:
        window.show_area("members")
        mark("members loaded")
        wait_for_paint(application, window)
        mark("members painted")
    window.close()
    opened.close()


def sign_in_first() -> None:
    """The real start, through ``involve-desktop``'s own entry point (``cli.main``, no
    arguments) on the existing plain file in the data folder: the sign-in window first, the
    file opened behind it; then Sign in is pressed and the main window painted, and closing
    it ends the app."""
    from involve_desktop import app as involve_app
    from involve_desktop import cli

    mark("imported")
    original_show = involve_app.SignInFirst.show

    def show(start) -> None:  # noqa: ANN001 - the app's own SignInFirst
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication

        poll = QTimer()
        poll.setInterval(5)
        after_first_paint = involve_app._after_first_paint  # noqa: SLF001

        def noting_first_paint(widget, then) -> None:  # noqa: ANN001
            def painted() -> None:  # called straight after the window's first paint
                mark("sign-in window painted")
                poll.start()
                then()

            after_first_paint(widget, painted)

        involve_app._after_first_paint = noting_first_paint  # noqa: SLF001 - the app's own hook
        original_show(start)
        dialog = start.dialog

        class MainWindowPaint(QObject):
            """Paints in the app once Sign in is pressed (the main window may paint while
            it is being shown, so the whole app is watched — only from then on)."""

            def eventFilter(self, watched, event) -> bool:  # noqa: N802, ANN001
                if (
                    event.type() == QEvent.Type.Paint
                    and type(watched).__name__ == "MainWindow"
                    and "main window painted" not in PHASES
                ):
                    mark("main window painted")
                    QTimer.singleShot(0, watched.close)  # the last window: the app ends
                return False

        def ready() -> None:
            if dialog.context is None:
                return
            poll.stop()
            mark("database open behind it")
            from involve_desktop.core.demo.account import DEMO_PASSWORD, DEMO_USERNAME

            dialog.username.setText(DEMO_USERNAME)
            dialog.password.setText(DEMO_PASSWORD)
            watch = MainWindowPaint()
            KEEP.append(watch)
            QApplication.instance().installEventFilter(watch)
            mark("sign in pressed")
            dialog.sign_in_button.click()
            mark("main window built")

        poll.timeout.connect(ready)
        KEEP.append(poll)

    involve_app.SignInFirst.show = show
    code = cli.main([])
    assert code == 0, f"involve-desktop ended with {code}"


def _status_mb(field: str) -> float | None:
    """A memory line of ``/proc/self/status`` (Linux) in MB, or None where there is none."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def resident_mb() -> float:
    """Resident memory of this process now (``VmRSS``), in MB; 0 where unknown."""
    return _status_mb("VmRSS") or 0.0


def peak_mb() -> float:
    """Peak resident memory of this process since it started, in MB.

    ``VmHWM`` from ``/proc/self/status`` (Linux): unlike ``ru_maxrss`` it starts afresh at
    ``exec``, so it does not carry the peak of the pytest process that spawned this one.
    """
    peak = _status_mb("VmHWM")
    if peak is not None:
        return peak
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB elsewhere too


def main() -> None:
    """Run the mode named on the command line; print one line of JSON."""
    if sys.argv[1] == "bare":
        bare()
    elif sys.argv[1] == "signin":
        sign_in_first()
    else:
        app_window(sys.argv[2], "--members" in sys.argv)
    found = {"phases": PHASES, "at": AT, "peak_mb": round(peak_mb(), 1)}
    found["resident_mb"] = RESIDENT  # at each phase
    print(json.dumps(found))


if __name__ == "__main__":
    main()
