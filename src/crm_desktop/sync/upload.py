"""Seeding an empty team server from a file's records as they are now, in bulk.

For a file whose records were loaded without journal rows (demo data, a bulk load): every
record goes up as one row of ``crm.rows`` with all its fields, stamped with one fresh stamp of
this device, through COPY. Run with an administrator's connection on a server that has no
records yet; afterwards devices join with a snapshot.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import Boolean

from crm_desktop.db.engine import Database
from crm_desktop.db.models import Base
from crm_desktop.sync.clock import HybridClock
from crm_desktop.sync.local_apply import DERIVED, ENTITY_TABLES, raw_of

NOT_SYNCED = DERIVED | {"id", "created_at", "updated_at"}


def upload_state(db: Database, conn: Any, device_id: str) -> int:
    """Copy every record of ``db`` to the server; returns the number of records."""
    stamp = HybridClock(device_id).now()
    count = 0
    with db.session() as session:
        raw = raw_of(session)
        tags: dict[str, list[str]] = defaultdict(list)
        for customer_id, tag_id in raw.execute(
            "SELECT customer_id, tag_id FROM customer_tags ORDER BY customer_id, tag_id"
        ):
            tags[customer_id].append(tag_id)
        custom: dict[str, dict[str, Any]] = defaultdict(dict)
        for record_id, field_id, value in raw.execute(
            "SELECT record_id, field_id, value FROM custom_field_values"
        ):
            custom[record_id][f"custom:{field_id}"] = value
        with (
            conn.transaction(),
            conn.cursor().copy("COPY crm.rows (entity, row_id, data, stamps) FROM STDIN") as copy,
        ):
            for entity, table_name in ENTITY_TABLES.items():
                table = Base.metadata.tables[table_name]
                names = [c.name for c in table.columns if c.name not in NOT_SYNCED]
                booleans = {c.name for c in table.columns if isinstance(c.type, Boolean)}
                select = ", ".join(["id", *names])
                for row in raw.execute(f"SELECT {select} FROM {table_name}"):  # noqa: S608
                    data = {
                        name: (bool(value) if name in booleans and value is not None else value)
                        for name, value in zip(names, row[1:], strict=True)
                    }
                    if entity == "customer":
                        data["tags"] = tags.get(row[0], [])
                    data.update(custom.get(row[0], {}))
                    stamps = dict.fromkeys(data, stamp)
                    copy.write_row(
                        (
                            entity,
                            row[0],
                            json.dumps(data, ensure_ascii=False),
                            json.dumps(stamps),
                        )
                    )
                    count += 1
    return count
