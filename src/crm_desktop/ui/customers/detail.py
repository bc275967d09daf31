"""The detail panel beside the list: every field, contacts, custom fields, tags and a timeline.

The content is read by a worker (``services.customer_details``) and rendered as rich text;
every value from the database is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from crm_desktop.db.engine import Database
from crm_desktop.services.customer_details import CustomerDetails, TimelineEntry, customer_details
from crm_desktop.services.customer_list import COLUMNS
from crm_desktop.ui.customers.cells import COLUMN_CONTEXT, display
from crm_desktop.ui.customers.deals import DealList, money_text
from crm_desktop.ui.tasks import Progress, own_pool, run_task
from crm_desktop.ui.text import enum_label, local_datetime

FIELDS = (
    "company", "kind", "phone", "email", "address", "region", "city", "industry", "source",
    "tier", "status", "owner", "birthday", "gender", "last_contact_at", "next_followup_at",
    "created_at", "updated_at",
)  # fmt: skip
_FIELD_ATTRIBUTES = {"owner": "owner_id"}
STYLE = """
<style>
h2 { margin: 0 0 2px 0; }
h3 { margin: 12px 0 4px 0; }
td.k { color: #666; padding-right: 10px; white-space: nowrap; }
td.when { color: #666; padding-right: 8px; white-space: nowrap; }
.muted { color: #888; }
</style>
"""


def _label(key: str) -> str:
    column = COLUMNS.get(key)
    return QCoreApplication.translate(COLUMN_CONTEXT, column.label) if column else key


def _value_text(value: Any) -> str:
    if value is None or value in ("", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, datetime):
        return local_datetime(value)
    if isinstance(value, date):
        return display("date", value)
    return enum_label(value) if isinstance(value, str) else str(value)


def _grouped(entries: list[TimelineEntry]) -> list[list[TimelineEntry]]:
    """Field changes made together (same time, same user) become one timeline line."""
    groups: list[list[TimelineEntry]] = []
    for entry in entries:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and entry.kind == last.kind == "change"
            and (entry.when, entry.user_name) == (last.when, last.user_name)
        ):
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return groups


# Translated texts are passed in, never written inside an f-string: lupdate does not see tr()
# calls within f-strings.
def _muted(text: str) -> str:
    return f"<p class='muted'>{escape(text)}</p>"


def _para(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


class DetailPanel(QWidget):
    """``loaded`` is emitted once the shown customer's content is on screen. Below the
    details, ``deals`` lists the customer's opportunities; its ``new_requested`` and
    ``open_requested`` signals are answered by the main window."""

    loaded = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._generation = 0
        self.customer_id: str | None = None
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.deals = DealList(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("customerDetailSplitter")
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(self.deals)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 180])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._show_empty()

    def show_customer(self, customer_id: str | None) -> None:
        """Load and show ``customer_id`` (None: nothing selected)."""
        self._generation += 1
        self.customer_id = customer_id
        if customer_id is None:
            self._show_empty()
            self.loaded.emit()
            return
        db, generation = self._db, self._generation

        def work(_progress: Progress) -> tuple[int, CustomerDetails | None]:
            with db.session() as session:
                return generation, customer_details(session, customer_id)

        # its own thread: a click never waits behind the status bar's counts on a big file
        pool = own_pool("customer detail", 1)
        run_task(work, self._on_loaded, self._on_failed, pool=pool)

    def refresh(self) -> None:
        """Read the shown customer again (after a change made elsewhere, e.g. a new deal)."""
        self.show_customer(self.customer_id)

    def text(self) -> str:
        return self.browser.toPlainText()

    # --- rendering -------------------------------------------------------------------------

    def _show_empty(self) -> None:
        self.deals.show_deals(None, [])
        self.browser.setHtml(_muted(self.tr("Select a customer to see the details.")))

    def _on_failed(self, error: BaseException) -> None:
        del error
        self.browser.setHtml(_para(self.tr("The details could not be loaded.")))
        self.deals.show_deals(None, [])
        self.loaded.emit()

    def _on_loaded(self, result: tuple[int, CustomerDetails | None]) -> None:
        generation, details = result
        if generation != self._generation:
            return
        if details is None:
            self.browser.setHtml(_para(self.tr("This customer no longer exists.")))
            self.deals.show_deals(None, [])
        else:
            self.browser.setHtml(STYLE + self._render(details))
            in_trash = details.customer.deleted_at is not None
            self.deals.show_deals(details.customer.id, details.deals, can_add=not in_trash)
        self.loaded.emit()

    def _render(self, details: CustomerDetails) -> str:
        c = details.customer
        parts = [f"<h2>{escape(c.name)}</h2>"]
        if c.deleted_at is not None:
            note = self.tr("In the trash since {when}").format(when=local_datetime(c.deleted_at))
            parts.append(f"<p class='muted'>{escape(note)}</p>")
        if details.tags:
            parts.append(f"<p>{escape(', '.join(details.tags))}</p>")
        rows = []
        for key in FIELDS:
            raw = (
                details.owner_name
                if key == "owner"
                else getattr(c, _FIELD_ATTRIBUTES.get(key, key))
            )
            rows.append((_label(key), _value_text(raw)))
        rows.extend((field.name, field.value or "—") for field in details.custom_fields)
        parts.append(self._table(rows))
        if c.notes:
            parts.append(f"<h3>{escape(_label('notes'))}</h3>")
            parts.append(f"<p>{escape(c.notes).replace(chr(10), '<br>')}</p>")
        parts.append(_heading(self.tr("Contacts")))
        if details.contacts:
            contact_rows = []
            for contact in details.contacts:
                name = contact.name + (f" · {contact.title}" if contact.title else "")
                if contact.is_primary:
                    name = self.tr("{name} (primary)").format(name=name)
                reach = " · ".join(
                    v for v in (contact.phone, contact.email, contact.messaging_id) if v
                )
                contact_rows.append((name, reach or "—"))
            parts.append(self._table(contact_rows))
        else:
            parts.append(_muted(self.tr("No contacts.")))
        parts.append(_heading(self.tr("Timeline")))
        parts.append(self._timeline(details.timeline))
        return "".join(parts)

    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> str:
        cells = "".join(
            f"<tr><td class='k'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows
        )
        return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"

    def _timeline(self, entries: list[TimelineEntry]) -> str:
        if not entries:
            return _muted(self.tr("Nothing yet."))
        rows = []
        for group in _grouped(entries):
            entry = group[0]
            text = self._group_text(group)
            who = entry.user_name or self.tr("unknown user")
            rows.append(
                f"<tr><td class='when'>{escape(local_datetime(entry.when))}</td>"
                f"<td>{escape(text)} <span class='muted'>— {escape(who)}</span></td></tr>"
            )
        return f"<table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>"

    def _group_text(self, group: list[TimelineEntry]) -> str:
        if len(group) == 1:
            return self._entry_text(group[0])
        if any(e.status == "name" and e.old_value is None for e in group):
            return self.tr("Created")
        return "; ".join(self._change_text(e) for e in group)

    def _entry_text(self, entry: TimelineEntry) -> str:
        describe: dict[str, Callable[[TimelineEntry], str]] = {
            "followup": self._followup_text,
            "opportunity": self._opportunity_text,
        }
        return describe.get(entry.kind, self._change_text)(entry)

    def _followup_text(self, entry: TimelineEntry) -> str:
        return self.tr("{channel}: {subject} ({status})").format(
            channel=enum_label(entry.channel), subject=entry.title, status=enum_label(entry.status)
        )

    def _opportunity_text(self, entry: TimelineEntry) -> str:
        amount = money_text(entry.amount) if entry.amount is not None else ""
        return self.tr("Opportunity: {title} — {stage}, {amount}").format(
            title=entry.title, stage=entry.status or "", amount=amount
        )

    def _change_text(self, entry: TimelineEntry) -> str:
        field = entry.status or ""
        if field == "deleted_at":
            if entry.new_value is None:
                return self.tr("Restored from the trash")
            return self.tr("Moved to the trash")
        if field == "name" and entry.old_value is None:
            return self.tr("Created")
        label = entry.title if field.startswith("custom:") else _label(field)
        if field == "tags":
            label = _label("tags")
        return self.tr("{field}: {old} → {new}").format(
            field=label, old=_value_text(entry.old_value), new=_value_text(entry.new_value)
        )
