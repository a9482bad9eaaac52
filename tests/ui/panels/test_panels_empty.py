"""Panels before the first panel: the words say once what the area is for (not again in the
banner above), and a coordinator is offered the first step ("Add a panel…", Alt+D), which
opens the panel form; an account that may not set panels up sees only the words."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from involve_desktop.ui.panels.panel_dialog import PanelDialog
from involve_desktop.ui.panels.panels_view import PanelsView
from involve_desktop.ui.panels.panels_words import ADD_PANEL, NO_PANELS, NO_PANELS_READ_ONLY
from tests.core.panels.helpers import TODAY, panel
from tests.ui.rota.scripting import scripted


def open_view(qtbot, context, actor) -> PanelsView:
    view = PanelsView(context, actor, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1090, 560)
    view.show()
    return view


def shown_words(view: PanelsView) -> list[str]:
    """The text of every label on screen in the area."""
    return [label.text() for label in view.findChildren(QLabel) if label.isVisible()]


def test_the_message_shows_once_with_the_first_step(qtbot, monkeypatch, context, coordinator):
    view = open_view(qtbot, context, coordinator)
    words = shown_words(view)
    assert words.count(NO_PANELS) == 1
    assert sum("No panels" in w for w in words) == 1
    assert view.empty.button.isVisible() and view.empty.button.text() == ADD_PANEL
    assert "&d" in ADD_PANEL
    assert not view.table.isVisible()
    opened = scripted(monkeypatch, PanelDialog, lambda d: d.reject())
    view.empty.button.click()
    assert len(opened) == 1


def test_with_panels_the_banner_and_list_come_back(qtbot, context, session, coordinator):
    panel(session, coordinator, "Support Worker", TODAY)
    view = open_view(qtbot, context, coordinator)
    assert view.banner.isVisible() and view.table.isVisible()
    assert not view.empty.isVisible()


def test_an_account_that_may_not_add_panels_sees_only_the_words(qtbot, context, coordinator):
    # Only coordinators see Panels today; should a role ever read panels without setting
    # them up, it gets the words and no button.
    view = open_view(qtbot, context, coordinator)
    view.can_manage = False
    view.refresh()
    words = shown_words(view)
    assert words.count(NO_PANELS_READ_ONLY) == 1
    assert not view.empty.button.isVisible() and not view.empty.offers_button()
