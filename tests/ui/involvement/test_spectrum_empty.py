"""A blank self-assessment form is not saved: Save and finish (or Save draft) says what to
fill in, the dialog stays open and nothing is added to the list."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services import spectrum
from involve_desktop.ui.involvement.spectrum_dialog import SpectrumDialog

TODAY = date(2026, 11, 27)


def test_blank_form_is_refused_with_what_to_fill_in(qtbot, context, session, coordinator):
    dialog = SpectrumDialog(context, coordinator, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_and_finish()
    assert dialog.isVisible() and dialog.result_value is None
    assert dialog.labels["answers"].isVisible()  # under the statement tabs, not hidden
    shown = dialog.labels["answers"].text()
    assert "Answer at least one statement" in shown and "Who took part" in shown
    assert "saved as a draft" not in " ".join(label.text() for label in dialog.labels.values())
    assert spectrum.list_assessments(session, coordinator) == []
