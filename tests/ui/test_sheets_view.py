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

from involve_desktop.core.db.engine import session_factory
from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.formatting import format_date
from involve_desktop.core.sheets.catalogue import SheetData
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.ui.print_preview import PrintPreviewDialog
from involve_desktop.ui.sheets.sheets_view import SheetsView
from tests.sheets.cohort_helpers import ZOE, seed_cohort
from tests.sheets.member_helpers import facilitator, seed_group
from tests.sheets.pdfread import all_text, page_lines, reader

GROUP = "Siobhán & Łukasz's Nguyễn Group"


@pytest.fixture
def view(qtbot) -> SheetsView:
    screen = SheetsView(lambda: GROUP)
    qtbot.addWidget(screen)
    screen.resize(1000, 650)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.fixture(autouse=True)
def warnings_shown(monkeypatch) -> list[str]:
    """Warnings the screen showed; never a real message box left waiting for a click."""
    shown: list[str] = []
    monkeypatch.setattr(
        "involve_desktop.ui.sheets.sheets_view.QMessageBox.warning",
        lambda _parent, _title, text: shown.append(text),
    )
    return shown


@pytest.fixture
def previews(monkeypatch) -> list[PrintPreviewDialog]:
    """Dialogs Preview… opened; their exec() returns at once instead of waiting."""
    opened: list[PrintPreviewDialog] = []

    def fake_exec(dialog: PrintPreviewDialog) -> int:
        dialog.title_seen = dialog.windowTitle()  # still readable once the dialog is deleted
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


# -- sheets of members: given the data, made in the background ------------------------------


@pytest.fixture
def member_view(qtbot, engine, session, coordinator) -> SheetsView:
    seed_group(session, coordinator)
    screen = SheetsView(lambda: GROUP, data=SheetData(session_factory(engine), coordinator))
    qtbot.addWidget(screen)
    screen.resize(1000, 650)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_member_sheets_are_offered_only_with_data(view: SheetsView, member_view) -> None:
    assert [view.sheet_list.item(i).text() for i in range(view.sheet_list.count())] == [
        "Sign-in sheet"
    ]
    titles = [member_view.sheet_list.item(i).text() for i in range(member_view.sheet_list.count())]
    assert titles[:4] == [
        "Sign-in sheet",
        "Contact list",
        "Training due or expired",
        "Members summary",
    ]
    assert titles[4:] == [
        "Weekly rota",
        "Rota schedule",
        "Rota gaps",
        "Meeting sign-in sheets",
        "Panel pack",
        "Panel participation summary",
        "Certificate of completion",
        "Cohort summary",
        "Cohort register",
        "Payment statement",
        "Finance batch",
        "Expense claim form",
        "Leadership spectrum self-assessment",
        "Involvement activity record (4PI)",
        "You said, we did",
        "Annual involvement report",
    ]


def test_contact_list_preview_is_made_in_the_background(qtbot, member_view, previews) -> None:
    member_view.select_sheet("contact-list")
    form = member_view.form
    assert form.access_check.isVisibleTo(member_view)
    assert not form.rows_spin.isVisibleTo(member_view)
    assert not form.within_spin.isVisibleTo(member_view)
    form.privacy_combo.setCurrentIndex(form.privacy_combo.findData(PrivacyMode.FULL))
    form.role_combo.setCurrentIndex(form.role_combo.findText("Peer supporter"))
    member_view.preview_button.click()
    assert member_view.is_busy() and not member_view.preview_button.isEnabled()
    qtbot.waitUntil(lambda: bool(previews) or not member_view.is_busy(), timeout=10_000)
    assert not member_view.is_busy() and member_view.preview_button.isEnabled()
    text = all_text(previews[0]._pdf)
    assert "Zoë Adams" in text and "Mo Brown" not in text
    assert "PRIVATE-NOTE" not in text and "Peer supporter" not in text
    assert previews[0].title_seen == "Print preview — Contact list"


def test_roles_come_from_the_database(member_view) -> None:
    combo = member_view.form.role_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[0] == "Everyone (any role)"
    assert {"Peer supporter", "Facilitator", "Staff"} <= set(names)


