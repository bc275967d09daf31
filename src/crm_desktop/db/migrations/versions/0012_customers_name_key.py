"""customers name key: the list sorts names by pinyin

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-23

The customer list orders names by ``crm_name_key(name, kind)`` (``domain/sort_key.py``:
Chinese by pinyin, beside Latin text), an SQL function every connection registers. A partial
index on that expression over live customers gives the list its rows in order, as the plain
``name`` index did; building it reads each live customer's name once. The plain index stays:
the duplicate warning looks names up by equality.
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

INDEX = "ix_customers_live_name_key"


def upgrade() -> None:
    op.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON customers (crm_name_key(name, kind))"
        " WHERE deleted_at IS NULL"
    )


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
