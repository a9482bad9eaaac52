"""The Rota area's week grid: names and coverage in words, keyboard, model, permissions."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt

from involve_desktop.core.services import rota_assign
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.rota import rota_view as rota_view_module
from involve_desktop.ui.rota.rota_view import NO_SITES, RotaView
from tests.core.rota.conftest import facilitator  # noqa: F401 - fixture
from tests.core.rota.helpers import peer, shift, site

MONDAY = date(2026, 3, 2)


def make_view(qtbot, context, actor: Actor) -> RotaView:
    """A rota view on the week of Mon 2 Mar 2026."""
    view = RotaView(context, actor)
    qtbot.addWidget(view)
    view.show_week(MONDAY)
    return view


@pytest.fixture
def ward(session, coordinator) -> dict[str, int]:
    """Ward 4 with three shifts on Tuesday: two people, one alone, no one."""
    ward = site(session, coordinator, "Ward 4")
    covered = shift(session, coordinator, ward)
    alone = shift(session, coordinator, ward, start=time(14), end=time(18))
    empty = shift(session, coordinator, ward, day=date(2026, 3, 4))
    aisha = peer(session, coordinator, "Aisha Khan")
    ben = peer(session, coordinator, "Ben Morris")
    rota_assign.assign(session, coordinator, covered, aisha)
    rota_assign.assign(session, coordinator, covered, ben)
    rota_assign.assign(session, coordinator, alone, aisha)
    return {"site": ward, "covered": covered, "alone": alone, "empty": empty, "aisha": aisha}


def test_grid_shows_names_and_coverage_words(qtbot, context, coordinator, ward):
    view = make_view(qtbot, context, coordinator)
    assert view.week_label.text() == "Week of Mon 2 Mar 2026"
    model = view.grid.grid_model
    assert model.rowCount() == 1 and model.columnCount() == 7
    assert model.headerData(0, Qt.Orientation.Vertical) == "Ward 4"
    tuesday = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 1).data().startswith("09:00–13:00\nAisha K., Ben M.\n✓ Covered\n\n")
    assert "09:00–13:00 · Aisha Khan, Ben Morris · ✓ Covered" in tuesday  # full names
    assert "14:00–18:00 · Aisha Khan · ⚠ ALONE — needs 1 more" in tuesday
    assert model.index(0, 2).data() == "09:00–13:00\n✗ No one — needs 2"
    assert model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is not None  # icon too
    assert "Ward 4, Tue 3 Mar 2026" in model.index(0, 1).data(Qt.ItemDataRole.AccessibleTextRole)


def test_grid_model_passes_qt_model_tester(qtbot, qtmodeltester, context, coordinator, ward):
    view = make_view(qtbot, context, coordinator)
    qtmodeltester.check(view.grid.grid_model)


def test_week_navigation_and_site_filter(qtbot, context, coordinator, session, ward):
    other = site(session, coordinator, "Hope Café", kind="community_venue")
    shift(session, coordinator, other)
    view = make_view(qtbot, context, coordinator)
    view.load_sites()
    view.refresh()
    assert view.grid.grid_model.rowCount() == 2
    view.site_filter.setCurrentIndex(view.site_filter.findData(other))
    assert view.grid.grid_model.rowCount() == 1
    assert view.grid.grid_model.index(0, 1).data() == "09:00–13:00\n✗ No one — needs 2"
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.week_label.text() == "Week of Mon 9 Mar 2026"
    assert view.grid.grid_model.index(0, 1).data() == ""
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.week_label.text() == "Week of Mon 2 Mar 2026"


def test_gaps_tab_lists_shifts_below_minimum(qtbot, context, coordinator, ward, monkeypatch):
    view = make_view(qtbot, context, coordinator)
    view.gaps.today = MONDAY
    view.show_gaps()
    rows = view.gaps.table.gaps_model.all_rows()
    assert [r.view.slot.id for r in rows] == [ward["alone"], ward["empty"]]
    assert "2 shifts need cover" in view.gaps.summary.text()
    model = view.gaps.table.gaps_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-1] == "Why"
    why = [model.index(r, len(headers) - 1).data() for r in range(model.rowCount())]
    # Aisha and Ben are both on the covered morning; Ben is free in the afternoon.
    assert why[0] == "alone: needs 2, has 1 — 1 person could cover — open it to ring round"
    assert why[1] == "no one: needs 2 — 2 people could cover — open it to ring round"
    tips = [model.index(r, len(headers) - 1).data(Qt.ItemDataRole.ToolTipRole) for r in (0, 1)]
    assert tips == why  # the whole reason, even where the column cuts it
    opened: list[int] = []
    monkeypatch.setattr(view, "open_shift", opened.append)
    view.gaps.open_shift.disconnect()
    view.gaps.open_shift.connect(view.open_shift)
    view.gaps.table.setFocus()
    view.gaps.table.setCurrentIndex(view.gaps.table.gaps_model.index(1, 0))
    qtbot.keyClick(view.gaps.table, Qt.Key.Key_Return)
    assert opened == [ward["empty"]]


def test_empty_state_offers_first_site(qtbot, context, coordinator, monkeypatch):
    opened: list[str] = []

    class FakeSites:
        def __init__(self, *args, **kwargs) -> None:
            opened.append("sites")

        def exec(self) -> int:
            return 0

        def deleteLater(self) -> None:  # noqa: N802
            pass

    import involve_desktop.ui.rota.setup_dialogs as setup_dialogs

    monkeypatch.setattr(setup_dialogs, "SitesDialog", FakeSites)
    view = make_view(qtbot, context, coordinator)
    assert view.week_stack.currentIndex() == 1
    assert view.empty_message.text() == NO_SITES
    qtbot.mouseClick(view.first_site_button, Qt.MouseButton.LeftButton)
    assert opened == ["sites"]


def test_manage_buttons_open_the_other_dialogs_and_refresh(
    qtbot, context, coordinator, ward, monkeypatch
):
    seen: list[tuple] = []

    def fake(name):
        class Fake:
            def __init__(self, *args, **kwargs) -> None:
                seen.append((name, *[a for a in args[2:] if isinstance(a, date)]))

            def exec(self) -> int:
                return 1

            def deleteLater(self) -> None:  # noqa: N802
                pass

        return Fake

    import involve_desktop.ui.rota.autofill_dialog as autofill_dialog
    import involve_desktop.ui.rota.setup_dialogs as setup_dialogs

    monkeypatch.setattr(setup_dialogs, "GenerateDialog", fake("generate"))
    monkeypatch.setattr(autofill_dialog, "AutofillDialog", fake("autofill"))
    view = make_view(qtbot, context, coordinator)
    qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.autofill_button, Qt.MouseButton.LeftButton)
    assert seen == [
        ("generate", MONDAY, date(2026, 3, 29)),
        ("autofill", MONDAY, date(2026, 3, 29)),
    ]


def test_facilitator_sees_the_rota_without_manage_buttons(
    qtbot,
    context,
    coordinator,
    facilitator,  # noqa: F811
    ward,
):
    view = make_view(qtbot, context, facilitator)
    view.show()
    assert "Aisha K." in view.grid.grid_model.index(0, 1).data()
    for button in view.manage_buttons:
        assert not button.isVisible()
    assert rota_view_module.NO_SITES_READ_ONLY  # their empty state does not offer to add


def test_fits_a_laptop_screen(qtbot, context, coordinator, ward):
    view = make_view(qtbot, context, coordinator)
    hint = view.minimumSizeHint()
    assert hint.width() <= 1366 - 200 and hint.height() <= 768 - 120


def test_one_gap_reads_needs_cover_in_the_singular(qtbot, context, coordinator, session):
    ward = site(session, coordinator, "Ward 4")
    shift(session, coordinator, ward)
    view = make_view(qtbot, context, coordinator)
    view.show_gaps()
    assert view.gaps.summary.text().startswith("1 shift needs cover,")


def test_gaps_of_weeks_with_no_shifts_are_not_ticked_as_covered(
    qtbot, context, coordinator, session
):
    ward = site(session, coordinator, "Ward 4")
    shift(session, coordinator, ward)  # Tue 3 Mar 2026, nobody on it
    view = make_view(qtbot, context, coordinator)
    view.show_gaps()
    view.gaps.show_period(date(2026, 4, 6), date(2026, 4, 19))
    text = view.gaps.summary.text()
    assert "✓" not in text and text.startswith("No shifts are planned from Mon 6 Apr 2026")
    view.gaps.show_period(date(2026, 3, 2), date(2026, 3, 29))
    assert view.gaps.summary.text().endswith("No shifts are planned after Tue 3 Mar 2026 yet.")


def test_peer_supporters_button_opens_the_person_view_without_a_member(
    qtbot, context, coordinator, ward, monkeypatch
):
    import involve_desktop.ui.rota.availability_dialog as availability_dialog

    seen: list = []

    class Fake:
        def __init__(self, context, actor, member_id, parent, print_sheet=None) -> None:
            seen.append(member_id)

        def exec(self) -> int:
            return 0

        def deleteLater(self) -> None:  # noqa: N802
            pass

    monkeypatch.setattr(availability_dialog, "AvailabilityDialog", Fake)
    view = make_view(qtbot, context, coordinator)
    qtbot.mouseClick(view.availability_button, Qt.MouseButton.LeftButton)
    assert seen == [None]  # not clicked(False) passed on as "member False"


def test_a_week_without_shifts_says_so_and_offers_to_generate(
    qtbot, context, coordinator, ward, monkeypatch
):
    view = make_view(qtbot, context, coordinator)
    view.show()
    assert not view.no_shifts_row.isVisible()
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.no_shifts_row.isVisible()
    assert view.no_shifts_message.text().startswith("No shifts this week — Generate shifts…")
    opened: list = []
    monkeypatch.setattr(view, "open_generate", lambda: opened.append(True))
    view.no_shifts_generate.clicked.disconnect()
    view.no_shifts_generate.clicked.connect(lambda: view.open_generate())
    qtbot.mouseClick(view.no_shifts_generate, Qt.MouseButton.LeftButton)
    assert opened == [True]


def test_a_no_show_is_marked_in_words_in_the_grid(qtbot, context, coordinator, session, ward):
    from involve_desktop.core.services.rota_attendance import record_shift_outcomes
    from involve_desktop.core.services.rota_dto import Attendance
    from involve_desktop.core.services.rota_shifts import shift_view

    covered = shift_view(session, coordinator, ward["covered"])
    ben = next(a for a in covered.assignees if a.name == "Ben Morris")
    aisha = next(a for a in covered.assignees if a.name == "Aisha Khan")
    record_shift_outcomes(
        session,
        coordinator,
        {
            ben.assignment_id: (Attendance.DID_NOT_ATTEND, None),
            aisha.assignment_id: (Attendance.WORKED, None),
        },
        today=date(2026, 3, 4),
    )
    view = make_view(qtbot, context, coordinator)
    text = view.grid.grid_model.index(0, 1).data()
    assert text.startswith("09:00–13:00\nAisha K., Ben M. (did not attend)\n⚠ ALONE")


def test_a_gap_already_over_says_so(qtbot, context, coordinator, ward):
    view = make_view(qtbot, context, coordinator)
    view.gaps.today = date(2026, 3, 5)
    view.show_gaps()
    model = view.gaps.table.gaps_model
    why = model.index(0, model.columnCount() - 1).data()
    assert why == "alone: needs 2, has 1 — this shift is over"


def test_site_chooser_and_week_rows_are_in_natural_order(qtbot, context, coordinator, session):
    names = ["venue 12", "Venue 3", "venue 30", "venue 9"]
    for name in names:
        shift(session, coordinator, site(session, coordinator, name))
    view = make_view(qtbot, context, coordinator)
    view.load_sites()
    view.refresh()
    chooser = [view.site_filter.itemText(i) for i in range(1, view.site_filter.count())]
    assert chooser == ["Venue 3", "venue 9", "venue 12", "venue 30"]
    model = view.grid.grid_model
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows == chooser
    view.show_gaps()
    gaps = view.gaps.table.gaps_model
    assert [gaps.index(r, 0).data() for r in range(gaps.rowCount())] == chooser


def test_this_week_opens_on_today_which_its_heading_names(qtbot, context, coordinator, ward):
    view = RotaView(context, coordinator)  # opens on the real week
    qtbot.addWidget(view)
    today = date.today()
    column = today.weekday()
    assert view.grid.currentIndex().column() == column
    model = view.grid.grid_model
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headings[column].endswith(" (today)")
    assert sum(h.endswith("(today)") for h in headings) == 1
    view.show_week(MONDAY)  # another week: no day is today
    assert not any(
        model.headerData(c, Qt.Orientation.Horizontal).endswith("(today)") for c in range(7)
    )
