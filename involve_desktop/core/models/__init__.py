"""ORM models, one area per module. Importing this package registers every table."""

from involve_desktop.core.models.accounts import Account, Organisation
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.base import Base

__all__ = ["Account", "AuditEntry", "Base", "Organisation"]
