"""First sync: every record the user may see, read in bulk and inserted in bulk.

The caller has opened a REPEATABLE READ transaction on the server, so the snapshot and the
cursor it starts from describe one moment. Records this file does not have yet are inserted
with ``executemany`` (with their stamps in ``sync_stamps``); records it already has are
merged field by field by stamp, like pulled changes.

The many records (contacts, customers, opportunities, follow-ups) come through a server-side
cursor, one kind at a time, already split into the local table's columns by the server
(``data->>'name'`` and so on), with the stamps already in their stored form and the oldest
and newest of them: Python decodes no JSON for them and handles each row with a few list
operations, on the fetching thread (``Prefetch``, ``_Prepare``) while this one stores the
batch before. The few others (users, stages, tags, field definitions, views) come as whole
records and go through the general path.

Three threads share the work, with one writer: this one inserts, the fetching one reads the
server and makes batches ready, and for a new device (no customers or contacts yet) a third
builds both search indexes in a private in-memory database from the rows as they pass, copied
in at the end (``snapshot_search.SearchBuild``). SQLite, psycopg and the FTS5 work run without
the GIL, so the two cores of a modest machine both work.

The new rows go in as a bulk load: the per-row insert triggers that keep the search indexes,
the forecast totals and the report aggregate tables are set aside for the transaction
(``db.bulk.suspended_triggers_on``) and their work is done once at the end (the search build,
or ``index_new_customers`` and ``index_new_names``; ``add_forecast_totals``,
``add_report_counts``); the secondary indexes of a table that takes a large load are dropped
for it and built again once at the end, in the same transaction (a rollback brings them back
as they were); last contact and next follow-up are computed in one statement; phone and
e-mail normal forms once per distinct value; the cycle collector is paused.
"""

from __future__ import annotations

import gc
import json
import queue
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Boolean

from crm_desktop.db.bulk import suspended_triggers_on
from crm_desktop.db.models import Base
from crm_desktop.db.types import to_utc_text
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.search_text import FIELD_SEP, RECORD_SEP, customer_document
from crm_desktop.sync.local_apply import (
    COLUMNS,
    DERIVED,
    ENTITY_TABLES,
    PLACEHOLDERS,
    Local,
    now_text,
    stored,
)
from crm_desktop.sync.snapshot_search import SearchBuild

BATCH = 20_000
# The page cache of the snapshot's transaction (``sync_transaction(cache_kib=...)``), up to its
# commit: the other indexes of each table take rows all over them, and the final foreign-key
# check reads every table again; a cache this big keeps SQLite from spilling pages and
# reading (and decrypting) them back.
BULK_CACHE_KIB = 256 * 1024
# Insert triggers whose work ``apply_snapshot`` does itself, once, for all new rows: the search
# index (migration 0002), the name-start index (0013), the forecast totals (0009) and the
# report aggregate tables (0010, 0011).
BULK_TRIGGERS = (
    "customer_search_insert",
    "customer_heads_insert",
    "contact_search_insert",
    "forecast_totals_insert",
    "report_customers_insert",
    "report_deals_insert",
    "report_followups_insert",
)
# The kinds of records there are many of, in the order they are loaded (each in id order:
# ids ascend with time, so most rows are appended to their primary-key index).
BULK_ENTITIES = ("contact", "customer", "opportunity", "followup")
# The other kinds, as whole records, before them.
SNAPSHOT_COPY = """COPY (
    SELECT entity, row_id, data::text, stamps::text FROM crm.rows
    WHERE entity NOT IN ('contact', 'customer', 'opportunity', 'followup')
    ORDER BY CASE entity WHEN 'user' THEN 0 WHEN 'stage' THEN 1 WHEN 'tag' THEN 2
        WHEN 'custom_field' THEN 3 ELSE 8 END, row_id
) TO STDOUT"""
# A table whose load brings at least this many rows (one full batch) has its secondary
# indexes built once at the end instead of growing row by row, unless it already holds more
# than this many rows (building them again would then cost more than it saves).
REBUILD_INDEXES_ABOVE = BATCH


