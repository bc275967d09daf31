"""The opportunity table: every field of the deals a filter selects, paged and sorted in SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from crm_desktop.db.models import Opportunity, Stage, User
from crm_desktop.domain.money import Money
from crm_desktop.services.pipeline import BOARD_CUSTOMER, ROWID, BoardFilter, conditions

Row = tuple[Any, ...]
_OWNER = aliased(User, name="table_owner")
_STAGE = aliased(Stage, name="table_stage")
SqlColumn = ColumnElement[Any] | InstrumentedAttribute[Any]

COLUMNS: dict[str, SqlColumn] = {
    "title": Opportunity.title,
    "customer": func.crm_name_key(BOARD_CUSTOMER.name, BOARD_CUSTOMER.kind),  # pinyin order
    "stage": _STAGE.position,
    "status": Opportunity.status,
    "amount": Opportunity.amount_minor,
    "probability": Opportunity.probability,
    "expected_close": Opportunity.expected_close,
    "owner": _OWNER.display_name,
    "source": Opportunity.source,
    "stage_changed_at": Opportunity.stage_changed_at,
    "closed_at": Opportunity.closed_at,
    "lost_reason": Opportunity.lost_reason,
    "created_at": Opportunity.created_at,
    "updated_at": Opportunity.updated_at,
    "notes": Opportunity.notes,
}


def _query(flt: BoardFilter) -> Select[Any]:
    return (
        select(
            Opportunity.id,
            Opportunity.title,
            BOARD_CUSTOMER.name,
            _STAGE.name,
            Opportunity.status,
            Opportunity.amount_minor,
            Opportunity.currency,
            Opportunity.probability,
            _STAGE.default_probability,
            Opportunity.expected_close,
            _OWNER.display_name,
            Opportunity.source,
            Opportunity.stage_changed_at,
            Opportunity.closed_at,
            Opportunity.lost_reason,
            Opportunity.created_at,
            Opportunity.updated_at,
            Opportunity.notes,
        )
        .select_from(Opportunity)
        .join(BOARD_CUSTOMER, BOARD_CUSTOMER.id == Opportunity.customer_id)
        .join(_STAGE, _STAGE.id == Opportunity.stage_id)
        .outerjoin(_OWNER, _OWNER.id == Opportunity.owner_id)
        .where(*conditions(flt))
    )


def table_page(
    session: Session, flt: BoardFilter, offset: int, limit: int, key: str, descending: bool
) -> list[Row]:
    """``(id, title, customer, stage, status, amount (Money), probability, expected_close,
    owner, source, stage_changed_at, closed_at, lost_reason, created_at, updated_at, notes)``;
    the probability is the deal's own or its stage's default."""
    if key not in COLUMNS:
        raise ValueError(f"unknown sort key {key!r}")
    column = COLUMNS[key]
    rowid: ColumnElement[Any] = literal_column("opportunities.rowid")
    order = (column.desc(), rowid.desc()) if descending else (column.asc(), ROWID.asc())
    rows = []
    for r in session.execute(_query(flt).order_by(*order).offset(offset).limit(limit)):
        (oid, title, customer, stage, status, minor, currency, pct, default, *rest) = r
        notes = rest[-1]
        rows.append(
            (
                oid, title, customer, stage, status, Money.from_minor(minor, currency),
                default if pct is None else pct, *rest[:-1],
                None if notes is None else " ".join(notes.split())[:200],
            )
        )  # fmt: skip
    return rows
