"""Print sign-in sheets: a number of meetings typed outside the box's range ("0" where 1–26
is allowed) is said beside the box and nothing is printed; Qt would put 4 back and the
preview would quietly show the next 4 meetings."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from involve_desktop.core.services import meetings_groups, meetings_meetings
from involve_desktop.ui.meetings import sign_in_print
from involve_desktop.ui.meetings.sign_in_print import SignInPrintDialog
from tests.core.meetings.helpers import TODAY, group


class _Preview:
    """Stands in for the print preview: records what it was given, never waits."""

    shown: list[bytes] = []

    def __init__(self, pdf: bytes, *_args: object) -> None:
        _Preview.shown.append(pdf)

    def exec(self) -> int:
        return 0

    def deleteLater(self) -> None:  # noqa: N802 - Qt's name
        pass


@pytest.fixture
def dialog(qtbot, monkeypatch, context, session, coordinator):
    group_id = group(session, coordinator)
    info = next(g for g in meetings_groups.list_groups(session, coordinator) if g.id == group_id)
    widget = SignInPrintDialog(context, coordinator, info, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)  # focus moves (and is told) only in the active one
    _Preview.shown = []
    monkeypatch.setattr(sign_in_print, "PrintPreviewDialog", _Preview)
    return widget


def _type(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


@pytest.mark.parametrize("how", ["tab", "enter"])
def test_0_meetings_is_said_beside_the_box_and_nothing_printed(qtbot, monkeypatch, dialog, how):
    asked: list[int] = []

    def next_meetings(_session, _actor, _group_id, count, _today):
        asked.append(count)
        return [SimpleNamespace(id=n, day=date(2026, 3, 3 + 7 * n)) for n in range(count)]

    monkeypatch.setattr(meetings_meetings, "next_meetings", next_meetings)
    monkeypatch.setattr(sign_in_print, "meeting_sign_in_pdf", lambda *_a, **_k: b"%PDF-1.4")
    _type(qtbot, dialog.count, "0")
    key = Qt.Key.Key_Tab if how == "tab" else Qt.Key.Key_Return
    qtbot.keyClick(dialog.count, key)  # Qt puts 4 back (Enter also means Preview…)
    dialog.preview()
    assert asked == [] and _Preview.shown == [] and dialog.pdf is None
    assert "“0” is outside what this box takes: type a number from 1 to 26." in (
        dialog.meetings_error.text()
    )
    assert dialog.meetings_error.isVisibleTo(dialog) and dialog.count.hasFocus()
    _type(qtbot, dialog.count, "2")  # typing again: judged afresh
    dialog.preview()
    assert asked == [2] and _Preview.shown == [b"%PDF-1.4"]


def test_a_0_left_in_the_box_does_not_stop_printing_next_month(qtbot, monkeypatch, dialog):
    monkeypatch.setattr(sign_in_print, "meeting_sign_in_pdf", lambda *_a, **_k: b"%PDF-1.4")
    monkeypatch.setattr(
        meetings_meetings,
        "list_meetings",
        lambda *_a, **_k: [SimpleNamespace(id=1, day=date(2026, 4, 7), group_id=None)],
    )
    _type(qtbot, dialog.count, "0")
    qtbot.keyClick(dialog.count, Qt.Key.Key_Tab)
    dialog.month_radio.setChecked(True)  # then chose every meeting next month instead
    dialog.preview()
    assert dialog.meetings_error.text() == ""
