"""saved views; list indexes: follow-ups by due time, live customers by their sort columns

(SQLite preferred the unselective deleted_at index to the sort column's index, then sorted
every row.)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:22:30.067255
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_views",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=26), nullable=False),
        sa.Column("updated_at", sa.String(length=26), nullable=False),
        sa.Column("deleted_at", sa.String(length=26), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_saved_views_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_views")),
    )
    # Plain index operations: no table copy, so the customers' rowids and triggers stay.
    op.create_index("ix_followups_due_at", "followups", ["due_at"], unique=False)
    op.drop_index("ix_customers_deleted_at", table_name="customers")
    op.drop_index("ix_customers_name", table_name="customers")
    op.drop_index("ix_customers_created_at", table_name="customers")
    for column in ("name", "created_at", "last_contact_at", "next_followup_at"):
        op.create_index(
            f"ix_customers_live_{column}",
            "customers",
            [column],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )


def downgrade() -> None:
    for column in ("name", "created_at", "last_contact_at", "next_followup_at"):
        op.drop_index(f"ix_customers_live_{column}", table_name="customers")
    op.create_index("ix_customers_name", "customers", ["name"], unique=False)
    op.create_index("ix_customers_created_at", "customers", ["created_at"], unique=False)
    op.create_index("ix_customers_deleted_at", "customers", ["deleted_at"], unique=False)
    op.drop_index("ix_followups_due_at", table_name="followups")
    op.drop_table("saved_views")
