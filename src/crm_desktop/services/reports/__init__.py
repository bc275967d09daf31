"""Report computations, Qt-free: SQL aggregations in, plain rows out.

``compute_all`` gives every report of one period and owner; the Reports tab and the workbook
export both use it. See ``period`` for the filter, and each module for its definitions.
"""

from __future__ import annotations

from crm_desktop.services.reports.period import Period, PeriodKind, ReportFilter
from crm_desktop.services.reports.report_set import ReportSet, compute_all

__all__ = ["Period", "PeriodKind", "ReportFilter", "ReportSet", "compute_all"]
