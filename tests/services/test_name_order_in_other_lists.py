"""The follow-up and deal tables sort by customer in the customer list's order: pinyin."""

from __future__ import annotations

import datetime as dt

from crm_desktop.services import followup_views, opportunity_table
from crm_desktop.services.followup_views import FollowUpFilter, View
from crm_desktop.services.pipeline import BoardFilter
from crm_desktop.services.workspace import Workspace

NAMES = ["张三", "Alice", "李四", "林", "Zed"]
PINYIN_ORDER = ["Alice", "李四", "林", "Zed", "张三"]  # ze before zhang


def test_follow_ups_and_deals_sort_customers_by_pinyin(workspace: Workspace) -> None:
    ws = workspace
    stage = ws.stages.list()[0]
    for name in NAMES:
        customer = ws.customers.create(name=name, kind="individual")
        ws.followups.create(
            customer_id=customer, subject="call", due_at=dt.datetime(2030, 1, 2, tzinfo=dt.UTC)
        )
        ws.opportunities.create(title=f"deal {name}", customer_id=customer, stage_id=stage.id)
    now = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    with ws.db.session() as session:
        flt = FollowUpFilter(view=View.ALL)
        ids = [
            i for chunk in followup_views.iter_rowids(session, flt, now, "customer") for i in chunk
        ]
        rows = followup_views.fetch_rows(session, ids)
        followups = [rows[i].customer for i in ids]
        deals = opportunity_table.table_page(session, BoardFilter(), 0, 10, "customer", False)
        backwards = opportunity_table.table_page(session, BoardFilter(), 0, 10, "customer", True)
    assert followups == PINYIN_ORDER
    assert [row[2] for row in deals] == PINYIN_ORDER
    assert [row[2] for row in backwards] == PINYIN_ORDER[::-1]
