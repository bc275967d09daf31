"""The filter bar shared by the board and the table: owner, period, amount range, tag, status."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.pipeline import BoardFilter
from crm_desktop.ui.opportunities.money_text import parse_amount

PERIODS = ("any", "this_month", "next_month", "next_90", "this_quarter", "this_year", "overdue")


def period_range(key: str, today: date) -> tuple[date | None, date | None]:
    """Expected-close dates a period key stands for."""
    first = today.replace(day=1)
    next_first = _next_month(first)
    quarter = first.replace(month=3 * ((today.month - 1) // 3) + 1)
    ranges: dict[str, tuple[date | None, date | None]] = {
        "this_month": (first, next_first - timedelta(days=1)),
        "next_month": (next_first, _next_month(next_first) - timedelta(days=1)),
        "next_90": (today, today + timedelta(days=90)),
        "this_quarter": (quarter, _next_month(_next_month(_next_month(quarter))) - timedelta(1)),
        "this_year": (date(today.year, 1, 1), date(today.year, 12, 31)),
        "overdue": (None, today - timedelta(days=1)),
    }
    return ranges.get(key, (None, None))


def _next_month(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1)


class FilterBar(QWidget):
    changed = Signal(object)  # BoardFilter

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.owner = QComboBox(self)
        self.period = QComboBox(self)
        labels = (
            self.tr("Any time"), self.tr("This month"), self.tr("Next month"),
            self.tr("Next 90 days"), self.tr("This quarter"), self.tr("This year"),
            self.tr("Overdue"),
        )  # fmt: skip
        for key, label in zip(PERIODS, labels, strict=True):
            self.period.addItem(label, key)
        self.amount_min = QLineEdit(self)
        self.amount_min.setPlaceholderText(self.tr("min"))
        self.amount_max = QLineEdit(self)
        self.amount_max.setPlaceholderText(self.tr("max"))
        for edit in (self.amount_min, self.amount_max):
            edit.setMaximumWidth(110)
            edit.editingFinished.connect(self._emit)
        self.tag = QComboBox(self)
        self.status = QComboBox(self)
        for value, label in (
            ("open", self.tr("Open")), ("won", self.tr("Won")), ("lost", self.tr("Lost")),
            (None, self.tr("All statuses")),
        ):  # fmt: skip
            self.status.addItem(label, value)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, widget in (
            (self.tr("Owner:"), self.owner), (self.tr("Closing:"), self.period),
            (self.tr("Amount:"), self.amount_min), ("–", self.amount_max),
            (self.tr("Tag:"), self.tag), (self.tr("Status:"), self.status),
        ):  # fmt: skip
            layout.addWidget(QLabel(label, self))
            layout.addWidget(widget)
        layout.addStretch(1)
        for combo in (self.owner, self.period, self.tag, self.status):
            combo.currentIndexChanged.connect(self._emit)

    def set_choices(self, owners: list[tuple[str, str]], tags: list[tuple[str, str]]) -> None:
        """``(id, name)`` pairs of users and tags; keeps the current choice where it can."""
        for combo, items, everyone in (
            (self.owner, owners, self.tr("Everyone")),
            (self.tag, tags, self.tr("Any tag")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for item_id, name in items:
                combo.addItem(name, item_id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _amount(self, edit: QLineEdit) -> Decimal | None:
        if not edit.text().strip():
            edit.setStyleSheet("")
            return None
        try:
            value = parse_amount(edit.text())
        except CrmError:
            edit.setStyleSheet("border: 1px solid #c62828;")
            edit.setToolTip(self.tr("Not an amount; ignored."))
            return None
        edit.setStyleSheet("")
        edit.setToolTip("")
        return value

    def current(self) -> BoardFilter:
        start, end = period_range(str(self.period.currentData()), self._today)
        return BoardFilter(
            owner_id=self.owner.currentData(),
            close_from=start,
            close_to=end,
            amount_min=self._amount(self.amount_min),
            amount_max=self._amount(self.amount_max),
            tag_id=self.tag.currentData(),
            status=self.status.currentData(),
        )

    def _emit(self) -> None:
        self.changed.emit(self.current())
