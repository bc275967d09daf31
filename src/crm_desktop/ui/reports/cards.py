"""One report on the Reports tab: a title, a chart and the table of its exact figures,
with PNG export of the chart and printing of the whole card."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPoint, Qt
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.reports.charts import CategoryChart

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

CARD_HEIGHT = 340
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReportCard(QFrame):
    """``chart`` beside ``table``; ``set_rows`` fills the table (numbers right-aligned)."""

    def __init__(
        self,
        key: str,
        title: str,
        chart: CategoryChart,
        headers: Sequence[str],
        parent: QWidget | None = None,
        extra: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"report_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(CARD_HEIGHT)
        self.title = QLabel(f"<b>{title}</b>", self)
        self.note = QLabel(self)
        self.note.setStyleSheet("color: #555;")
        self.chart = chart
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.png_button = QToolButton(self)
        self.png_button.setText(self.tr("Save chart as PNG…"))
        self.print_button = QToolButton(self)
        self.print_button.setText(self.tr("Print…"))

        head = QHBoxLayout()
        head.addWidget(self.title)
        if extra is not None:
            head.addWidget(extra)
        head.addWidget(self.note, 1)
        head.addWidget(self.png_button)
        head.addWidget(self.print_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(CARD_HEIGHT)

    def set_rows(self, rows: Sequence[Sequence[str]], numeric_from: int = 1) -> None:
        """Text rows; columns from ``numeric_from`` on are right-aligned figures."""
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = QTableWidgetItem(text)
                if c >= numeric_from:
                    cell.setTextAlignment(RIGHT)
                self.table.setItem(r, c, cell)

    def cell_texts(self) -> list[list[str]]:
        return [
            [_text(self.table.item(r, c)) for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]

    def save_png(self, path: str | Path) -> bool:
        """The chart alone, as it is on screen."""
        return bool(self.chart.grab().save(str(path), "PNG"))

    def print_to(self, printer: QPrinter) -> None:
        """The card (title, chart, table) scaled to one landscape page of ``printer``."""
        from PySide6.QtPrintSupport import QPrinter

        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
        painter = QPainter(printer)
        try:
            page = printer.pageRect(QPrinter.Unit.DevicePixel)
            scale = min(page.width() / self.width(), page.height() / self.height())
            painter.scale(scale, scale)
            self.render(painter, QPoint(0, 0))
        finally:
            painter.end()


def _text(item: QTableWidgetItem | None) -> str:
    return "" if item is None else item.text()
