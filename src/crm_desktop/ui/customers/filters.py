"""The filter panel: combinable field filters that narrow the customer list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import LifecycleStatus, Source, Tier
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.ui.i18n import name_collator
from crm_desktop.ui.text import enum_label
from crm_desktop.ui.widgets.multi_select import MultiSelectButton

NO_DATE = QDate(1900, 1, 1)  # the date edits' "any" value
MAX_DAYS = 3650
LISTS = ("regions", "cities", "industries", "tiers", "statuses", "sources", "tag_ids", "owner_ids")


def _to_qdate(value: date | None) -> QDate:
    return NO_DATE if value is None else QDate(value.year, value.month, value.day)


def _from_qdate(value: QDate) -> date | None:
    return None if value <= NO_DATE else date(value.year(), value.month(), value.day())


class FilterPanel(QWidget):
    """``changed`` is emitted whenever the user changes a filter (not by ``set_filter``)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setText(self.tr("Filters"))
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.set_expanded)
        self.body = QWidget(self)
        form = QFormLayout(self.body)
        form.setContentsMargins(4, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # long labels (some translations) put their field on the next line instead of
        # pushing it out of the panel
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.lists: dict[str, MultiSelectButton] = {}
        labels = {
            "regions": self.tr("Region"),
            "cities": self.tr("City"),
            "industries": self.tr("Industry"),
            "tiers": self.tr("Tier"),
            "statuses": self.tr("Status"),
            "sources": self.tr("Source"),
            "tag_ids": self.tr("Tag"),
            "owner_ids": self.tr("Owner"),
        }
        for name in LISTS:
            button = MultiSelectButton(self.body)
            button.setObjectName(f"filter_{name}")
            button.changed.connect(self.changed)
            self.lists[name] = button
            form.addRow(labels[name], button)
        self.lists["tiers"].set_choices([(t.value, enum_label(t.value)) for t in Tier])
        self.lists["statuses"].set_choices(
            [(s.value, enum_label(s.value)) for s in LifecycleStatus]
        )
        self.lists["sources"].set_choices([(s.value, enum_label(s.value)) for s in Source])

        self.no_contact_days = QSpinBox(self.body)
        self.no_contact_days.setRange(0, MAX_DAYS)
        self.no_contact_days.setSpecialValueText(self.tr("Any"))
        self.no_contact_days.setSuffix(self.tr(" days"))
        self.no_contact_days.valueChanged.connect(self.changed)
        form.addRow(self.tr("No contact for"), self.no_contact_days)
        self.open_opportunity = QComboBox(self.body)
        for label, value in (
            (self.tr("Any"), None),
            (self.tr("Yes"), True),
            (self.tr("No"), False),
        ):
            self.open_opportunity.addItem(label, value)
        self.open_opportunity.currentIndexChanged.connect(self.changed)
        form.addRow(self.tr("Open opportunity"), self.open_opportunity)
        self.created_from = self._date_edit()
        self.created_to = self._date_edit()
        form.addRow(self.tr("Created from"), self.created_from)
        form.addRow(self.tr("Created to"), self.created_to)
        self.clear_button = QPushButton(self.tr("Clear filters"), self.body)
        self.clear_button.clicked.connect(self.clear)
        form.addRow(self.clear_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self.body)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(self.changed)
        return edit

    def set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)

    # --- choices and values ----------------------------------------------------------------

    def set_choices(self, name: str, choices: Sequence[tuple[str, str]]) -> None:
        """Names (regions, cities, owners, tags…) in the language's order: pinyin for zh_CN."""
        key = name_collator().sortKey
        self.lists[name].set_choices(sorted(choices, key=lambda choice: key(choice[1])))

    def apply_to(self, flt: CustomerFilter) -> CustomerFilter:
        """``flt`` with this panel's filters (its text and trash flag are kept)."""
        opportunity = self.open_opportunity.currentData()
        days = self.no_contact_days.value()
        values: dict[str, Any] = {name: button.selected() for name, button in self.lists.items()}
        values.update(
            no_contact_days=days or None,
            has_open_opportunity=opportunity if isinstance(opportunity, bool) else None,
            created_from=_from_qdate(self.created_from.date()),
            created_to=_from_qdate(self.created_to.date()),
        )
        return replace(flt, **values)

    def set_filter(self, flt: CustomerFilter) -> None:
        """Show ``flt``'s field filters without emitting ``changed``."""
        self.blockSignals(True)
        try:
            for name, button in self.lists.items():
                button.set_selected(getattr(flt, name))
            self.no_contact_days.setValue(flt.no_contact_days or 0)
            choice = {None: 0, True: 1, False: 2}[flt.has_open_opportunity]
            self.open_opportunity.setCurrentIndex(choice)
            self.created_from.setDate(_to_qdate(flt.created_from))
            self.created_to.setDate(_to_qdate(flt.created_to))
        finally:
            self.blockSignals(False)

    def clear(self) -> None:
        self.set_filter(CustomerFilter())
        self.changed.emit()