def test_training_due_uses_the_days_chosen(qtbot, member_view, previews) -> None:
    member_view.select_sheet("training-due")
    assert member_view.form.within_spin.isVisibleTo(member_view)
    member_view.form.within_spin.setValue(30)
    assert member_view.preview() is True
    qtbot.waitUntil(lambda: bool(previews), timeout=10_000)
    assert "Nobody's training has expired or is due for renewal in the next 30 days" in (
        all_text(previews[0]._pdf)
    )


def test_a_facilitator_is_told_who_can_print_the_contact_list(
    qtbot, engine, session, coordinator, previews
) -> None:
    fran = facilitator(session, coordinator)
    screen = SheetsView(lambda: GROUP, data=SheetData(session_factory(engine), fran))
    qtbot.addWidget(screen)
    screen.show()
    screen.select_sheet("contact-list")
    assert "Only coordinators can print the contact list" in screen.permission_label.text()
    assert screen.permission_label.isVisibleTo(screen)
    assert not screen.preview_button.isEnabled()
    assert screen.preview() is False
    screen.select_sheet("members-summary")
    assert screen.preview_button.isEnabled() and not screen.permission_label.isVisibleTo(screen)
    assert screen.preview() is True
    qtbot.waitUntil(lambda: bool(previews), timeout=10_000)
    assert "People by status" in all_text(previews[0]._pdf)


def test_a_refusal_found_while_making_the_sheet_is_explained(
    qtbot, member_view, previews, warnings_shown, monkeypatch
) -> None:
    member_view.select_sheet("members-summary")

    def refuse(*_args, **_kwargs):
        raise PermissionDenied("Your account has been turned off, so it cannot do this.")

    monkeypatch.setattr(type(member_view.current_spec()), "render", refuse)
    member_view.preview()
    qtbot.waitUntil(lambda: bool(warnings_shown), timeout=10_000)
    assert "turned off" in warnings_shown[0]
    assert previews == [] and member_view.preview_button.isEnabled()


def test_payment_sheets_default_to_full_names_and_others_keep_privacy(member_view) -> None:
    titles = [member_view.sheet_list.item(i).text() for i in range(member_view.sheet_list.count())]
    combo = member_view.form.privacy_combo
    member_view.sheet_list.setCurrentRow(titles.index("Finance batch"))
    assert PrivacyMode(combo.currentData()) is PrivacyMode.FULL
    member_view.sheet_list.setCurrentRow(titles.index("Contact list"))
    assert PrivacyMode(combo.currentData()) is PrivacyMode.FIRST_INITIAL


# -- leadership programme sheets: the Cohort input -------------------------------------------
COHORT_SHEETS = {"certificate", "cohort-summary", "cohort-register"}


def cohort_screen(qtbot, engine, actor) -> SheetsView:
    screen = SheetsView(lambda: GROUP, data=SheetData(session_factory(engine), actor))
    qtbot.addWidget(screen)
    screen.resize(1000, 650)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.fixture
def cohort_view(qtbot, engine, session, coordinator) -> SheetsView:
    seed_cohort(session, coordinator)
    return cohort_screen(qtbot, engine, coordinator)


def made(qtbot, screen: SheetsView, previews) -> str:
    """Preview the selected sheet and wait for it; the PDF's text ("" if it was refused)."""
    assert screen.preview() is True
    qtbot.waitUntil(lambda: not screen.is_busy(), timeout=10_000)
    return all_text(previews[-1]._pdf) if previews else ""


def test_the_cohort_input_is_shown_only_for_the_cohort_sheets(cohort_view) -> None:
    form = cohort_view.form
    combo = form.cohort_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Peer Leadership Programme, Cohort 4 — Planned"
    ]
    for spec in cohort_view._specs:
        cohort_view.select_sheet(spec.key)
        assert combo.isVisibleTo(cohort_view) == (spec.key in COHORT_SHEETS), spec.key
        shown = form.session_edit.isVisibleTo(cohort_view)
        assert shown == (spec.key == "cohort-register"), spec.key
    cohort_view.select_sheet("certificate")
    assert form.person_edit.isVisibleTo(cohort_view)
    assert "every graduate" in form.person_edit.placeholderText()
    for fixed in (form.privacy_combo, form.large_print_check, form.landscape_radio):
        assert not fixed.isVisibleTo(cohort_view)  # full names, large text, landscape
    cohort_view.select_sheet("cohort-summary")
    assert form.privacy_combo.isVisibleTo(cohort_view)
    assert PrivacyMode(form.privacy_combo.currentData()) is PrivacyMode.FIRST_INITIAL


