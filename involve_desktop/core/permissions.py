"""Roles and what each may do: one matrix, checked by every service.

The GUI hides what a role cannot do, but the services are what refuse (``require``).
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """The role of an account on the shared laptop."""

    COORDINATOR = "coordinator"
    FACILITATOR = "facilitator"

    @property
    def label(self) -> str:
        """The word shown to users."""
        return self.value.capitalize()


class Permission(StrEnum):
    """Actions a service checks before doing them."""

    MANAGE_ACCOUNTS = "manage_accounts"
    EDIT_GROUP_SETTINGS = "edit_group_settings"
    VIEW_AUDIT_LOG = "view_audit_log"
    PRINT_SHEETS = "print_sheets"
    VIEW_MEMBERS = "view_members"
    EDIT_MEMBERS = "edit_members"
    MANAGE_MEMBER_RECORDS = "manage_member_records"  # roles, training, status
    VIEW_RESTRICTED = "view_restricted"
    EDIT_RESTRICTED = "edit_restricted"
    IMPORT_MEMBERS = "import_members"
    EXPORT_PERSONAL_DATA = "export_personal_data"
    EDIT_LISTS = "edit_lists"
    VIEW_ROTA = "view_rota"
    MANAGE_ROTA = "manage_rota"
    VIEW_MEETINGS = "view_meetings"
    RUN_MEETINGS = "run_meetings"  # meetings, attendance, sign-in sheets: linked groups only
    MANAGE_MEETING_GROUPS = "manage_meeting_groups"  # groups, schedules, linked accounts
    VIEW_PANELS = "view_panels"
    MANAGE_PANELS = "manage_panels"  # recruitment panels, seats, panel policy
    VIEW_PAYMENTS = "view_payments"
    MANAGE_PAYMENTS = "manage_payments"  # preferences, rates, pay lines, approval, claims
    VIEW_COHORTS = "view_cohorts"  # leadership programmes: facilitators see linked cohorts
    MANAGE_COHORTS = "manage_cohorts"  # programmes, cohorts, plans, enrolment, graduation
    MANAGE_BACKUPS = "manage_backups"  # list, restore, copy to a folder, back up now
    ERASE_PERSONAL_DATA = "erase_personal_data"  # UK GDPR erasure and retention review
    VIEW_INVOLVEMENT = "view_involvement"  # spectrum, 4PI activities, spread, annual report
    MANAGE_INVOLVEMENT = "manage_involvement"  # record assessments, activities, the narrative


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.COORDINATOR: frozenset(Permission),
    # Facilitators see members and add or correct their contact details (walk-ins at a
    # group, with consent), but never see restricted fields, cannot change roles, training
    # or status, and cannot export personal data. They read the rota but do not change it.
    # They run meetings (meetings, attendance, sign-in sheets) only for the groups their
    # account is linked to (``meetings_access``); coordinators set groups and links up.
    # Recruitment panels (who sits, how often, training) are coordinators' work only.
    # So are involvement payments and expenses (who is paid what, and how).
    # Leadership programme cohorts: they see the cohorts whose group their account is linked
    # to and take attendance at their sessions (RUN_MEETINGS + the link); coordinators set
    # programmes and cohorts up, enrol people and record graduation.
    # The involvement records (leadership spectrum self-assessments, 4PI activities, the
    # spread figures and the annual report) are the coordinator's view of the whole group.
    # Backups hold everyone's data (restricted fields too), so only coordinators list,
    # restore or copy them.
    Role.FACILITATOR: frozenset(
        {
            Permission.PRINT_SHEETS,
            Permission.VIEW_MEMBERS,
            Permission.EDIT_MEMBERS,
            Permission.VIEW_ROTA,
            Permission.VIEW_MEETINGS,
            Permission.RUN_MEETINGS,
            Permission.VIEW_COHORTS,
        }
    ),
}


def allows(role: Role, permission: Permission) -> bool:
    """True when ``role`` may do ``permission``."""
    return permission in ROLE_PERMISSIONS[role]
