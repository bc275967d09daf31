"""Merging two or more customers: choose the survivor and, field by field, the value to keep."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import Contact, Customer, FollowUp, Opportunity, User
from crm_desktop.domain.errors import CrmError
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.duplicates import MERGEABLE_FIELDS, merge_customers
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.text import calendar_date, enum_label, error_text
from crm_desktop.ui.widgets.form import ErrorLabel

ENUM_FIELDS = ("kind", "source", "tier", "status", "gender")
CHILDREN: dict[str, type[Contact] | type[FollowUp] | type[Opportunity]] = {
    "contacts": Contact,
    "followups": FollowUp,
    "opportunities": Opportunity,
}
SHORT_TEXT = 60


@dataclass
class MergeRecord:
    """One customer to merge: its field values and how many children it has."""

    customer_id: str
    values: dict[str, Any]
    counts: dict[str, int]


def load_records(ctx: ServiceContext, customer_ids: Sequence[str]) -> list[MergeRecord]:
    """The customers in the given order, with live contact/follow-up/opportunity counts."""
    records = []
    with ctx.db.session() as session:
        for customer_id in customer_ids:
            customer = session.get(Customer, customer_id)
            if customer is None or customer.deleted_at is not None:
                continue
            values = {name: getattr(customer, name) for name in MERGEABLE_FIELDS}
            counts = {key: _count(session, model, customer_id) for key, model in CHILDREN.items()}
            records.append(MergeRecord(customer_id, values, counts))
        owners = {r.values["owner_id"] for r in records if r.values["owner_id"]}
        names: dict[str, str] = {
            row.id: row.display_name
            for row in session.execute(
                select(User.id, User.display_name).where(User.id.in_(owners))
            )
        }
    for record in records:
        owner = record.values["owner_id"]
        record.values["owner_name"] = names.get(owner, owner) if owner else None
    return records


def _count(
    session: Session, model: type[Contact] | type[FollowUp] | type[Opportunity], customer_id: str
) -> int:
    query = (
        select(func.count())
        .select_from(model)
        .where(model.customer_id == customer_id, model.deleted_at.is_(None))
    )
    return int(session.scalar(query) or 0)


class MergeDialog(QDialog):
    """``merged(survivor_id)`` is emitted once the merge is saved."""

    merged = Signal(str)

    def __init__(
        self, ctx: ServiceContext, customer_ids: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.records = load_records(ctx, customer_ids)
        self.setWindowTitle(self.tr("Merge customers"))
        rows = len(self.differing_fields()) + len(CHILDREN)
        self.resize(min(1100, 320 + 260 * len(self.records)), min(720, 200 + 26 * rows))
        self.survivor = QButtonGroup(self)
        self.field_groups: dict[str, QButtonGroup] = {}
        self._touched: set[str] = set()
        self.total_labels: dict[str, QLabel] = {}
        self.error = ErrorLabel(self)
        self.confirmation: QMessageBox | None = None

        intro = QLabel(
            self.tr(
                "Choose the record to keep and, for each field that differs, the value it keeps. "
                "Every contact, follow-up and opportunity moves to the kept record, tags are "
                "combined, and the other records go to the trash."
            ),
            self,
        )
        intro.setWordWrap(True)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._grid())
        self.merge_button = QPushButton(self.tr("&Merge"), self)
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self.confirm)
        self.merge_button.setEnabled(len(self.records) > 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if len(self.records) < 2:
            self.error.show_message(self.tr("Fewer than two of these customers still exist."))
        self._apply_defaults()

    # --- layout ----------------------------------------------------------------------------

    def field_label(self, name: str) -> str:
        labels = {
            "kind": self.tr("Kind"), "name": self.tr("Name"), "company": self.tr("Company"),
            "phone": self.tr("Phone"), "email": self.tr("E-mail"), "address": self.tr("Address"),
            "region": self.tr("Region"), "city": self.tr("City"), "industry": self.tr("Industry"),
            "source": self.tr("Source"), "tier": self.tr("Tier"), "status": self.tr("Status"),
            "owner_id": self.tr("Owner"), "birthday": self.tr("Birthday"),
            "gender": self.tr("Gender"), "notes": self.tr("Notes"),
        }  # fmt: skip
        return labels.get(name, name)

    def display(self, name: str, record: MergeRecord) -> str:
        value = record.values.get(name)
        if name == "owner_id":
            value = record.values.get("owner_name")
        if value is None or value == "":
            return self.tr("(empty)")
        if name in ENUM_FIELDS:
            return enum_label(str(value))
        if isinstance(value, date):
            return calendar_date(value)
        text = " ".join(str(value).split())
        return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1] + "…"

    def differing_fields(self) -> list[str]:
        return [
            name
            for name in MERGEABLE_FIELDS
            if len({_comparable(r.values.get(name)) for r in self.records}) > 1
        ]

    def _grid(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        middle = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        for column, record in enumerate(self.records, 1):
            title = QLabel(self._title(record), page)
            title.setWordWrap(True)
            grid.addWidget(title, 0, column, top)
            keep = QRadioButton(self.tr("Keep this record"), page)
            self.survivor.addButton(keep, column - 1)
            grid.addWidget(keep, 1, column, top)
        self.survivor.idClicked.connect(lambda _id: self._apply_defaults())
        if self.records:
            self.survivor.button(0).setChecked(True)
        after = QLabel(self.tr("<b>After the merge</b>"), page)
        grid.addWidget(after, 0, len(self.records) + 1, top)
        row = 2
        grid.addWidget(_rule(page), row, 0, 1, len(self.records) + 2)
        row += 1
        for name in self.differing_fields():
            caption = QLabel(self.tr("{field}:").format(field=self.field_label(name)), page)
            grid.addWidget(caption, row, 0, middle)
            group = QButtonGroup(self)
            for column, record in enumerate(self.records, 1):
                choice = QRadioButton(self.display(name, record), page)
                full = record.values.get(name)
                if isinstance(full, str) and len(full) > SHORT_TEXT:
                    choice.setToolTip(full[:2000])
                group.addButton(choice, column - 1)
                grid.addWidget(choice, row, column, middle)
            group.idClicked.connect(lambda _id, field=name: self._touched.add(field))
            self.field_groups[name] = group
            row += 1
        if not self.field_groups:
            same = QLabel(self.tr("All fields have the same values in every record."), page)
            grid.addWidget(same, row, 0, 1, len(self.records) + 2)
            row += 1
        grid.addWidget(_rule(page), row, 0, 1, len(self.records) + 2)
        row += 1
        for key, label in (
            ("contacts", self.tr("Contacts:")),
            ("followups", self.tr("Follow-ups:")),
            ("opportunities", self.tr("Opportunities:")),
        ):
            grid.addWidget(QLabel(label, page), row, 0, middle)
            for column, record in enumerate(self.records, 1):
                grid.addWidget(QLabel(str(record.counts[key]), page), row, column, middle)
            total = QLabel(f"<b>{sum(r.counts[key] for r in self.records)}</b>", page)
            self.total_labels[key] = total
            grid.addWidget(total, row, len(self.records) + 1, middle)
            row += 1
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(len(self.records) + 2, 1)
        return page

    def _title(self, record: MergeRecord) -> str:
        name = _escape(str(record.values.get("name") or ""))
        company = record.values.get("company")
        if company:
            return self.tr("<b>{name}</b><br>{company}").format(
                name=name, company=_escape(str(company))
            )
        return f"<b>{name}</b>"

    # --- choices ---------------------------------------------------------------------------

    def survivor_id(self) -> str:
        return self.records[max(0, self.survivor.checkedId())].customer_id

    def _apply_defaults(self) -> None:
        """Each untouched field takes the survivor's value, or the first one that is set."""
        if not self.records:
            return
        keep = max(0, self.survivor.checkedId())
        order = [keep, *(i for i in range(len(self.records)) if i != keep)]
        for name, group in self.field_groups.items():
            if name in self._touched:
                continue
            chosen = next(
                (i for i in order if _comparable(self.records[i].values.get(name)) != ""), keep
            )
            group.button(chosen).setChecked(True)

    def choose(self, field: str, customer_id: str) -> None:
        """Keep ``customer_id``'s value of ``field`` (as clicking its radio button does)."""
        index = [r.customer_id for r in self.records].index(customer_id)
        self.field_groups[field].button(index).setChecked(True)
        self._touched.add(field)

    def set_survivor(self, customer_id: str) -> None:
        index = [r.customer_id for r in self.records].index(customer_id)
        self.survivor.button(index).setChecked(True)
        self._apply_defaults()

    def choices(self) -> dict[str, str]:
        return {
            name: self.records[group.checkedId()].customer_id
            for name, group in self.field_groups.items()
            if group.checkedId() >= 0
        }

    # --- merging ---------------------------------------------------------------------------

    def confirm(self) -> None:
        """Ask once more, since a merge cannot be undone in one step."""
        survivor = self.records[max(0, self.survivor.checkedId())]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Merge customers"),
            self._question(survivor),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(
            self.tr("The other records go to the trash; their history stays with the survivor.")
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.buttonClicked.connect(
            lambda button: (
                self.merge()
                if box.standardButton(button) == QMessageBox.StandardButton.Yes
                else None
            )
        )
        box.finished.connect(box.deleteLater)
        self.confirmation = box
        box.open()

    def _question(self, survivor: MergeRecord) -> str:
        others = [r for r in self.records if r is not survivor]
        if len(others) == 1:
            return self.tr("Merge “{other}” into “{name}”?").format(
                other=others[0].values.get("name"), name=survivor.values.get("name")
            )
        return self.tr("Merge {count} other records into “{name}”?").format(
            count=len(others), name=survivor.values.get("name")
        )

    def merge(self) -> None:
        survivor = self.survivor_id()
        others = [r.customer_id for r in self.records if r.customer_id != survivor]
        choices, ctx = self.choices(), self._ctx
        self.merge_button.setEnabled(False)
        self.error.clear_message()

        def work(_progress: Progress) -> str:
            merge_customers(ctx, survivor, others, choices)
            return survivor

        run_task(work, self._done, self._failed)

    def _done(self, survivor_id: str) -> None:
        self.merged.emit(survivor_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.merge_button.setEnabled(True)
        if isinstance(error, CrmError):
            self.error.show_message(error_text(error))
        else:
            self.error.show_message(self.tr("The merge failed; nothing was changed."))


def _comparable(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split()).casefold()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _rule(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
