"""The view buttons (Today, Overdue, … with counts) and the filter bar above the list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from crm_desktop.db.engine import Database
from crm_desktop.domain.enums import Channel
from crm_desktop.services import followup_choices as choices
from crm_desktop.services.followup_views import VIEW_LABELS, FollowUpFilter, View
from crm_desktop.ui.followups.picker import CustomerPicker
from crm_desktop.ui.text import enum_label


def _label(view: View) -> str:
    return QCoreApplication.translate("FollowUpViews", VIEW_LABELS[view])


class ViewBar(QWidget):
    view_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[View, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for number, view in enumerate(View):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setObjectName(f"view_{view.value}")
            button.setText(_label(view))
            self.group.addButton(button, number)
            self.buttons[view] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.buttons[View.TODAY].setChecked(True)
        self.group.idClicked.connect(lambda number: self.view_changed.emit(list(View)[number]))

    @property
    def view(self) -> View:
        return list(View)[max(self.group.checkedId(), 0)]

    def set_view(self, view: View) -> None:
        self.buttons[view].setChecked(True)

    def set_counts(self, counts: dict[View, int], *, others: bool = False) -> None:
        """Show the counts given; the other views keep theirs, or lose them (``others``)."""
        for view, button in self.buttons.items():
            if view in counts:
                button.setText(
                    self.tr("{view} ({count})").format(view=_label(view), count=counts[view])
                )
            elif others:
                button.setText(_label(view))


class FilterBar(QWidget):
    """Owner, channel, customer, opportunity and period; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, db: Database, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.owner = QComboBox(self)
        self.owner.addItem(self.tr("All owners"), None)
        with db.session() as session:
            for user in choices.owners(session):
                self.owner.addItem(user.label, user.id)
        self.channel = QComboBox(self)
        self.channel.addItem(self.tr("All channels"), None)
        for channel in Channel:
            self.channel.addItem(enum_label(channel.value), channel.value)
        self.customer = CustomerPicker(db, self)
        self.customer.setPlaceholderText(self.tr("Any customer"))
        self.customer.setMinimumWidth(180)
        self.opportunity = QComboBox(self)
        self.period = QCheckBox(self.tr("Period"), self)
        first = QDate(today.year, today.month, 1)
        self.period_from = QDateEdit(first, self)
        self.period_to = QDateEdit(first.addMonths(1).addDays(-1), self)
        for edit in (self.period_from, self.period_to):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            edit.dateChanged.connect(self.changed)
        self.period.toggled.connect(self.period_from.setEnabled)
        self.period.toggled.connect(self.period_to.setEnabled)
        self.period.toggled.connect(self.changed)
        self._fill_opportunities("")
        self.customer.customer_changed.connect(self._customer_changed)
        for combo in (self.owner, self.channel, self.opportunity):
            combo.currentIndexChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.owner, self.channel, self.customer, self.opportunity, self.period):
            layout.addWidget(widget)
        layout.addWidget(self.period_from)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.period_to)
        layout.addStretch(1)

    def _customer_changed(self, customer_id: str) -> None:
        self._fill_opportunities(customer_id)
        self.changed.emit()

    def _fill_opportunities(self, customer_id: str) -> None:
        self.opportunity.blockSignals(True)
        self.opportunity.clear()
        self.opportunity.addItem(self.tr("All opportunities"), None)
        if customer_id:
            with self._db.session() as session:
                for item in choices.opportunities_of(session, customer_id):
                    self.opportunity.addItem(item.label, item.id)
        self.opportunity.setEnabled(self.opportunity.count() > 1)
        self.opportunity.blockSignals(False)

    def filter(self, view: View) -> FollowUpFilter:
        owner = self.owner.currentData()
        channel = self.channel.currentData()
        period_from: date | None = None
        period_to: date | None = None
        if self.period.isChecked():
            period_from = self.period_from.date().toPython()  # type: ignore[assignment]
            period_to = self.period_to.date().toPython()  # type: ignore[assignment]
        return FollowUpFilter(
            view=view,
            owner_ids=(owner,) if owner else (),
            channels=(channel,) if channel else (),
            customer_id=self.customer.customer_id,
            opportunity_id=self.opportunity.currentData(),
            period_from=period_from,
            period_to=period_to,
        )
