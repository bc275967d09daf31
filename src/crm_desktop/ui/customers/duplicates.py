"""Possible duplicates: the warning strip of the editor and the "find duplicates" dialog."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from crm_desktop.db.models import Customer
from crm_desktop.domain.errors import CrmError
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.duplicates import Candidate, DuplicateGroup, duplicate_groups
from crm_desktop.ui.customers.merge import MergeDialog
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.text import error_text, local_datetime

SHOWN_CANDIDATES = 3
STRIP_STYLE = (
    "#duplicateStrip { background: #fff8e1; border: 1px solid #f0c36d; border-radius: 4px; }"
)
ID_ROLE = Qt.ItemDataRole.UserRole


class DuplicateStrip(QFrame):
    """A non-blocking note listing customers that look like the one being typed."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateStrip")
        self.setStyleSheet(STRIP_STYLE)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self._layout.setSpacing(2)
        self.title = QLabel(self.tr("<b>This customer may already exist:</b>"), self)
        self._layout.addWidget(self.title)
        self._rows: list[QWidget] = []
        self.candidates: list[Candidate] = []
        self.setVisible(False)

    def reason_text(self, candidate: Candidate) -> str:
        who = (
            self.tr("{name} ({company})").format(name=candidate.name, company=candidate.company)
            if candidate.company
            else candidate.name
        )
        if candidate.reason == "phone":
            return self.tr("Same phone number as {customer}").format(customer=who)
        if candidate.reason == "email":
            return self.tr("Same e-mail address as {customer}").format(customer=who)
        return self.tr("Same name and company as {customer}").format(customer=who)

    def show_candidates(self, candidates: Sequence[Candidate]) -> None:
        for row in self._rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self._rows.clear()
        self.candidates = list(candidates)
        for candidate in self.candidates[:SHOWN_CANDIDATES]:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(self.reason_text(candidate), row)
            label.setTextFormat(Qt.TextFormat.PlainText)
            button = QPushButton(self.tr("Open this customer"), row)
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _checked=False, cid=candidate.customer_id: self.open_requested.emit(cid)
            )
            line.addWidget(label, 1)
            line.addWidget(button)
            self._layout.addWidget(row)
            self._rows.append(row)
        extra = len(self.candidates) - SHOWN_CANDIDATES
        if extra > 0:
            more = QLabel(self.tr("…and %n more.", "", extra), self)
            self._layout.addWidget(more)
            self._rows.append(more)
        self.setVisible(bool(self.candidates))


@dataclass(frozen=True)
class Member:
    """What the duplicates list shows of one customer."""

    customer_id: str
    name: str
    company: str | None
    phone: str | None
    email: str | None
    created_at: datetime


def find_groups(ctx: ServiceContext) -> tuple[list[DuplicateGroup], dict[str, Member]]:
    """Duplicate groups over the whole file and the customers in them (runs off the GUI)."""
    with ctx.db.session() as session:
        groups = duplicate_groups(session)
        ids = sorted({i for g in groups for i in g.customer_ids})
        members: dict[str, Member] = {}
        for start in range(0, len(ids), 500):
            for row in session.execute(
                select(
                    Customer.id,
                    Customer.name,
                    Customer.company,
                    Customer.phone,
                    Customer.email,
                    Customer.created_at,
                ).where(Customer.id.in_(ids[start : start + 500]))
            ):
                members[row.id] = Member(*row)
    return groups, members


class DuplicatesDialog(QDialog):
    """Groups of customers sharing a phone, e-mail or name and company; merge a group.

    ``merged(survivor_id)`` is emitted after each merge, so the customer list can reload.
    """

    merged = Signal(str)
    loaded = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Find duplicates"))
        self.resize(860, 520)
        self.status = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [self.tr("Name"), self.tr("Company"), self.tr("Phone"), self.tr("E-mail"),
             self.tr("Created")]
        )  # fmt: skip
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 240)
        self.tree.header().resizeSection(1, 200)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.merge_selected())
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        self.merge_button.clicked.connect(self.merge_selected)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.merge_dialog: MergeDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Look for duplicates again, in the background."""
        self.status.setText(self.tr("Looking for duplicates…"))
        self.merge_button.setEnabled(False)
        self.refresh_button.setEnabled(False)
        ctx = self._ctx

        def work(_progress: Progress) -> tuple[list[DuplicateGroup], dict[str, Member]]:
            return find_groups(ctx)

        run_task(work, self._show, self._failed)

    def _reason(self, group: DuplicateGroup) -> str:
        if group.reason == "phone":
            text = self.tr("Same phone number ({count} records)")
        elif group.reason == "email":
            text = self.tr("Same e-mail address ({count} records)")
        else:
            text = self.tr("Same name and company ({count} records)")
        return text.format(count=len(group.customer_ids))

    def _show(self, result: tuple[list[DuplicateGroup], dict[str, Member]]) -> None:
        groups, members = result
        self.tree.clear()
        for group in groups:
            top = QTreeWidgetItem(self.tree, [self._reason(group)])
            top.setFirstColumnSpanned(True)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setData(0, ID_ROLE, list(group.customer_ids))
            for customer_id in group.customer_ids:
                member = members.get(customer_id)
                if member is None:
                    continue
                child = QTreeWidgetItem(
                    top,
                    [member.name, member.company or "", member.phone or "", member.email or "",
                     local_datetime(member.created_at)],
                )  # fmt: skip
                child.setData(0, ID_ROLE, [customer_id])
        self.tree.expandAll()
        self.refresh_button.setEnabled(True)
        if groups:
            self.status.setText(
                self.tr(
                    "Groups of possible duplicates: {count}. Select a group and merge it."
                ).format(count=len(groups))
            )
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first)
        else:
            self.status.setText(self.tr("No duplicates found."))
        self._selection_changed()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(
            error_text(error) if isinstance(error, CrmError) else self.tr("The search failed.")
        )

    def selected_group(self) -> list[str]:
        item = self.tree.currentItem()
        if item is None:
            return []
        top = item.parent() or item
        return [str(i) for i in top.data(0, ID_ROLE) or []]

    def _selection_changed(self) -> None:
        self.merge_button.setEnabled(len(self.selected_group()) > 1)

    def merge_selected(self) -> MergeDialog | None:
        ids = self.selected_group()
        if len(ids) < 2:
            return None
        dialog = MergeDialog(self._ctx, ids, self)
        dialog.merged.connect(self._after_merge)
        dialog.finished.connect(dialog.deleteLater)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def _after_merge(self, survivor_id: str) -> None:
        self.merged.emit(survivor_id)
        self.refresh()