def stamp_time(hlc: str) -> str:
    return to_utc_text(datetime.fromtimestamp(int(hlc[:15]) / 1000, UTC))


@dataclass
class _Load:
    """What the load has seen so far."""

    count: int = 0
    newest: str = ""
    times: dict[str, str] = field(default_factory=dict)  # stamp_time by milliseconds

    def time_of(self, hlc: str) -> str:
        if not hlc:  # a record without stamps: made now, as far as this file can tell
            return now_text()
        key = hlc[:15]
        found = self.times.get(key)
        if found is None:
            found = self.times[key] = stamp_time(hlc)
        return found


def apply_snapshot(local: Local, conn: Any, observe: Callable[[str], None]) -> int:
    raw = local.raw
    existing: dict[str, set[str]] = {
        entity: {r[0] for r in raw.execute(f"SELECT id FROM {table}")}  # noqa: S608
        for entity, table in ENTITY_TABLES.items()
    }
    # The load makes millions of short-lived lists and strings, and no reference cycles:
    # Python's cycle collector, left on, walks them thousands of times for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _apply(local, conn, observe, existing)
    finally:
        if collecting:
            gc.enable()


def _apply(
    local: Local, conn: Any, observe: Callable[[str], None], existing: dict[str, set[str]]
) -> int:
    raw = local.raw
    first = {table: _next_rowid(raw, table) for table in ENTITY_TABLES.values()}
    normal = Normalizer(local.region)
    load = _Load()
    indexes = SuspendedIndexes(raw)
    # A new device (no customers, no contacts yet) builds the search indexes on a thread.
    search = None
    if not existing["customer"] and not existing["contact"]:
        search = SearchBuild(raw, first["customers"])
    try:
        _load(local, conn, existing, first, normal, load, indexes, search)
    finally:
        if search is not None:
            search.close()
    from crm_desktop.sync.client import fix_references

    fix_references(local, conn)
    if load.newest:
        observe(load.newest)
    return load.count


def _load(
    local: Local,
    conn: Any,
    existing: dict[str, set[str]],
    first: dict[str, int],
    normal: Normalizer,
    load: _Load,
    indexes: SuspendedIndexes,
    search: SearchBuild | None,
) -> None:
    raw = local.raw
    pending: dict[str, list[tuple[str, dict[str, Any], dict[str, str], str]]] = defaultdict(list)
    with suspended_triggers_on(raw, BULK_TRIGGERS):
        try:
            with conn.cursor().copy(SNAPSHOT_COPY) as copy:
                for entity, row_id, data_text, stamps_text in copy_text_rows(copy):
                    load.count += 1
                    data = json.loads(data_text)
                    stamps = json.loads(stamps_text)
                    load.newest = max(load.newest, max(stamps.values(), default=""))
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
            keys = [f"custom:{r[0]}" for r in raw.execute("SELECT id FROM custom_field_defs")]
            queries = [(entity, *_select(ENTITY_TABLES[entity], keys, entity))
                       for entity in BULK_ENTITIES]  # fmt: skip
            ready = {entity: _Prepare(entity, plan, existing[entity], normal, load)
                     for entity, _query, plan in queries}  # fmt: skip
            with Prefetch(conn, [(entity, query) for entity, query, _plan in queries],
                          lambda entity, batch: ready[entity](batch)) as stream:  # fmt: skip
                for entity, _query, plan in queries:
                    _load_entity(local, conn, entity, plan, stream.batches(entity),
                                 existing[entity], load, indexes, search)  # fmt: skip
                    if entity == "customer" and search is not None:
                        if search.usable:
                            search.start()  # goes on beside the rest of the load
                        else:
                            search.close()
                            search = None
            add_report_counts(raw, first["customers"], first["opportunities"], first["followups"])
            if search is None:
                index_new_customers(raw, first["customers"], first["contacts"])
                index_new_names(raw, first["customers"])
            add_forecast_totals(raw, first["opportunities"])
            # One pass over the follow-ups (a correlated subquery per customer may be planned
            # on the status index and scan every follow-up for each customer), before the
            # customers' indexes on these columns are built again.
            raw.execute(
                "WITH d AS (SELECT customer_id, "
                "max(CASE WHEN status = 'done' THEN occurred_at END) AS last, "
                "min(CASE WHEN status = 'planned' THEN due_at END) AS next "
                "FROM followups WHERE deleted_at IS NULL GROUP BY customer_id) "
                "UPDATE customers SET last_contact_at = d.last, next_followup_at = d.next "
                "FROM d WHERE d.customer_id = customers.id"
            )
        finally:
            indexes.restore()
        if search is not None and not search.copy_into(raw):
            index_new_customers(raw, first["customers"], first["contacts"])
            index_new_names(raw, first["customers"])


