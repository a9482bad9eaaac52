"""Home on screen: the figure cards, the attention list in urgency order, the calm empty
state, and every kind of item opening the right area with the right thing in it (by mouse
and by keyboard)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, meetings_groups
from involve_desktop.core.services.dashboard_dto import AttentionItem, AttentionKind, GapsPeriod
from involve_desktop.core.services.payments_dto import PayStatus
from involve_desktop.ui.gdpr.privacy_tab import PrivacyTab
from involve_desktop.ui.home.home_view import FIRST_STEPS, NOTHING, HomeView
from involve_desktop.ui.main_window import MainWindow
from tests.core.meetings.helpers import person
from tests.core.test_dashboard import DEMO_TODAY, TODAY, build_world


def _window(qtbot, context, actor, today: date) -> MainWindow:
    window = MainWindow(context, actor)
    qtbot.addWidget(window)
    window.home_view._today = today
    window.home_view.refresh()
    return window


def _row_of(home: HomeView, wanted) -> int:
    """The list row of the first item that ``wanted(item)`` accepts."""
    attention = home.attention
    for row in range(attention.count()):
        item = attention.item_at_row(row)
        if item is not None and wanted(item):
            return row
    raise AssertionError("no such attention item")


def _click(qtbot, home: HomeView, wanted) -> AttentionItem:
    """Click the item's line as a person would."""
    row = _row_of(home, wanted)
    attention = home.attention
    attention.scrollToItem(attention.item(row))
    rect = attention.visualItemRect(attention.item(row))
    qtbot.mouseClick(attention.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return attention.item_at_row(row)


@pytest.fixture
def built(qtbot, context, session: Session, coordinator):
    ids = build_world(session, coordinator)
    return _window(qtbot, context, coordinator, TODAY), ids


def test_home_comes_first_with_cards_and_items_in_urgency_order(built) -> None:
    window, _ids = built
    assert window.current_area() == "home"
    home = window.home_view
    words = [card.sentence() for card in home.cards]
    assert "7 active members — Plus 1 stepping back" in words
    assert "1 of 4 shifts covered — 3 gaps, 1 alone on shift" in words
    headings = [
        home.attention.item(r).text()
        for r in range(home.attention.count())
        if home.attention.item_at_row(r) is None
    ]
    assert headings == ["Overdue", "This week", "This month"]
    assert home.empty.isHidden() and not home.attention.isHidden()
    assert home.attention.currentRow() == 1  # the first item, under "Overdue"


def test_training_and_check_in_open_the_member(qtbot, built) -> None:
    window, ids = built
    home = window.home_view
    item = _click(qtbot, home, lambda i: i.kind is AttentionKind.TRAINING and "Zoë" in i.text)
    assert window.current_area() == "members"
    assert window.members_view.showing_member()
    assert window.members_view._current_id == ids["zoe"] == item.target.target
    window.show_area("home")
    _click(qtbot, home, lambda i: i.kind is AttentionKind.CHECK_IN)
    assert window.current_area() == "members"
    assert window.members_view._current_id == ids["away"]


def test_alone_on_shift_shows_that_week_and_day(qtbot, built) -> None:
    window, _ids = built
    _click(qtbot, window.home_view, lambda i: i.kind is AttentionKind.ALONE)
    rota = window.rota_view
    assert window.current_area() == "rota"
    assert rota.monday == date(2026, 3, 2)
    assert rota.tabs.currentIndex() == 0
    assert rota.grid.currentIndex().column() == 1  # Tuesday
    cell = rota.grid.grid_model.shifts_at(rota.grid.currentIndex().row(), 1)
    assert [a.name for v in cell for a in v.assignees] == ["Amy Long"]


def test_later_gaps_open_the_gaps_tab_on_the_gaps_home_counted(qtbot, built) -> None:
    window, _ids = built
    rota = window.rota_view
    rota.site_filter.setCurrentIndex(rota.site_filter.count() - 1)  # one site chosen before
    _click(qtbot, window.home_view, lambda i: isinstance(i.target.target, GapsPeriod))
    assert window.current_area() == "rota"
    assert rota.tabs.currentWidget() is rota.gaps
    assert rota.gaps.period_dates() == (date(2026, 3, 9), date(2026, 4, 1))
    assert rota.site_id() is None  # every site, as Home counted
    model = rota.gaps.table.gaps_model
    days = [model.row_at(row).view.slot.day for row in range(model.rowCount())]
    assert days == [date(2026, 3, 20)]  # the one Home meant (not this week's two)
    assert "9 Mar 2026 to" in rota.gaps.period.currentText()
    rota.gaps.period.setCurrentIndex(0)  # the usual choices are still there
    assert rota.gaps.period_dates()[1] - rota.gaps.period_dates()[0] == timedelta(days=6)


def test_consent_opens_the_privacy_consent_review(qtbot, built, monkeypatch) -> None:
    opened: list[bool] = []
    monkeypatch.setattr(PrivacyTab, "open_consent_review", lambda self: opened.append(True))
    window, _ids = built
    _click(qtbot, window.home_view, lambda i: i.kind is AttentionKind.CONSENT)
    assert window.current_area() == "settings"
    assert window.settings_view.tabs.currentWidget() is window.settings_view.privacy_tab
    assert opened == [True]


def test_panel_short_of_lived_experience_is_chosen_in_panels(qtbot, built) -> None:
    window, ids = built
    _click(qtbot, window.home_view, lambda i: i.kind is AttentionKind.PANEL_POLICY)
    assert window.current_area() == "panels"
    assert window.panels_view.current_panel().id == ids["short_panel"]


def test_attendance_by_keyboard_chooses_the_meeting(qtbot, built) -> None:
    window, ids = built
    home = window.home_view
    row = _row_of(home, lambda i: i.kind is AttentionKind.ATTENDANCE and "Friday" in i.text)
    home.attention.setFocus()
    for _ in range(home.attention.count()):
        if home.attention.currentRow() == row:
            break
        qtbot.keyClick(home.attention, Qt.Key.Key_Down)
    assert home.attention.currentRow() == row
    qtbot.keyClick(home.attention, Qt.Key.Key_Return)
    assert window.current_area() == "meetings"
    meeting = window.meetings_view.current_meeting()
    assert (meeting.group_name, meeting.day) == ("Friday Café", date(2026, 3, 2))


def test_headings_are_skipped_by_the_arrow_keys(qtbot, built) -> None:
    window, _ids = built
    attention = window.home_view.attention
    attention.setFocus()
    seen = set()
    for _ in range(attention.count()):
        seen.add(attention.currentRow())
        qtbot.keyClick(attention, Qt.Key.Key_Down)
    assert all(attention.item_at_row(r) is not None for r in seen)


def test_empty_group_is_calm(qtbot, context, coordinator) -> None:
    window = _window(qtbot, context, coordinator, TODAY)
    home = window.home_view
    assert not home.empty.isHidden() and home.attention.isHidden()
    assert home.empty.text() == FIRST_STEPS  # no members yet: where to start
    home.empty.linkActivated.emit("members")
    assert window.stack.currentWidget() is window.areas[1].widget
    assert window.areas[1].key == "members"
    with context.session() as session:
        person(session, coordinator, "Ada Lovelace")
    home.refresh()
    assert home.empty.text() == NOTHING


def test_demo_payments_cohorts_and_over_reliance(qtbot, context, session: Session) -> None:
    demo = seed_demo(session, today=DEMO_TODAY)
    window = _window(qtbot, context, demo, DEMO_TODAY)
    home = window.home_view
    item = _click(qtbot, home, lambda i: i.text.endswith("pay lines") or "pay line" in i.text)
    payments = window.payments_view
    assert window.current_area() == "payments"
    assert payments.tabs.currentWidget() is payments.lines
    assert payments.start_end() == item.target.target[1:]
    assert payments.lines.status_filter.currentText() == PayStatus.PENDING.label
    window.show_area("home")
    _click(qtbot, home, lambda i: i.kind is AttentionKind.OVER_RELIANCE)
    assert window.current_area() == "panels"
    assert window.panels_view.tabs.currentWidget() is window.panels_view.who
    window.show_area("home")
    _click(qtbot, home, lambda i: "expense claim" in i.text)
    assert payments.tabs.currentWidget() is payments.expenses
    assert payments.expenses.status_filter.currentText() == PayStatus.PENDING.label
    window.go_to("cohorts", window.cohorts_view.model.row_at(0).cohort.id)
    assert window.current_area() == "cohorts"


def test_a_figure_card_opens_its_area(qtbot, built) -> None:
    window, _ids = built
    card = next(c for c in window.home_view.cards if c.figure.key == "shifts")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.current_area() == "rota"
    assert window.rota_view.tabs.currentWidget() is window.rota_view.gaps


def test_facilitator_home_has_no_coordinator_work(qtbot, context, session, coordinator) -> None:
    ids = build_world(session, coordinator)
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    fran = accounts.sign_in(session, "fran", "tuesday group")
    meetings_groups.set_group_accounts(session, coordinator, ids["tuesday"], [fran.account_id])
    window = _window(qtbot, context, fran, TODAY)
    home = window.home_view
    assert [c.figure.key for c in home.cards] == [
        "active",
        "newcomers",
        "shifts",
        "meetings",
        "cohorts",
    ]
    assert [i.kind for i in home.items] == [AttentionKind.ATTENDANCE]
    home.attention.setFocus()
    qtbot.keyClick(home.attention, Qt.Key.Key_Enter)
    assert window.current_area() == "meetings"
    assert window.meetings_view.current_meeting().group_name == "Tuesday Peer Support"


def _shown(qtbot, window: MainWindow) -> None:
    """The window on screen and active, as a person sees it (Tab needs an active window)."""
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_tab_from_the_sidebar_reaches_each_card_in_order_then_the_list(qtbot, built) -> None:
    window, _ids = built
    _shown(qtbot, window)
    home = window.home_view
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus)
    reached = []
    for _card in home.cards:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == home.cards
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is home.attention
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is home.cards[-1]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is home.cards[-2]


