"""Settings → Privacy: how long records are kept after someone leaves, and the two reviews."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QSpinBox, QWidget

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import gdpr_review
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.dialog_widgets import with_error
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.spin_range import RangeWatch, said_out_of_range
from involve_desktop.ui.widgets import buttons_row, narrow, page


class PrivacyTab(QWidget):
    """Retention years (saved with Save), Retention review… and Consent review…."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.years = QSpinBox()
        self.years.setRange(gdpr_review.MIN_RETENTION_YEARS, gdpr_review.MAX_RETENTION_YEARS)
        self.years.setSuffix(" years")
        self.years.valueChanged.connect(
            lambda value: self.years.setSuffix(" year" if value == 1 else " years")
        )
        self.years.setAccessibleName("Years to keep records after someone leaves")
        self.years.setMaximumWidth(self.fontMetrics().averageCharWidth() * 16)
        self.watches = [RangeWatch(self.years)]
        self.labels = {"retention_years": error_label()}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.save_button = QPushButton("&Save")
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.retention_button = QPushButton("&Retention review…")
        self.retention_button.setToolTip("People who left longer ago than this, to anonymise")
        self.retention_button.clicked.connect(self.open_retention_review)
        self.consent_button = QPushButton("&Consent review…")
        self.consent_button.setToolTip("Members with no consent recorded or past its review")
        self.consent_button.clicked.connect(self.open_consent_review)
        years_label = QLabel("Keep records after someone &leaves for:")
        years_label.setWordWrap(True)
        years_label.setBuddy(self.years)
        form = QFormLayout()
        form.addRow(
            years_label,
            with_error(
                self.years,
                self.labels["retention_years"],
                "Then the retention review lists them to anonymise (6 years is usual).",
            ),
        )
        form.addRow("", self.fallback)
        form.addRow("", buttons_row(self.save_button, self.saved_label))
        form.addRow("Reviews:", buttons_row(self.retention_button, self.consent_button))
        hint = QLabel(
            "Under UK data protection law, keep people's details only as long as needed and "
            "only with their consent. A member's page has Subject access export… and Erase "
            "this person… for requests from them."
        )
        hint.setWordWrap(True)
        self.setLayout(page(narrow(form, 760), hint))
        # in this tab first: shown before it had a parent, it would flash up as a window
        self.retention_button.setVisible(actor.can(Permission.ERASE_PERSONAL_DATA))
        self.load()

    def load(self) -> None:
        """Show the years in force."""
        with service_call(self, title="Privacy"), self.context.session() as session:
            self.years.setValue(gdpr_review.retention_years(session))

    def save(self) -> None:
        """Save the retention years."""
        self.errors.clear()
        self.saved_label.clear()
        if said_out_of_range(self.watches, self.errors, {"retention_years": self.years}):
            return
        with (
            service_call(self, self.errors, {"retention_years": self.years}, "Privacy") as call,
            self.context.session() as session,
        ):
            gdpr_review.set_retention_years(session, self.actor, self.years.value())
        if not call.failed:
            self.saved_label.setText("✓ Saved.")

    def open_retention_review(self) -> None:
        """Retention review… as a dialog."""
        from involve_desktop.ui.gdpr.retention_review_dialog import RetentionReviewDialog

        dialog = RetentionReviewDialog(self.context, self.actor, self)
        dialog.exec()
        dialog.deleteLater()

    def open_consent_review(self) -> None:
        """Consent review… as a dialog; choosing someone opens their page."""
        from involve_desktop.ui.gdpr.consent_review_dialog import ConsentReviewDialog

        dialog = ConsentReviewDialog(self.context, self.actor, self)
        dialog.member_chosen.connect(self.open_member)
        dialog.exec()
        dialog.deleteLater()

    def open_member(self, member_id: int) -> None:
        """Go to the member's page in the main window."""
        show = getattr(self.window(), "show_member", None)
        if callable(show):
            show(member_id)
