"""Category charts for the Reports tab, drawn with pyqtgraph: bars (grouped or stacked,
vertical or horizontal) and lines, with the exact values of a category as its tooltip.

This module is the only one importing pyqtgraph (and so numpy); the Reports tab imports it
when it is first shown, so the window starts without either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QLocale, QPointF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QToolTip, QWidget

pg.setConfigOptions(background="w", foreground="#333333", antialias=True)

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1")
BAR_SPAN = 0.8  # of each category's slot


@dataclass(frozen=True)
class Series:
    """One series: a value per category (for drawing) and its exact text (for tooltips)."""

    name: str
    values: Sequence[float]
    texts: Sequence[str]


class CategoryChart(pg.PlotWidget):  # type: ignore[misc]
    """Bars or lines over named categories; hovering a category shows its exact values."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        horizontal: bool = False,
        stacked: bool = False,
        line: bool = False,
    ) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.stacked = stacked
        self.line = line
        self.categories: list[str] = []
        self.series: list[Series] = []
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=horizontal, y=not horizontal, alpha=0.15)
        self.legend = item.addLegend(offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 210))
        font = QFont(self.font())
        for name in ("left", "bottom"):
            item.getAxis(name).setStyle(tickFont=font)
        values = item.getAxis("bottom" if horizontal else "left")
        values.enableAutoSIPrefix(False)
        values.tickStrings = self._value_ticks  # grouped the locale's way, never 1e+08
        if horizontal:
            item.invertY(True)  # the first category on top, as in the table beside it
        self.setMinimumHeight(220)
        self.scene().sigMouseMoved.connect(self._hover)

    def _value_ticks(self, values: list[float], _scale: float, spacing: float) -> list[str]:
        locale = QLocale()
        digits = 0 if spacing >= 1 else 1
        return [locale.toString(float(v), "f", digits) for v in values]

    def set_data(self, categories: Sequence[str], series: Sequence[Series]) -> None:
        item = self.getPlotItem()
        item.clear()
        self.legend.clear()
        self.categories = list(categories)
        self.series = list(series)
        count = len(self.categories)
        ticks = [list(enumerate(self.categories))]
        category_axis = item.getAxis("left" if self.horizontal else "bottom")
        category_axis.setTicks(ticks)
        if count and self.series:
            if self.line:
                self._draw_lines()
            else:
                self._draw_bars()
        item.enableAutoRange()
        if not any(v for s in self.series for v in s.values):  # nothing to draw: 0 to 1
            if self.horizontal:
                item.setXRange(0, 1)
            else:
                item.setYRange(0, 1)
        if self.horizontal:
            item.setYRange(-0.6, max(count, 1) - 0.4, padding=0)
        else:
            item.setXRange(-0.6, max(count, 1) - 0.4, padding=0)

    def _draw_lines(self) -> None:
        item = self.getPlotItem()
        x = list(range(len(self.categories)))
        for n, s in enumerate(self.series):
            color = PALETTE[n % len(PALETTE)]
            item.plot(
                x, list(s.values), name=self._legend_name(s), pen=pg.mkPen(color, width=2),
                symbol="o", symbolBrush=color, symbolPen=color, symbolSize=7,
            )  # fmt: skip

    def _legend_name(self, s: Series) -> str | None:
        """Only several series get a legend; one series is named by the card's title."""
        return s.name if len(self.series) > 1 else None

    def _draw_bars(self) -> None:
        item = self.getPlotItem()
        positions = list(range(len(self.categories)))
        groups = 1 if self.stacked else len(self.series)
        width = BAR_SPAN / groups
        base = [0.0] * len(positions)
        for n, s in enumerate(self.series):
            color = PALETTE[n % len(PALETTE)]
            offset = 0.0 if self.stacked else (n - (groups - 1) / 2) * width
            centers = [p + offset for p in positions]
            values = list(s.values)
            if self.horizontal:
                bars = pg.BarGraphItem(
                    x0=base, y=centers, height=width * 0.95, width=values,
                    brush=color, pen=pg.mkPen(None), name=self._legend_name(s),
                )  # fmt: skip
            else:
                bars = pg.BarGraphItem(
                    x=centers, y0=base, width=width * 0.95, height=values,
                    brush=color, pen=pg.mkPen(None), name=self._legend_name(s),
                )  # fmt: skip
            item.addItem(bars)
            if self.stacked:
                base = [b + v for b, v in zip(base, values, strict=True)]

    # --- tooltips ------------------------------------------------------------------------------

    def category_at(self, scene_pos: QPointF) -> int | None:
        """The category under a point of the scene, or None."""
        item = self.getPlotItem()
        if not item.sceneBoundingRect().contains(scene_pos):
            return None
        point = item.vb.mapSceneToView(scene_pos)
        index = round(point.y() if self.horizontal else point.x())
        return index if 0 <= index < len(self.categories) else None

    def tooltip(self, index: int) -> str:
        """The category's name and each series' exact value."""
        lines = [self.categories[index]]
        for s in self.series:
            lines.append(f"{s.name}: {s.texts[index]}" if len(self.series) > 1 else s.texts[index])
        return "\n".join(lines)

    def _hover(self, scene_pos: QPointF) -> None:
        index = self.category_at(scene_pos)
        if index is None or not self.series:
            QToolTip.hideText()
            self.setToolTip("")
            return
        text = self.tooltip(index)
        self.setToolTip(text)
        QToolTip.showText(self.mapToGlobal(self.mapFromScene(scene_pos)), text, self)
