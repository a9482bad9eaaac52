"""What a new coordinator tripped over when walking through a panel (issue #6 walk-through):
an end time before the start is shown beside the times, the "saved, now add people" note
goes once people are seated, a held panel that broke the policy is not asked to "need" more
people, and the policy line says what "equal numbers" means."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QTime

from involve_desktop.core.services import panels, panels_policy
from involve_desktop.core.services.panels_dto import PanelPolicy, PanelStatus, PolicyKind
from involve_desktop.ui.panels.panel_dialog import PanelDialog
from involve_desktop.ui.panels.panels_words import policy_text, short_policy
from tests.core.panels.helpers import TODAY, panel, seat, trained
from tests.ui.panels.test_panel_dialog import open_dialog, saved_panel, seat_lived
from tests.ui.typing import type_text


def test_an_end_time_before_the_start_is_shown_beside_the_times(qtbot, context, coordinator):
    dialog = open_dialog(qtbot, context, coordinator)
    type_text(qtbot, dialog.details.post_title, "Peer Support Worker")
    type_text(qtbot, dialog.details.venue, "Room 2")
    dialog.details.start_time.setTime(QTime(14, 0))
    dialog.details.end_time.setTime(QTime(9, 0))
    dialog.save()
    beside = dialog.details.labels["start_time"]
    assert "End time must be after the start time" in beside.text()
    assert beside.isVisibleTo(dialog)
    assert not dialog.fallback.isVisibleTo(dialog)  # not at the foot of the dialog
    assert dialog.focusWidget() is dialog.details.end_time or (
        dialog.details.end_time.isAncestorOf(dialog.focusWidget())
    )
    assert dialog.info is None  # nothing saved


def test_the_saved_note_goes_once_someone_is_seated(
    qtbot, monkeypatch, context, session, coordinator
):
    ivy = trained(session, coordinator, "Ivy Lee")
    dialog = open_dialog(qtbot, context, coordinator)
    type_text(qtbot, dialog.details.post_title, "Peer Support Worker")
    type_text(qtbot, dialog.details.venue, "Room 2")
    dialog.save()
    assert "Now add the people" in dialog.saved_label.text()
    seat_lived(qtbot, monkeypatch, dialog, ivy)
    assert [s.name for s in saved_panel(session, coordinator, dialog.panel_id).seats] == ["Ivy Lee"]
    assert "Now add the people" not in dialog.saved_label.text()


def test_a_held_panel_that_broke_the_policy_says_so_in_the_past_tense(session, coordinator):
    panels_policy.save_policy(session, coordinator, PanelPolicy(PolicyKind.AT_LEAST, 2))
    held_day = date(2026, 2, 20)
    ivy = trained(session, coordinator, "Ivy Lee")
    panel_id = panel(session, coordinator, day=held_day)
    seat(session, coordinator, panel_id, ivy)
    info = panels.mark_held(session, coordinator, panel_id, today=TODAY)
    assert info.status is PanelStatus.HELD
    text = policy_text(info)
    assert "Needs" not in text
    assert "1 lived-experience member too few" in text


def test_equal_numbers_is_said_as_at_least_as_many(session, coordinator):
    assert "at least as many lived-experience members as staff" in short_policy(
        PanelPolicy(PolicyKind.EQUAL)
    )


def test_the_panel_dialog_still_opens_on_a_planned_panel(qtbot, context, session, coordinator):
    panel_id = panel(session, coordinator, start_time=time(10), end_time=time(13))
    dialog = PanelDialog(context, coordinator, panel_id, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.info is not None


def test_down_in_find_moves_to_the_next_suggestion_and_enter_seats_them(
    qtbot, monkeypatch, context, session, coordinator
):
    from PySide6.QtCore import Qt

    from involve_desktop.ui.panels.seat_dialogs import AddLivedDialog
    from tests.ui.rota.scripting import scripted

    trained(session, coordinator, "Ivy Lee")
    trained(session, coordinator, "Jon Park")
    panel_id = panel(session, coordinator)
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    seen: dict[str, str] = {}

    def script(d: AddLivedDialog) -> None:
        d.show()
        assert d.list.count() == 2 and d.list.currentRow() == 0
        first = d.list.item(0).text().split(" — ")[0]
        qtbot.keyClick(d.search, Qt.Key.Key_Down)
        assert d.list.hasFocus() or d.list is d.focusWidget()
        assert d.list.currentRow() == 1
        seen["second"] = d.list.item(1).text().split(" — ")[0]
        seen["first"] = first
        qtbot.keyClick(d.list, Qt.Key.Key_Return)

    scripted(monkeypatch, AddLivedDialog, script)
    dialog.people.lived_button.click()
    seated = [s.name for s in saved_panel(session, coordinator, panel_id).seats]
    assert seated == [seen["second"]]


def test_settings_says_what_each_policy_asks_with_an_alt_letter(qtbot, context, coordinator):
    from involve_desktop.ui.settings.panels_tab import PanelsTab

    tab = PanelsTab(context, coordinator)
    qtbot.addWidget(tab)
    texts = {kind: radio.text() for kind, radio in tab.kind_radios.items()}
    assert "At least as many lived-experience members as staff" in texts[PolicyKind.EQUAL].replace(
        "&", ""
    )
    assert (
        "More lived-experience members than staff" in tab.kind_radios[PolicyKind.MAJORITY].toolTip()
    )
    letters = [t[t.index("&") + 1].lower() for t in texts.values()]
    assert len(set(letters)) == len(letters) == 3
    assert not set(letters) & {"f", "g", "h", "l", "w", "s"}  # menus and this tab's boxes


def test_who_has_sat_also_shows_trained_members_who_have_not(qtbot, context, session, coordinator):
    from tests.ui.panels.test_panels_view import demo_like, open_view

    demo_like(session, coordinator)
    trained(session, coordinator, "Zoe Waiting")
    view = open_view(qtbot, context, coordinator)
    view.tabs.setCurrentWidget(view.who)
    proxy = view.who.table.model()
    shown = {
        proxy.index(r, 0).data(): (proxy.index(r, 1).data(), proxy.index(r, 4).data())
        for r in range(proxy.rowCount())
    }
    assert shown["Zoe Waiting"] == ("0", "Never sat")
    assert shown["Aisha Khan"][0] == "4"
    assert proxy.index(0, 0).data() == "Aisha Khan"  # who sat most still first
    assert proxy.index(proxy.rowCount() - 1, 0).data() == "Zoe Waiting"
    assert "1 member with current panel training did not sit" in view.who.intro.text()
    assert "ask them first" in view.who.intro.text()


def test_an_empty_panel_is_not_marked_held_and_a_held_one_says_what_comes_next(
    qtbot, monkeypatch, context, session, coordinator
):
    day = date(2026, 2, 20)  # before TODAY: the panel could have taken place
    panel_id = panel(session, coordinator, day=day)
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    dialog.held_button.click()
    assert "Nobody is recorded on this panel yet" in dialog.fallback.text()
    assert dialog.fallback.isVisibleTo(dialog)
    assert saved_panel(session, coordinator, panel_id).status is PanelStatus.PLANNED
    ivy = trained(session, coordinator, "Ivy Lee")
    seat_lived(qtbot, monkeypatch, dialog, ivy)
    dialog.held_button.click()
    assert saved_panel(session, coordinator, panel_id).status is PanelStatus.HELD
    assert "Next: record the debrief" in dialog.saved_label.text()
    assert "Generate pay lines" in dialog.saved_label.text()


def test_the_list_shows_which_held_panels_still_need_a_debrief(qtbot, session, coordinator):
    from involve_desktop.core.services.panels_dto import PanelProcessInput
    from involve_desktop.ui.panels.panels_words import status_text

    ivy = trained(session, coordinator, "Ivy Lee")
    panel_id = panel(session, coordinator, day=date(2026, 2, 20))
    seat(session, coordinator, panel_id, ivy)
    info = panels.mark_held(session, coordinator, panel_id, today=TODAY)
    assert status_text(info) == "Held · no debrief"
    info = panels.record_process(
        session,
        coordinator,
        panel_id,
        PanelProcessInput(debrief_on=date(2026, 2, 27), feedback_given=True),
        today=TODAY,
    )
    assert status_text(info) == "Held"
    planned = panels.get_panel(session, coordinator, panel(session, coordinator))
    assert status_text(planned) == "Planned"


def test_a_suggestion_counts_the_year_before_this_panel_in_those_words():
    from involve_desktop.core.services.panels_dto import Suggestion
    from involve_desktop.ui.panels.seat_dialogs import suggestion_text

    text = suggestion_text(Suggestion(1, "Damian Bird", date(2026, 2, 20), 8, ""), TODAY, True)
    assert text == (
        "Damian Bird — last sat 10 days ago · 8 panels in the year before this one · "
        "✓ trained · ⚠ one of the 3 who sat most"
    )
    assert "past year" not in text


def test_a_held_panel_without_a_debrief_opens_where_the_debrief_is_recorded(
    qtbot, context, session, coordinator
):
    from involve_desktop.core.services.panels_dto import PanelProcessInput

    panel_id = panel(session, coordinator, day=date(2026, 2, 20))
    seat(session, coordinator, panel_id, trained(session, coordinator, "Ivy Lee"))
    panels.mark_held(session, coordinator, panel_id, today=TODAY)
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    assert dialog.tabs.currentIndex() == dialog.process_index
    assert dialog.focusWidget() is dialog.process.debrief.check
    panels.record_process(
        session,
        coordinator,
        panel_id,
        PanelProcessInput(debrief_on=date(2026, 2, 27)),
        today=TODAY,
    )
    again = open_dialog(qtbot, context, coordinator, panel_id)
    assert again.tabs.currentIndex() == again.details_index  # nothing left: opens as usual
    planned = open_dialog(qtbot, context, coordinator, panel(session, coordinator))
    assert planned.tabs.currentIndex() == planned.details_index
