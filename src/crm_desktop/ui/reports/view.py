"""The Reports tab: period and owner filters, then a card per report (chart + table).

Figures are computed off the GUI thread (``services.reports.compute_all`` through
``run_task``); a result that arrives after the filters changed again is dropped. This module
and ``charts`` (pyqtgraph, numpy) are imported when the tab is first shown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDir, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db.engine import Database
from crm_desktop.domain.enums import LABELS
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.money import minor_digits
from crm_desktop.services.exports import ExportCancelledError
from crm_desktop.services.reports import Period, PeriodKind, ReportFilter, ReportSet, compute_all
from crm_desktop.services.reports.customers import SEGMENTS
from crm_desktop.services.users import UserService
from crm_desktop.services.workbook import Cover, ListFilters, export_workbook
from crm_desktop.ui.opportunities.money_text import format_money, format_number
from crm_desktop.ui.reports.cards import ReportCard
from crm_desktop.ui.reports.charts import CategoryChart, Series
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.text import error_text

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


@dataclass
class ReportServices:
    db: Database
    users: UserService
    user_name: str  # who exports (the cover sheet)
    now: Callable[[], datetime]  # aware, local
    list_filters: Callable[[], ListFilters]  # the other tabs' current filters


SEGMENT_BARS = 12
PERIODS = (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR, PeriodKind.CUSTOM)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def enum_text(value: str | None, unknown: str) -> str:
    if value is None or value == "":
        return unknown
    return QCoreApplication.translate("Enums", LABELS[value]) if value in LABELS else value


class ReportsTab(QWidget):
    computed = Signal()  # the cards show the figures of the current filters
    export_finished = Signal(str)  # the file written, or "" (cancelled or failed)

    def __init__(self, services: ReportServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.qlocale = QLocale()
        self.reports: ReportSet | None = None
        self._generation = 0
        self._export_cancel: threading.Event | None = None
        self.progress_dialog: QProgressDialog | None = None

        bar = self._build_bar()
        self.segment = QComboBox(self)
        for key, text in zip(
            SEGMENTS, (self.tr("Region"), self.tr("Industry"), self.tr("Source"), self.tr("Tier")),
            strict=True,
        ):  # fmt: skip
            self.segment.addItem(text, key)
        self.cards: dict[str, ReportCard] = {}
        self._build_cards()

        body = QWidget(self)
        column = QVBoxLayout(body)
        for card in self.cards.values():
            column.addWidget(card)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.scroll_area = scroll
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

        self.period.currentIndexChanged.connect(self._period_changed)
        self.date_from.dateChanged.connect(self.reload)
        self.date_to.dateChanged.connect(self.reload)
        self.owner.currentIndexChanged.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self._ask_export)
        self.segment.currentIndexChanged.connect(self._show_segments)
        self.reload()

    # --- cards -------------------------------------------------------------------------------

    def _build_bar(self) -> QHBoxLayout:
        self.period = QComboBox(self)
        self.period.setObjectName("reportPeriod")
        for kind, text in zip(
            PERIODS,
            (self.tr("This month"), self.tr("This quarter"), self.tr("This year"),
             self.tr("Custom…")),
            strict=True,
        ):  # fmt: skip
            self.period.addItem(text, kind.value)
        self.period.setCurrentIndex(1)
        today = _qdate(self.services.now().date())
        self.date_from = QDateEdit(today.addMonths(-1), self)
        self.date_to = QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(self.qlocale.dateFormat(QLocale.FormatType.ShortFormat))
            edit.setVisible(False)
        self.owner = QComboBox(self)
        self.owner.setObjectName("reportOwner")
        self.owner.addItem(self.tr("All owners"), None)
        for user in self.services.users.list():
            self.owner.addItem(user.display_name, user.id)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.export_button = QPushButton(self.tr("E&xport workbook…"), self)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #555;")

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:"), self))
        bar.addWidget(self.period)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Owner:"), self))
        bar.addWidget(self.owner)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.export_button)

        return bar

    def _build_cards(self) -> None:
        specs: list[tuple[str, str, CategoryChart, list[str], QWidget | None]] = [
            (
                "funnel",
                self.tr("Pipeline funnel (deals opened in the period)"),
                CategoryChart(horizontal=True),
                [self.tr("Stage"), self.tr("Deals"), self.tr("Conversion")],
                None,
            ),
            (
                "revenue",
                self.tr("Won revenue by month"),
                CategoryChart(),
                [self.tr("Month"), self.tr("Currency"), self.tr("Deals"), self.tr("Revenue")],
                None,
            ),
            (
                "new_customers",
                self.tr("New customers by month"),
                CategoryChart(line=True),
                [self.tr("Month"), self.tr("New customers")],
                None,
            ),
            (
                "churn",
                self.tr("Churn: active customers who went dormant or lost"),
                CategoryChart(),
                [self.tr("Month"), self.tr("Churned")],
                None,
            ),
            (
                "owners",
                self.tr("Win rate, revenue and deal cycle by owner"),
                CategoryChart(),
                [
                    self.tr("Owner"),
                    self.tr("Won"),
                    self.tr("Lost"),
                    self.tr("Win rate"),
                    self.tr("Days to win"),
                    self.tr("Revenue"),
                ],
                None,
            ),
            (
                "activity",
                self.tr("Follow-up activity by owner and channel"),
                CategoryChart(horizontal=True, stacked=True),
                [
                    self.tr("Owner"),
                    self.tr("Channel"),
                    self.tr("Done"),
                    self.tr("Planned"),
                    self.tr("Overdue"),
                ],
                None,
            ),
            (
                "segments",
                self.tr("Customers by"),
                CategoryChart(horizontal=True),
                [self.tr("Value"), self.tr("Customers")],
                self.segment,
            ),
            (
                "forecast",
                self.tr("Forecast by month (open deals)"),
                CategoryChart(),
                [
                    self.tr("Month"),
                    self.tr("Currency"),
                    self.tr("Deals"),
                    self.tr("Total"),
                    self.tr("Weighted"),
                ],
                None,
            ),
        ]
        for key, title, chart, headers, extra in specs:
            card = ReportCard(key, title, chart, headers, self, extra)
            card.png_button.clicked.connect(lambda _c=False, c=card: self.save_chart(c))
            card.print_button.clicked.connect(lambda _c=False, c=card: self.print_card(c))
            self.cards[key] = card

    # --- filters -----------------------------------------------------------------------------

    def _period_changed(self) -> None:
        custom = self.period.currentData() == PeriodKind.CUSTOM.value
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.reload()

    def current_filter(self) -> ReportFilter:
        kind = PeriodKind(self.period.currentData())
        if kind == PeriodKind.CUSTOM:
            start = self.date_from.date().toPython()
            end = self.date_to.date().toPython()
            if not isinstance(start, date) or not isinstance(end, date):
                raise TypeError("QDateEdit gave no date")
            period = Period(min(start, end), max(start, end), PeriodKind.CUSTOM)
        else:
            period = Period.containing(kind, self.services.now().date())
        zone = self.services.now().tzinfo
        if zone is None:
            return ReportFilter(period, owner_id=self.owner.currentData())
        return ReportFilter(period, owner_id=self.owner.currentData(), zone=zone)

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()
        db, now = self.services.db, self.services.now()
        self.status.setText(self.tr("Computing…"))

        def work(progress: Progress) -> tuple[int, ReportSet]:
            with db.session() as session:
                return generation, compute_all(session, flt, now, progress)

        run_task(work, self._computed, self._failed)

    def _computed(self, result: tuple[int, ReportSet]) -> None:
        generation, reports = result
        if generation != self._generation:
            return  # the filters changed meanwhile; their own result is on its way
        self.reports = reports
        self.show_reports(reports)
        period = reports.filter.period
        self.status.setText(
            self.tr("{start} – {end}").format(
                start=self.qlocale.toString(_qdate(period.start), QLocale.FormatType.ShortFormat),
                end=self.qlocale.toString(_qdate(period.end), QLocale.FormatType.ShortFormat),
            )
        )
        self.computed.emit()

    def _failed(self, error: BaseException) -> None:
        message = error_text(error) if isinstance(error, CrmError) else str(error)
        self.status.setText(
            self.tr("The reports could not be computed: {error}").format(error=message)
        )

    # --- drawing -------------------------------------------------------------------------------

    def number(self, value: int) -> str:
        return self.qlocale.toString(value)

    def percent(self, value: float | None) -> str:
        if value is None:
            return "—"
        return self.tr("{value}%").format(value=self.qlocale.toString(value * 100, "f", 1))

    def money(self, amount: Decimal, currency: str) -> str:
        return format_money(amount, currency, self.qlocale)

    def month(self, text: str) -> str:
        month = QDate(int(text[:4]), int(text[5:7]), 1)
        return self.qlocale.toString(month, self.tr("MMM yyyy"))  # zh: "yyyy年M月"

    def owner_name(self, name: str | None) -> str:
        return name or self.tr("Unassigned")

    def show_reports(self, reports: ReportSet) -> None:
        self._show_funnel(reports)
        self._show_revenue(reports)
        self._show_new_customers(reports)
        self._show_churn(reports)
        self._show_owners(reports)
        self._show_activity(reports)
        self._show_segments()
        self._show_forecast(reports)

    def _show_funnel(self, reports: ReportSet) -> None:
        card = self.cards["funnel"]
        rows = reports.funnel
        names = [r.stage for r in rows]
        counts = [r.reached for r in rows]
        card.chart.set_data(
            names, [Series(self.tr("Deals"), counts, [self.number(n) for n in counts])]
        )
        card.set_rows([[r.stage, self.number(r.reached), self.percent(r.conversion)] for r in rows])

    def _per_currency(
        self, months: Sequence[str], found: dict[tuple[str, str], Decimal], currencies: list[str]
    ) -> list[Series]:
        series = []
        for currency in currencies:
            amounts = [found.get((m, currency), Decimal(0)) for m in months]
            series.append(
                Series(
                    currency,
                    [float(a) for a in amounts],
                    [self.money(a, currency) for a in amounts],
                )
            )
        return series

    def _show_revenue(self, reports: ReportSet) -> None:
        card = self.cards["revenue"]
        months = reports.filter.period.months()
        currencies = sorted({r.currency for r in reports.revenue})
        found = {(r.month, r.currency): r.amount for r in reports.revenue}
        card.chart.set_data(
            [self.month(m) for m in months], self._per_currency(months, found, currencies)
        )
        card.set_rows(
            [
                [self.month(r.month), r.currency, self.number(r.deals),
                 self.money(r.amount, r.currency)]
                for r in reports.revenue
            ],
            numeric_from=2,
        )  # fmt: skip

    def _show_new_customers(self, reports: ReportSet) -> None:
        card = self.cards["new_customers"]
        rows = reports.new_customers
        counts = [r.count for r in rows]
        card.chart.set_data(
            [self.month(r.month) for r in rows],
            [Series(self.tr("New customers"), counts, [self.number(n) for n in counts])],
        )
        card.set_rows([[self.month(r.month), self.number(r.count)] for r in rows])

    def _show_churn(self, reports: ReportSet) -> None:
        card = self.cards["churn"]
        churn = reports.churn
        counts = [m.count for m in churn.by_month]
        card.chart.set_data(
            [self.month(m.month) for m in churn.by_month],
            [Series(self.tr("Churned"), counts, [self.number(n) for n in counts])],
        )
        card.set_rows([[self.month(m.month), self.number(m.count)] for m in churn.by_month])
        card.note.setText(
            self.tr("Churn rate {rate}: {churned} of {base} active customers").format(
                rate=self.percent(churn.rate),
                churned=self.number(churn.churned),
                base=self.number(churn.churned + churn.active_at_end),
            )
        )

    def _show_owners(self, reports: ReportSet) -> None:
        card = self.cards["owners"]
        rows = reports.owners
        names = [self.owner_name(r.owner) for r in rows]
        won = [r.won for r in rows]
        lost = [r.lost for r in rows]
        card.chart.set_data(
            names,
            [
                Series(self.tr("Won"), won, [self.number(n) for n in won]),
                Series(self.tr("Lost"), lost, [self.number(n) for n in lost]),
            ],
        )
        table = []
        for name, r in zip(names, rows, strict=True):
            revenue = self.tr(", ").join(
                self.money(Decimal(minor).scaleb(-minor_digits(c)), c) for c, minor in r.revenue
            )
            days = "—" if r.cycle_days is None else self.qlocale.toString(r.cycle_days, "f", 1)
            table.append(
                [name, self.number(r.won), self.number(r.lost), self.percent(r.win_rate), days,
                 revenue]
            )  # fmt: skip
        card.set_rows(table)

    def _show_activity(self, reports: ReportSet) -> None:
        card = self.cards["activity"]
        owners: dict[str, list[int]] = {}
        for r in reports.activity:
            sums = owners.setdefault(self.owner_name(r.owner), [0, 0, 0])
            sums[0] += r.done
            sums[1] += r.planned
            sums[2] += r.overdue
        names = list(owners)
        series = []
        for n, label in enumerate((self.tr("Done"), self.tr("Planned"), self.tr("Overdue"))):
            values = [owners[name][n] for name in names]
            series.append(Series(label, values, [self.number(v) for v in values]))
        card.chart.set_data(names, series)
        unknown = self.tr("Unknown")
        card.set_rows(
            [
                [self.owner_name(r.owner), enum_text(r.channel, unknown), self.number(r.done),
                 self.number(r.planned), self.number(r.overdue)]
                for r in reports.activity
            ],
            numeric_from=2,
        )  # fmt: skip

    def _show_segments(self) -> None:
        if self.reports is None:
            return
        card = self.cards["segments"]
        dimension = self.segment.currentData()
        rows = [r for r in self.reports.segments if r.dimension == dimension]
        not_set = self.tr("Not set")
        names = [enum_text(r.value, not_set) for r in rows]
        counts = [r.count for r in rows]
        # the chart shows the largest values and the rest as one bar; the table shows all
        shown, counted = names[:SEGMENT_BARS], counts[:SEGMENT_BARS]
        if len(names) > SEGMENT_BARS:
            shown.append(self.tr("{n} others").format(n=len(names) - SEGMENT_BARS))
            counted.append(sum(counts[SEGMENT_BARS:]))
        card.chart.set_data(
            shown, [Series(self.tr("Customers"), counted, [self.number(n) for n in counted])]
        )
        card.set_rows([[name, self.number(n)] for name, n in zip(names, counts, strict=True)])

    def _show_forecast(self, reports: ReportSet) -> None:
        card = self.cards["forecast"]
        months = reports.filter.period.months()
        currencies = sorted({r.currency for r in reports.forecast})
        found = {(r.month, r.currency): r.weighted for r in reports.forecast}
        card.chart.set_data(
            [self.month(m) for m in months], self._per_currency(months, found, currencies)
        )
        card.set_rows(
            [
                [self.month(r.month), r.currency, self.number(r.deals),
                 self.money(r.amount, r.currency),
                 format_number(r.weighted, minor_digits(r.currency), self.qlocale)]
                for r in reports.forecast
            ],
            numeric_from=2,
        )  # fmt: skip

    # --- PNG, print --------------------------------------------------------------------------

    def save_chart(self, card: ReportCard, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save chart as PNG"),
                str(Path(QDir.homePath()) / f"{card.key}.png"),
                self.tr("PNG image (*.png)"),
            )
            if not path:
                return False
        return card.save_png(path)

    def print_card(self, card: ReportCard, printer: QPrinter | None = None) -> None:
        """Print one report (chart and table); asks for the printer unless given one."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return
        card.print_to(printer)

    # --- the workbook ------------------------------------------------------------------------

    def export_workbook(self, path: str | None = None) -> None:
        """Ask for a file (unless given), then write the workbook of the current filters with
        the lists as the other tabs show them, behind a progress dialog that can cancel."""
        if path is None:
            name = self.tr("report {period}.xlsx").format(period=self.current_filter().period.code)
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export workbook"),
                str(Path(QDir.homePath()) / name),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not path:
                return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        flt = self.current_filter()
        lists = self.services.list_filters()
        cover = Cover(self.services.user_name, self.services.now(), self.owner.currentText())
        if flt.owner_id is None:
            cover = Cover(self.services.user_name, self.services.now(), None)
        db, now = self.services.db, self.services.now()
        cancel = threading.Event()
        self._export_cancel = cancel
        dialog = QProgressDialog(self.tr("Writing the workbook…"), self.tr("Cancel"), 0, 12, self)
        dialog.setWindowTitle(self.tr("Export workbook"))
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(cancel.set)
        self.progress_dialog = dialog
        target = path

        def work(progress: Progress) -> str:
            with db.session() as session:
                reports = compute_all(session, flt, now)
                export_workbook(
                    session, reports, target, cover, lists,
                    translate=QCoreApplication.translate, progress=progress,
                    cancelled=cancel.is_set,
                )  # fmt: skip
            return target

        run_task(work, self._exported, self._export_failed, self._export_progress)
        dialog.show()

    def _ask_export(self) -> None:
        self.export_workbook()

    def _export_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(done)

    def cancel_export(self) -> None:
        if self._export_cancel is not None:
            self._export_cancel.set()

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _exported(self, path: str) -> None:
        self._close_progress()
        self.status.setText(self.tr("Workbook written: {path}").format(path=path))
        self.export_finished.emit(path)

    def _export_failed(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, ExportCancelledError):
            self.status.setText(error_text(error))
        else:
            message = error_text(error) if isinstance(error, CrmError) else str(error)
            QMessageBox.warning(self, self.tr("Export workbook"), message)
        self.export_finished.emit("")
