"""The forecast: open deals' totals by expected-close month and owner, per currency.

One SQL aggregation (GROUP BY month, owner, currency) in exact integer minor units; the
probability is an integer percent, so the weighted sum Σ amount_minor × percent is exact
too, and becomes a Decimal only for display. Currencies are never converted or mixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import Opportunity, User
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


def forecast(
    session: Session, flt: BoardFilter | None = None, *, owner_names: bool = True
) -> list[ForecastRow]:
    """Rows ordered by month (undated last), owner and currency."""
    flt = flt or BoardFilter()
    month = func.substr(Opportunity.expected_close, 1, 7)
    query = (
        select(
            month,
            Opportunity.owner_id,
            Opportunity.currency,
            func.count(),
            func.sum(Opportunity.amount_minor),
            func.sum(Opportunity.amount_minor * stage_probability(session)),
        )
        .where(*conditions(flt))
        .group_by(month, Opportunity.owner_id, Opportunity.currency)
    )
    names: dict[str | None, str] = {}
    if owner_names:
        names.update(
            (uid, name) for uid, name in session.execute(select(User.id, User.display_name))
        )
    rows = [
        ForecastRow(m, owner, names.get(owner), cur, int(n), int(s or 0), int(w or 0))
        for m, owner, cur, n, s, w in session.execute(query)
    ]
    rows.sort(key=lambda r: (r.month is None, r.month or "", r.owner or "", r.currency))
    return rows
