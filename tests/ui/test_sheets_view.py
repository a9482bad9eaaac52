"""The Sheets screen: pick a sheet, set options, Preview… opens the print preview."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.ui.print_preview import PrintPreviewDialog
from involve_desktop.ui.sheets.sheets_view import SheetsView
from tests.sheets.pdfread import page_lines, reader

GROUP = "Siobhán & Łukasz's Nguyễn Group"


@pytest.fixture
def view(qtbot) -> SheetsView:
    screen = SheetsView(lambda: GROUP)
    qtbot.addWidget(screen)
    screen.resize(1000, 650)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.fixture
def previews(monkeypatch) -> list[PrintPreviewDialog]:
    """Dialogs Preview… opened; their exec() returns at once instead of waiting."""
    opened: list[PrintPreviewDialog] = []

    def fake_exec(dialog: PrintPreviewDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(PrintPreviewDialog, "exec", fake_exec)
    return opened


def test_lists_the_catalogue_and_shows_the_selected_sheet(view: SheetsView) -> None:
    assert view.sheet_list.count() == 1
    assert view.sheet_list.item(0).text() == "Sign-in sheet"
    assert view.heading.text() == "Sign-in sheet"
    assert "sign" in view.description.text()
    assert GROUP in view.group_label.text()
    assert view.form.rows_spin.value() == 20
    assert view.form.title_edit.placeholderText() == "Sign-in sheet"


def test_privacy_is_not_offered_for_a_sheet_that_prints_no_names(view: SheetsView) -> None:
    assert not view.form.privacy_combo.isVisibleTo(view)
    assert view.form.rows_spin.isVisibleTo(view)


def test_preview_opens_the_sheet_as_set_up(qtbot, view: SheetsView, previews) -> None:
    qtbot.keyClicks(view.form.title_edit, "Tuesday drop-in")
    view.form.rows_spin.setValue(45)
    qtbot.keyClicks(view.form.venue_edit, "Library")
    view.form.landscape_radio.click()
    view.preview_button.click()
    (dialog,) = previews
    assert dialog.page_count() >= 2
    assert "Tuesday drop-in" in dialog.windowTitle()
    pdf = dialog._pdf
    first = page_lines(pdf)[0]
    assert first[:2] == [GROUP, "Tuesday drop-in"]
    assert "Library" in first
    page = reader(pdf).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)


def test_large_print_makes_more_pages(view: SheetsView, previews) -> None:
    view.preview_button.click()
    view.form.large_print_check.click()
    view.preview_button.click()
    standard, large = previews
    assert large.page_count() > standard.page_count()


def test_today_button_fills_in_the_date(qtbot, view: SheetsView) -> None:
    from datetime import date

    view.form.today_button.click()
    assert view.form.date_edit.text() == format_date(date.today())


def test_too_long_title_is_shown_next_to_the_field_and_nothing_opens(
    view: SheetsView, previews
) -> None:
    view.form.title_edit.setText("A very long title " * 10)
    assert view.preview() is False
    assert previews == []
    assert "Title is too long" in view.form.error_text("title")
    assert view.form.title_edit.hasFocus()
    view.form.title_edit.setText("Short")
    assert view.preview() is True
    assert view.form.error_text("title") == ""


def test_missing_group_name_is_explained(qtbot, previews) -> None:
    screen = SheetsView(lambda: "")
    qtbot.addWidget(screen)
    assert "No group name is set" in screen.group_label.text()
    screen.preview()
    assert page_lines(previews[0]._pdf)[0][0] == "Sign-in sheet"


def test_every_control_has_an_accessible_name_and_a_label(view: SheetsView) -> None:
    controls = [
        widget
        for kind in (QAbstractButton, QLineEdit, QSpinBox, QComboBox, QListWidget)
        for widget in view.findChildren(kind)
        if widget.parent() is not None and not isinstance(widget.parent(), QSpinBox | QComboBox)
    ]
    assert len(controls) >= 10
    assert all(widget.accessibleName() for widget in controls)
    buddies = {label.buddy() for label in view.findChildren(QLabel) if label.buddy()}
    for edit in (
        view.form.title_edit,
        view.form.rows_spin,
        view.form.date_edit,
        view.form.venue_edit,
        view.form.meeting_edit,
        view.sheet_list,
    ):
        assert edit in buddies


def test_tab_order_follows_reading_order(view: SheetsView) -> None:
    form = view.form
    expected = [
        view.sheet_list,
        form.title_edit,
        form.rows_spin,
        form.meeting_edit,
        form.date_edit,
        form.today_button,
        form.venue_edit,
        form.portrait_radio,
        form.landscape_radio,
        form.large_print_check,
        view.preview_button,
    ]
    order: list[QWidget] = []
    widget = view.sheet_list
    for _ in range(200):
        if widget in expected and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is view.sheet_list:
            break
    assert order == expected
