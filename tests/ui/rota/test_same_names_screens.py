"""Two peer supporters called Zoë Clarke read differently on the shift panel, in the week
grid and in the Peer supporters list (``names_apart``)."""

from __future__ import annotations

from involve_desktop.core.services import rota_assign, rota_shifts
from involve_desktop.ui.rota.availability_dialog import AvailabilityDialog
from involve_desktop.ui.rota.shift_panel import ShiftDialog
from involve_desktop.ui.rota.week_grid import who_is_on
from tests.core.rota.helpers import peer, shift, site
from tests.core.rota.test_same_names import second_zoe
from tests.ui.rota.test_away_and_recorded import SOON


def test_two_zoe_clarkes_are_told_apart_on_screen(qtbot, context, coordinator, session):
    ward = site(session, coordinator, "Ward 4")
    tue = shift(session, coordinator, ward, SOON)
    first = peer(session, coordinator, "Zoë Clarke")
    second = second_zoe(session, coordinator)
    rota_assign.assign(session, coordinator, tue, first)
    rota_assign.assign(
        session, coordinator, tue, second, override_limits=True, override_reason="Asked"
    )
    view = rota_shifts.shift_view(session, coordinator, tue)
    assert who_is_on(view) == "Zoë C. (joined Jan 2024), Zoë C. (joined May 2025)"
    panel = ShiftDialog(context, coordinator, tue)
    qtbot.addWidget(panel)
    texts = [panel.people.item(i).text() for i in range(panel.people.count())]
    assert sorted(t.split(" · ")[0] for t in texts) == [
        "Zoë Clarke (joined Jan 2024)",
        "Zoë Clarke (joined May 2025)",
    ]
    people = AvailabilityDialog(context, coordinator, second)
    qtbot.addWidget(people)
    listed = [people.person.itemText(i) for i in range(people.person.count())]
    assert "Zoë Clarke (joined Jan 2024)" in listed and "Zoë Clarke (joined May 2025)" in listed
    assert people.person.currentText() == "Zoë Clarke (joined May 2025)"
