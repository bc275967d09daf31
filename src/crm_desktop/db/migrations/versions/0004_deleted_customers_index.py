"""partial index of deleted customers (lists leave their deals and follow-ups out by NOT IN);
contacts by e-mail (duplicate checks); follow-ups by contact (foreign key checks)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_customers_deleted_id",
        "customers",
        ["id"],
        unique=False,
        sqlite_where=sa.text("deleted_at IS NOT NULL"),
    )
    op.create_index("ix_contacts_email", "contacts", ["email"], unique=False)
    op.create_index("ix_followups_contact_id", "followups", ["contact_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_contacts_email", table_name="contacts")
    op.drop_index("ix_followups_contact_id", table_name="followups")
    op.drop_index("ix_customers_deleted_id", table_name="customers")
