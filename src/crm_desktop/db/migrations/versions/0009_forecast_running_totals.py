"""forecast running totals, kept by triggers on opportunities

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23

``forecast_totals`` holds, per status, expected-close month, owner, currency and stage, the
number of live deals, Σ amount, Σ amount × probability of the deals with their own
probability and Σ amount of those taking the stage's default. Triggers on ``opportunities``
keep it current inside every writer's own transaction (services, imports, sync), so the
forecast reads a few thousand rows instead of half a million deals; the stage defaults are
applied when it is read, so changing one rewrites nothing. Undated deals have month '' and
deals without owner owner ''.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

KEY = ("status", "month", "owner_id", "currency", "stage_id")


def _values(row: str) -> str:
    """The totals row one deal (``NEW`` or ``OLD``) adds, as a SELECT of one row."""
    return f"""SELECT {row}.status, coalesce(substr({row}.expected_close, 1, 7), ''),
        coalesce({row}.owner_id, ''), {row}.currency, {row}.stage_id, 1,
        coalesce({row}.amount_minor, 0),
        coalesce({row}.amount_minor * {row}.probability, 0),
        CASE WHEN {row}.probability IS NULL THEN coalesce({row}.amount_minor, 0) ELSE 0 END"""


def _add(row: str) -> str:
    return f"""INSERT INTO forecast_totals (status, month, owner_id, currency, stage_id, deals,
            amount_minor, own_weighted, default_amount)
        {_values(row)} WHERE {row}.deleted_at IS NULL
        ON CONFLICT (status, month, owner_id, currency, stage_id) DO UPDATE SET
            deals = deals + excluded.deals,
            amount_minor = forecast_totals.amount_minor + excluded.amount_minor,
            own_weighted = own_weighted + excluded.own_weighted,
            default_amount = default_amount + excluded.default_amount;"""


def _remove(row: str) -> str:
    return f"""UPDATE forecast_totals SET
            deals = deals - 1,
            amount_minor = amount_minor - coalesce({row}.amount_minor, 0),
            own_weighted = own_weighted - coalesce({row}.amount_minor * {row}.probability, 0),
            default_amount = default_amount - CASE WHEN {row}.probability IS NULL
                THEN coalesce({row}.amount_minor, 0) ELSE 0 END
        WHERE {row}.deleted_at IS NULL AND status = {row}.status
            AND month = coalesce(substr({row}.expected_close, 1, 7), '')
            AND owner_id = coalesce({row}.owner_id, '') AND currency = {row}.currency
            AND stage_id = {row}.stage_id;"""


WATCHED = "status, expected_close, owner_id, currency, stage_id, amount_minor, probability"
TRIGGERS = {
    "forecast_totals_insert": f"""
        CREATE TRIGGER forecast_totals_insert AFTER INSERT ON opportunities BEGIN
            {_add("NEW")}
        END""",
    "forecast_totals_update": f"""
        CREATE TRIGGER forecast_totals_update
        AFTER UPDATE OF {WATCHED}, deleted_at ON opportunities BEGIN
            {_remove("OLD")}
            {_add("NEW")}
        END""",
    "forecast_totals_delete": f"""
        CREATE TRIGGER forecast_totals_delete AFTER DELETE ON opportunities BEGIN
            {_remove("OLD")}
        END""",
}


def upgrade() -> None:
    op.create_table(
        "forecast_totals",
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("stage_id", sa.String(length=36), nullable=False),
        sa.Column("deals", sa.Integer(), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("own_weighted", sa.BigInteger(), nullable=False),
        sa.Column("default_amount", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*KEY, name=op.f("pk_forecast_totals")),
    )
    op.execute(
        """INSERT INTO forecast_totals (status, month, owner_id, currency, stage_id, deals,
            amount_minor, own_weighted, default_amount)
        SELECT status, coalesce(substr(expected_close, 1, 7), ''), coalesce(owner_id, ''),
            currency, stage_id, count(*), coalesce(sum(amount_minor), 0),
            coalesce(sum(amount_minor * probability), 0),
            coalesce(sum(CASE WHEN probability IS NULL THEN amount_minor END), 0)
        FROM opportunities WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5"""
    )
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("forecast_totals")
