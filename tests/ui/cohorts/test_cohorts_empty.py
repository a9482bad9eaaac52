"""Cohorts before the first cohort: one line on what to do and the first step as a button —
"Add a programme…" (Alt+D) while there is no programme, then "Start a cohort…" (Alt+S) —
opening the same forms as New programme… and New cohort…; a facilitator sees the words."""

from __future__ import annotations

from involve_desktop.ui.cohorts.cohort_dialog import CohortDialog
from involve_desktop.ui.cohorts.cohorts_view import (
    ADD_PROGRAMME,
    NO_COHORTS,
    NO_PROGRAMMES,
    NO_PROGRAMMES_READ_ONLY,
    START_COHORT,
)
from involve_desktop.ui.cohorts.programme_dialog import ProgrammeDialog
from tests.core.cohorts.helpers import programme
from tests.ui.cohorts.screens import open_view
from tests.ui.rota.scripting import scripted


def test_a_coordinator_is_offered_the_first_programme_then_cohort(
    qtbot, monkeypatch, context, session, coordinator
):
    view = open_view(qtbot, context, coordinator)
    assert view.empty.text() == NO_PROGRAMMES and view.empty.button.isVisible()
    assert view.empty.button.text() == ADD_PROGRAMME and "&d" in ADD_PROGRAMME
    assert not view.table.isVisible()
    opened = scripted(monkeypatch, ProgrammeDialog, lambda d: d.reject())
    view.empty.button.click()
    assert len(opened) == 1

    programme(session, coordinator)
    view.refresh()
    assert view.empty.text() == NO_COHORTS and view.empty.button.isVisible()
    assert view.empty.button.text() == START_COHORT and START_COHORT.startswith("&S")
    started = scripted(monkeypatch, CohortDialog, lambda d: d.reject())
    view.empty.button.click()
    assert len(started) == 1


def test_a_facilitator_sees_only_the_words(qtbot, context, facilitator):
    view = open_view(qtbot, context, facilitator)
    assert view.empty.text() == NO_PROGRAMMES_READ_ONLY and view.empty.isVisible()
    assert not view.empty.button.isVisible() and not view.empty.offers_button()
