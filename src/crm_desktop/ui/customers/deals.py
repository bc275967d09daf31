"""The customer's opportunities under the detail panel: a short list and "New opportunity…".

The list only shows and asks: ``new_requested(customer id)`` and ``open_requested(deal id)``
are answered by the main window, which owns the opportunity editor (``ui/opportunities``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.money import Money, minor_digits
from crm_desktop.services.customer_details import Deal
from crm_desktop.ui.text import calendar_date, deal_status_label

if TYPE_CHECKING:
    from crm_desktop.ui.opportunities.deps import OpportunityServices
    from crm_desktop.ui.opportunities.editor import OpportunityEditor

ID_ROLE = Qt.ItemDataRole.UserRole
TITLE, STAGE, AMOUNT, CLOSE = range(4)
STAGE_WIDTH = 90  # stage names are elided; the title takes what the other columns leave
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def money_text(value: Money) -> str:
    """An exact amount grouped the locale's way, with its currency code: ``1,234.50 CNY``."""
    locale = QLocale()
    digits = minor_digits(value.currency)
    amount = value.amount.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    text = locale.toString(int(whole)) + (locale.decimalPoint() + fraction if digits else "")
    sign = locale.negativeSign() if amount < 0 else ""
    return f"{sign}{text} {value.currency}"


class DealList(QWidget):
    """The opportunities of the customer shown in the detail panel."""

    new_requested = Signal(str)  # customer id
    open_requested = Signal(str)  # opportunity id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer_id: str | None = None
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: 600;")
        self.new_button = QPushButton(self.tr("New opportunity…"), self)
        self.new_button.setObjectName("newOpportunity")
        self.new_button.setEnabled(False)
        self.new_button.clicked.connect(self._ask_new)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setHeaderLabels(
            [self.tr("Title"), self.tr("Stage"), self.tr("Amount"), self.tr("Expected close")]
        )
        self.tree.headerItem().setTextAlignment(AMOUNT, _RIGHT)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STAGE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(STAGE, STAGE_WIDTH)
        for column in (AMOUNT, CLOSE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._ask_open)
        self.tree.setToolTip(self.tr("Double-click an opportunity to open it."))
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 0)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.tree)
        self.show_deals(None, [])

    def show_deals(
        self, customer_id: str | None, deals: list[Deal], *, can_add: bool = True
    ) -> None:
        """List ``deals`` of ``customer_id`` (None: no customer shown)."""
        self.customer_id = customer_id
        self.new_button.setEnabled(customer_id is not None and can_add)
        self.tree.clear()
        if deals:
            self.title.setText(self.tr("Opportunities ({count})").format(count=len(deals)))
        else:
            self.title.setText(self.tr("Opportunities"))
        items = []
        for deal in deals:
            stage = deal.stage
            if deal.status != "open":
                stage = self.tr("{stage} ({status})").format(
                    stage=stage, status=deal_status_label(deal.status)
                )
            item = QTreeWidgetItem(
                [deal.title, stage, money_text(deal.amount), calendar_date(deal.expected_close)]
            )
            item.setData(TITLE, ID_ROLE, deal.id)
            item.setTextAlignment(AMOUNT, _RIGHT)
            item.setToolTip(TITLE, deal.title)
            items.append(item)
        self.tree.addTopLevelItems(items)

    def deal_ids(self) -> list[str]:
        items = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        return [str(item.data(TITLE, ID_ROLE)) for item in items if item is not None]

    def _ask_new(self) -> None:
        if self.customer_id is not None:
            self.new_requested.emit(self.customer_id)

    def _ask_open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        deal_id = item.data(TITLE, ID_ROLE)
        if deal_id:
            self.open_requested.emit(str(deal_id))


def open_deal_editor(
    services: OpportunityServices,
    parent: QWidget,
    opportunity_id: str | None = None,
    customer_id: str | None = None,
) -> OpportunityEditor:
    """The opportunity editor (window-modal) on a deal, or on a new one for ``customer_id``."""
    from crm_desktop.ui.opportunities.editor import OpportunityEditor  # loaded when first used

    editor = OpportunityEditor(services, opportunity_id, customer_id, parent)
    editor.finished.connect(editor.deleteLater)
    editor.open()
    return editor
