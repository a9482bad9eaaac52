"""Making a sheet off the UI thread, so a long contact list never freezes the window.

The job only runs a plain function (loading rows in its own short session and laying out
the PDF); it never touches widgets. Its result or error comes back as a queued signal on
the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal


class RenderSignals(QObject):
    """What a ``RenderJob`` reports: the PDF bytes, or the exception it raised."""

    done = Signal(bytes)
    failed = Signal(object)


class RenderJob(QRunnable):
    """Run ``make`` on a pool thread and report through ``signals``."""

    def __init__(self, make: Callable[[], bytes]) -> None:
        super().__init__()
        self._make = make
        self.signals = RenderSignals()
        self.setAutoDelete(False)  # the view keeps it until it has reported

    def run(self) -> None:
        """Qt calls this on the pool thread."""
        try:
            pdf = self._make()
        except BaseException as error:  # noqa: BLE001 - handed to the UI thread to report
            self.signals.failed.emit(error)
            return
        self.signals.done.emit(pdf)
