"""First sync: every record the user may see, streamed with COPY and inserted in bulk.

The caller has opened a REPEATABLE READ transaction on the server, so the snapshot and the
cursor it starts from describe one moment. Records this file does not have yet go in through
``executemany`` (one row per record, with its stamps in ``sync_stamps``); records it already
has are merged field by field by stamp, like pulled changes.

The new rows go in as a bulk load: the per-row insert triggers that keep the search index and
the forecast totals are set aside for the transaction (``db.bulk.suspended_triggers_on``) and
their work is done once at the end (``index_new_customers``, ``add_forecast_totals``); last
contact and next follow-up are computed in one statement; phone and e-mail normal forms once
per distinct value.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from crm_desktop.db.bulk import suspended_triggers_on
from crm_desktop.db.types import to_utc_text
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.search_text import FIELD_SEP, RECORD_SEP, customer_document
from crm_desktop.sync.local_apply import (
    COLUMNS,
    DERIVED,
    ENTITY_TABLES,
    PLACEHOLDERS,
    Local,
    stored,
)

BATCH = 20_000
BULK_CACHE_KIB = 256 * 1024  # for the load only; the connection's own size is put back after
# Insert triggers whose work ``apply_snapshot`` does itself, once, for all new rows: the search
# index (migration 0002) and the forecast totals (migration 0009).
BULK_TRIGGERS = ("customer_search_insert", "contact_search_insert", "forecast_totals_insert")
# One kind of record at a time, each kind in id order (ids ascend with time, so
# most rows are appended to their primary-key index).
SNAPSHOT_COPY = """COPY (
    SELECT entity, row_id, data::text, stamps::text FROM crm.rows
    ORDER BY CASE entity WHEN 'user' THEN 0 WHEN 'stage' THEN 1 WHEN 'tag' THEN 2
        WHEN 'custom_field' THEN 3 WHEN 'contact' THEN 4 WHEN 'customer' THEN 5
        WHEN 'opportunity' THEN 6 WHEN 'followup' THEN 7 ELSE 8 END, row_id
) TO STDOUT"""


def stamp_time(hlc: str) -> str:
    return to_utc_text(datetime.fromtimestamp(int(hlc[:15]) / 1000, UTC))


def apply_snapshot(local: Local, conn: Any, observe: Callable[[str], None]) -> int:
    raw = local.raw
    existing: dict[str, set[str]] = {
        entity: {r[0] for r in raw.execute(f"SELECT id FROM {table}")}  # noqa: S608
        for entity, table in ENTITY_TABLES.items()
    }
    # The other indexes of each table take rows all over them: a page cache big enough for
    # the indexes being filled keeps SQLite from spilling pages and reading them back.
    cache = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        return _apply(local, conn, observe, existing)
    finally:
        raw.execute(f"PRAGMA cache_size = {int(cache)}")


def _apply(
    local: Local, conn: Any, observe: Callable[[str], None], existing: dict[str, set[str]]
) -> int:
    raw = local.raw
    first_customer = _next_rowid(raw, "customers")
    first_deal = _next_rowid(raw, "opportunities")
    first_contact = _next_rowid(raw, "contacts")
    pending: dict[str, list[tuple[str, dict[str, Any], dict[str, str], str]]] = defaultdict(list)
    normal = Normalizer(local.region)
    count = 0
    newest = ""
    with suspended_triggers_on(raw, BULK_TRIGGERS):
        with conn.cursor().copy(SNAPSHOT_COPY) as copy:
            for entity, row_id, data_text, stamps_text in copy_text_rows(copy):
                count += 1
                data = json.loads(data_text)
                stamps = json.loads(stamps_text)
                top = max(stamps.values(), default="")
                newest = max(newest, top)
                if entity not in ENTITY_TABLES or row_id in existing[entity]:
                    local.apply_state(entity, row_id, data, stamps)
                    continue
                for other in [e for e in pending if e != entity]:
                    _insert(local, other, pending.pop(other), normal)
                pending[entity].append((row_id, data, stamps, stamps_text))
                if len(pending[entity]) >= BATCH:
                    _insert(local, entity, pending.pop(entity), normal)
        for entity, rows in pending.items():
            _insert(local, entity, rows, normal)
        index_new_customers(raw, first_customer, first_contact)
        add_forecast_totals(raw, first_deal)
    # One pass over the follow-ups (a correlated subquery per customer may be planned on
    # the status index and scan every follow-up for each customer).
    raw.execute(
        "WITH d AS (SELECT customer_id, "
        "max(CASE WHEN status = 'done' THEN occurred_at END) AS last, "
        "min(CASE WHEN status = 'planned' THEN due_at END) AS next "
        "FROM followups WHERE deleted_at IS NULL GROUP BY customer_id) "
        "UPDATE customers SET last_contact_at = d.last, next_followup_at = d.next "
        "FROM d WHERE d.customer_id = customers.id"
    )
    from crm_desktop.sync.client import fix_references

    fix_references(local, conn)
    if newest:
        observe(newest)
    return count


_UNESCAPE = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def copy_text_rows(copy: Any) -> Iterator[list[str]]:
    """The rows of a ``COPY ... TO STDOUT`` in text format, read block by block (psycopg's
    ``rows()`` costs a round of its I/O machinery per row). No field may be NULL."""
    tail = b""
    for block in copy:
        lines = (tail + bytes(block)).split(b"\n")
        tail = lines.pop()
        for line in lines:
            fields = line.decode().split("\t")
            yield [_unescape(f) if "\\" in f else f for f in fields]
    if tail:
        raise RuntimeError("COPY output ended inside a row")


def _unescape(field: str) -> str:
    # Text format escapes: a backslash, then a letter for a control character or the
    # character itself (the server writes no octal or hex escapes).
    return re.sub(r"\\(.)", lambda m: _UNESCAPE.get(m[1], m[1]), field, flags=re.DOTALL)


def _next_rowid(raw: Any, table: str) -> int:
    return int(raw.execute(f"SELECT coalesce(max(rowid), 0) + 1 FROM {table}").fetchone()[0])  # noqa: S608


class Normalizer:
    """Phone and e-mail normal forms (as ``Local._derive`` stores them), each distinct value
    normalised once."""

    def __init__(self, region: str) -> None:
        self.region = region
        self.phones: dict[str, str | None] = {}
        self.emails: dict[str, str | None] = {}

    def phone(self, value: Any) -> str | None:
        from crm_desktop.services import validation as v

        if not value:
            return None
        if value not in self.phones:
            try:
                self.phones[value] = v.normalize_phone("phone", value, self.region)
            except ValidationError:
                self.phones[value] = None
        return self.phones[value]

    def email(self, value: Any) -> str | None:
        from crm_desktop.services import validation as v

        if not value:
            return None
        if value not in self.emails:
            try:
                self.emails[value] = v.normalize_email("email", value)
            except ValidationError:
                self.emails[value] = None
        return self.emails[value]


def index_new_customers(raw: Any, first_customer: int, first_contact: int) -> None:
    """What the search-index insert triggers would have done for the rows inserted from
    ``first_customer`` / ``first_contact`` on: index each new customer once, with its live
    contacts, and index again the older customers that gained contacts."""
    gained = [
        r[0]
        for r in raw.execute(
            "SELECT DISTINCT c.rowid FROM contacts AS ct JOIN customers AS c "
            "ON c.id = ct.customer_id WHERE ct.rowid >= ? AND c.rowid < ?",
            (first_contact, first_customer),
        )
    ]
    raw.executemany("DELETE FROM customer_search WHERE rowid = ?", [(r,) for r in gained])
    contacts: dict[str, list[str]] = defaultdict(list)
    for customer_id, *fields in raw.execute(
        "SELECT ct.customer_id, ct.name, ct.phone, ct.phone_normalized, ct.email, "
        "ct.messaging_id FROM contacts AS ct JOIN customers AS c ON c.id = ct.customer_id "
        "WHERE ct.deleted_at IS NULL AND (c.rowid >= ? OR c.rowid IN (SELECT value FROM "
        "json_each(?))) ORDER BY ct.rowid",
        (first_customer, json.dumps(gained)),
    ):
        contacts[customer_id].append(FIELD_SEP.join(f or "" for f in fields))
    cursor = raw.execute(
        "SELECT rowid, id, name, company, kind, phone, phone_normalized, email, notes "
        "FROM customers WHERE rowid >= ? OR rowid IN (SELECT value FROM json_each(?))",
        (first_customer, json.dumps(gained)),
    )
    while batch := cursor.fetchmany(BATCH):
        documents = [
            (rowid, customer_document(name, company, kind, phone, phone_normalized, email,
                                      notes, RECORD_SEP.join(contacts.pop(cid, ())) or None))
            for rowid, cid, name, company, kind, phone, phone_normalized, email, notes in batch
        ]  # fmt: skip
        raw.executemany("INSERT INTO customer_search (rowid, doc) VALUES (?, ?)", documents)


def add_forecast_totals(raw: Any, first_deal: int) -> None:
    """What the forecast totals' insert trigger (migration 0009) would have added for the
    deals inserted from rowid ``first_deal`` on, in one grouped UPSERT."""
    raw.execute(
        "INSERT INTO forecast_totals (status, month, owner_id, currency, stage_id, deals, "
        "amount_minor, own_weighted, default_amount) "
        "SELECT status, coalesce(substr(expected_close, 1, 7), ''), coalesce(owner_id, ''), "
        "currency, stage_id, count(*), coalesce(sum(amount_minor), 0), "
        "coalesce(sum(amount_minor * probability), 0), "
        "coalesce(sum(CASE WHEN probability IS NULL THEN amount_minor END), 0) "
        "FROM opportunities WHERE rowid >= ? AND deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 "
        "ON CONFLICT (status, month, owner_id, currency, stage_id) DO UPDATE SET "
        "deals = deals + excluded.deals, "
        "amount_minor = forecast_totals.amount_minor + excluded.amount_minor, "
        "own_weighted = own_weighted + excluded.own_weighted, "
        "default_amount = default_amount + excluded.default_amount",
        (first_deal,),
    )


_ID, _FIELD, _TIME, _PHONE, _EMAIL = range(5)


def _insert(  # noqa: PLR0912
    local: Local,
    entity: str,
    rows: list[tuple[str, dict[str, Any], dict[str, str], str]],
    normal: Normalizer,
) -> None:
    table = ENTITY_TABLES[entity]
    columns = [c for c in COLUMNS[table] if c not in DERIVED or c.endswith("_normalized")]
    base = PLACEHOLDERS[table]
    records = []
    tags: list[tuple[str, str]] = []
    customs: list[tuple[str, str, Any]] = []
    stamp_rows: list[tuple[str, str, str]] = []
    # What each column takes, worked out once: (column, kind, default when absent).
    plan: list[tuple[str, int, Any]] = []
    for column in columns:
        if column == "id":
            plan.append((column, _ID, None))
        elif column == "phone_normalized":
            plan.append((column, _PHONE, None))
        elif column == "email_normalized":
            plan.append((column, _EMAIL, None))
        elif column in ("created_at", "updated_at") or (column in base and base[column] is None):
            plan.append((column, _TIME, None))
        else:
            plan.append((column, _FIELD, base.get(column)))
    for row_id, data, stamps, stamps_text in rows:
        when = None
        values: list[Any] = []
        for column, kind, default in plan:
            if kind == _FIELD:
                values.append(stored(data[column]) if column in data else default)
            elif kind == _TIME:
                if column in data:
                    values.append(stored(data[column]))
                else:
                    when = when or stamp_time(min(stamps.values()))
                    values.append(when)
            elif kind == _ID:
                values.append(row_id)
            elif kind == _PHONE:
                values.append(normal.phone(data.get("phone")))
            else:
                values.append(normal.email(data.get("email")))
        records.append(values)
        stamp_rows.append((entity, row_id, stamps_text))  # the server's JSON as it is
        if entity == "customer":
            tags.extend((row_id, t) for t in data.get("tags") or [])
        for name, value in data.items():
            if name.startswith("custom:"):
                customs.append((row_id, name[7:], value))
    raw = local.raw
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", records)  # noqa: S608
    raw.executemany(
        "INSERT INTO sync_stamps (entity, record_id, stamps) VALUES (?, ?, ?)", stamp_rows
    )
    if tags:
        raw.executemany(
            "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)", tags
        )
    if customs:
        raw.executemany(
            "INSERT OR REPLACE INTO custom_field_values (record_id, field_id, value) "
            "VALUES (?, ?, ?)",
            customs,
        )
