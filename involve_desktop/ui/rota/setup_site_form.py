"""The site details form (name, kind, address, accessibility, contact, peers together).

A number of peers typed outside its box's range ("0") is handed to the service as typed,
which refuses it beside the box; Qt alone would put the old number back and Save would
save that.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from involve_desktop.core.services.rota_dto import SiteInfo, SiteInput, SiteKind
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.rota.setup_widgets import optional_spin, spin_value, with_error
from involve_desktop.ui.spin_range import RangeWatch

FIELDS = ("name", "kind", "address", "accessibility_notes", "contact", "min_together", "max_peers")


def _text_box(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(60)
    return box


class SiteForm(QWidget):
    """Fields for one site with their error messages; ``value()`` gives a ``SiteInput``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setAccessibleName("Site name")
        self.name.setPlaceholderText("e.g. Ward 4 or Riverside Community Centre")
        self.kind = QComboBox()
        for kind in SiteKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setAccessibleName("Kind of site")
        self.address = _text_box("Address")
        self.accessibility_notes = _text_box("Accessibility notes")
        self.contact = QLineEdit()
        self.contact.setAccessibleName("Contact")
        self.contact.setPlaceholderText("who to ask on site, and how")
        self.min_together = QSpinBox()
        self.min_together.setRange(1, 50)
        self.min_together.setValue(2)
        self.min_together.setAccessibleName("Minimum peers together")
        self.min_together_watch = RangeWatch(self.min_together)
        self.max_peers = optional_spin("No maximum", "Maximum peers")
        self.labels: dict[str, QLabel] = {name: error_label() for name in FIELDS}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.focus: dict[str, QWidget] = {name: getattr(self, name) for name in FIELDS}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Name:", with_error(self.name, self.labels["name"]))
        form.addRow("Kind:", with_error(self.kind, self.labels["kind"]))
        form.addRow("Address:", with_error(self.address, self.labels["address"]))
        form.addRow(
            "Accessibility:",
            with_error(self.accessibility_notes, self.labels["accessibility_notes"]),
        )
        form.addRow("Contact:", with_error(self.contact, self.labels["contact"]))
        form.addRow(
            "Peers together:",
            with_error(
                self.min_together,
                self.labels["min_together"],
                "At least this many on site at once, so no one is alone (usually 2).",
            ),
        )
        form.addRow("Maximum peers:", with_error(self.max_peers, self.labels["max_peers"]))
        form.addRow("", self.fallback)

    def load(self, site: SiteInfo | None) -> None:
        """Show ``site``, or empty fields for a new one."""
        self.errors.clear()
        self.name.setText(site.name if site else "")
        self.kind.setCurrentIndex(list(SiteKind).index(site.kind) if site else 0)
        self.address.setPlainText((site.address if site else None) or "")
        self.accessibility_notes.setPlainText((site.accessibility_notes if site else None) or "")
        self.contact.setText((site.contact if site else None) or "")
        self.min_together.setValue(site.min_together if site else 2)
        self.min_together_watch.typed = None  # typed for the site shown before
        self.max_peers.setValue((site.max_peers if site else None) or 0)

    def value(self) -> SiteInput:
        """What is typed, as the service's input."""
        return SiteInput(
            name=self.name.text(),
            kind=self.kind.currentData(),
            address=self.address.toPlainText() or None,
            accessibility_notes=self.accessibility_notes.toPlainText() or None,
            contact=self.contact.text() or None,
            min_together=self.min_together_watch.number(),
            max_peers=spin_value(self.max_peers),
        )
