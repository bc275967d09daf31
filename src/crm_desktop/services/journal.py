"""The change journal: one row per changed field, written in the same transaction as the change.

It is the audit history shown in the detail panel and the outbox that sync pushes. Values are
stored as JSON text so that any field type round-trips (dates and times as ISO text, money as
integer minor units, tag sets as sorted lists).

A record made in bulk (an import: about ten fields for each of 100,000 customers) is journalled
by one *creation row* instead (``CreationJournal``): field ``@created``, old value NULL, new
value a JSON object of the fields it was created with, one stamp. It stands for one change per
field, each with its own stable change id (``created_id``: a UUIDv5 of the row's change id and
the field), old value None and the row's stamp; readers that need field changes (the history,
sync's stamps and outbox) expand it with ``created_changes``. It holds about a tenth of the
bytes, which is most of an import's time.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db.bulk import AscendingIds
from crm_desktop.db.models import ChangeJournal
from crm_desktop.db.types import to_utc_text
from crm_desktop.domain.ids import new_id
from crm_desktop.services.context import ServiceContext
from crm_desktop.sync.clock import Stamp

# The field of a creation row (see the module docstring); never a real field's name.
CREATED = "@created"


def to_json(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        value = to_utc_text(value)
    elif isinstance(value, date):
        value = value.isoformat()
    elif isinstance(value, Decimal):
        value = str(value)
    return json.dumps(value, ensure_ascii=False)


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class Action:
    """One user action: every journal row it writes shares one ``action_id`` and one time."""

    def __init__(self, session: Session, ctx: ServiceContext) -> None:
        self.session = session
        self.ctx = ctx
        self.action_id = new_id()
        self.when = ctx.clock()

    def record(self, entity: str, record_id: str, changes: dict[str, tuple[Any, Any]]) -> None:
        """Journal ``{field: (old, new)}``; fields whose value did not change are skipped."""
        for name, (old, new) in changes.items():
            if old == new:
                continue
            self.session.add(
                ChangeJournal(
                    change_id=new_id(),
                    action_id=self.action_id,
                    entity=entity,
                    record_id=record_id,
                    field=name,
                    old_value=to_json(old),
                    new_value=to_json(new),
                    user_id=self.ctx.user_id,
                    device_id=self.ctx.device_id,
                    hlc=self.ctx.hlc.now(),
                    changed_at=self.when,
                )
            )


JOURNAL_COLUMNS = (
    "change_id", "action_id", "entity", "record_id", "field", "old_value", "new_value",
    "user_id", "device_id", "hlc", "changed_at",
)  # fmt: skip


class BulkJournal:
    """Journal rows of one large action (an import) as tuples, for ``db.bulk.insert_rows``."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.action_id = new_id()
        self.when = to_utc_text(ctx.clock())
        self.rows: list[tuple[Any, ...]] = []
        self.ids = AscendingIds()  # the change ids: appended to their unique index

    def add(self, entity: str, record_id: str, name: str, old: Any, new: Any) -> None:
        self.rows.append(
            (
                self.ids.take(1)[0], self.action_id, entity, record_id, name, to_json(old),
                to_json(new),
                self.ctx.user_id, self.ctx.device_id, self.ctx.hlc.now(), self.when,
            )
        )  # fmt: skip

    def add_created(self, entity: str, record_id: str, values: dict[str, Any]) -> None:
        """The rows of a new record: one per field with a value (old value None), as ``add``
        writes them, made in one go (a bulk import writes about ten per customer)."""
        fields = [(k, v) for k, v in values.items() if v is not None]
        ids = self.ids.take(len(fields))
        now, user, device, action, when = (
            self.ctx.hlc.now,
            self.ctx.user_id,
            self.ctx.device_id,
            self.action_id,
            self.when,
        )
        self.rows += [
            (
                change_id, action, entity, record_id, name, None,
                encode_basestring(value) if type(value) is str else to_json(value),
                user, device, now(), when,
            )
            for change_id, (name, value) in zip(ids, fields, strict=True)
        ]  # fmt: skip

    def flush(self, session: Session) -> None:
        from crm_desktop.db.bulk import insert_rows

        insert_rows(session, "change_journal", JOURNAL_COLUMNS, self.rows)
        self.rows = []


