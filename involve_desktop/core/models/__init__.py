"""ORM models, one area per module. Importing this package registers every table."""

from involve_desktop.core.models.accounts import Account, Organisation
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.base import Base
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
    "AuditEntry",
    "Base",
    "Consent",
    "Member",
    "MemberRole",
    "Organisation",
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
