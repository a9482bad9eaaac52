"""lock settings: minutes without input before the window locks (group setting, 2–15)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 04:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("idle_lock_minutes", sa.Integer(), nullable=False, server_default="5")
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("idle_lock_minutes")
