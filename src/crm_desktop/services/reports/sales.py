"""Deal reports: pipeline funnel, won revenue by month, owners' results, forecast by month.

Every figure is one SQL aggregation; money stays integer minor units per currency. Deleted
deals and deals of deleted customers are left out (``pipeline.conditions``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import Opportunity, ReportDealDay, Stage, StageHistory, User
from crm_desktop.domain.money import Money, minor_digits
from crm_desktop.services.pipeline import BoardFilter, conditions, stage_probability
from crm_desktop.services.reports.days import Span, day_text, edges, whole_days
from crm_desktop.services.reports.period import ReportFilter


def deal_conditions(flt: ReportFilter) -> list[ColumnElement[bool]]:
    return conditions(BoardFilter(owner_id=flt.owner_id, status=None))


def owner_names(session: Session) -> dict[str | None, str]:
    return {uid: name for uid, name in session.execute(select(User.id, User.display_name))}


# --- funnel ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelRow:
    """Deals opened in the period that reached this stage (or were won: the last row)."""

    stage_id: str
    stage: str
    kind: str  # open or won
    reached: int
    conversion: float | None  # share of the previous row's deals that got here


def _stage_ranks(
    session: Session,
) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    """The funnel's steps (open stages in order, then "won") and each open stage's rank."""
    stages = list(
        session.execute(
            select(Stage.id, Stage.name, Stage.kind)
            .where(Stage.deleted_at.is_(None))
            .order_by(Stage.position)
        )
    )
    open_stages = [(sid, name) for sid, name, kind in stages if kind == "open"]
    won = next(((sid, name) for sid, name, kind in stages if kind == "won"), None)
    rank = {sid: n for n, (sid, _name) in enumerate(open_stages, 1)}
    steps = [(sid, name, "open") for sid, name in open_stages]
    if won is not None and open_stages:
        steps.append((won[0], won[1], "won"))
    return steps, rank


def _reached_counts(
    session: Session,
    flt: ReportFilter,
    rank: dict[str, int],
    spans: list[Span],
) -> dict[int, int]:
    """Deals opened in ``spans`` by the rank they reached, counted from the deals themselves."""
    won_rank = len(rank) + 1
    history_rank = (
        select(func.max(case(rank, value=StageHistory.to_stage_id, else_=0)))
        .where(StageHistory.opportunity_id == Opportunity.id)
        .scalar_subquery()
    )
    current = case(rank, value=Opportunity.stage_id, else_=0)
    # CASE is lazy: only lost deals read their stage history (the stage they were lost
    # from); an open deal counts up to its current stage, a won one through every stage.
    reached = case(
        (Opportunity.status == "won", won_rank),
        (Opportunity.status == "open", func.max(1, current)),
        else_=func.max(1, func.coalesce(history_rank, 0)),
    ).label("reached")
    counts: dict[int, int] = {}
    for start, end in spans:
        where = [
            *deal_conditions(flt),
            Opportunity.created_at >= start,
            Opportunity.created_at < end,
        ]
        inner = select(reached).where(*where).subquery()
        query = select(inner.c.reached, func.count()).group_by(inner.c.reached)
        for r, n in session.execute(query):
            counts[int(r)] = counts.get(int(r), 0) + int(n)
    return counts


def _funnel_rows(steps: list[tuple[str, str, str]], counts: dict[int, int]) -> list[FunnelRow]:
    rows: list[FunnelRow] = []
    previous: int | None = None
    for position, (sid, name, kind) in enumerate(steps, 1):
        at_least = sum(n for r, n in counts.items() if r >= position)
        conversion = None if not previous else at_least / previous
        rows.append(FunnelRow(sid, name, kind, at_least, conversion))
        previous = at_least
    return rows


def funnel_from_rows(session: Session, flt: ReportFilter) -> list[FunnelRow]:
    """The funnel counted from the deals themselves (the reference for the table)."""
    steps, rank = _stage_ranks(session)
    if not rank:
        return []
    return _funnel_rows(steps, _reached_counts(session, flt, rank, [flt.bounds()]))


def funnel(session: Session, flt: ReportFilter) -> list[FunnelRow]:
    """The open stages in order, then "won". A deal counts at every stage up to the furthest
    it reached: every stage if won, its current stage if open, the furthest stage in its
    history if lost; at least the first.

    Deals opened in whole UTC days come from ``report_deal_days`` (migrations 0010, 0011:
    lost ones with the stages of their history, ranked here); the partial days at the
    period's edges from the deals themselves."""
    steps, rank = _stage_ranks(session)
    if not rank:
        return []
    start, end = flt.bounds()
    days = whole_days(start, end)
    counts = _reached_counts(session, flt, rank, edges(start, end, days))
    if days[0] < days[1]:
        table = ReportDealDay
        query = (
            select(table.status, table.stage_id, table.reach, func.sum(table.count))
            .where(table.day >= day_text(days[0]), table.day < day_text(days[1]))
            .group_by(table.status, table.stage_id, table.reach)
        )
        if flt.owner_id is not None:
            query = query.where(table.owner_id == flt.owner_id)
        won_rank = len(rank) + 1
        for status, stage_id, reach, n in session.execute(query):
            if status == "won":
                r = won_rank
            elif status == "open":
                r = max(1, rank.get(stage_id, 0))
            else:
                r = max(1, *(rank.get(s, 0) for s in reach.split(",")))
            counts[r] = counts.get(r, 0) + int(n or 0)
    return _funnel_rows(steps, counts)


