"""The forecast panel: weighted and unweighted totals by month and owner, per currency."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from crm_desktop.db.engine import Database
from crm_desktop.services.forecast import ForecastRow, forecast
from crm_desktop.services.pipeline import BoardFilter
from crm_desktop.ui.opportunities.money_text import format_money
from crm_desktop.ui.tasks import Progress, run_task


class ForecastPanel(QWidget):
    """Computed off the GUI thread (an SQL aggregation) whenever the filter changes."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._generation = 0
        self.title = QLabel(self.tr("Forecast of open deals"), self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [self.tr("Month / owner"), self.tr("Currency"), self.tr("Deals"),
             self.tr("Total"), self.tr("Weighted")]
        )  # fmt: skip
        self.tree.setRootIsDecorated(True)
        for column, width in enumerate((120, 60, 50, 130)):
            self.tree.setColumnWidth(column, width)
        self.setMinimumWidth(430)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree)
        self.rows: list[ForecastRow] = []

    def refresh(self, flt: BoardFilter) -> None:
        self._generation += 1
        generation, db = self._generation, self._db
        flt = BoardFilter(**{**flt.__dict__, "status": "open"})

        def work(_progress: Progress) -> tuple[int, list[ForecastRow]]:
            with db.session() as session:
                return generation, forecast(session, flt)

        run_task(work, self._show)

    def _show(self, result: tuple[int, list[ForecastRow]]) -> None:
        generation, rows = result
        if generation != self._generation:
            return  # a newer filter is on its way
        self.rows = rows
        self.tree.clear()
        months: dict[str | None, QTreeWidgetItem] = {}
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row in rows:
            parent = months.get(row.month)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [self._month(row.month)])
                parent.setExpanded(True)
                months[row.month] = parent
            item = QTreeWidgetItem(
                parent,
                [
                    row.owner or self.tr("(no owner)"), row.currency, f"{row.count:,}",
                    format_money(row.amount, row.currency),
                    format_money(row.weighted, row.currency),
                ],
            )  # fmt: skip
            item.setToolTip(4, str(row.weighted))  # the exact weighted sum
            for column in (2, 3, 4):
                item.setTextAlignment(column, right)

    def _month(self, month: str | None) -> str:
        if month is None:
            return self.tr("No expected close")
        year, number = (int(part) for part in month.split("-"))
        return QLocale().toString(QDate(year, number, 1), "MMMM yyyy")
