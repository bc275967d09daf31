"""report funnel reach of lost deals

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23

A lost deal counts in the funnel up to the furthest open stage of its history; which stage is
furthest depends on the stages' order when the report is read. ``report_deal_days`` gains
``reach``: for deals neither open nor won, the distinct stages of their history (sorted ids,
comma separated; '' for open and won deals), so the funnel ranks them when it reads and never
touches the deals or their history. Triggers on ``stage_history`` move a deal's bucket when
its history grows (BEFORE: take back with the old history; AFTER: add with the new one).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _previous() -> ModuleType:
    path = Path(__file__).with_name("0010_report_aggregate_tables_kept_by_triggers.py")
    spec = importlib.util.spec_from_file_location("crm_migration_0010", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reach(deal: str) -> str:
    """The history stages of deal ``deal`` (an id expression) for a deal neither open nor won."""
    return f"""coalesce((SELECT group_concat(DISTINCT h.to_stage_id ORDER BY h.to_stage_id)
        FROM stage_history AS h WHERE h.opportunity_id = {deal}), '')"""


def _reach_of(row: str) -> str:
    return f"CASE WHEN {row}.status IN ('open', 'won') THEN '' ELSE {_reach(f'{row}.id')} END"


UPSERT = """ON CONFLICT (day, owner_id, status, stage_id, reach) DO UPDATE SET
        count = report_deal_days.count + excluded.count;"""
COLUMNS = "report_deal_days (day, owner_id, status, stage_id, reach, count)"


def _live_customer(customer_id: str) -> str:
    return f"""NOT EXISTS (SELECT 1 FROM customers AS c
        WHERE c.id = {customer_id} AND c.deleted_at IS NOT NULL)"""


def _deal(row: str, sign: int) -> str:
    return f"""INSERT INTO {COLUMNS}
        SELECT substr({row}.created_at, 1, 10), coalesce({row}.owner_id, ''), {row}.status,
            coalesce({row}.stage_id, ''), {_reach_of(row)}, {sign}
        WHERE {row}.deleted_at IS NULL AND {_live_customer(f"{row}.customer_id")}
        {UPSERT}"""


def _history(deal: str, sign: int, when: str = "1") -> str:
    """A closed (neither open nor won) live deal's bucket, given its id, at this moment."""
    return f"""INSERT INTO {COLUMNS}
        SELECT substr(o.created_at, 1, 10), coalesce(o.owner_id, ''), o.status,
            coalesce(o.stage_id, ''), {_reach("o.id")}, {sign}
        FROM opportunities AS o
        WHERE {when} AND o.id = {deal} AND o.deleted_at IS NULL
            AND o.status NOT IN ('open', 'won')
            AND {_live_customer("o.customer_id")}
        {UPSERT}"""


_SIGN = "CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END"
_MOVED = "NEW.opportunity_id <> OLD.opportunity_id"
DEAL_WATCHED = "created_at, owner_id, status, stage_id, customer_id, deleted_at"

TRIGGERS = {
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
    "report_history_before_insert": f"""
        CREATE TRIGGER report_history_before_insert BEFORE INSERT ON stage_history BEGIN
            {_history("NEW.opportunity_id", -1)}
        END""",
    "report_history_insert": f"""
        CREATE TRIGGER report_history_insert AFTER INSERT ON stage_history BEGIN
            {_history("NEW.opportunity_id", 1)}
        END""",
    "report_history_before_update": f"""
        CREATE TRIGGER report_history_before_update
        BEFORE UPDATE OF opportunity_id, to_stage_id ON stage_history BEGIN
            {_history("OLD.opportunity_id", -1)}
            {_history("NEW.opportunity_id", -1, _MOVED)}
        END""",
    "report_history_update": f"""
        CREATE TRIGGER report_history_update
        AFTER UPDATE OF opportunity_id, to_stage_id ON stage_history BEGIN
            {_history("OLD.opportunity_id", 1)}
            {_history("NEW.opportunity_id", 1, _MOVED)}
        END""",
    "report_history_before_delete": f"""
        CREATE TRIGGER report_history_before_delete BEFORE DELETE ON stage_history BEGIN
            {_history("OLD.opportunity_id", -1)}
        END""",
    "report_history_delete": f"""
        CREATE TRIGGER report_history_delete AFTER DELETE ON stage_history BEGIN
            {_history("OLD.opportunity_id", 1)}
        END""",
}


def _trash_trigger(deals_sql: str) -> str:
    """0010's trigger for a customer trashed or restored, its deals' part replaced."""
    previous = _previous()
    followups, _old_deals = previous._CUSTOMER_CHILDREN.split("INSERT INTO report_deal_days")
    return f"""
        CREATE TRIGGER report_customers_trash AFTER UPDATE OF deleted_at ON customers
        WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
            {followups}
            {deals_sql}
        END"""


_TRASH_DEALS = f"""INSERT INTO {COLUMNS}
        SELECT substr(o.created_at, 1, 10), coalesce(o.owner_id, ''), o.status,
            coalesce(o.stage_id, ''), {_reach_of("o")}, {_SIGN} * count(*)
        FROM opportunities AS o WHERE o.customer_id = NEW.id AND o.deleted_at IS NULL
        GROUP BY 1, 2, 3, 4, 5
        {UPSERT}"""

_REPLACED = ("report_deals_insert", "report_deals_update", "report_deals_delete",
             "report_customers_trash")  # fmt: skip


def _compact(sql: str) -> str:
    """The statement on one line: SQLite keeps a trigger's text in the schema, read at every
    open (the text holds no literal with spaces)."""
    return " ".join(sql.split())


def upgrade() -> None:
    for name in _REPLACED:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("report_deal_days")
    op.create_table(
        "report_deal_days",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("stage_id", sa.String(length=36), nullable=False),
        sa.Column("reach", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "day", "owner_id", "status", "stage_id", "reach", name=op.f("pk_report_deal_days")
        ),
    )
    op.execute(
        f"""INSERT INTO {COLUMNS}
        SELECT substr(o.created_at, 1, 10), coalesce(o.owner_id, ''), o.status,
            coalesce(o.stage_id, ''), {_reach_of("o")}, count(*)
        FROM opportunities AS o
        WHERE o.deleted_at IS NULL
            AND o.customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)
        GROUP BY 1, 2, 3, 4, 5"""
    )
    for sql in TRIGGERS.values():
        op.execute(_compact(sql))
    op.execute(_compact(_trash_trigger(_TRASH_DEALS)))


def downgrade() -> None:
    previous = _previous()
    for name in (*TRIGGERS, "report_customers_trash"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("report_deal_days")
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
    op.execute(
        """INSERT INTO report_deal_days (day, owner_id, status, stage_id, count)
        SELECT substr(created_at, 1, 10), coalesce(owner_id, ''), status,
            coalesce(stage_id, ''), count(*)
        FROM opportunities
        WHERE deleted_at IS NULL
            AND customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)
        GROUP BY 1, 2, 3, 4"""
    )
    for name in (*_REPLACED[:3], "report_customers_trash"):
        op.execute(_compact(previous.TRIGGERS[name]))
