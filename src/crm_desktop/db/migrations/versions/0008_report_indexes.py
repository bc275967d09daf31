"""report indexes: the Reports tab's aggregations read covering indexes of live rows only
(customer segments and statuses, deals closed and opened by time, follow-up activity by time)
and customers' status changes in the journal (churn)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"
DEAL_TIMES = ["status", "closed_at", "owner_id", "currency", "amount_minor", "created_at"]
INDEXES: list[tuple[str, str, list[str], str]] = [
    (
        "ix_change_journal_customer_status",
        "change_journal",
        ["changed_at", "record_id", "seq"],
        "entity = 'customer' AND field = 'status'",
    ),
    (
        "ix_customers_report_segments",
        "customers",
        ["owner_id", "region", "industry", "source", "tier"],
        LIVE,
    ),
    ("ix_customers_report_status", "customers", ["status", "created_at", "owner_id"], LIVE),
    (
        "ix_followups_report_done",
        "followups",
        ["status", "occurred_at", "owner_id", "channel", "customer_id"],
        LIVE,
    ),
    (
        "ix_followups_report_due",
        "followups",
        ["status", "due_at", "owner_id", "channel", "customer_id"],
        LIVE,
    ),
    (
        "ix_opportunities_report_closed",
        "opportunities",
        [*DEAL_TIMES, "customer_id"],
        LIVE,
    ),
    (
        "ix_opportunities_report_created",
        "opportunities",
        ["created_at", "owner_id", "status", "stage_id", "customer_id"],
        LIVE,
    ),
]


def upgrade() -> None:
    for name, table, columns, where in INDEXES:
        op.create_index(name, table, columns, unique=False, sqlite_where=sa.text(where))


def downgrade() -> None:
    for name, table, _columns, _where in reversed(INDEXES):
        op.drop_index(name, table_name=table)