def created_id(change_id: str, name: str) -> str:
    """The change id of field ``name`` of the creation row ``change_id``: the same on every
    device and at every retry, and unlike any other (UUIDv5 in the row's id as namespace)."""
    return str(uuid.uuid5(uuid.UUID(change_id), name))


def created_changes(change_id: str, new_value: str) -> list[tuple[str, str, str]]:
    """``(change id, field, new value as JSON)`` of each field of a creation row, in the order
    they were written; each value as ``to_json`` writes it."""
    values: dict[str, Any] = json.loads(new_value)
    return [
        (created_id(change_id, name), name, json.dumps(value, ensure_ascii=False))
        for name, value in values.items()
    ]


class CreationJournal:
    """Creation rows (see the module docstring) of one large action, as tuples for
    ``db.bulk.insert_rows`` in ``JOURNAL_COLUMNS`` order.

    ``count`` stamps are reserved at once, in one block after the clock's ``now`` (its counter,
    carrying into the next millisecond after 999999), and the clock is moved past the block, so
    ``row`` may run on another thread. Change ids ascend in the order rows are made."""

    def __init__(self, ctx: ServiceContext, entity: str, count: int) -> None:
        self.ctx = ctx
        self.entity = entity
        self.action_id = new_id()
        self.when = to_utc_text(ctx.clock())
        self.ids = AscendingIds()  # appended to the change id's unique index
        first = Stamp.parse(ctx.hlc.now())
        self.device = first.device
        self.next = first.millis * 1_000_000 + first.counter
        self.end = self.next + max(count, 1)
        last = self.end - 1
        ctx.hlc.observe(str(Stamp(last // 1_000_000, last % 1_000_000, first.device)))

    def rows(self, records: list[tuple[str, dict[str, Any]]]) -> list[tuple[Any, ...]]:
        """The creation rows of ``(record id, values)`` pairs: each record made with its values
        (stored form: text, numbers, lists; fields without a value left out)."""
        first = self.next
        if first + len(records) > self.end:
            raise RuntimeError("more creation rows than stamps reserved")
        self.next += len(records)
        device, action, entity = self.device, self.action_id, self.entity
        user, device_id, when, dumps = self.ctx.user_id, self.ctx.device_id, self.when, json.dumps
        return [
            (change_id, action, entity, record_id, CREATED, None,
             dumps(values, ensure_ascii=False), user, device_id,
             f"{number // 1_000_000:015d}.{number % 1_000_000:06d}.{device}", when)
            for change_id, number, (record_id, values) in zip(
                self.ids.take(len(records)), range(first, first + len(records)), records,
                strict=True,
            )
        ]  # fmt: skip


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: datetime
    user_id: str | None
    entity: str
    record_id: str
    field: str
    old_value: Any
    new_value: Any
    action_id: str


def history(session: Session, record_ids: list[str], limit: int = 500) -> list[HistoryEntry]:
    """Newest first: the field changes of the given records (a customer and its children);
    a creation row gives one entry per field, as if each had its own row."""
    rows = session.scalars(
        select(ChangeJournal)
        .where(ChangeJournal.record_id.in_(record_ids))
        .order_by(ChangeJournal.seq.desc())
        .limit(limit)
    )
    entries: list[HistoryEntry] = []
    for r in rows:
        if r.field == CREATED:
            values: dict[str, Any] = json.loads(r.new_value or "{}")
            entries += [
                HistoryEntry(r.changed_at, r.user_id, r.entity, r.record_id, name, None, value,
                             r.action_id)
                for name, value in reversed(values.items())
            ]  # fmt: skip
        else:
            entries.append(
                HistoryEntry(
                    r.changed_at,
                    r.user_id,
                    r.entity,
                    r.record_id,
                    r.field,
                    from_json(r.old_value),
                    from_json(r.new_value),
                    r.action_id,
                )
            )
    return entries[:limit]
