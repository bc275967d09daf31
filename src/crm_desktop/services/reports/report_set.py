"""Every report of one period and owner, computed in one read transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from crm_desktop.services.reports.activity import ActivityRow, activity
from crm_desktop.services.reports.customers import (
    Churn,
    MonthCount,
    SegmentRow,
    churn,
    new_customers,
    segments,
)
from crm_desktop.services.reports.period import ReportFilter
from crm_desktop.services.reports.sales import (
    ForecastMonth,
    FunnelRow,
    OwnerRow,
    RevenueRow,
    forecast_by_month,
    funnel,
    owner_results,
    won_revenue,
)

STEPS = 8


@dataclass(frozen=True)
class ReportSet:
    filter: ReportFilter
    computed_at: datetime
    funnel: list[FunnelRow]
    revenue: list[RevenueRow]
    new_customers: list[MonthCount]
    churn: Churn
    owners: list[OwnerRow]
    activity: list[ActivityRow]
    segments: list[SegmentRow]
    forecast: list[ForecastMonth]

    def currencies(self) -> list[str]:
        found = {r.currency for r in self.revenue} | {r.currency for r in self.forecast}
        for owner in self.owners:
            found.update(c for c, _minor in owner.revenue)
        return sorted(found)


def compute_all(
    session: Session,
    flt: ReportFilter,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> ReportSet:
    """Every report; ``progress(done, total)`` after each (the tab's and export's bar)."""
    steps = iter(range(1, STEPS + 1))

    def step() -> None:
        if progress is not None:
            progress(next(steps), STEPS)

    funnel_rows = funnel(session, flt)
    step()
    revenue = won_revenue(session, flt)
    step()
    new = new_customers(session, flt)
    step()
    churned = churn(session, flt)
    step()
    owners = owner_results(session, flt)
    step()
    followups = activity(session, flt, now)
    step()
    groups = segments(session, flt)
    step()
    ahead = forecast_by_month(session, flt)
    step()
    return ReportSet(flt, now, funnel_rows, revenue, new, churned, owners, followups, groups, ahead)
