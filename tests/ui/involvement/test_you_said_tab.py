"""The you said, we did tab: the list by status, the entry dialog with errors beside the
field, and Ctrl+P's poster with no names on it."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt

from involve_desktop.core.services import activities, you_said
from involve_desktop.core.services.activities_dto import (
    ActivityInput,
    ActivityKind,
    YouSaidInput,
    YouSaidStatus,
)
from involve_desktop.ui.involvement.you_said_dialog import YouSaidDialog
from involve_desktop.ui.involvement.you_said_tab import YouSaidTab
from involve_desktop.ui.print_preview import PrintPreviewDialog
from tests.ui.cohorts.conftest import answered_questions, told  # noqa: F401 - fixtures
from tests.ui.rota.scripting import scripted

TODAY = date(2026, 6, 1)


def _rows(tab: YouSaidTab) -> list[list[str]]:
    model = tab.table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _seed(session, coordinator) -> None:
    you_said.create_entry(
        session,
        coordinator,
        YouSaidInput(
            date(2026, 3, 1),
            "Too noisy",
            "Moved rooms",
            YouSaidStatus.DONE,
            responsible="Sam Coordinator",
        ),
        today=TODAY,
    )
    you_said.create_entry(
        session,
        coordinator,
        YouSaidInput(
            date(2026, 4, 1),
            "Free parking",
            status=YouSaidStatus.NOT_POSSIBLE,
            reason="Not our car park",
        ),
        today=TODAY,
    )


def test_the_log_lists_and_filters_by_status(qtbot, context, session, coordinator):
    _seed(session, coordinator)
    tab = YouSaidTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    assert [r[1] for r in _rows(tab)] == ["Free parking", "Too noisy"]
    assert _rows(tab)[0][2:4] == ["Not possible: Not our car park", "Not possible"]
    assert tab.table.model().headerData(0, Qt.Orientation.Horizontal) == "Said on"
    assert tab.count.text() == "0 planned; 1 done; 1 not possible"
    tab.status.setCurrentIndex(tab.status.findData(YouSaidStatus.DONE))
    assert [r[1] for r in _rows(tab)] == ["Too noisy"]


def test_a_new_entry_linked_to_an_activity(qtbot, monkeypatch, context, session, coordinator):
    activity = activities.create_activity(
        session,
        coordinator,
        ActivityInput("Crisis line consultation", ActivityKind.CONSULTATION, date(2026, 5, 4)),
        today=TODAY,
    )
    tab = YouSaidTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    errors: list[str] = []

    def fill(d: YouSaidDialog) -> None:
        d.said.setPlainText("Crisis line closes too early.")
        d.status.setCurrentIndex(d.status.findData(YouSaidStatus.DONE))
        d.save()  # done without saying what was done
        errors.append(d.labels["we_did"].text())
        d.did.setPlainText("Open until 2am at weekends.")
        d.activity.setCurrentIndex(d.activity.findData(activity.id))
        d.save()

    scripted(monkeypatch, YouSaidDialog, fill)
    tab.add_new()
    assert "say what was done" in errors[0]
    assert _rows(tab)[0][1:4] == [
        "Crisis line closes too early.",
        "Open until 2am at weekends.",
        "Done",
    ]
    assert _rows(tab)[0][5] == "Crisis line consultation"


def test_ctrl_p_prints_the_poster_without_names(qtbot, monkeypatch, context, session, coordinator):
    _seed(session, coordinator)
    tab = YouSaidTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    printed: list[str] = []

    def read(d: PrintPreviewDialog) -> None:
        printed.append("".join(p.extract_text() for p in PdfReader(io.BytesIO(d._pdf)).pages))

    scripted(monkeypatch, PrintPreviewDialog, read)
    tab.print_sheet()
    assert "Too noisy" in printed[0] and "Free parking" in printed[0]
    assert "Sam" not in printed[0] and "Coordinator" not in printed[0]


def test_delete_asks_first_then_removes_the_entry(
    qtbot,
    context,
    session,
    coordinator,
    answered_questions,  # noqa: F811
):
    _seed(session, coordinator)
    tab = YouSaidTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.table.selectRow(0)
    tab.delete_selected()
    assert answered_questions == ["Delete “Free parking” from the log?"]
    assert [r[1] for r in _rows(tab)] == ["Too noisy"]


def test_facilitators_cannot_add_or_delete(qtbot, context, session, coordinator):
    from involve_desktop.core.permissions import Role
    from involve_desktop.core.services.dto import Actor

    fran = Actor(coordinator.account_id, "fran", "Fran", Role.FACILITATOR)
    tab = YouSaidTab(context, fran, today=TODAY)
    qtbot.addWidget(tab)
    assert not tab.new_button.isEnabled() and not tab.delete_button.isEnabled()