class Prefetch:
    """The rows of several queries, each through a server-side cursor, read on a thread of its
    own a batch or two ahead of the caller and made ready there (``prepare``): the server
    prepares the next batch and this thread turns it into rows to insert while the caller
    stores the last one (psycopg waits for the network, and SQLite works, without holding the
    GIL). The connection is used by one thread at a time (psycopg locks it per operation)."""

    def __init__(
        self,
        conn: Any,
        queries: list[tuple[str, Any]],
        prepare: Callable[[str, list[tuple[Any, ...]]], Any] = lambda _entity, batch: batch,
    ) -> None:
        self.queue: queue.Queue[Any] = queue.Queue(maxsize=2)
        self.stop = threading.Event()
        self.prepare = prepare
        self.thread = threading.Thread(
            target=self._run, args=(conn, queries), name="crm-snapshot-fetch", daemon=True
        )

    def __enter__(self) -> Prefetch:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        while self.thread.is_alive():
            with suppress(queue.Empty):
                self.queue.get(timeout=0.1)
        self.thread.join()

    def _run(self, conn: Any, queries: list[tuple[str, Any]]) -> None:
        try:
            for entity, query in queries:
                with conn.cursor(name=f"crm_snapshot_{entity}") as cursor:
                    cursor.execute(query)
                    while batch := cursor.fetchmany(BATCH):
                        if not self._put((entity, self.prepare(entity, batch))):
                            return
                if not self._put((entity, None)):
                    return
        except BaseException as error:  # handed to the reading thread, raised there
            self._put(error)

    def _put(self, item: Any) -> bool:
        while not self.stop.is_set():
            with suppress(queue.Full):
                self.queue.put(item, timeout=0.1)
                return True
        return False

    def batches(self, entity: str) -> Iterator[Any]:
        """The batches of ``entity``'s query (the queries are read in the order given)."""
        while True:
            item = self.queue.get()
            if isinstance(item, BaseException):
                raise item
            kind, batch = item
            if kind != entity:
                raise RuntimeError(f"snapshot rows of {kind} where {entity} was expected")
            if batch is None:
                return
            yield batch


