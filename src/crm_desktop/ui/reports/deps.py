"""What the Reports tab needs from the window: its services, and the lists' current filters
(taken from the other tabs when a workbook is exported)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.followup_views import VIEW_LABELS, FollowUpFilter, View
from crm_desktop.services.pipeline import BoardFilter
from crm_desktop.services.workbook import ListFilters
from crm_desktop.services.workspace import Workspace
from crm_desktop.ui.reports.view import ReportServices

if TYPE_CHECKING:
    from crm_desktop.ui.customers.view import CustomerTab
    from crm_desktop.ui.followups.tab import FollowUpTab
    from crm_desktop.ui.opportunities.view import OpportunityTab
    from crm_desktop.ui.widgets.deferred_tab import DeferredTab


def report_services(
    workspace: Workspace, list_filters: Callable[[], ListFilters]
) -> ReportServices:
    name = ""
    if workspace.ctx.user_id is not None:
        try:
            name = workspace.users.get(workspace.ctx.user_id).display_name
        except CrmError:
            name = ""

    def now() -> datetime:
        return workspace.ctx.clock().astimezone()

    return ReportServices(workspace.db, workspace.users, name, now, list_filters)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportFilters", text)


def describe(flt: Any) -> str:
    """A filter in words for the cover sheet: its set fields, ``name: value`` joined by ``; ``."""
    parts = []
    for f in fields(flt):
        value = getattr(flt, f.name)
        if value in (None, "", (), False) or f.name in ("view", "trash"):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, tuple) else str(value)
        parts.append(_tr("{name}: {value}").format(name=f.name.replace("_", " "), value=shown))
    return "; ".join(parts) or _tr("none")


def list_filters(
    customers: CustomerTab,
    followups: DeferredTab[FollowUpTab],
    opportunities: DeferredTab[OpportunityTab],
) -> ListFilters:
    """The lists as their tabs show them now (a tab not opened yet: its default view)."""
    flt, sort, descending, columns = customers.view_state()
    followup_filter = (
        followups.widget().current_filter if followups.is_built else FollowUpFilter(View.ALL)
    )
    deal_filter = (
        opportunities.widget().filters.current() if opportunities.is_built else BoardFilter()
    )
    view = QCoreApplication.translate("FollowUpViews", VIEW_LABELS[followup_filter.view])
    descriptions = (
        (_tr("Customers"), describe(flt)),
        (
            _tr("Follow-ups"),
            _tr("{view}; {filters}").format(view=view, filters=describe(followup_filter)),
        ),
        (_tr("Opportunities"), describe(deal_filter)),
    )
    return ListFilters(
        customers=flt,
        customer_sort=sort,
        customer_descending=descending,
        customer_columns=tuple(columns),
        followups=followup_filter,
        opportunities=deal_filter,
        descriptions=descriptions,
    )
