"""The Pathways tab: one programme's graduates and what they went on to do — co-facilitate
later cohorts, sit on recruitment panels, join the council (``cohorts_pathways.pathways``).
A facilitator sees their own cohorts' graduates, and a line says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from involve_desktop.core.services import cohorts_pathways
from involve_desktop.core.services.cohorts_access import OWN_COHORTS_ONLY
from involve_desktop.core.services.cohorts_dto import GraduatePathway, ProgrammeInfo
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.ui.cohorts.cohorts_columns import pathway_columns, plain_table
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.meetings_columns import fit_columns, keep_within_width
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.table_model import DtoTableModel

CHOOSE = "Choose a programme above to see where its graduates went on to."


class PathwaysTab(QWidget):
    """See the module docstring."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.summary = QLabel(CHOOSE)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Pathways summary")
        self.model: DtoTableModel[GraduatePathway] = DtoTableModel(pathway_columns(), self)
        self.table = plain_table(  # most recently graduated first
            self.model, "Graduates and where they went on to", 2, Qt.SortOrder.DescendingOrder
        )
        keep_within_width(self.table, keep_whole=(2,))  # the day they graduated is read whole
        fit_columns(self.table)  # the headings whole before a programme is chosen
        self.scope = QLabel(OWN_COHORTS_ONLY)
        self.scope.setWordWrap(True)
        self.scope.setAccessibleName("Pathways limit")
        self.scope.setVisible(False)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.scope)
        column.addWidget(self.table, 1)

    def load(self, programme: ProgrammeInfo | None) -> None:
        """Read ``programme``'s pathways (nothing when no programme is chosen)."""
        if programme is None:
            self.model.set_rows([])
            fit_columns(self.table)
            self.summary.setText(CHOOSE)
            self.scope.setVisible(False)
            return
        found = None
        with service_call(self, title="Pathways"), self.context.session() as session:
            found = cohorts_pathways.pathways(session, self.actor, programme.id)
        if found is None:
            return
        self.model.set_rows(found.graduates)
        fit_columns(self.table)
        self.scope.setVisible(found.limited)
        count = len(found.graduates)
        if not count:
            self.summary.setText(
                f"No graduates of {programme.name} to show."
                if found.limited
                else f"No one has graduated from {programme.name} yet."
            )
            return
        panels = (
            f", {found.sat_panels} sat on recruitment panels"
            if found.sat_panels is not None
            else ""
        )
        self.summary.setText(
            f"{programme.name}: {plural(count, 'graduation')}. Since graduating, "
            f"{found.cofacilitated} co-facilitated a later cohort{panels}, "
            f"{found.joined_council} joined the council."
        )
