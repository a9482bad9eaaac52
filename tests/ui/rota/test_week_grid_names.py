"""Two people whose short names would read the same are told apart in the week grid, the
gaps list and the cell's tooltip (found by a screen review: Callum Brown and Callum Burgess
were both "Callum B." on one shift)."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt

from involve_desktop.core.services import rota_assign
from involve_desktop.ui.rota.rota_view import RotaView
from tests.core.rota.helpers import peer, shift, site

MONDAY = date(2026, 3, 2)


def test_two_callum_bs_on_one_shift_read_differently(qtbot, context, coordinator, session):
    venue = site(session, coordinator, "Community venue 6")
    evening = shift(session, coordinator, venue, start=time(16), end=time(20), min_peers=3)
    for name in ("Callum Brown", "Callum Burgess", "Aisha Khan"):
        rota_assign.assign(session, coordinator, evening, peer(session, coordinator, name))
    view = RotaView(context, coordinator)
    qtbot.addWidget(view)
    view.show_week(MONDAY)
    cell = view.grid.grid_model.index(0, 1)
    shown = cell.data().splitlines()[1]
    assert shown == "Aisha K., Callum Br., Callum Bu."
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "Callum Brown" in tip and "Callum Burgess" in tip
    assert "Callum Burgess" in cell.data(Qt.ItemDataRole.AccessibleTextRole)


def test_names_are_told_apart_across_the_week_not_only_in_one_cell(
    qtbot, context, coordinator, session
):
    venue = site(session, coordinator, "Ward 4")
    tuesday = shift(session, coordinator, venue)
    wednesday = shift(session, coordinator, venue, day=date(2026, 3, 4))
    rota_assign.assign(session, coordinator, tuesday, peer(session, coordinator, "Jo Smith"))
    rota_assign.assign(session, coordinator, wednesday, peer(session, coordinator, "Jo Smythe"))
    view = RotaView(context, coordinator)
    qtbot.addWidget(view)
    view.show_week(MONDAY)
    model = view.grid.grid_model
    assert "Jo Smi." in model.index(0, 1).data()
    assert "Jo Smy." in model.index(0, 2).data()
    assert model.short_name_of("Jo Smith") == "Jo Smi."


def test_the_gaps_list_tells_them_apart_too(qtbot, context, coordinator, session):
    venue = site(session, coordinator, "Ward 4")
    short = shift(session, coordinator, venue, min_peers=3)
    for name in ("Callum Brown", "Callum Burgess"):
        rota_assign.assign(session, coordinator, short, peer(session, coordinator, name))
    view = RotaView(context, coordinator)
    qtbot.addWidget(view)
    view.show_week(MONDAY)
    view.gaps.today = MONDAY
    view.show_gaps()
    model = view.gaps.table.gaps_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    who = model.index(0, headers.index("Who is on")).data()
    assert who == "Callum Br., Callum Bu."
