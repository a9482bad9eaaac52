"""The "Who is this?" list: even a single possible member carries words to check it is the
right person (joined, last came), and its rows leave room round the words for the focus ring
(a screen review found the chosen first row clipped, and a lone "Joan Walker" with nothing
to tell her apart among thousands of members)."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services.meetings_dto import WalkInMatch
from involve_desktop.core.services.meetings_walk_in import match_labels
from involve_desktop.ui.meetings.walk_in import ChooseWalkInDialog

JOAN = WalkInMatch(7, "Joan Walker", "Joan Walker", "active", False, date(2024, 3, 4))


def test_a_single_match_says_when_they_joined_and_last_came() -> None:
    came = WalkInMatch(7, "Joan Walker", "Joan Walker", "active", False, date(2024, 3, 4))
    came = WalkInMatch(**{**came.__dict__, "last_came": date(2026, 11, 12)})
    assert match_labels([came]) == ["Joan Walker (joined Mar 2024, last came Thu 12 Nov 2026)"]
    assert match_labels([JOAN]) == ["Joan Walker (joined Mar 2024, not come yet)"]
    stepping = WalkInMatch(8, "Jo Smith", "Joanna Smith", "stepping_back", True, None)
    assert match_labels([stepping]) == [
        "Jo Smith (Joanna Smith, stepping back; joining day not known, not come yet)"
    ]


def test_the_rows_leave_room_round_the_words_and_show_them_whole(qtbot) -> None:
    chooser = ChooseWalkInDialog("Jo Walker", [JOAN])
    qtbot.addWidget(chooser)
    chooser.show()
    rows = chooser.list
    assert rows.item(0).text() == "Joan Walker (joined Mar 2024, not come yet)"
    height = rows.visualItemRect(rows.item(0)).height()
    assert height >= rows.fontMetrics().height() + 8  # the 2 px ring clears the words
    words = rows.fontMetrics().horizontalAdvance(rows.item(0).text())
    assert rows.viewport().width() >= words
