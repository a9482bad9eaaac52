"""The Panels area: the list and its flags, the over-reliance banner, Settings → Panels,
printing, "Who has sat", and who sees the area at all."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt

from involve_desktop.core.services import panels
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.panels.panels_view import PanelsView
from involve_desktop.ui.panels.panels_words import NO_PANELS, since_text
from involve_desktop.ui.print_preview import PrintPreviewDialog
from tests.core.panels.helpers import TODAY, panel, seat, staff, trained
from tests.ui.rota.scripting import scripted


def open_view(qtbot, context, actor) -> PanelsView:
    view = PanelsView(context, actor, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def rows(view: PanelsView) -> list[list[str]]:
    proxy = view.table.model()
    return [
        [str(proxy.index(r, c).data()) for c in range(proxy.columnCount())]
        for r in range(proxy.rowCount())
    ]


def held(session, actor, day: date, *people: int, post: str = "Support Worker") -> int:
    panel_id = panel(session, actor, post, day)
    staff(session, actor, panel_id, "Jo Manager")
    for member_id in people:
        seat(session, actor, panel_id, member_id)
    panels.mark_held(session, actor, panel_id, today=TODAY)
    return panel_id


def demo_like(session, actor) -> None:
    """Aisha 4, Ben 3, Cat 2, Dev 1, Eve 1 held seats: top three 9 of 11 (82 %)."""
    t = lambda name: trained(session, actor, name)  # noqa: E731
    a, b, c, d, e = t("Aisha Khan"), t("Ben Okafor"), t("Cat Jones"), t("Dev Patel"), t("Eve")
    held(session, actor, date(2025, 3, 3), a, b)
    held(session, actor, date(2025, 6, 1), a, b, c)
    held(session, actor, date(2025, 9, 1), a, d)
    held(session, actor, date(2026, 1, 5), a, b, c, e)


def test_no_panels_yet_says_what_to_do(qtbot, context, coordinator):
    view = open_view(qtbot, context, coordinator)
    assert view.empty.text() == NO_PANELS and view.empty.isVisible()
    assert not view.banner.isVisible()  # said once, where the list would be
    assert view.empty.offers_button() and view.empty.button.text() == "A&dd a panel…"
    assert not view.open_button.isEnabled() and view.new_button.isVisible()


def test_banner_warns_when_a_few_people_take_most_seats(qtbot, context, session, coordinator):
    demo_like(session, coordinator)
    view = open_view(qtbot, context, coordinator)
    assert view.banner.text() == (
        "⚠ In the last 12 months 5 different people sat in lived-experience seats. "
        "3 people took 82 % of the "
        "lived-experience seats — above your 50 % limit. When you set up the next panel, ask "
        "someone who has not sat for a while."
    )
    assert view.banner.font().bold()


def test_banner_is_one_quiet_line_below_the_threshold(qtbot, context, session, coordinator):
    from involve_desktop.core.services import panels_policy
    from involve_desktop.core.services.panels_dto import PanelPolicy

    demo_like(session, coordinator)
    panels_policy.save_policy(session, coordinator, PanelPolicy(reliance_threshold=90))
    view = open_view(qtbot, context, coordinator)
    assert view.banner.text() == (
        "In the last 12 months 5 different people sat in lived-experience seats; "
        "3 people took 82 % of the "
        "lived-experience seats (your limit is 90 %)."
    )
    assert not view.banner.font().bold()


def test_list_columns_periods_and_the_policy_flag(
    qtbot, qtmodeltester, context, session, coordinator
):
    aisha = trained(session, coordinator, "Aisha Khan")
    coming = panel(session, coordinator, "Peer Support Worker")  # 10 Mar 2026
    seat(session, coordinator, coming, aisha)
    staff(session, coordinator, coming, "Jo Manager")
    staff(session, coordinator, coming, "Sam Lead")
    panel(session, coordinator, "Advocate", date(2026, 4, 2), venue=None, online=True)
    held(session, coordinator, date(2025, 11, 4), aisha, post="Team Leader")
    view = open_view(qtbot, context, coordinator)
    qtmodeltester.check(view.model)
    shown = rows(view)  # Upcoming, soonest first
    assert [r[2] for r in shown] == ["Peer Support Worker", "Advocate"]
    assert shown[0][:2] == ["Tue 10 Mar 2026", "10:00–13:00"]
    assert shown[0][3] == "1 lived experience · 2 staff"
    assert shown[0][4] == "✓ Meets policy"  # default: at least 1
    assert shown[1][4] == "⚠ Needs 1 more lived-experience member"
    assert shown[0][5] == "Planned"
    assert shown[0][6] == "Community Mental Health Team"
    assert shown[0][7] == "Riverside Voices office" and shown[1][7] == "Online"
    assert shown[0][8] == "4"
    view.period.setCurrentIndex(view.period.findData("year_back"))
    assert [r[2] for r in rows(view)] == ["Team Leader"]
    view.period.setCurrentIndex(view.period.findData("all"))
    view.status.setCurrentIndex(view.status.findText("Held"))
    assert [r[2] for r in rows(view)] == ["Team Leader"]


def test_settings_saves_the_policy_and_the_list_follows(qtbot, context, session, coordinator):
    aisha = trained(session, coordinator, "Aisha Khan")
    coming = panel(session, coordinator)
    seat(session, coordinator, coming, aisha)
    staff(session, coordinator, coming, "Jo Manager")
    staff(session, coordinator, coming, "Sam Lead")
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.panels_view.today = TODAY
    window.show()
    window.show_area("panels")
    assert rows(window.panels_view)[0][4] == "✓ Meets policy"
    tab = window.settings_view.panels_tab
    from involve_desktop.core.services.panels_dto import PolicyKind

    tab.kind_radios[PolicyKind.EQUAL].setChecked(True)
    tab.threshold.setValue(60)
    tab.save()
    assert tab.saved_label.text() == "✓ Saved."
    assert rows(window.panels_view)[0][4] == "⚠ Needs 1 more lived-experience member"
    again = type(tab)(context, coordinator)
    qtbot.addWidget(again)
    assert again.value().kind is PolicyKind.EQUAL and again.threshold.value() == 60


def test_the_panels_area_sits_after_meetings_with_its_shortcuts(qtbot, context, coordinator):
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    keys = [area.key for area in window.areas]
    assert keys.index("panels") == keys.index("cohorts") + 1 == keys.index("meetings") + 2
    window.show_area("panels")
    assert window.new_action.isEnabled() and window.new_action.text() == "&New panel…"
    assert window.print_action.text() == "&Print panel pack…"


def test_a_facilitator_does_not_see_panels_or_payments(qtbot, context, facilitator):
    window = MainWindow(context, facilitator)
    qtbot.addWidget(window)
    assert "panels" not in [area.key for area in window.areas]
    assert "payments" not in [area.key for area in window.areas]
    assert window.payments_view is None
    assert window.panels_view is None
    assert window.settings_view.panels_tab is None


def test_print_pack_and_summary_open_the_preview(qtbot, monkeypatch, context, session, coordinator):
    aisha = trained(session, coordinator, "Aisha Khan")
    coming = panel(session, coordinator, "Peer Support Worker")
    seat(session, coordinator, coming, aisha)
    held(session, coordinator, date(2026, 1, 5), aisha, post="Team Leader")
    shown: list[str] = []

    def read(d: PrintPreviewDialog) -> None:
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(d._pdf)).pages)
        shown.append(text)

    scripted(monkeypatch, PrintPreviewDialog, read)
    view = open_view(qtbot, context, coordinator)
    view.print_pack()
    assert "Peer Support Worker" in shown[0] and "Aisha" in shown[0]
    view.summary_button.click()
    assert "Aisha" in shown[1] and "1 panel held" in shown[1]


def test_who_has_sat_lists_each_person_and_opens_their_page(qtbot, context, session, coordinator):
    demo_like(session, coordinator)
    view = open_view(qtbot, context, coordinator)
    view.tabs.setCurrentWidget(view.who)
    proxy = view.who.table.model()
    listed = {proxy.index(r, 0).data(): proxy.index(r, 1).data() for r in range(proxy.rowCount())}
    assert listed == {
        "Aisha Khan": "4",
        "Ben Okafor": "3",
        "Cat Jones": "2",
        "Dev Patel": "1",
        "Eve": "1",
    }
    assert proxy.index(0, 0).data() == "Aisha Khan"  # who sat most comes first
    view.who.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data() == "Eve"
    opened: list[int] = []
    view.member_requested.connect(opened.append)
    view.who.table.activated.emit(proxy.index(0, 0))
    assert len(opened) == 1


def test_time_since_in_words():
    assert since_text(None, TODAY) == "never sat"
    assert since_text(date(2025, 7, 1), TODAY) == "last sat 8 months ago"
    assert since_text(date(2026, 2, 20), TODAY) == "last sat 10 days ago"
    assert since_text(date(2024, 1, 5), TODAY) == "last sat 2 years ago"


def test_enter_opens_the_panel_and_a_new_panel_is_chosen_after_saving(
    qtbot, monkeypatch, context, session, coordinator
):
    from PySide6.QtCore import QDate

    from involve_desktop.ui.panels.panel_dialog import PanelDialog
    from tests.ui.typing import type_text

    panel(session, coordinator, "Peer Support Worker")
    view = open_view(qtbot, context, coordinator)
    opened = scripted(monkeypatch, PanelDialog, lambda d: d.reject())
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0].details.post_title.text() == "Peer Support Worker"

    def new(d: PanelDialog) -> None:
        type_text(qtbot, d.details.post_title, "Advocate")
        d.details.day.setDate(QDate(2026, 3, 20))
        type_text(qtbot, d.details.venue, "Oak Street")
        d.save()
        d.reject()

    scripted(monkeypatch, PanelDialog, new)
    view.new_button.click()
    assert [r[2] for r in rows(view)] == ["Peer Support Worker", "Advocate"]
    assert view.current_panel().post_title == "Advocate"