class SuspendedIndexes:
    """Secondary indexes dropped inside the caller's transaction (``drop``) and created again
    with their stored SQL (``restore``): one sort per index instead of a B-tree insert per
    row. A rollback brings dropped indexes back by itself; ``restore`` creates again those
    still missing (after an error that ended the transaction, none are)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.dropped: list[tuple[str, str]] = []

    def drop(self, table: str) -> None:
        for name, sql in self.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL",
            (table,),
        ).fetchall():
            self.conn.execute(f'DROP INDEX "{name}"')
            self.dropped.append((name, sql))

    def restore(self) -> None:
        present = {
            row[0]
            for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        for name, sql in self.dropped:
            if name not in present:
                self.conn.execute(sql)
        self.dropped.clear()


def _select(
    table: str, custom_keys: list[str], entity: str
) -> tuple[Any, list[tuple[str, int, Any]]]:
    """The server query that splits ``data`` into the columns of ``table`` (in the order of
    the plan it returns), then: the stamps as stored, per time column whether ``data`` has it,
    tags (customers), custom field values (when any field is defined), the oldest and the
    newest stamp."""
    from psycopg import sql

    plan = _plan(table)
    booleans = {c.name for c in Base.metadata.tables[table].columns if isinstance(c.type, Boolean)}
    parts: list[Any] = []
    flags: list[Any] = []
    for column, kind, default in plan:
        name = sql.Literal(column)
        if column in booleans:
            value = sql.SQL(
                "CASE jsonb_typeof(data->{0}) WHEN 'boolean' "
                "THEN ((data->{0})::boolean)::int::text ELSE data->>{0} END"
            ).format(name)
        else:
            value = sql.SQL("data->>{0}").format(name)
        if kind == _ID:
            parts.append(sql.SQL("row_id"))
        elif kind in (_PHONE, _EMAIL):
            parts.append(sql.SQL("NULL"))
        elif kind == _TIME:
            parts.append(value)
            flags.append(sql.SQL("data ? {0}").format(name))
        else:
            fallback = sql.SQL("NULL") if default is None else sql.Literal(str(default))
            parts.append(sql.SQL("CASE WHEN data ? {0} THEN {1} ELSE {2} END").format(
                name, value, fallback))  # fmt: skip
    # The stamps as stored: most records have one stamp for every field (made or loaded in
    # one go), and those the server sends in ``compact_stamps``' form, a fifth of the size.
    parts.append(sql.SQL(
        "CASE WHEN m.lo = m.hi THEN '[\"' || m.lo || '\", ' || "
        "replace(stamps::text, '\"' || m.lo || '\"', '0') || ']' ELSE stamps::text END"
    ))  # fmt: skip
    parts += flags
    parts.append(
        sql.SQL("CASE WHEN jsonb_typeof(data->'tags') = 'array' THEN data->>'tags' END")
        if entity == "customer"
        else sql.SQL("NULL")
    )
    parts.append(
        sql.SQL(
            "CASE WHEN data ?| {0} THEN (SELECT jsonb_object_agg(key, value) FROM jsonb_each(data) "
            "WHERE key LIKE 'custom:%') END::text"
        ).format(sql.Literal(custom_keys))
        if custom_keys
        else sql.SQL("NULL")
    )
    parts += [sql.SQL("m.lo"), sql.SQL("m.hi")]  # the oldest and newest stamp
    query = sql.SQL(
        'SELECT {0} FROM crm.rows CROSS JOIN LATERAL (SELECT min(value COLLATE "C") AS lo, '
        'max(value COLLATE "C") AS hi FROM jsonb_each_text(stamps)) AS m '
        "WHERE entity = {1} ORDER BY row_id"
    ).format(sql.SQL(", ").join(parts), sql.Literal(entity))
    return query, plan


@dataclass
class _Batch:
    """One batch of a kind's rows made ready to store (by ``_Prepare``)."""

    size: int
    records: list[list[Any]]
    stamp_rows: list[tuple[str, str, str]]
    tags: list[tuple[str, str]]
    customs: list[tuple[str, str, Any]]
    merge: list[tuple[str, str]]  # records the file has: merged field by field
    newest: str


