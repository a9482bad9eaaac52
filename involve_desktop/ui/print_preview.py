"""Print preview: shows a rendered sheet (PDF bytes) and offers Print… and Save as PDF….

Keys: Ctrl+P prints, Ctrl+S saves a PDF, Esc closes, Ctrl++ / Ctrl+- zoom; every button
has its own Alt letter too (Alt+P, Alt+S, Alt+C, Alt+O, Alt+I, Alt+F, Alt+W).

The PDF is shown with QtPdf (every page, fitted to the window width). Printing paints each
page as an image at the printer's resolution (capped at 300 dpi to keep memory modest), so
what comes out is exactly what the preview shows. File and print dialogs go through small
methods (``_choose_save_path``, ``_choose_printer``, ``_show_error``) that tests replace.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QRect,
    QSettings,
    QSize,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.sheets.output import write_bytes_atomically

log = logging.getLogger(__name__)

LAST_FOLDER_KEY = "print_preview/last_save_folder"
MAX_PRINT_DPI = 300
_ZOOM_STEP = 1.25


class PrintPreviewDialog(QDialog):
    """Preview PDF bytes; print them or save them as a file."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        suggested_file_name: str,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._title = title
        self._suggested_file_name = suggested_file_name
        self._settings = settings if settings is not None else QSettings()
        self.setWindowTitle(f"Print preview — {title}")

        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setAccessibleName(f"Preview of {title}")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self._build_controls()
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        self._update_page_label(0)
        self._fit_to_screen()

    # -- layout -------------------------------------------------------------------------
    def _button(self, text: str, tip: str, slot: object) -> QPushButton:
        """A push button (``&`` marks its Alt letter) with an accessible name and a tooltip
        showing its shortcut."""
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _build_controls(self) -> None:
        """Page label and zoom buttons above the view; status and actions below it."""
        self.page_label = QLabel(self)
        self.page_label.setAccessibleName("Current page")
        # Alt letters, one each: O, F, I, W above the sheet; P, S, C below it.
        self.zoom_out_button = self._button("Zoom &out", "Zoom out (Ctrl+-)", self.zoom_out)
        self.fit_width_button = self._button("&Fit width", "Fit the page width", self.fit_width)
        self.zoom_in_button = self._button("Zoom &in", "Zoom in (Ctrl++)", self.zoom_in)
        self.whole_page_button = self._button(
            "&Whole page", "Show a whole page at once", self.whole_page
        )
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName("Status")
        self.status_label.setWordWrap(True)
        self.print_button = self._button("&Print…", "Print this sheet (Ctrl+P)", self.print_sheet)
        self.print_button.setDefault(True)
        self.save_button = self._button(
            "&Save as PDF…", "Save as a PDF file (Ctrl+S)", self.save_as_pdf
        )
        self.close_button = self._button("&Close", "Close the preview (Esc)", self.reject)

        top = QHBoxLayout()
        top.addWidget(self.page_label)
        top.addStretch(1)
        for button in self._zoom_buttons():
            top.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        for button in (self.print_button, self.save_button, self.close_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        QShortcut(QKeySequence.StandardKey.Print, self, self.print_sheet)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as_pdf)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, self.zoom_in)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, self.zoom_out)
        order = [
            self.view,
            *self._zoom_buttons(),
            self.print_button,
            self.save_button,
            self.close_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _zoom_buttons(self) -> list[QPushButton]:
        return [
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_width_button,
            self.whole_page_button,
        ]

    def _fit_to_screen(self) -> None:
        """A comfortable size that still fits a 1366×768 laptop screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else QRect(0, 0, 1366, 768)
        width = min(1000, available.width() - 40)
        height = min(1000, available.height() - 60)
        self.resize(max(width, 480), max(height, 400))

    # -- viewing ------------------------------------------------------------------------
    def page_count(self) -> int:
        """How many pages the sheet has."""
        return self.document.pageCount()

    def _update_page_label(self, page: int) -> None:
        self.page_label.setText(f"Page {page + 1} of {self.page_count()}")

    def zoom_in(self) -> None:
        """Make the pages bigger."""
        self._set_zoom(self.view.zoomFactor() * _ZOOM_STEP)

    def zoom_out(self) -> None:
        """Make the pages smaller."""
        self._set_zoom(self.view.zoomFactor() / _ZOOM_STEP)

    def fit_width(self) -> None:
        """Fit the page width to the window (the starting zoom)."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def whole_page(self) -> None:
        """Fit a whole page in the window, to see the sheet as it will look on paper."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(4.0, max(0.25, factor)))

    # -- saving -------------------------------------------------------------------------
    def _last_folder(self) -> Path:
        """The folder last saved to, else Documents, else home."""
        saved = self._settings.value(LAST_FOLDER_KEY, "")
        if saved and Path(str(saved)).is_dir():
            return Path(str(saved))
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _choose_save_path(self, default_path: str) -> str:
        """Ask where to save; "" if cancelled (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self, "Save as PDF", default_path, "PDF files (*.pdf)"
        )
        return path

    def _show_error(self, title: str, message: str) -> None:
        """Tell the user something went wrong (tests replace this)."""
        QMessageBox.warning(self, title, message)

    def save_as_pdf(self) -> Path | None:
        """Ask for a file name and write the PDF there; the saved path, or None."""
        chosen = self._choose_save_path(str(self._last_folder() / self._suggested_file_name))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_bytes_atomically(path, self._pdf)
        except OSError as error:
            log.warning("Could not save %s: %s", path, error)
            self._show_error(
                "Could not save the PDF",
                f"The sheet could not be saved to {path}.\n\n{error.strerror or error}\n\n"
                "Choose another folder, or close the file if another program has it open.",
            )
            return None
        self._settings.setValue(LAST_FOLDER_KEY, str(path.parent))
        self.status_label.setText(f"Saved to {path}")
        return path

    # -- printing -----------------------------------------------------------------------
    def _choose_printer(self, printer: QPrinter) -> bool:
        """Show the print dialog; True if the user chose Print (tests replace this)."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(f"Print {self._title}")
        return dialog.exec() == QDialog.DialogCode.Accepted

    def make_printer(self) -> QPrinter:
        """A printer set up for this sheet: A4, its orientation, the PDF's own margins."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._title)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        size = self.document.pagePointSize(0)
        landscape = size.width() > size.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        printer.setFullPage(True)
        printer.setFromTo(1, self.page_count())
        return printer

    def print_sheet(self) -> bool:
        """Ask which printer, then print; True if something was sent to the printer."""
        printer = self.make_printer()
        if not self._choose_printer(printer):
            return False
        problem = "No pages were printed."
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = self.print_to(printer)
        except OSError as error:
            log.warning("Printing failed: %s", error)
            printed = 0
            problem = str(error)
        finally:
            QApplication.restoreOverrideCursor()
        if not printed:
            self._show_error("Could not print", f"{problem}\n\nCheck the printer and try again.")
            return False
        pages = "1 page" if printed == 1 else f"{printed} pages"
        self.status_label.setText(f"Sent {pages} to {printer.printerName() or 'the printer'}.")
        return True

    def _page_range(self, printer: QPrinter) -> range:
        """Zero-based pages to print, honouring a page range chosen in the print dialog."""
        count = self.page_count()
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = min(max(printer.fromPage(), 1), count)
            last = min(printer.toPage() or count, count)
            return range(first - 1, max(first, last))
        return range(count)

    def print_to(self, printer: QPrinter) -> int:
        """Paint each page on ``printer``; returns how many pages were printed."""
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("The printer could not be started.")
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        printed = 0
        try:
            for page in self._page_range(printer):
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(page, pixels)
                target = painter.viewport()
                scaled = pixels.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), scaled), image)
                printed += 1
        finally:
            painter.end()
        return printed
