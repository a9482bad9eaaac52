"""Import the heavy modules in the background while the first window waits to be used.

SQLAlchemy, the models and services and the main window take a second or two to import on
a slow laptop. The sign-in window needs none of them, so it shows first; once it has
painted, a background thread imports them while the person types. Before the app's own
thread needs any of them it calls ``wait()``, so the two threads never import the same
module at once.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

HEAVY_MODULES = (
    "sqlalchemy.orm",
    "involve_desktop.startup",
    "involve_desktop.ui.context",
    "involve_desktop.core.services.accounts",
    "involve_desktop.ui.main_window",
    "involve_desktop.ui.backups.auto_backup",
)

_thread: threading.Thread | None = None


def _import_all() -> None:
    for name in HEAVY_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the app's own import will raise it properly
            log.exception("Could not import %s in the background", name)
            return


def start() -> None:
    """Begin importing in the background (once; later calls do nothing)."""
    global _thread  # noqa: PLW0603 - one warm-up per process
    if _thread is None:
        _thread = threading.Thread(target=_import_all, name="warm-up imports", daemon=True)
        _thread.start()


def is_done() -> bool:
    """True when nothing is being imported in the background (finished or never started)."""
    return _thread is None or not _thread.is_alive()


def wait() -> None:
    """Block until the background imports have finished (at once if none are running)."""
    if _thread is not None:
        _thread.join()