class _Prepare:
    """Turns the rows of ``_select`` for one kind into rows to insert: times the server has
    none for, phone and e-mail normal forms, tags, custom values. Runs on the fetching thread
    (it alone uses ``normal`` and ``load.times`` while it runs)."""

    def __init__(
        self,
        entity: str,
        plan: list[tuple[str, int, Any]],
        existing: set[str],
        normal: Normalizer,
        load: _Load,
    ) -> None:
        self.entity = entity
        self.existing = existing
        self.normal = normal
        self.load = load
        self.width = width = len(plan)
        columns = [c for c, _k, _d in plan]
        self.times = [
            (i, width + 1 + n) for n, i in enumerate(i for i, p in enumerate(plan) if p[1] == _TIME)
        ]
        self.at_tags = width + 1 + len(self.times)
        self.phone = columns.index("phone") if "phone" in columns else None
        self.email = columns.index("email") if "email" in columns else None
        self.derived = [(i, k) for i, (_c, k, _d) in enumerate(plan) if k in (_PHONE, _EMAIL)]

    def __call__(self, batch: list[tuple[Any, ...]]) -> _Batch:
        entity, existing, normal, load = self.entity, self.existing, self.normal, self.load
        width, times, derived, phone, email = (
            self.width, self.times, self.derived, self.phone, self.email)  # fmt: skip
        at_stamps, at_tags = width, self.at_tags
        at_custom, at_oldest = at_tags + 1, at_tags + 2
        ready = _Batch(len(batch), [], [], [], [], [], "")
        records, stamp_rows, tags, customs = (
            ready.records, ready.stamp_rows, ready.tags, ready.customs)  # fmt: skip
        newest = ""
        for row in batch:
            row_id = row[0]
            if row_id in existing:
                ready.merge.append((entity, row_id))
                continue
            values = list(row[:width])
            oldest = row[at_oldest] or ""
            newest = max(newest, row[at_oldest + 1] or "")
            for i, flag in times:
                if not row[flag]:
                    values[i] = load.time_of(oldest)
            for i, kind in derived:
                if kind == _PHONE:
                    values[i] = normal.phone(values[phone]) if phone is not None else None
                else:
                    values[i] = normal.email(values[email]) if email is not None else None
            records.append(values)
            stamp_rows.append((entity, row_id, row[at_stamps]))
            if row[at_tags] is not None:
                tags.extend((row_id, t) for t in json.loads(row[at_tags]))
            if row[at_custom] is not None:
                customs.extend(
                    (row_id, name[7:], value) for name, value in json.loads(row[at_custom]).items()
                )
        ready.newest = newest
        return ready


def _load_entity(
    local: Local,
    conn: Any,
    entity: str,
    plan: list[tuple[str, int, Any]],
    batches: Iterator[_Batch],
    existing: set[str],
    load: _Load,
    indexes: SuspendedIndexes,
    search: SearchBuild | None,
) -> None:
    """Every record of one kind, as the batches ``_Prepare`` made of ``_select``'s rows come."""
    from crm_desktop.sync.client import _server_rows

    raw = local.raw
    table = ENTITY_TABLES[entity]
    columns = [c for c, _k, _d in plan]
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(plan))})"  # noqa: S608
    first_batch = True
    for batch in batches:
        load.count += batch.size
        load.newest = max(load.newest, batch.newest)
        if first_batch and batch.size == BATCH and len(existing) <= REBUILD_INDEXES_ABOVE:
            indexes.drop(table)
        first_batch = False
        raw.executemany(insert, batch.records)
        if search is not None:
            search.take(entity, columns, batch.records)
        _store_extras(raw, batch.stamp_rows, batch.tags, batch.customs)
        if batch.merge:
            for (_entity, row_id), (data, stamps) in _server_rows(conn, batch.merge).items():
                local.apply_state(entity, row_id, data, stamps)
                load.newest = max(load.newest, max(stamps.values(), default=""))


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
        from crm_desktop.services import validation

        self.validation = validation
        self.phones: dict[str, str | None] = {}
        self.emails: dict[str, str | None] = {}

    def phone(self, value: Any) -> str | None:
        if not value:
            return None
        if value not in self.phones:
            try:
                self.phones[value] = self.validation.normalize_phone("phone", value, self.region)
            except ValidationError:
                self.phones[value] = None
        return self.phones[value]

    def email(self, value: Any) -> str | None:
        if not value:
            return None
        if value not in self.emails:
            try:
                self.emails[value] = self.validation.normalize_email("email", value)
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


def index_new_names(raw: Any, first_customer: int) -> None:
    """What the name-start index's insert trigger (migration 0013) would have done for the
    customers inserted from rowid ``first_customer`` on, in one statement."""
    raw.execute(
        "INSERT INTO customer_name_heads (rowid, doc) "
        "SELECT rowid, crm_name_heads(name, kind) FROM customers WHERE rowid >= ?",
        (first_customer,),
    )


