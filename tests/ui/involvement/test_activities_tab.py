"""The Activities (4PI) tab: the list with its 4PI column and filters, the four-section
dialog (errors beside the field on the right tab, Esc asks), and Ctrl+P's record."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt

from involve_desktop.core.services import activities, members
from involve_desktop.core.services.activities_dto import (
    ActivityInput,
    ActivityKind,
    ImpactStatus,
)
from involve_desktop.core.services.member_dto import MemberInput, Restricted
from involve_desktop.ui.involvement.activities_tab import ActivitiesTab
from involve_desktop.ui.involvement.activity_dialog import ActivityDialog
from involve_desktop.ui.print_preview import PrintPreviewDialog
from tests.ui.cohorts.conftest import answered_questions, told  # noqa: F401 - fixtures
from tests.ui.rota.scripting import scripted

TODAY = date(2026, 6, 1)
LIVED = Restricted(lived_experience=True)


def _seed(session, coordinator) -> int:
    zoe = members.create_member(
        session, coordinator, MemberInput(full_name="Zoë Okafor", restricted=LIVED)
    ).id
    members.create_member(session, coordinator, MemberInput(full_name="Ben Mills"))
    activities.create_activity(
        session,
        coordinator,
        ActivityInput(
            "Crisis line consultation",
            ActivityKind.CONSULTATION,
            date(2026, 5, 4),
            purpose="Hear what people need.",
            member_ids=(zoe,),
            staff_count=2,
            feedback_on=date(2026, 5, 20),
            feedback_how="Letter",
            impact_status=ImpactStatus.CHANGED,
            impact_services="Open until 2am.",
        ),
        today=TODAY,
    )
    activities.create_activity(
        session,
        coordinator,
        ActivityInput(
            "Leaflet workshop",
            ActivityKind.WORKSHOP,
            date(2026, 5, 25),
            purpose="p",
            member_ids=(zoe,),
            feedback_on=date(2026, 5, 26),
            feedback_how="Email",
        ),
        today=TODAY,
    )
    return zoe


def _rows(tab: ActivitiesTab) -> list[list[str]]:
    model = tab.table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_list_shows_the_4pi_check_and_filters(qtbot, context, session, coordinator):
    _seed(session, coordinator)
    tab = ActivitiesTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    rows = {r[1]: r for r in _rows(tab)}
    assert rows["Crisis line consultation"][-1] == "✓ complete"
    assert rows["Crisis line consultation"][3:6] == ["3", "1", "1"]
    assert rows["Leaflet workshop"][-1] == "⚠ impact not recorded yet"
    assert tab.count.text() == "2 shown; 1 still to complete"
    tab.incomplete.setChecked(True)
    assert [r[1] for r in _rows(tab)] == ["Leaflet workshop"]
    tab.incomplete.setChecked(False)
    tab.kind.setCurrentIndex(tab.kind.findData(ActivityKind.CONSULTATION))
    assert [r[1] for r in _rows(tab)] == ["Crisis line consultation"]
    tab.kind.setCurrentIndex(0)
    tab.find.setText("leaf")
    assert [r[1] for r in _rows(tab)] == ["Leaflet workshop"]


def test_a_new_activity_through_the_dialog(qtbot, monkeypatch, context, session, coordinator):
    _seed(session, coordinator)
    tab = ActivitiesTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    seen: list[tuple[int, str]] = []

    def fill(d: ActivityDialog) -> None:
        d.title_edit.setText("Ward mealtimes survey")
        d.kind.setCurrentIndex(d.kind.findData(ActivityKind.OTHER))
        d.purpose.setPlainText("Write the questions with people who stayed on the ward.")
        d.tabs.setCurrentIndex(1)
        d.people.filter_edit.setText("Ben")
        d.people._tick_first_shown()
        d.staff.setValue(1)
        d.others_lived.setValue(3)  # more than the 1 staff present: refused
        d.save()
        seen.append((d.tabs.currentIndex(), d.labels["others_lived_experience"].text()))
        d.others_lived.setValue(1)
        d.missing.setPlainText("young people\nmen")
        d.tabs.setCurrentIndex(3)
        d.impact_status.setCurrentIndex(d.impact_status.findData(ImpactStatus.NO_CHANGE))
        d.save()  # no reason given: refused on the Impact tab
        seen.append((d.tabs.currentIndex(), d.labels["impact_reason"].text()))
        d.impact_reason.setText("Survey not run yet.")
        d.save()

    scripted(monkeypatch, ActivityDialog, fill)
    tab.add_new()
    assert seen[0][0] == 1 and "no more than 1" in seen[0][1]
    assert seen[1][0] == 3 and "say why" in seen[1][1]
    made = [
        a for a in activities.list_activities(session, coordinator) if a.title.startswith("Ward")
    ]
    assert len(made) == 1
    assert [p.name for p in made[0].members] == ["Ben Mills"]
    assert made[0].missing_groups == ("young people", "men")
    assert "Ward mealtimes survey" in [r[1] for r in _rows(tab)]


def test_esc_asks_before_losing_typing(qtbot, context, session, coordinator, answered_questions):  # noqa: F811
    dialog = ActivityDialog(context, coordinator, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answered_questions == []  # nothing typed: closes without asking
    dialog = ActivityDialog(context, coordinator, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("Half typed")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answered_questions) == 1 and "not saved" in answered_questions[0]


def test_ctrl_p_prints_the_chosen_record(qtbot, monkeypatch, context, session, coordinator):
    _seed(session, coordinator)
    tab = ActivitiesTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    printed: list[str] = []

    def read(d: PrintPreviewDialog) -> None:
        printed.append("".join(p.extract_text() for p in PdfReader(io.BytesIO(d._pdf)).pages))

    scripted(monkeypatch, PrintPreviewDialog, read)
    tab.table.selectRow(0)
    chosen = tab.selected()
    tab.print_sheet()
    assert chosen is not None and chosen.title in printed[0]
    assert "Purpose" in printed[0] and "Impact" in printed[0]


def test_our_principles_are_saved_from_the_tab(qtbot, monkeypatch, context, session, coordinator):
    from involve_desktop.core.services import activities_principles
    from involve_desktop.ui.involvement.activity_principles import PrinciplesDialog

    tab = ActivitiesTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)

    def fill(d: PrinciplesDialog) -> None:
        d.text.setPlainText("Led by members.\nPaid fairly.")
        d.agreed.set_value(date(2026, 7, 1))  # in the future: refused beside the date
        d.save()
        assert "future" in d.labels["agreed_on"].text()
        d.agreed.set_value(date(2026, 1, 10))
        d.save()

    scripted(monkeypatch, PrinciplesDialog, fill)
    tab.principles_button.click()
    saved = activities_principles.get_principles(session, coordinator)
    assert saved.text == "Led by members.\nPaid fairly." and saved.agreed_on == date(2026, 1, 10)
