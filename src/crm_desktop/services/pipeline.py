"""The pipeline board's queries: which deals a filter selects, per column, and their cards.

Shaped like ``customer_list``: the board asks once for the ordered ``rowid``s of every
column (compact integer arrays) and fetches the cards of just the rows on screen. Column
counts and totals per currency, in exact integer minor units, are added up in the same
pass over the deals (``load_columns``), so they always agree with the cards.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db.models import Customer, CustomerTag, Opportunity, Stage, User
from crm_desktop.domain.money import _MINOR_DIGITS, Money, minor_digits
from crm_desktop.services.stalled import last_followup_at

ROWID: ColumnElement[int] = literal_column("opportunities.rowid")
BOARD_OWNER = aliased(User, name="board_owner")
BOARD_CUSTOMER = aliased(Customer, name="board_customer")


@dataclass(frozen=True)
class BoardFilter:
    """What the board and the table show. Amounts are compared in each deal's currency."""

    owner_id: str | None = None
    close_from: date | None = None
    close_to: date | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    tag_id: str | None = None
    status: str | None = "open"  # None: every status


@dataclass(frozen=True)
class Card:
    """What one card on the board shows."""

    rowid: int
    id: str
    title: str
    customer: str
    amount: Money
    expected_close: date | None
    owner: str | None
    stage_id: str
    probability: int
    stage_changed_at: datetime
    last_followup_at: datetime | None


@dataclass
class CurrencyTotal:
    """Sums in one currency: ``weighted_cents`` is Σ amount_minor × percent (exact)."""

    currency: str
    minor: int = 0
    weighted_cents: int = 0

    @property
    def amount(self) -> Decimal:
        return Money.from_minor(self.minor, self.currency).amount

    @property
    def weighted(self) -> Decimal:
        """Σ amount × probability, exact (it may have two more decimals than the currency)."""
        return Decimal(self.weighted_cents).scaleb(-2 - minor_digits(self.currency))


@dataclass
class ColumnSummary:
    count: int = 0
    totals: dict[str, CurrencyTotal] = field(default_factory=dict)


def stage_probability(session: Session) -> ColumnElement[int]:
    """The deal's probability: its override, else its stage's default (a CASE, no join)."""
    defaults = {
        sid: pct for sid, pct in session.execute(select(Stage.id, Stage.default_probability))
    }
    if not defaults:
        return func.coalesce(Opportunity.probability, 0)
    return func.coalesce(
        Opportunity.probability, case(defaults, value=Opportunity.stage_id, else_=0)
    )


def _minor_bound(amount: Decimal, op: str) -> ColumnElement[bool]:
    """``amount_minor op amount`` for every currency, scaled by its minor digits."""
    by_digits: dict[int, list[str]] = {}
    for code, digits in _MINOR_DIGITS.items():
        by_digits.setdefault(digits, []).append(code)
    others = [code for codes in by_digits.values() for code in codes]

    def compare(digits: int) -> ColumnElement[bool]:
        bound = int(amount.scaleb(digits).to_integral_value())
        column = Opportunity.amount_minor
        return column >= bound if op == ">=" else column <= bound

    parts = [
        and_(Opportunity.currency.in_(codes), compare(digits))
        for digits, codes in by_digits.items()
    ]
    parts.append(and_(Opportunity.currency.not_in(others), compare(2)))
    return or_(*parts)


def conditions(
    flt: BoardFilter, *, only_customers: Sequence[str] | None = None
) -> list[ColumnElement[bool]]:
    """WHERE clauses of a filter (no join needed).

    Deals of deleted customers are left out with ``NOT IN`` the deleted customers rather
    than a join: with a partial index on deleted customers (migration 0004) that set is
    tiny, where a join looks up every deal's customer row. ``only_customers``: the deals of
    these customers instead, deleted or not (looked up by the customer index).
    """
    if only_customers is not None:
        customer: ColumnElement[bool] = Opportunity.customer_id.in_(list(only_customers))
    else:
        deleted = select(Customer.id).where(Customer.deleted_at.is_not(None))
        customer = Opportunity.customer_id.not_in(deleted)
    where: list[ColumnElement[bool]] = [Opportunity.deleted_at.is_(None), customer]
    if flt.status is not None:
        where.append(Opportunity.status == flt.status)
    if flt.owner_id is not None:
        where.append(Opportunity.owner_id == flt.owner_id)
    if flt.close_from is not None:
        where.append(Opportunity.expected_close >= flt.close_from)
    if flt.close_to is not None:
        where.append(Opportunity.expected_close <= flt.close_to)
    if flt.amount_min is not None:
        where.append(_minor_bound(flt.amount_min, ">="))
    if flt.amount_max is not None:
        where.append(_minor_bound(flt.amount_max, "<="))
    if flt.tag_id is not None:
        where.append(
            Opportunity.customer_id.in_(
                select(CustomerTag.customer_id).where(CustomerTag.tag_id == flt.tag_id)
            )
        )
    return where


