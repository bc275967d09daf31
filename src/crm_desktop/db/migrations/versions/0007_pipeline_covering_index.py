"""covering index of the pipeline board and the forecast: open deals in expected-close order
with every column those screens read, so neither touches the opportunities table

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = [
    "status",
    "expected_close",
    "owner_id",
    "currency",
    "stage_id",
    "deleted_at",
    "customer_id",
    "amount_minor",
    "probability",
]


def upgrade() -> None:
    op.create_index("ix_opportunities_pipeline", "opportunities", COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_opportunities_pipeline", table_name="opportunities")
