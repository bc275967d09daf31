"""follow-up indexes: the Done view by time, and pending reminders per owner

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_followups_status_occurred_at", "followups", ["status", "occurred_at"], unique=False
    )
    op.create_index(
        "ix_followups_pending_remind",
        "followups",
        ["owner_id", "remind_at"],
        unique=False,
        sqlite_where=sa.text("status = 'planned' AND deleted_at IS NULL AND remind_at IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_followups_pending_remind", table_name="followups")
    op.drop_index("ix_followups_status_occurred_at", table_name="followups")
