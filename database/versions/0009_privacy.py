"""privacy: when a member's personal details were erased, and the group's retention years

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27 04:58:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("retention_years", sa.Integer(), nullable=False, server_default="6")
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("retention_years")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
