"""report aggregate tables kept by triggers

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23

The Reports tab reads three small tables instead of millions of rows, each kept current by
triggers inside every writer's own transaction (services, imports, sync) and filled here for
existing files:

- ``report_followup_days``: live follow-ups of live customers per kind (done: by the UTC day
  they occurred; planned: by the UTC day due), owner ('' none) and channel;
- ``report_deal_days``: live deals of live customers per UTC day opened, owner, status and
  stage;
- ``report_segment_counts``: live customers per dimension (region, industry, source, tier),
  owner and value ('' unknown, else '=' followed by the value).

Every trigger adds one row's contribution (+1) or takes it back (-1) with one UPSERT per
affected bucket; trashing or restoring a customer moves its follow-ups and deals in or out
with one grouped UPSERT each. The reports read whole UTC days from the tables and the partial
days at the period's edges (and today's overdue split) from the rows themselves.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SEGMENTS = ("region", "industry", "source", "tier")


def _fu_day(row: str) -> str:
    return (
        f"substr(CASE {row}.status WHEN 'done' THEN {row}.occurred_at ELSE {row}.due_at END, 1, 10)"
    )


def _fu_counted(row: str) -> str:
    return f"""{row}.deleted_at IS NULL AND {row}.status IN ('done', 'planned')
        AND {_fu_day(row)} IS NOT NULL"""


def _customer_live(customer_id: str) -> str:
    return f"""NOT EXISTS (SELECT 1 FROM customers AS c
        WHERE c.id = {customer_id} AND c.deleted_at IS NOT NULL)"""


FU_UPSERT = """ON CONFLICT (kind, day, owner_id, channel) DO UPDATE SET
        count = report_followup_days.count + excluded.count;"""
DEAL_UPSERT = """ON CONFLICT (day, owner_id, status, stage_id) DO UPDATE SET
        count = report_deal_days.count + excluded.count;"""
SEG_UPSERT = """ON CONFLICT (dimension, owner_id, value) DO UPDATE SET
        count = report_segment_counts.count + excluded.count;"""


def _followup(row: str, sign: int) -> str:
    return f"""INSERT INTO report_followup_days (kind, day, owner_id, channel, count)
        SELECT {row}.status, {_fu_day(row)}, coalesce({row}.owner_id, ''), {row}.channel, {sign}
        WHERE {_fu_counted(row)} AND {_customer_live(f"{row}.customer_id")}
        {FU_UPSERT}"""


def _deal(row: str, sign: int) -> str:
    return f"""INSERT INTO report_deal_days (day, owner_id, status, stage_id, count)
        SELECT substr({row}.created_at, 1, 10), coalesce({row}.owner_id, ''), {row}.status,
            coalesce({row}.stage_id, ''), {sign}
        WHERE {row}.deleted_at IS NULL AND {_customer_live(f"{row}.customer_id")}
        {DEAL_UPSERT}"""


def _segments(row: str, sign: int) -> str:
    parts = " UNION ALL ".join(
        f"SELECT '{name}' AS d, coalesce('=' || {row}.{name}, '') AS v" for name in SEGMENTS
    )
    return f"""INSERT INTO report_segment_counts (dimension, owner_id, value, count)
        SELECT d, coalesce({row}.owner_id, ''), v, {sign} FROM ({parts})
        WHERE {row}.deleted_at IS NULL
        {SEG_UPSERT}"""


# A customer trashed (-1) or restored (+1): its follow-ups and deals leave or rejoin.
_SIGN = "CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END"
_CUSTOMER_CHILDREN = f"""
    INSERT INTO report_followup_days (kind, day, owner_id, channel, count)
        SELECT f.status, {_fu_day("f")}, coalesce(f.owner_id, ''), f.channel, {_SIGN} * count(*)
        FROM followups AS f WHERE f.customer_id = NEW.id AND {_fu_counted("f")}
        GROUP BY 1, 2, 3, 4
        {FU_UPSERT}
    INSERT INTO report_deal_days (day, owner_id, status, stage_id, count)
        SELECT substr(o.created_at, 1, 10), coalesce(o.owner_id, ''), o.status,
            coalesce(o.stage_id, ''), {_SIGN} * count(*)
        FROM opportunities AS o WHERE o.customer_id = NEW.id AND o.deleted_at IS NULL
        GROUP BY 1, 2, 3, 4
        {DEAL_UPSERT}"""

FU_WATCHED = "status, occurred_at, due_at, owner_id, channel, customer_id, deleted_at"
DEAL_WATCHED = "created_at, owner_id, status, stage_id, customer_id, deleted_at"
SEG_WATCHED = "owner_id, region, industry, source, tier, deleted_at"

TRIGGERS = {
    "report_followups_insert": f"""
        CREATE TRIGGER report_followups_insert AFTER INSERT ON followups BEGIN
            {_followup("NEW", 1)}
        END""",
    "report_followups_update": f"""
        CREATE TRIGGER report_followups_update AFTER UPDATE OF {FU_WATCHED} ON followups BEGIN
            {_followup("OLD", -1)}
            {_followup("NEW", 1)}
        END""",
    "report_followups_delete": f"""
        CREATE TRIGGER report_followups_delete AFTER DELETE ON followups BEGIN
            {_followup("OLD", -1)}
        END""",
    "report_deals_insert": f"""
        CREATE TRIGGER report_deals_insert AFTER INSERT ON opportunities BEGIN
            {_deal("NEW", 1)}
        END""",
    "report_deals_update": f"""
        CREATE TRIGGER report_deals_update AFTER UPDATE OF {DEAL_WATCHED} ON opportunities
        BEGIN
            {_deal("OLD", -1)}
            {_deal("NEW", 1)}
        END""",
    "report_deals_delete": f"""
        CREATE TRIGGER report_deals_delete AFTER DELETE ON opportunities BEGIN
            {_deal("OLD", -1)}
        END""",
    "report_customers_insert": f"""
        CREATE TRIGGER report_customers_insert AFTER INSERT ON customers BEGIN
            {_segments("NEW", 1)}
        END""",
    "report_customers_update": f"""
        CREATE TRIGGER report_customers_update AFTER UPDATE OF {SEG_WATCHED} ON customers
        BEGIN
            {_segments("OLD", -1)}
            {_segments("NEW", 1)}
        END""",
    "report_customers_trash": f"""
        CREATE TRIGGER report_customers_trash AFTER UPDATE OF deleted_at ON customers
        WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
            {_CUSTOMER_CHILDREN}
        END""",
    "report_customers_delete": f"""
        CREATE TRIGGER report_customers_delete AFTER DELETE ON customers BEGIN
            {_segments("OLD", -1)}
        END""",
}

_DELETED_CUSTOMERS = "SELECT id FROM customers WHERE deleted_at IS NOT NULL"


def _compact(sql: str) -> str:
    """The statement on one line: SQLite keeps a trigger's text in the schema, read at every
    open (the text holds no literal with spaces)."""
    return " ".join(sql.split())


def upgrade() -> None:
    op.create_table(
        "report_deal_days",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("stage_id", sa.String(length=36), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "day", "owner_id", "status", "stage_id", name=op.f("pk_report_deal_days")
        ),
    )
    op.create_table(
        "report_followup_days",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "kind", "day", "owner_id", "channel", name=op.f("pk_report_followup_days")
        ),
    )
    op.create_table(
        "report_segment_counts",
        sa.Column("dimension", sa.String(length=16), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("value", sa.String(length=101), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "dimension", "owner_id", "value", name=op.f("pk_report_segment_counts")
        ),
    )
    op.execute(
        f"""INSERT INTO report_followup_days (kind, day, owner_id, channel, count)
        SELECT f.status, {_fu_day("f")}, coalesce(f.owner_id, ''), f.channel, count(*)
        FROM followups AS f
        WHERE {_fu_counted("f")} AND f.customer_id NOT IN ({_DELETED_CUSTOMERS})
        GROUP BY 1, 2, 3, 4"""
    )
    op.execute(
        f"""INSERT INTO report_deal_days (day, owner_id, status, stage_id, count)
        SELECT substr(created_at, 1, 10), coalesce(owner_id, ''), status,
            coalesce(stage_id, ''), count(*)
        FROM opportunities
        WHERE deleted_at IS NULL AND customer_id NOT IN ({_DELETED_CUSTOMERS})
        GROUP BY 1, 2, 3, 4"""
    )
    for name in SEGMENTS:
        op.execute(
            f"""INSERT INTO report_segment_counts (dimension, owner_id, value, count)
            SELECT '{name}', coalesce(owner_id, ''), coalesce('=' || {name}, ''), count(*)
            FROM customers WHERE deleted_at IS NULL GROUP BY 2, 3"""
        )
    for sql in TRIGGERS.values():
        op.execute(_compact(sql))


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("report_segment_counts")
    op.drop_table("report_followup_days")
    op.drop_table("report_deal_days")
