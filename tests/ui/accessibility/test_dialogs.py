"""Every dialog a person can open from the main window: names for screen readers, and Tab.

The walk (``dialog_walk``) presses every "…" button in every area and tab of the main
window on the demo group, as a coordinator and as a facilitator, and one level down inside
each dialog it opens. For every dialog:

* every visible interactive widget has an accessible name (its text, a buddy label, or
  ``setAccessibleName``);
* Tab, pressed with ``qtbot.keyClick`` on the focused widget, goes round every visible,
  enabled control that takes Tab focus, never sticks on one (a date box's day, month and
  year sections are stepped through first, as Qt does), never leaves the dialog, and goes
  down each form from top to bottom.
"""

from __future__ import annotations

import pytest

from involve_desktop.core.permissions import Role
from tests.ui.accessibility.dialog_walk import DialogReport, walk_dialogs
from tests.ui.accessibility.walk import demo_context

# Dialogs the walk must reach, so a broken walk cannot pass by finding nothing.
MUST_REACH = {
    Role.COORDINATOR: [
        "Add member",
        "Add a one-off shift",
        "Add a group",
        "New cohort",
        "New programme",
        "New panel",
        "Add expense claim",
        "Add a rate",
        "Mark paid",
        "New self-assessment",
        "New involvement activity",
        "New you said, we did entry",
        "Add account",
        "Retention review",
    ],
    Role.FACILITATOR: [],
}


@pytest.fixture(scope="module")
def reports(request, tmp_path_factory, qapp) -> dict[Role, dict[str, DialogReport]]:
    """The walk's findings for each role, made once for this module."""
    from pytestqt.qtbot import QtBot

    found: dict[Role, dict[str, DialogReport]] = {}
    with demo_context(tmp_path_factory.mktemp("dialogs")) as context:
        for role in (Role.COORDINATOR, Role.FACILITATOR):
            found[role] = walk_dialogs(QtBot(request), context, role)
    return found


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.FACILITATOR])
def test_the_walk_opens_the_main_dialogs(reports, role):
    titles = set(reports[role])
    missing = [t for t in MUST_REACH[role] if t not in titles]
    assert missing == []
    assert len(titles) >= (40 if role is Role.COORDINATOR else 3)


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.FACILITATOR])
def test_every_widget_in_every_dialog_has_a_name(reports, role):
    unnamed = {t: r.unnamed for t, r in reports[role].items() if r.unnamed}
    assert unnamed == {}


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.FACILITATOR])
def test_tab_goes_round_every_dialog_in_reading_order(reports, role):
    wrong = {
        f"{t} (from {r.opened_from})": r.tab_problems
        for t, r in reports[role].items()
        if r.tab_problems
    }
    assert wrong == {}
