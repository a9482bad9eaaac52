"""The print preview dialog: shows every page, saves the PDF, prints page by page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter

from involve_desktop.core.sheets.blank_sign_in import BlankSignInSheet, render_blank_sign_in
from involve_desktop.core.sheets.options import Orientation, SheetOptions
from involve_desktop.ui.print_preview import LAST_FOLDER_KEY, PrintPreviewDialog
from tests.sheets.pdfread import reader


@pytest.fixture(scope="module")
def three_pages() -> bytes:
    return render_blank_sign_in(BlankSignInSheet(group_name="Riverside", rows=60))


@pytest.fixture
def dialog(qtbot, three_pages: bytes) -> PrintPreviewDialog:
    preview = PrintPreviewDialog(three_pages, "Sign-in sheet", "sign-in-sheet.pdf")
    qtbot.addWidget(preview)
    return preview


def test_opens_with_every_page_fitted_to_width(qtbot, dialog: PrintPreviewDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.page_count() == 3
    assert dialog.page_label.text() == "Page 1 of 3"
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.width() <= 1366 and dialog.height() <= 768
    assert "Sign-in sheet" in dialog.windowTitle()


def test_page_label_follows_scrolling(qtbot, dialog: PrintPreviewDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dialog.page_label.text() == "Page 3 of 3")


def test_zoom_buttons_change_the_zoom_and_fit_width_restores_it(dialog) -> None:
    dialog.zoom_in_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    zoomed = dialog.view.zoomFactor()
    dialog.zoom_out_button.click()
    assert dialog.view.zoomFactor() < zoomed
    dialog.whole_page_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitInView
    dialog.fit_width_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_save_as_pdf_writes_the_bytes_and_remembers_the_folder(
    dialog: PrintPreviewDialog, three_pages: bytes, tmp_path: Path, monkeypatch
) -> None:
    offered: list[str] = []

    def choose(default: str) -> str:
        offered.append(default)
        return str(tmp_path / "my sheet")  # no .pdf typed

    monkeypatch.setattr(dialog, "_choose_save_path", choose)
    dialog.save_button.click()
    saved = tmp_path / "my sheet.pdf"
    assert saved.read_bytes() == three_pages
    assert offered[0].endswith("sign-in-sheet.pdf")
    assert str(saved) in dialog.status_label.text()
    assert QSettings().value(LAST_FOLDER_KEY) == str(tmp_path)
    dialog.save_as_pdf()
    assert Path(offered[1]).parent == tmp_path


def test_ctrl_s_saves(qtbot, dialog: PrintPreviewDialog, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(dialog, "_choose_save_path", lambda _default: str(tmp_path / "k.pdf"))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "k.pdf").exists()


def test_cancelled_save_writes_nothing(dialog: PrintPreviewDialog, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(dialog, "_choose_save_path", lambda _default: "")
    assert dialog.save_as_pdf() is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_failed_save_says_where_and_what_to_do(
    dialog: PrintPreviewDialog, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "missing folder" / "sheet.pdf"
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(dialog, "_choose_save_path", lambda _default: str(target))
    monkeypatch.setattr(dialog, "_show_error", lambda title, text: errors.append((title, text)))
    assert dialog.save_as_pdf() is None
    ((title, text),) = errors
    assert title == "Could not save the PDF"
    assert str(target) in text and "Choose another folder" in text


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_print_sends_every_page(dialog: PrintPreviewDialog, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "printed.pdf"

    def choose(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return True

    monkeypatch.setattr(dialog, "_choose_printer", choose)
    assert dialog.print_sheet() is True
    assert len(reader(out.read_bytes()).pages) == 3
    assert "3 page" in dialog.status_label.text()


def test_print_honours_a_page_range(dialog: PrintPreviewDialog, tmp_path: Path) -> None:
    out = tmp_path / "range.pdf"
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(72)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert dialog.print_to(printer) == 2
    assert len(reader(out.read_bytes()).pages) == 2


def test_cancelled_print_prints_nothing(dialog: PrintPreviewDialog, monkeypatch) -> None:
    printed: list[QPrinter] = []
    monkeypatch.setattr(dialog, "_choose_printer", lambda _printer: False)
    monkeypatch.setattr(dialog, "print_to", printed.append)
    assert dialog.print_sheet() is False
    assert printed == []


def test_landscape_sheet_prints_landscape(qtbot) -> None:
    pdf = render_blank_sign_in(
        BlankSignInSheet(rows=5), SheetOptions(orientation=Orientation.LANDSCAPE)
    )
    preview = PrintPreviewDialog(pdf, "Wide", "wide.pdf")
    qtbot.addWidget(preview)
    layout = preview.make_printer().pageLayout()
    assert layout.orientation() == layout.Orientation.Landscape
