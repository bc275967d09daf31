"""team sync: stamps of bulk-pulled fields, conflicts list

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_conflicts",
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=80), nullable=False),
        sa.Column("field", sa.String(length=80), nullable=False),
        sa.Column("mine", sa.Text(), nullable=True),
        sa.Column("theirs", sa.Text(), nullable=True),
        sa.Column("theirs_hlc", sa.String(length=120), nullable=True),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("found_at", sa.String(length=26), nullable=False),
        sa.Column("resolved_at", sa.String(length=26), nullable=True),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_conflicts_resolved_at"), ["resolved_at"], unique=False
        )

    op.create_table(
        "sync_stamps",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=80), nullable=False),
        sa.Column("stamps", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "record_id", name=op.f("pk_sync_stamps")),
    )


def downgrade() -> None:
    op.drop_table("sync_stamps")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_resolved_at"))

    op.drop_table("sync_conflicts")