def test_certificates_and_the_register_preview_for_the_chosen_cohort(
    qtbot, cohort_view, previews
) -> None:
    cohort_view.select_sheet("certificate")
    text = made(qtbot, cohort_view, previews)
    assert ZOE in text and "Completed on 10 March 2026" in text
    assert previews[-1].title_seen == "Print preview — Certificate of completion"
    cohort_view.select_sheet("cohort-register")
    qtbot.keyClicks(cohort_view.form.session_edit, "2")
    text = made(qtbot, cohort_view, previews)
    assert "Session 2: Our stories" in text and "Zoë B." in text


def test_a_session_that_is_not_there_is_explained_beside_the_field(
    qtbot, cohort_view, previews
) -> None:
    cohort_view.select_sheet("cohort-register")
    qtbot.keyClicks(cohort_view.form.session_edit, "12")
    assert made(qtbot, cohort_view, previews) == ""
    assert "there is no session 12" in cohort_view.form.error_text("session")
    assert cohort_view.form.session_edit.hasFocus()


def test_no_cohort_to_choose_is_explained_beside_the_field(
    qtbot, engine, session, coordinator, previews
) -> None:
    seed_cohort(session, coordinator)
    screen = cohort_screen(qtbot, engine, facilitator(session, coordinator))
    screen.select_sheet("cohort-summary")
    assert screen.form.cohort_combo.currentText() == "No cohorts you can see yet"
    assert made(qtbot, screen, previews) == ""
    message = screen.form.error_text("cohort")
    assert "Say which cohort" in message and "cannot see any cohorts yet" in message
    assert screen.form.cohort_combo.hasFocus()


def test_a_facilitator_is_offered_only_the_sheets_they_may_print(
    qtbot, engine, session, coordinator
) -> None:
    from involve_desktop.core.sheets.catalogue import all_sheets
    from involve_desktop.ui.sheets.sheets_view import HIDDEN_NOTE

    fran = facilitator(session, coordinator)
    screen = SheetsView(lambda: GROUP, data=SheetData(session_factory(engine), fran))
    qtbot.addWidget(screen)
    screen.show()
    titles = [screen.sheet_list.item(i).text() for i in range(screen.sheet_list.count())]
    allowed = [spec.title for spec in all_sheets() if spec.allowed_for(fran)]
    assert titles == allowed
    assert "Contact list" not in titles and "Finance batch" not in titles
    assert "Meeting sign-in sheets" in titles
    assert 0 < len(titles) < len(all_sheets())
    for row in range(screen.sheet_list.count()):  # no refusal left in the list
        screen.sheet_list.setCurrentRow(row)
        assert screen.preview_button.isEnabled(), titles[row]
        assert not screen.permission_label.isVisibleTo(screen)
    assert screen.hidden_note.isVisibleTo(screen) and screen.hidden_note.text() == HIDDEN_NOTE
    screen.select_sheet("finance-batch")  # asked for by name: says who may, Preview off
    assert screen.heading.text() == "Finance batch"
    assert screen.permission_label.isVisibleTo(screen) and not screen.preview_button.isEnabled()
    screen.sheet_list.setCurrentRow(0)  # back to one of theirs
    assert screen.current_spec().title == titles[0] and screen.preview_button.isEnabled()


def test_a_coordinator_sees_every_sheet_and_no_note(member_view) -> None:
    from involve_desktop.core.sheets.catalogue import all_sheets

    assert member_view.sheet_list.count() == len(all_sheets())
    assert not member_view.hidden_note.isVisibleTo(member_view)
