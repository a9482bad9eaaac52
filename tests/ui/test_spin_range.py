"""A number typed outside a box's range is said beside the box and nothing is saved (Qt
would put the old number back and the form would save that): the retention years, and any
form dialog's number boxes (``FormDialog`` watches every spin box it holds)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from involve_desktop.core.services import gdpr_review
from involve_desktop.ui.cohorts.form_dialog import FormDialog
from involve_desktop.ui.gdpr.privacy_tab import PrivacyTab


def _type(qtbot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)


def test_retention_years_out_of_range_are_said_not_saved(
    qtbot, context, coordinator, monkeypatch
) -> None:
    tab = PrivacyTab(context, coordinator)
    qtbot.addWidget(tab)
    tab.show()
    saves = []
    monkeypatch.setattr(gdpr_review, "set_retention_years", lambda *a: saves.append(a))
    _type(qtbot, tab.years, "0")
    qtbot.keyClick(tab.years.lineEdit(), Qt.Key.Key_Return)  # Qt puts the old number back
    tab.save()
    low, high = gdpr_review.MIN_RETENTION_YEARS, gdpr_review.MAX_RETENTION_YEARS
    assert saves == [] and tab.saved_label.text() == ""
    assert f"type a number from {low} to {high}" in tab.labels["retention_years"].text()
    _type(qtbot, tab.years, "7")  # typing again: judged afresh
    tab.save()
    assert len(saves) == 1 and saves[0][-1] == 7


class _Counted(FormDialog):
    def __init__(self, context) -> None:
        super().__init__(context, "Sessions", "&Save", ("count",))
        self.count = QSpinBox()
        self.count.setRange(10, 52)
        self.row("&Count:", "count", self.count)
        self.finish()
        self.applied: list[int] = []

    def apply(self) -> int:
        self.applied.append(self.count.value())
        return self.count.value()


def test_a_form_dialog_says_a_number_out_of_range_beside_its_box(qtbot, context) -> None:
    dialog = _Counted(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # focus moves (and is told) only in the active one
    _type(qtbot, dialog.count, "5")  # too few: Qt would make it 10 again
    dialog.save_button.setFocus()  # focus leaves the box, as a click on Save does
    dialog.save()
    assert dialog.applied == [] and dialog.isVisible()
    assert "“5” is outside what this box takes: type a number from 10 to 52." in (
        dialog.labels["count"].text()
    )
