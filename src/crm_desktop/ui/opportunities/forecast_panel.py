"""The forecast panel: weighted and unweighted totals by month and owner, per currency."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QSize, Qt
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
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Month / owner"), self.tr("Deals"), self.tr("Total"), self.tr("Weighted")]
        )  # the amounts carry their currency code: no column of its own
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
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
        deals: dict[str | None, int] = {}
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        # one height for every row, tall enough for Chinese names as well as Latin ones
        height = QSize(-1, self.fontMetrics().boundingRect("Ag王").height() + 4)
        for row in rows:
            parent = months.get(row.month)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [self._month(row.month)])
                parent.setExpanded(True)
                parent.setTextAlignment(1, right)
                parent.setSizeHint(0, height)
                months[row.month] = parent
            deals[row.month] = deals.get(row.month, 0) + row.count
            item = QTreeWidgetItem(
                parent,
                [
                    row.owner or self.tr("(no owner)"), f"{row.count:,}",
                    format_money(row.amount, row.currency),
                    format_money(row.weighted, row.currency),
                ],
            )  # fmt: skip
            item.setToolTip(3, str(row.weighted))  # the exact weighted sum
            item.setSizeHint(0, height)
            for column in (1, 2, 3):
                item.setTextAlignment(column, right)
        for month, parent in months.items():
            parent.setText(1, f"{deals[month]:,}")
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)

    def _month(self, month: str | None) -> str:
        if month is None:
            return self.tr("No expected close")
        year, number = (int(part) for part in month.split("-"))
        # The month-and-year pattern is the translator's: "MMMM yyyy" / "yyyy年M月"
        return QLocale().toString(QDate(year, number, 1), self.tr("MMMM yyyy"))
