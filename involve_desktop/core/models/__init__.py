"""ORM models, one area per module. Importing this package registers every table."""

from involve_desktop.core.models import activities, involvement_report, spectrum  # noqa: F401
from involve_desktop.core.models.accounts import Account, Organisation
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.base import Base
from involve_desktop.core.models.cohorts import (
    AlumniAction,
    Cohort,
    CohortFacilitator,
    Enrolment,
    Programme,
    ProgrammeRequiredSession,
)
from involve_desktop.core.models.meetings import (
    Meeting,
    MeetingAttendance,
    MeetingFacilitator,
    MeetingGroup,
    MeetingGroupAccount,
    MeetingGroupClosedDate,
    MeetingGroupFacilitator,
    MeetingGroupMember,
)
from involve_desktop.core.models.panels import Panel, PanelSeat, PanelSettings
from involve_desktop.core.models.payments import (
    ExpenseClaim,
    PayLine,
    PaymentPreference,
    PaymentRate,
)
from involve_desktop.core.models.people import (
    Consent,
    Member,
    MemberRole,
    RoleType,
    StatusChange,
    TrainingRecord,
    TrainingType,
)
from involve_desktop.core.models.rota import (
    RotaAssignment,
    RotaAutofillBatch,
    RotaAvailability,
    RotaCallDown,
    RotaClosedDate,
    RotaLimits,
    RotaPattern,
    RotaShift,
    RotaSite,
    RotaUnavailable,
)

__all__ = [
    "Account",
    "AlumniAction",
    "AuditEntry",
    "Base",
    "Cohort",
    "CohortFacilitator",
    "Consent",
    "Enrolment",
    "ExpenseClaim",
    "Meeting",
    "MeetingAttendance",
    "MeetingFacilitator",
    "MeetingGroup",
    "MeetingGroupAccount",
    "MeetingGroupClosedDate",
    "MeetingGroupFacilitator",
    "MeetingGroupMember",
    "Member",
    "MemberRole",
    "Organisation",
    "Panel",
    "PanelSeat",
    "PanelSettings",
    "Programme",
    "ProgrammeRequiredSession",
    "PayLine",
    "PaymentPreference",
    "PaymentRate",
    "RoleType",
    "RotaAssignment",
    "RotaAutofillBatch",
    "RotaAvailability",
    "RotaCallDown",
    "RotaClosedDate",
    "RotaLimits",
    "RotaPattern",
    "RotaShift",
    "RotaSite",
    "RotaUnavailable",
    "StatusChange",
    "TrainingRecord",
    "TrainingType",
]