def add_report_counts(raw: Any, first_customer: int, first_deal: int, first_followup: int) -> None:
    """What the report tables' insert triggers (migrations 0010 and 0011) would have added for
    the customers, deals and follow-ups inserted from the given rowids on, one grouped UPSERT
    per table. Customers come before their deals and follow-ups, so a deal or follow-up of a
    customer in the bin is left out here as the trigger would have left it out."""
    # The customers in the bin, looked up once (their ids are never NULL, nor are the deals'
    # and follow-ups' customer ids: NOT IN means what the triggers' NOT EXISTS means).
    live_customer = "{0}.customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)"
    segments = " UNION ALL ".join(
        f"SELECT '{name}' AS d, coalesce(owner_id, '') AS o, coalesce('=' || {name}, '') AS v "  # noqa: S608
        f"FROM customers WHERE rowid >= :first AND deleted_at IS NULL"
        for name in ("region", "industry", "source", "tier")
    )
    raw.execute(
        "INSERT INTO report_segment_counts (dimension, owner_id, value, count) "  # noqa: S608
        f"SELECT d, o, v, count(*) FROM ({segments}) GROUP BY 1, 2, 3 "
        "ON CONFLICT (dimension, owner_id, value) DO UPDATE SET "
        "count = report_segment_counts.count + excluded.count",
        {"first": first_customer},
    )
    day = "substr(CASE f.status WHEN 'done' THEN f.occurred_at ELSE f.due_at END, 1, 10)"
    raw.execute(
        "INSERT INTO report_followup_days (kind, day, owner_id, channel, count) "  # noqa: S608
        f"SELECT f.status, {day}, coalesce(f.owner_id, ''), f.channel, count(*) "
        "FROM followups AS f WHERE f.rowid >= ? AND f.deleted_at IS NULL "
        f"AND f.status IN ('done', 'planned') AND {day} IS NOT NULL "
        f"AND {live_customer.format('f')} GROUP BY 1, 2, 3, 4 "
        "ON CONFLICT (kind, day, owner_id, channel) DO UPDATE SET "
        "count = report_followup_days.count + excluded.count",
        (first_followup,),
    )
    raw.execute(
        "INSERT INTO report_deal_days (day, owner_id, status, stage_id, reach, count) "  # noqa: S608
        "SELECT substr(o.created_at, 1, 10), coalesce(o.owner_id, ''), o.status, "
        "coalesce(o.stage_id, ''), CASE WHEN o.status IN ('open', 'won') THEN '' ELSE "
        "coalesce((SELECT group_concat(DISTINCT h.to_stage_id ORDER BY h.to_stage_id) "
        "FROM stage_history AS h WHERE h.opportunity_id = o.id), '') END, count(*) "
        f"FROM opportunities AS o WHERE o.rowid >= ? AND o.deleted_at IS NULL "
        f"AND {live_customer.format('o')} GROUP BY 1, 2, 3, 4, 5 "
        "ON CONFLICT (day, owner_id, status, stage_id, reach) DO UPDATE SET "
        "count = report_deal_days.count + excluded.count",
        (first_deal,),
    )


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


def _plan(table: str) -> list[tuple[str, int, Any]]:
    """What each stored column of ``table`` takes, in the table's order: (column, kind,
    default when absent). Derived columns are left out, except the phone and e-mail normal
    forms, which are computed here."""
    base = PLACEHOLDERS[table]
    plan: list[tuple[str, int, Any]] = []
    for column in (c.name for c in Base.metadata.tables[table].columns):
        if column not in COLUMNS[table] or (
            column in DERIVED and not column.endswith("_normalized")
        ):
            continue
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
    return plan


def _insert(
    local: Local,
    entity: str,
    rows: list[tuple[str, dict[str, Any], dict[str, str], str]],
    normal: Normalizer,
) -> None:
    table = ENTITY_TABLES[entity]
    plan = _plan(table)
    columns = [c for c, _k, _d in plan]
    records = []
    tags: list[tuple[str, str]] = []
    customs: list[tuple[str, str, Any]] = []
    stamp_rows: list[tuple[str, str, str]] = []
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
    _store_extras(raw, stamp_rows, tags, customs)


def _store_extras(raw: Any, stamp_rows: list[Any], tags: list[Any], customs: list[Any]) -> None:
    """What a batch of records brings besides their rows: field stamps, tags, custom values."""
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
