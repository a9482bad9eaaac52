"""Keeping the import wizard alive during long steps: a busy cursor and a progress dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

# Files with fewer rows than this are checked too quickly to need a progress bar.
PROGRESS_FROM_ROWS = 2000


@contextmanager
def busy_cursor() -> Iterator[None]:
    """Show the busy cursor for the duration of the block (and repaint before starting)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents()
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


@contextmanager
def progress_dialog(
    parent: QWidget, label: str, rows: int
) -> Iterator[Callable[[int, int], None] | None]:
    """A window-modal progress bar for big files, as a ``progress(done, total)`` callback.

    Yields None for small files, where a progress bar would only flash.
    """
    if rows < PROGRESS_FROM_ROWS:
        yield None
        return
    dialog = QProgressDialog(label, "", 0, rows, parent)
    dialog.setWindowTitle("Import members")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)

    def report(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)  # window-modal: this also keeps the window painted

    try:
        yield report
    finally:
        dialog.reset()
        dialog.deleteLater()