def test_a_focused_card_is_framed_and_named_by_its_figure_and_words(qtbot, built) -> None:
    window, _ids = built
    _shown(qtbot, window)
    card = next(c for c in window.home_view.cards if c.figure.key == "shifts")
    assert card.accessibleName() == "1 of 4 shifts covered — 3 gaps, 1 alone on shift"
    before = card.grab().toImage()
    card.setFocus()
    qtbot.waitUntil(card.hasFocus)
    assert card.grab().toImage() != before  # the focus frame shows


def test_enter_on_payments_waiting_opens_payments_as_a_click_does(
    qtbot, context, session: Session
) -> None:
    demo = seed_demo(session, today=DEMO_TODAY)
    clicked = _window(qtbot, context, demo, DEMO_TODAY)
    card = next(c for c in clicked.home_view.cards if c.figure.key == "payments")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    by_mouse = clicked.payments_view
    expected = (
        by_mouse.tabs.currentWidget(),
        by_mouse.start_end(),
        by_mouse.lines.status_filter.currentText(),
    )
    assert clicked.current_area() == "payments"
    assert expected[2] == PayStatus.PENDING.label

    window = _window(qtbot, context, demo, DEMO_TODAY)
    _shown(qtbot, window)
    card = next(c for c in window.home_view.cards if c.figure.key == "payments")
    assert card.accessibleName().startswith(f"{card.figure.value} payment")
    card.setFocus()
    qtbot.waitUntil(card.hasFocus)
    qtbot.keyClick(card, Qt.Key.Key_Return)
    payments = window.payments_view
    assert window.current_area() == "payments"
    assert payments.tabs.currentWidget().objectName() == expected[0].objectName()
    assert (payments.tabs.currentIndex(), payments.start_end()) == (
        by_mouse.tabs.currentIndex(),
        expected[1],
    )
    assert payments.lines.status_filter.currentText() == expected[2]
    window.show_area("home")
    card = next(c for c in window.home_view.cards if c.figure.key == "shifts")
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Space)
    assert window.current_area() == "rota"
