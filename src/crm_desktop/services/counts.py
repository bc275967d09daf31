"""How many live customers, follow-ups and opportunities a file holds (the status bar)."""

from __future__ import annotations

from sqlalchemy import func, select

from crm_desktop.db.engine import Database
from crm_desktop.db.models import Customer, FollowUp, Opportunity


def live_counts(db: Database) -> tuple[int, int, int]:
    """Customers not in the trash, and the follow-ups and opportunities of those customers."""
    deleted = select(Customer.id).where(Customer.deleted_at.is_not(None))
    with db.session() as session:
        customers = session.scalar(
            select(func.count()).select_from(Customer).where(Customer.deleted_at.is_(None))
        )
        followups = session.scalar(
            select(func.count())
            .select_from(FollowUp)
            .where(FollowUp.deleted_at.is_(None), FollowUp.customer_id.not_in(deleted))
        )
        opportunities = session.scalar(
            select(func.count())
            .select_from(Opportunity)
            .where(Opportunity.deleted_at.is_(None), Opportunity.customer_id.not_in(deleted))
        )
    return int(customers or 0), int(followups or 0), int(opportunities or 0)
