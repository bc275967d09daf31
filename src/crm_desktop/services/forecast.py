"""The forecast: open deals' totals by expected-close month and owner, per currency.

Sums in exact integer minor units; the probability is an integer percent, so the weighted
sum Σ amount_minor × percent is exact too, and becomes a Decimal only for display.
Currencies are never converted or mixed. The usual filters read the running totals that
triggers keep (``forecast_totals``, a few thousand rows however many deals there are);
the others aggregate the deals themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import Customer, ForecastTotal, Opportunity, Stage, User
from crm_desktop.domain.money import Money, minor_digits
from crm_desktop.services.pipeline import BoardFilter, conditions, stage_probability


@dataclass(frozen=True)
class ForecastRow:
    """One month (``YYYY-MM``, None: no expected close), owner and currency."""

    month: str | None
    owner_id: str | None
    owner: str | None
    currency: str
    count: int
    minor: int
    weighted_cents: int  # Σ amount_minor × percent

    @property
    def amount(self) -> Decimal:
        return Money.from_minor(self.minor, self.currency).amount

    @property
    def weighted(self) -> Decimal:
        return Decimal(self.weighted_cents).scaleb(-2 - minor_digits(self.currency))


Sums = dict[tuple[str | None, str | None, str], list[int]]  # key → [count, minor, weighted]
# The totals know nothing of customers: the deals of customers in the trash are taken off,
# looked up CHUNK customers at a time; past MAX_TRASHED the deals are summed directly.
CHUNK = 500
MAX_TRASHED = 20_000


def forecast(
    session: Session, flt: BoardFilter | None = None, *, owner_names: bool = True
) -> list[ForecastRow]:
    """Rows ordered by month (undated last), owner and currency.

    Read from the running totals (``forecast_totals``, kept by triggers) when the filter
    is one they can answer — owner, status and whole months of expected close — less the
    deals of customers in the trash (looked up by customer); from the deals otherwise.
    """
    flt = flt or BoardFilter()
    trashed = list(session.scalars(select(Customer.id).where(Customer.deleted_at.is_not(None))))
    if uses_totals(flt) and len(trashed) <= MAX_TRASHED:
        sums = _from_totals(session, flt)
        for start in range(0, len(trashed), CHUNK):
            hidden = _from_deals(session, flt, trashed[start : start + CHUNK])
            for key, (count, minor, weighted) in hidden.items():
                total = sums[key]
                total[0] -= count
                total[1] -= minor
                total[2] -= weighted
                if total[0] == 0:
                    del sums[key]
    else:
        sums = _from_deals(session, flt)
    names: dict[str | None, str] = {}
    if owner_names:
        names.update(
            (uid, name) for uid, name in session.execute(select(User.id, User.display_name))
        )
    rows = [
        ForecastRow(month, owner, names.get(owner), currency, count, minor, weighted)
        for (month, owner, currency), (count, minor, weighted) in sums.items()
    ]
    rows.sort(key=lambda r: (r.month is None, r.month or "", r.owner or "", r.currency))
    return rows


def uses_totals(flt: BoardFilter) -> bool:
    """Whether the running totals can answer the filter: no amount or tag condition, and
    an expected-close period made of whole months."""
    whole_months = (flt.close_from is None or flt.close_from.day == 1) and (
        flt.close_to is None or (flt.close_to + timedelta(days=1)).day == 1
    )
    return (
        flt.amount_min is None and flt.amount_max is None and flt.tag_id is None and (whole_months)
    )


def _add(sums: Sums, key: tuple[str | None, str | None, str], values: tuple[int, ...]) -> None:
    total = sums.get(key)
    if total is None:
        total = sums[key] = [0, 0, 0]
    for n, value in enumerate(values):
        total[n] += value


def _from_totals(session: Session, flt: BoardFilter) -> Sums:
    stages = session.execute(select(Stage.id, Stage.default_probability))
    defaults = {stage_id: percent for stage_id, percent in stages}
    query = select(
        ForecastTotal.month,
        ForecastTotal.owner_id,
        ForecastTotal.currency,
        ForecastTotal.stage_id,
        ForecastTotal.deals,
        ForecastTotal.amount_minor,
        ForecastTotal.own_weighted,
        ForecastTotal.default_amount,
    ).where(ForecastTotal.deals > 0)
    if flt.status is not None:
        query = query.where(ForecastTotal.status == flt.status)
    if flt.owner_id is not None:
        query = query.where(ForecastTotal.owner_id == flt.owner_id)
    if flt.close_from is not None or flt.close_to is not None:
        query = query.where(ForecastTotal.month != "")  # an undated deal is in no period
    if flt.close_from is not None:
        query = query.where(ForecastTotal.month >= flt.close_from.strftime("%Y-%m"))
    if flt.close_to is not None:
        query = query.where(ForecastTotal.month <= flt.close_to.strftime("%Y-%m"))
    sums: Sums = {}
    for month, owner, currency, stage, deals, minor, own, by_default in session.execute(query):
        weighted = own + by_default * defaults.get(stage, 0)
        _add(sums, (month or None, owner or None, currency), (deals, minor, weighted))
    return sums


def _from_deals(
    session: Session, flt: BoardFilter, only_customers: list[str] | None = None
) -> Sums:
    """The same sums from the deals. SQLite groups by day rather than by month: (expected
    close, owner, currency) is the order of the covering index ``ix_opportunities_pipeline``
    (migration 0007), so it sums as it walks the index, with no sort; the day groups are
    added up into months here."""
    where = conditions(flt, only_customers=only_customers)
    query = (
        select(
            Opportunity.expected_close,
            Opportunity.owner_id,
            Opportunity.currency,
            func.count(),
            func.sum(Opportunity.amount_minor),
            func.sum(Opportunity.amount_minor * stage_probability(session)),
        )
        .where(*where)
        .group_by(Opportunity.expected_close, Opportunity.owner_id, Opportunity.currency)
    )
    result = session.connection().execute(query)
    try:
        days = result.cursor.fetchall()  # plain values: the ISO day text, not a date
    finally:
        result.close()
    sums: Sums = {}
    for day, owner_id, currency, count, minor, weighted in days:
        key = (None if day is None else str(day)[:7], owner_id, currency)
        _add(sums, key, (count, minor or 0, weighted or 0))
    return sums
