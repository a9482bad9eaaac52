"""record_versions: optimistic locking, a version column on the records people edit

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 07:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Records people open in a form and save back: each gets a version number (existing rows 1).
VERSIONED_TABLES = (
    "organisation",
    "member",
    "meeting_group",
    "meeting",
    "rota_site",
    "rota_shift",
    "panel",
    "programme",
    "cohort",
    "payment_rate",
    "expense_claim",
)


def upgrade() -> None:
    """Add ``version INTEGER NOT NULL DEFAULT 1`` to every versioned table."""
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    """Drop the version columns again."""
    for table in reversed(VERSIONED_TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
