"""spectrum: leadership spectrum self-assessments

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 07:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _child_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["assessment_id"],
        ["spectrum_assessment.id"],
        name=op.f(f"fk_{table}_assessment_id_spectrum_assessment"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "spectrum_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("led_by", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spectrum_assessment")),
    )
    with op.batch_alter_table("spectrum_assessment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_spectrum_assessment_day"), ["day"], unique=False)

    op.create_table(
        "spectrum_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("statement_key", sa.String(length=40), nullable=False),
        sa.Column("answer", sa.String(length=8), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        _child_fk("spectrum_answer"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spectrum_answer")),
        sa.UniqueConstraint("assessment_id", "statement_key", name="uq_spectrum_answer_statement"),
    )
    with op.batch_alter_table("spectrum_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_spectrum_answer_assessment_id"), ["assessment_id"], unique=False
        )

    op.create_table(
        "spectrum_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("lived_experience", sa.Boolean(), nullable=True),
        _child_fk("spectrum_member"),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_spectrum_member_member_id_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spectrum_member")),
    )
    with op.batch_alter_table("spectrum_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_spectrum_member_assessment_id"), ["assessment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_spectrum_member_member_id"), ["member_id"], unique=False
        )

    op.create_table(
        "spectrum_other",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=True),
        _child_fk("spectrum_other"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spectrum_other")),
    )
    with op.batch_alter_table("spectrum_other", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_spectrum_other_assessment_id"), ["assessment_id"], unique=False
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("spectrum_other", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_spectrum_other_assessment_id"))
    op.drop_table("spectrum_other")
    with op.batch_alter_table("spectrum_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_spectrum_member_member_id"))
        batch_op.drop_index(batch_op.f("ix_spectrum_member_assessment_id"))
    op.drop_table("spectrum_member")
    with op.batch_alter_table("spectrum_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_spectrum_answer_assessment_id"))
    op.drop_table("spectrum_answer")
    with op.batch_alter_table("spectrum_assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_spectrum_assessment_day"))
    op.drop_table("spectrum_assessment")
