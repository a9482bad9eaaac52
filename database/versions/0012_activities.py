"""activities: 4PI involvement activity records and the you said, we did log

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27 07:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "involvement_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("asked_by", sa.String(length=200), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("staff_count", sa.Integer(), nullable=False),
        sa.Column("carers_count", sa.Integer(), nullable=False),
        sa.Column("others_count", sa.Integer(), nullable=False),
        sa.Column("others_lived_experience", sa.Integer(), nullable=False),
        sa.Column("missing_groups", sa.Text(), nullable=True),
        sa.Column("roles", sa.Text(), nullable=True),
        sa.Column("preparation", sa.Text(), nullable=True),
        sa.Column("accessibility", sa.Text(), nullable=True),
        sa.Column("support", sa.Text(), nullable=True),
        sa.Column("payment", sa.String(length=16), nullable=False),
        sa.Column("payment_note", sa.String(length=500), nullable=True),
        sa.Column("feedback_on", sa.Date(), nullable=True),
        sa.Column("feedback_how", sa.String(length=500), nullable=True),
        sa.Column("impact_services", sa.Text(), nullable=True),
        sa.Column("impact_people", sa.Text(), nullable=True),
        sa.Column("impact_status", sa.String(length=16), nullable=False),
        sa.Column("impact_reason", sa.String(length=500), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_involvement_activity")),
    )
    with op.batch_alter_table("involvement_activity", schema=None) as batch_op:
        batch_op.create_index("ix_involvement_activity_day_kind", ["day", "kind"], unique=False)

    op.create_table(
        "involvement_principles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_involvement_principles")),
    )
    op.create_table(
        "involvement_activity_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["involvement_activity.id"],
            name=op.f("fk_involvement_activity_member_activity_id_involvement_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_involvement_activity_member_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_involvement_activity_member")),
        sa.UniqueConstraint("activity_id", "member_id", name="uq_involvement_activity_member_pair"),
    )
    with op.batch_alter_table("involvement_activity_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_involvement_activity_member_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_involvement_activity_member_member_id"), ["member_id"], unique=False
        )

    op.create_table(
        "you_said_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("you_said", sa.Text(), nullable=False),
        sa.Column("we_did", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("responsible", sa.String(length=200), nullable=True),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["involvement_activity.id"],
            name=op.f("fk_you_said_entry_activity_id_involvement_activity"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_you_said_entry")),
    )
    with op.batch_alter_table("you_said_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_you_said_entry_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_you_said_entry_day"), ["day"], unique=False)


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("you_said_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_you_said_entry_day"))
        batch_op.drop_index(batch_op.f("ix_you_said_entry_activity_id"))

    op.drop_table("you_said_entry")
    with op.batch_alter_table("involvement_activity_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_involvement_activity_member_member_id"))
        batch_op.drop_index(batch_op.f("ix_involvement_activity_member_activity_id"))

    op.drop_table("involvement_activity_member")
    op.drop_table("involvement_principles")
    with op.batch_alter_table("involvement_activity", schema=None) as batch_op:
        batch_op.drop_index("ix_involvement_activity_day_kind")

    op.drop_table("involvement_activity")