# --- won revenue ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RevenueRow:
    month: str  # YYYY-MM, local
    currency: str
    deals: int
    minor: int

    @property
    def amount(self) -> Decimal:
        return Money.from_minor(self.minor, self.currency).amount


def won_revenue(session: Session, flt: ReportFilter) -> list[RevenueRow]:
    """Deals won (closed) in the period, by local month of closing and currency."""
    start, end = flt.bounds()
    month = flt.local_month(Opportunity.closed_at)
    query = (
        select(month, Opportunity.currency, func.count(), func.sum(Opportunity.amount_minor))
        .where(
            *deal_conditions(flt),
            Opportunity.status == "won",
            Opportunity.closed_at >= start,
            Opportunity.closed_at < end,
        )
        .group_by(month, Opportunity.currency)
        .order_by(month, Opportunity.currency)
    )
    return [RevenueRow(m, c, int(n), int(s or 0)) for m, c, n, s in session.execute(query)]


# --- owners ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OwnerRow:
    """Deals an owner closed in the period: won, lost, win rate, revenue, average cycle."""

    owner_id: str | None
    owner: str | None
    won: int
    lost: int
    revenue: tuple[tuple[str, int], ...]  # (currency, minor units) of the won deals
    cycle_days: float | None  # average days from opening to winning

    @property
    def win_rate(self) -> float | None:
        closed = self.won + self.lost
        return self.won / closed if closed else None

    def revenue_in(self, currency: str) -> Decimal:
        minor = dict(self.revenue).get(currency, 0)
        return Money.from_minor(minor, currency).amount


@dataclass
class _OwnerSums:
    won: int = 0
    lost: int = 0
    revenue: dict[str, int] = field(default_factory=dict)
    days: float = 0.0


def owner_results(session: Session, flt: ReportFilter) -> list[OwnerRow]:
    start, end = flt.bounds()
    days = func.julianday(Opportunity.closed_at) - func.julianday(Opportunity.created_at)
    query = (
        select(
            Opportunity.owner_id,
            Opportunity.status,
            Opportunity.currency,
            func.count(),
            func.sum(Opportunity.amount_minor),
            func.sum(days),
        )
        .where(
            *deal_conditions(flt),
            Opportunity.status.in_(("won", "lost")),
            Opportunity.closed_at >= start,
            Opportunity.closed_at < end,
        )
        .group_by(Opportunity.owner_id, Opportunity.status, Opportunity.currency)
    )
    acc: dict[str | None, _OwnerSums] = {}
    for owner_id, status, currency, count, minor, total_days in session.execute(query):
        sums = acc.setdefault(owner_id, _OwnerSums())
        if status == "won":
            sums.won += int(count)
            sums.revenue[currency] = sums.revenue.get(currency, 0) + int(minor or 0)
            sums.days += float(total_days or 0)
        else:
            sums.lost += int(count)
    names = owner_names(session)
    rows = [
        OwnerRow(
            owner_id,
            names.get(owner_id),
            s.won,
            s.lost,
            tuple(sorted(s.revenue.items())),
            s.days / s.won if s.won else None,
        )
        for owner_id, s in acc.items()
    ]
    rows.sort(key=lambda r: (r.owner is None, r.owner or ""))
    return rows


# --- forecast -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ForecastMonth:
    """Open deals expected to close in a month: totals and amount × probability."""

    month: str
    currency: str
    deals: int
    minor: int
    weighted_cents: int

    @property
    def amount(self) -> Decimal:
        return Money.from_minor(self.minor, self.currency).amount

    @property
    def weighted(self) -> Decimal:
        return Decimal(self.weighted_cents).scaleb(-2 - minor_digits(self.currency))


def forecast_by_month(session: Session, flt: ReportFilter) -> list[ForecastMonth]:
    """Open deals expected to close in the period, by month and currency: the same sums as
    ``services.forecast`` (amount × the deal's or its stage's probability), without owners."""
    month = func.substr(Opportunity.expected_close, 1, 7)
    query = (
        select(
            month,
            Opportunity.currency,
            func.count(),
            func.sum(Opportunity.amount_minor),
            func.sum(Opportunity.amount_minor * stage_probability(session)),
        )
        .where(
            *conditions(BoardFilter(owner_id=flt.owner_id, status="open")),
            Opportunity.expected_close >= flt.period.start,
            Opportunity.expected_close <= flt.period.end,
        )
        .group_by(month, Opportunity.currency)
        .order_by(month, Opportunity.currency)
    )
    return [
        ForecastMonth(m, c, int(n), int(s or 0), int(w or 0))
        for m, c, n, s, w in session.execute(query)
    ]