@dataclass
class BoardColumns:
    """What the board shows above the cards: each column's ordered deal rowids, count and
    totals, from one pass over the deals (so counts and lists always agree)."""

    rowids: dict[str, array[int]]
    summaries: dict[str, ColumnSummary]


def load_columns(
    session: Session, flt: BoardFilter, stage_ids: Sequence[str] | None = None
) -> BoardColumns:
    """Each stage's deal rowids, soonest expected close first (undated deals last), and
    its count and per-currency totals. ``stage_ids``: the columns wanted (None: all).

    The rows come straight from the DB-API cursor: the five columns are plain SQLite
    integers and strings, and skipping SQLAlchemy's row objects halves the cost of the
    10,000 rows of a big board. Migration 0007's covering index serves the query without
    touching the table.
    """
    wanted = None if stage_ids is None else list(stage_ids)
    query = select(
        Opportunity.stage_id,
        ROWID,
        Opportunity.currency,
        Opportunity.amount_minor,
        stage_probability(session),
    ).where(*conditions(flt))
    if wanted is not None:
        query = query.where(Opportunity.stage_id.in_(wanted))
    close = Opportunity.expected_close
    rows: list[Any] = []
    for part in (close.is_not(None), close.is_(None)):  # undated deals after the dated
        # in the index's order: by expected close, then its other columns (no sort step)
        result = session.connection().execute(query.where(part).order_by(close))
        try:
            rows += result.cursor.fetchall()
        finally:
            result.close()
    columns = {stage_id: array("q") for stage_id in wanted or ()}
    sums: dict[tuple[str, str], list[int]] = {}
    for stage_id, rowid, currency, minor, percent in rows:
        ids = columns.get(stage_id)
        if ids is None:
            ids = columns[stage_id] = array("q")
        ids.append(rowid)
        total = sums.get((stage_id, currency))
        if total is None:
            total = sums[(stage_id, currency)] = [0, 0, 0]
        total[0] += 1
        total[1] += minor or 0
        total[2] += (minor or 0) * percent
    summaries: dict[str, ColumnSummary] = {}
    for (stage_id, currency), (count, minor, weighted) in sums.items():
        summary = summaries.setdefault(stage_id, ColumnSummary())
        summary.count += count
        summary.totals[currency] = CurrencyTotal(currency, minor, weighted)
    return BoardColumns(columns, summaries)


def column_rowids(
    session: Session, flt: BoardFilter, stage_ids: Sequence[str]
) -> dict[str, array[int]]:
    """Each stage's deal rowids, soonest expected close first (undated deals last)."""
    return load_columns(session, flt, stage_ids).rowids


def stage_rowids(session: Session, flt: BoardFilter, stage_id: str) -> array[int]:
    return column_rowids(session, flt, [stage_id])[stage_id]


def fetch_cards(session: Session, rowids: Sequence[int]) -> dict[int, Card]:
    """``rowid → Card`` for the given deals (those on screen)."""
    if not rowids:
        return {}
    query = (
        select(
            ROWID,
            Opportunity.id,
            Opportunity.title,
            BOARD_CUSTOMER.name,
            Opportunity.amount_minor,
            Opportunity.currency,
            Opportunity.expected_close,
            BOARD_OWNER.display_name,
            Opportunity.stage_id,
            stage_probability(session),
            Opportunity.stage_changed_at,
            last_followup_at(),
        )
        .select_from(Opportunity)
        .join(BOARD_CUSTOMER, BOARD_CUSTOMER.id == Opportunity.customer_id)
        .outerjoin(BOARD_OWNER, BOARD_OWNER.id == Opportunity.owner_id)
        .where(ROWID.in_(list(dict.fromkeys(rowids))))
    )
    cards = {}
    for row in session.execute(query):
        (rowid, oid, title, customer, minor, currency, close, owner, stage, pct, moved, last) = row
        cards[rowid] = Card(
            rowid, oid, title, customer, Money.from_minor(minor, currency), close, owner,
            stage, int(pct), moved, last,
        )  # fmt: skip
    return cards


def column_summaries(session: Session, flt: BoardFilter) -> dict[str, ColumnSummary]:
    """``stage id → count and per-currency totals`` of the deals the filter selects."""
    return load_columns(session, flt).summaries
