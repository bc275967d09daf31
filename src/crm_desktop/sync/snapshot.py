"""First sync: every record the user may see, streamed with COPY and inserted in bulk.

The caller has opened a REPEATABLE READ transaction on the server, so the snapshot and the
cursor it starts from describe one moment. Records this file does not have yet go in through
``executemany`` (one row per record, with its stamps in ``sync_stamps``); records it already
has are merged field by field by stamp, like pulled changes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from crm_desktop.db.types import to_utc_text
from crm_desktop.domain.errors import ValidationError
from crm_desktop.sync.local_apply import (
    COLUMNS,
    DERIVED,
    ENTITY_TABLES,
    PLACEHOLDERS,
    Local,
    stored,
)

BATCH = 20_000
# Contacts before their customers: the search-index trigger then builds each customer's
# document once, with its contacts (see services/demo.py); one kind of record at a time.
SNAPSHOT_COPY = """COPY (
    SELECT entity, row_id, data::text, stamps::text FROM crm.rows
    ORDER BY CASE entity WHEN 'user' THEN 0 WHEN 'stage' THEN 1 WHEN 'tag' THEN 2
        WHEN 'custom_field' THEN 3 WHEN 'contact' THEN 4 WHEN 'customer' THEN 5
        WHEN 'opportunity' THEN 6 WHEN 'followup' THEN 7 ELSE 8 END
) TO STDOUT"""


def stamp_time(hlc: str) -> str:
    return to_utc_text(datetime.fromtimestamp(int(hlc[:15]) / 1000, UTC))


def apply_snapshot(local: Local, conn: Any, observe: Callable[[str], None]) -> int:
    raw = local.raw
    existing: dict[str, set[str]] = {
        entity: {r[0] for r in raw.execute(f"SELECT id FROM {table}")}  # noqa: S608
        for entity, table in ENTITY_TABLES.items()
    }
    pending: dict[str, list[tuple[str, dict[str, Any], dict[str, str]]]] = defaultdict(list)
    count = 0
    newest = ""
    with conn.cursor().copy(SNAPSHOT_COPY) as copy:
        for entity, row_id, data_text, stamps_text in copy.rows():
            count += 1
            data = json.loads(data_text)
            stamps = json.loads(stamps_text)
            top = max(stamps.values(), default="")
            newest = max(newest, top)
            if entity not in ENTITY_TABLES or row_id in existing[entity]:
                local.apply_state(entity, row_id, data, stamps)
                continue
            for other in [e for e in pending if e != entity]:
                _insert(local, other, pending.pop(other))
            pending[entity].append((row_id, data, stamps))
            if len(pending[entity]) >= BATCH:
                _insert(local, entity, pending.pop(entity))
    for entity, rows in pending.items():
        _insert(local, entity, rows)
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


def _insert(  # noqa: PLR0912
    local: Local, entity: str, rows: list[tuple[str, dict[str, Any], dict[str, str]]]
) -> None:
    from crm_desktop.services import validation as v

    table = ENTITY_TABLES[entity]
    columns = [c for c in COLUMNS[table] if c not in DERIVED or c.endswith("_normalized")]
    base = PLACEHOLDERS[table]
    records = []
    tags: list[tuple[str, str]] = []
    customs: list[tuple[str, str, Any]] = []
    stamp_rows: list[tuple[str, str, str]] = []
    for row_id, data, stamps in rows:
        first = min(stamps.values())
        when = stamp_time(first)
        values: list[Any] = []
        for column in columns:
            if column == "id":
                values.append(row_id)
            elif column in ("created_at", "updated_at") and column not in data:
                values.append(when)
            elif column == "phone_normalized":
                phone = data.get("phone")
                try:
                    values.append(
                        v.normalize_phone("phone", phone, local.region) if phone else None
                    )
                except ValidationError:
                    values.append(None)
            elif column == "email_normalized":
                email = data.get("email")
                try:
                    values.append(v.normalize_email("email", email) if email else None)
                except ValidationError:
                    values.append(None)
            elif column in data:
                values.append(stored(data[column]))
            else:
                default = base.get(column)
                values.append(when if column in base and default is None else default)
        records.append(values)
        stamp_rows.append((entity, row_id, json.dumps(stamps)))
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
