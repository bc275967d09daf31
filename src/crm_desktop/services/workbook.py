"""The reports workbook (.xlsx): a cover sheet, a sheet per report with a native Excel chart,
and a sheet per list (customers, follow-ups, opportunities) with the current filters.

Everything is written in openpyxl's write-only mode, so the lists stream and memory stays
flat; typed cells (dates, money with its currency's format, percentages); bold frozen
header rows with auto-filters; column widths. The file is written under a temporary name in
the destination folder and renamed at the end: a cancel or a failure leaves nothing behind.
Texts are English, marked for translation; the caller passes ``translate`` (the GUI passes
Qt's, the command line the identity).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from crm_desktop.domain.enums import LABELS
from crm_desktop.domain.money import Money
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import customer_list, exports
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.exports import ExportCancelledError, ExportFileError
from crm_desktop.services.followup_views import FollowUpFilter, View
from crm_desktop.services.pipeline import BoardFilter
from crm_desktop.services.reports import ReportSet
from crm_desktop.services.reports.customers import SEGMENTS

Translate = Callable[[str, str], str]
CONTEXT = "Workbook"
LISTS = ("customers", "followups", "opportunities")
MONTH_FORMAT = "yyyy-mm"
DAYS_FORMAT = "0.0"

SHEETS: dict[str, str] = {
    "cover": QT_TRANSLATE_NOOP("Workbook", "Report"),
    "funnel": QT_TRANSLATE_NOOP("Workbook", "Pipeline funnel"),
    "revenue": QT_TRANSLATE_NOOP("Workbook", "Won revenue"),
    "new_customers": QT_TRANSLATE_NOOP("Workbook", "New customers"),
    "churn": QT_TRANSLATE_NOOP("Workbook", "Churn"),
    "owners": QT_TRANSLATE_NOOP("Workbook", "Owners"),
    "activity": QT_TRANSLATE_NOOP("Workbook", "Follow-up activity"),
    "region": QT_TRANSLATE_NOOP("Workbook", "By region"),
    "industry": QT_TRANSLATE_NOOP("Workbook", "By industry"),
    "source": QT_TRANSLATE_NOOP("Workbook", "By source"),
    "tier": QT_TRANSLATE_NOOP("Workbook", "By tier"),
    "forecast": QT_TRANSLATE_NOOP("Workbook", "Forecast"),
    "customers": QT_TRANSLATE_NOOP("Workbook", "Customers"),
    "followups": QT_TRANSLATE_NOOP("Workbook", "Follow-ups"),
    "opportunities": QT_TRANSLATE_NOOP("Workbook", "Opportunities"),
}
REPORT_SHEETS = (
    "funnel", "revenue", "new_customers", "churn", "owners", "activity", *SEGMENTS, "forecast",
)  # fmt: skip


def _identity(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class ListFilters:
    """The lists to add and the filters they are shown with (the tabs' current ones)."""

    customers: CustomerFilter | None = field(default_factory=CustomerFilter)
    customer_sort: str = "name"
    customer_descending: bool = False
    customer_columns: tuple[str, ...] = customer_list.DEFAULT_COLUMNS
    followups: FollowUpFilter | None = field(default_factory=lambda: FollowUpFilter(View.ALL))
    opportunities: BoardFilter | None = field(default_factory=lambda: BoardFilter(status=None))
    descriptions: tuple[tuple[str, str], ...] = ()  # (list, filter in words) for the cover


@dataclass(frozen=True)
class Cover:
    exported_by: str
    exported_at: datetime  # aware
    owner: str | None  # the owner filter's display name; None: every owner


@dataclass
class _Book:
    """The write-only book being filled and its scratch files (removed whatever happens)."""

    folder: Path
    tr: Translate
    book: Any = None
    scratches: list[Path] = field(default_factory=list)

    def sheet(
        self, key: str, headers: list[str], kinds: list[str], rows: Iterator[list[Any]]
    ) -> tuple[Any, int]:
        handle, name = tempfile.mkstemp(prefix=".~", suffix=".rows", dir=self.folder)
        os.close(handle)
        scratch = Path(name)
        self.scratches.append(scratch)
        title = self.tr(CONTEXT, SHEETS[key])[:31]
        return exports.stream_sheet(self.book, title, headers, kinds, rows, scratch)

    def discard(self) -> None:
        for sheet in getattr(self.book, "worksheets", []):
            exports.close_sheet(sheet)
        for scratch in self.scratches:
            exports.remove_scratch(scratch)


def _month(text: str) -> date:
    return date(int(text[:4]), int(text[5:7]), 1)


def _label(translate: Translate, value: str | None, unknown: str) -> str:
    # named ``translate``, not ``tr``: lupdate reads ``tr("Enums", …)`` as a new source text
    if value is None or value == "":
        return translate(CONTEXT, unknown)
    return translate("Enums", LABELS[value]) if value in LABELS else value


# --- charts ------------------------------------------------------------------------------------


def _bar_chart(
    sheet: Any,
    title: str,
    rows: int,
    data_cols: Sequence[int],
    *,
    horizontal: bool = False,
    stacked: bool = False,
    y_title: str | None = None,
    anchor: str | None = None,
) -> Any:
    """A native chart of columns ``data_cols`` (header in row 1) against column A."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.style = 10
    if stacked:
        chart.grouping = "stacked"
        chart.overlap = 100
    for col in data_cols:
        chart.add_data(
            Reference(sheet, min_col=col, min_row=1, max_row=rows + 1), titles_from_data=True
        )
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=max(rows + 1, 2)))
    if y_title:
        chart.y_axis.title = y_title
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # first row on top, as in the table
    chart.gapWidth = 60
    # horizontal bars get taller with their rows, so that every label stays readable
    chart.width, chart.height = 18, max(9.0, 0.55 * rows + 3) if horizontal else 9.0
    sheet.add_chart(chart, anchor or f"{_col_letter(max(data_cols) + 2)}2")
    return chart


def _line_chart(sheet: Any, title: str, rows: int, data_cols: Sequence[int], anchor: str) -> Any:
    from openpyxl.chart import LineChart, Reference

    chart = LineChart()
    chart.title = title
    chart.style = 12
    for col in data_cols:
        chart.add_data(
            Reference(sheet, min_col=col, min_row=1, max_row=rows + 1), titles_from_data=True
        )
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=max(rows + 1, 2)))
    chart.x_axis.number_format = MONTH_FORMAT
    chart.width, chart.height = 18, 9
    sheet.add_chart(chart, anchor)
    return chart


def _pie_chart(sheet: Any, title: str, rows: int, anchor: str) -> Any:
    from openpyxl.chart import PieChart, Reference

    chart = PieChart()
    chart.title = title
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=rows + 1), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=max(rows + 1, 2)))
    chart.width, chart.height = 14, 9
    sheet.add_chart(chart, anchor)
    return chart


def _col_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


# --- report sheets -----------------------------------------------------------------------------


def _t(b: _Book, text: str) -> str:
    return b.tr(CONTEXT, text)


def _funnel_sheet(b: _Book, reports: ReportSet) -> None:
    rows: list[list[Any]] = [[r.stage, r.reached, r.conversion] for r in reports.funnel]
    headers = [
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Stage")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Deals")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Conversion")),
    ]
    sheet, n = b.sheet("funnel", headers, ["text", "number", "percent"], iter(rows))
    _bar_chart(sheet, _t(b, SHEETS["funnel"]), n, [2], horizontal=True, anchor="E2")


def _revenue_sheet(b: _Book, reports: ReportSet) -> None:
    """A month per row, a column per currency (never summed across), then the deals won."""
    months = reports.filter.period.months()
    by = {(r.month, r.currency): r.amount for r in reports.revenue}
    deals = {m: sum(r.deals for r in reports.revenue if r.month == m) for m in months}
    currencies = sorted({r.currency for r in reports.revenue})
    rows: list[list[Any]] = [
        [_month(m), *(Money(by.get((m, c), Decimal(0)), c) for c in currencies), deals[m]]
        for m in months
    ]
    headers = [
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Month")),
        *currencies,
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Deals won")),
    ]
    kinds = ["month", *(["money"] * len(currencies)), "number"]
    sheet, n = b.sheet("revenue", headers, kinds, iter(rows))
    if currencies:
        data = list(range(2, 2 + len(currencies)))
        anchor = f"{_col_letter(len(currencies) + 4)}2"
        _bar_chart(sheet, _t(b, SHEETS["revenue"]), n, data, anchor=anchor)


def _new_customers_sheet(b: _Book, reports: ReportSet) -> None:
    rows: list[list[Any]] = [[_month(m.month), m.count] for m in reports.new_customers]
    headers = [
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Month")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "New customers")),
    ]
    sheet, n = b.sheet("new_customers", headers, ["month", "number"], iter(rows))
    _line_chart(sheet, _t(b, SHEETS["new_customers"]), n, [2], "D2")


def _churn_sheet(b: _Book, reports: ReportSet) -> None:
    """The months, then the totals below a blank row."""
    churn = reports.churn
    rows: list[list[Any]] = [[_month(m.month), m.count, None] for m in churn.by_month]
    rows += [
        [None, None, None],
        [_t(b, QT_TRANSLATE_NOOP("Workbook", "Churned in the period")), churn.churned, None],
        [_t(b, QT_TRANSLATE_NOOP("Workbook", "Active at the end")), churn.active_at_end, None],
        [_t(b, QT_TRANSLATE_NOOP("Workbook", "Churn rate")), None, churn.rate],
    ]
    headers = [
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Month")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Churned customers")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Rate")),
    ]
    sheet, _n = b.sheet("churn", headers, ["month", "number", "percent"], iter(rows))
    _bar_chart(sheet, _t(b, SHEETS["churn"]), len(churn.by_month), [2], anchor="E2")


def _owners_sheet(b: _Book, reports: ReportSet) -> None:
    currencies = reports.currencies()
    unassigned = _t(b, QT_TRANSLATE_NOOP("Workbook", "Unassigned"))
    rows: list[list[Any]] = [
        [
            r.owner or unassigned,
            r.won,
            r.lost,
            r.win_rate,
            r.cycle_days,
            *(Money(r.revenue_in(c), c) for c in currencies),
        ]
        for r in reports.owners
    ]
    revenue = _t(b, QT_TRANSLATE_NOOP("Workbook", "Revenue {currency}"))
    headers = [
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Owner")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Won")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Lost")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Win rate")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Average days to win")),
        *(revenue.format(currency=c) for c in currencies),
    ]
    kinds = ["text", "number", "number", "percent", "days", *(["money"] * len(currencies))]
    sheet, n = b.sheet("owners", headers, kinds, iter(rows))
    title = _t(b, QT_TRANSLATE_NOOP("Workbook", "Deals won and lost by owner"))
    _bar_chart(sheet, title, n, [2, 3], anchor=f"{_col_letter(len(currencies) + 7)}2")


def _activity_sheet(b: _Book, reports: ReportSet) -> None:
    unassigned = _t(b, QT_TRANSLATE_NOOP("Workbook", "Unassigned"))
    pattern = _t(b, QT_TRANSLATE_NOOP("Workbook", "{owner} · {channel}"))
    unknown = QT_TRANSLATE_NOOP("Workbook", "Unknown")
    rows: list[list[Any]] = [
        [
            pattern.format(owner=r.owner or unassigned, channel=_label(b.tr, r.channel, unknown)),
            r.done,
            r.planned,
            r.overdue,
        ]
        for r in reports.activity
    ]
    headers = [
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Owner · channel")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Done")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Planned")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Overdue")),
    ]
    sheet, n = b.sheet("activity", headers, ["text", "number", "number", "number"], iter(rows))
    title = _t(b, SHEETS["activity"])
    _bar_chart(sheet, title, n, [2, 3, 4], horizontal=True, stacked=True, anchor="F2")


def _segment_sheets(b: _Book, reports: ReportSet) -> None:
    """One sheet per dimension: a pie for tier and source, bars for the longer lists."""
    not_set = QT_TRANSLATE_NOOP("Workbook", "Not set")
    headers = [
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Value")),
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Customers")),
    ]
    for dimension in SEGMENTS:
        seg = [r for r in reports.segments if r.dimension == dimension]
        rows: list[list[Any]] = [[_label(b.tr, r.value, not_set), r.count] for r in seg]
        sheet, n = b.sheet(dimension, headers, ["text", "number"], iter(rows))
        if dimension in ("tier", "source"):
            _pie_chart(sheet, _t(b, SHEETS[dimension]), n, "D2")
        else:
            _bar_chart(sheet, _t(b, SHEETS[dimension]), n, [2], horizontal=True, anchor="D2")


def _forecast_sheet(b: _Book, reports: ReportSet) -> None:
    """A month per row: weighted amounts per currency, then totals per currency."""
    currencies = sorted({r.currency for r in reports.forecast})
    found = {(r.month, r.currency): r for r in reports.forecast}
    rows: list[list[Any]] = []
    for m in reports.filter.period.months():
        row: list[Any] = [_month(m)]
        for c in currencies:
            f = found.get((m, c))
            row.append(Money(f.weighted if f else Decimal(0), c))
        for c in currencies:
            f = found.get((m, c))
            row.append(Money(f.amount if f else Decimal(0), c))
        rows.append(row)
    weighted = _t(b, QT_TRANSLATE_NOOP("Workbook", "Weighted {currency}"))
    total = _t(b, QT_TRANSLATE_NOOP("Workbook", "Total {currency}"))
    headers = [
        _t(b, QT_TRANSLATE_NOOP("Workbook", "Month")),
        *(weighted.format(currency=c) for c in currencies),
        *(total.format(currency=c) for c in currencies),
    ]
    kinds = ["month", *(["money"] * 2 * len(currencies))]
    sheet, n = b.sheet("forecast", headers, kinds, iter(rows))
    if currencies:
        data = list(range(2, 2 + len(currencies)))
        anchor = f"{_col_letter(2 * len(currencies) + 3)}2"
        _bar_chart(sheet, _t(b, SHEETS["forecast"]), n, data, anchor=anchor)


REPORT_WRITERS: tuple[Callable[[_Book, ReportSet], None], ...] = (
    _funnel_sheet,
    _revenue_sheet,
    _new_customers_sheet,
    _churn_sheet,
    _owners_sheet,
    _activity_sheet,
    _segment_sheets,
    _forecast_sheet,
)


def _write_reports(b: _Book, reports: ReportSet, step: Callable[[], None]) -> None:
    for write in REPORT_WRITERS:
        write(b, reports)
        step()


def _write_cover(b: _Book, reports: ReportSet, cover: Cover, lists: ListFilters | None) -> None:
    tr = b.tr

    def t(text: str) -> str:
        return tr(CONTEXT, text)

    period = reports.filter.period
    rows: list[list[Any]] = [
        [t(QT_TRANSLATE_NOOP("Workbook", "Period")), period.code],
        [t(QT_TRANSLATE_NOOP("Workbook", "From")), period.start],
        [t(QT_TRANSLATE_NOOP("Workbook", "To")), period.end],
        [t(QT_TRANSLATE_NOOP("Workbook", "Owner")),
         cover.owner or t(QT_TRANSLATE_NOOP("Workbook", "All owners"))],
        [t(QT_TRANSLATE_NOOP("Workbook", "Time zone")), reports.filter.describe_zone()],
        [t(QT_TRANSLATE_NOOP("Workbook", "Exported by")), cover.exported_by],
        [t(QT_TRANSLATE_NOOP("Workbook", "Exported at")), exports._local(cover.exported_at)],
        [t(QT_TRANSLATE_NOOP("Workbook", "Figures computed at")),
         exports._local(reports.computed_at)],
    ]  # fmt: skip
    if lists is not None:
        for name, words in lists.descriptions:
            rows.append(
                [t(QT_TRANSLATE_NOOP("Workbook", "Filter: {list}")).format(list=name), words]
            )
    b.sheet(
        "cover",
        [t(QT_TRANSLATE_NOOP("Workbook", "CRM Desktop report")), ""],
        ["text", "text"],
        iter(rows),
    )


def _write_lists(
    b: _Book,
    session: Session,
    lists: ListFilters,
    now: datetime,
    cancelled: Callable[[], bool] | None,
    progress: Callable[[], None],
) -> dict[str, int]:
    translate = b.tr  # not ``tr``: lupdate would read ``tr("Enums", …)`` as a source text

    def enum_label(value: str) -> str:
        return translate("Enums", LABELS.get(value, value))

    counts: dict[str, int] = {}
    if lists.customers is not None:
        columns = list(lists.customer_columns)
        kinds = exports._kinds(session, columns)
        known = customer_list.COLUMNS
        headers = [translate("Columns", known[k].label) if k in known else k for k in columns]
        rows = exports._rows(
            session, lists.customers, lists.customer_sort, lists.customer_descending, columns,
            kinds, enum_label, None, cancelled,
        )  # fmt: skip
        _sheet, counts["customers"] = b.sheet("customers", headers, kinds, rows)
    progress()
    if lists.followups is not None:
        rows = exports.followup_rows(session, lists.followups, now, enum_label, cancelled)
        _sheet, counts["followups"] = b.sheet(
            "followups",
            exports.list_headers(exports.FOLLOWUP_COLUMNS, translate),
            exports.list_kinds(exports.FOLLOWUP_COLUMNS),
            rows,
        )
    progress()
    if lists.opportunities is not None:
        rows = exports.opportunity_rows(session, lists.opportunities, enum_label, cancelled)
        _sheet, counts["opportunities"] = b.sheet(
            "opportunities",
            exports.list_headers(exports.OPPORTUNITY_COLUMNS, translate),
            exports.list_kinds(exports.OPPORTUNITY_COLUMNS),
            rows,
        )
    progress()
    return counts


STEPS = 12  # report sheets (8), lists (3), saving (1)


def export_workbook(
    session: Session,
    reports: ReportSet,
    path: str | Path,
    cover: Cover,
    lists: ListFilters | None = None,
    *,
    translate: Translate = _identity,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, int]:
    """Write the workbook of ``reports`` (and ``lists``) to ``path``; rows of each list.

    Raises ``ExportCancelledError`` when ``cancelled()`` turns true (nothing is left on
    disk) and ``ExportFileError`` when the file cannot be written.
    """
    from openpyxl import Workbook

    target = Path(path)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if cancelled is not None and cancelled():
            raise ExportCancelledError()
        if progress is not None:
            progress(min(done, STEPS), STEPS)

    try:
        handle, temp_name = tempfile.mkstemp(prefix=".~", suffix=".xlsx.part", dir=target.parent)
    except OSError:
        raise ExportFileError(path=str(target)) from None
    os.close(handle)
    temp = Path(temp_name)
    b = _Book(target.parent, translate, Workbook(write_only=True))
    try:
        _write_cover(b, reports, cover, lists)
        _write_reports(b, reports, step)
        counts: dict[str, int] = {}
        if lists is not None:
            counts = _write_lists(b, session, lists, reports.computed_at, cancelled, step)
        else:
            for _ in range(3):
                step()
        b.book.save(temp)
        if cancelled is not None and cancelled():
            raise ExportCancelledError()
        os.replace(temp, target)
        if progress is not None:
            progress(STEPS, STEPS)
    except OSError:
        raise ExportFileError(path=str(target)) from None
    finally:
        b.discard()
        temp.unlink(missing_ok=True)
    return counts
