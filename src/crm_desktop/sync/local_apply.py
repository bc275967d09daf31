"""Applying field values that came from the team server to the local file, by stamp.

Works on the raw SQLCipher connection of a write session (``Local``), inside the caller's
transaction. The stamp of a local value is the newest of its journal rows (local edits and
pulled changes; a creation row counts for each field it holds, see ``services.journal``) and of
``sync_stamps`` (values that came in bulk: first sync, moves-in;
``{field: stamp}`` as JSON, or ``compact_stamps``' form when every field has one stamp).
A value is written only when its stamp is newer: last writer wins, field by field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Integer
from sqlalchemy.orm import Session

from crm_desktop.db.engine import Database
from crm_desktop.db.models import Base
from crm_desktop.db.types import UTCDateTime, to_utc_text, utcnow
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.journal import CREATED, created_changes

ENTITY_TABLES = {
    "user": "users",
    "customer": "customers",
    "contact": "contacts",
    "tag": "tags",
    "custom_field": "custom_field_defs",
    "stage": "stages",
    "opportunity": "opportunities",
    "followup": "followups",
    "saved_view": "saved_views",
}
CHILD_TABLES = {"contact": "contacts", "followup": "followups", "opportunity": "opportunities"}
# Columns derived from others on this device, never taken from the server.
DERIVED = {"phone_normalized", "email_normalized", "last_contact_at", "next_followup_at"}


def _placeholders() -> dict[str, dict[str, Any]]:
    """For each table, values for its NOT NULL columns until the real ones arrive."""
    result: dict[str, dict[str, Any]] = {}
    for table_name in ENTITY_TABLES.values():
        table = Base.metadata.tables[table_name]
        values: dict[str, Any] = {}
        for column in table.columns:
            if column.nullable or column.primary_key:
                continue
            default = column.default
            arg = getattr(default, "arg", None) if default is not None else None
            if arg is not None and not callable(arg):
                values[column.name] = int(arg) if isinstance(arg, bool) else arg
            elif isinstance(column.type, UTCDateTime):
                values[column.name] = None  # filled with the change's time
            elif isinstance(column.type, Boolean | Integer):
                values[column.name] = 0
            else:
                values[column.name] = ""
        result[table_name] = values
    return result


PLACEHOLDERS = _placeholders()
COLUMNS = {
    name: frozenset(c.name for c in Base.metadata.tables[name].columns)
    for name in ENTITY_TABLES.values()
}


def now_text() -> str:
    return to_utc_text(utcnow())


def raw_of(session: Session) -> Any:
    """The DB-API connection under a session, inside its transaction."""
    return session.connection().connection.driver_connection


def stored(value: Any) -> Any:
    """A decoded JSON value in the form SQLite stores it."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def as_json(value: Any) -> Any:
    """A stored column value as the journal writes it (JSON-decoded form)."""
    return value


@contextmanager
def sync_transaction(db: Database, region: str, *, cache_kib: int = 0) -> Iterator[Local]:
    """One write transaction of the sync on a pooled connection of its own.

    Records arrive in log order, a child possibly before its parent, so foreign keys are not
    enforced row by row here; instead the transaction ends with ``fix_references`` (parents
    fetched from the server, or placeholders) and a ``foreign_key_check`` that must be empty.
    SQLite's deferred-constraint counter was not used: it can disagree with the rows.

    ``cache_kib``, when given, is the page cache for this transaction (a bulk load), kept up to
    its commit: the final check reads every table again, and the commit writes what is cached.
    """
    pooled = db.raw_connection()
    raw: Any = pooled.driver_connection
    cache = raw.execute("PRAGMA cache_size").fetchone()[0]
    try:
        if cache_kib:
            raw.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
        raw.execute("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
        raw.execute("BEGIN IMMEDIATE")
        try:
            local = Local(raw, region)
            yield local
            dangling = raw.execute("PRAGMA foreign_key_check").fetchall()
            if dangling:
                detail = [
                    raw.execute(f"SELECT * FROM {t} WHERE rowid = ?", (r,)).fetchone()  # noqa: S608
                    for t, r, _p, _f in dangling[:3]
                ]
                raise RuntimeError(f"sync left dangling references: {dangling[:3]} {detail}")
            raw.execute("COMMIT")
        except BaseException:
            raw.execute("ROLLBACK")
            raise
    finally:
        raw.execute("PRAGMA foreign_keys = ON")
        if cache_kib:
            raw.execute(f"PRAGMA cache_size = {int(cache)}")
        pooled.close()


def compact_stamps(stamps_text: str, stamp: str) -> str:
    """The stamps of a record whose fields all carry ``stamp`` (``{"a": "<stamp>", ...}`` as
    the server writes them), stored as ``["<stamp>", {"a": 0, ...}]``: a fifth of the size for
    what most records look like after a first sync (made or loaded in one go)."""
    fields = stamps_text.replace('"' + stamp + '"', "0")
    return f'["{stamp}", {fields}]'


def decode_stamps(text: str) -> dict[str, str]:
    """``{field: stamp}`` from a ``sync_stamps`` row in either of its forms."""
    value = json.loads(text)
    if isinstance(value, list):
        stamp, fields = value
        return {name: str(stamp) for name in fields}
    return dict(value)


def set_meta(raw: Any, key: str, value: str) -> None:
    raw.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def get_meta(raw: Any, key: str) -> str | None:
    row = raw.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


@dataclass
class Local:
    """The local file inside one write transaction (its DB-API connection), as sync sees it."""

    raw: Any
    region: str = "CN"
    touched_customers: set[str] = field(default_factory=set)
    created: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def of(cls, session: Session, region: str = "CN") -> Local:
        return cls(raw_of(session), region)

    def missing_parents(self) -> list[tuple[str, str]]:
        """(entity, id) of records referenced but absent, as the foreign keys see them."""
        tables = {table: entity for entity, table in ENTITY_TABLES.items()}
        found: dict[tuple[str, str], None] = {}
        for table, rowid, parent, fkid in self.raw.execute("PRAGMA foreign_key_check").fetchall():
            entity = tables.get(parent)
            if entity is None:
                continue
            column = next(
                r[3] for r in self.raw.execute(f"PRAGMA foreign_key_list({table})") if r[0] == fkid
            )
            value = self.raw.execute(
                f"SELECT {column} FROM {table} WHERE rowid = ?",  # noqa: S608
                (rowid,),
            ).fetchone()
            if value and value[0]:
                found[(entity, value[0])] = None
        return list(found)

    # --- stamps ------------------------------------------------------------------------------

    def stamps(self, entity: str, record_id: str) -> dict[str, tuple[str, bool]]:
        """``{field: (newest stamp, has an unpushed local change)}`` of one record."""
        result: dict[str, tuple[str, bool]] = {}
        for name, hlc, unpushed in self.raw.execute(
            "SELECT coalesce(f.key, j.field), max(j.hlc), sum(j.pushed_seq IS NULL) "
            "FROM change_journal AS j LEFT JOIN json_each(CASE WHEN j.field = ? "
            "THEN j.new_value END) AS f "
            "WHERE j.entity = ? AND j.record_id = ? "
            "AND (j.pushed_seq IS NULL OR j.pushed_seq <> 0) GROUP BY 1",
            (CREATED, entity, record_id),
        ):
            result[name] = (hlc, bool(unpushed))
        row = self.raw.execute(
            "SELECT stamps FROM sync_stamps WHERE entity = ? AND record_id = ?",
            (entity, record_id),
        ).fetchone()
        if row:
            for name, hlc in decode_stamps(row[0]).items():
                mine = result.get(name)
                if mine is None or hlc > mine[0]:
                    result[name] = (hlc, mine[1] if mine else False)
        return result

    def save_stamps(self, entity: str, record_id: str, stamps: dict[str, str]) -> None:
        row = self.raw.execute(
            "SELECT stamps FROM sync_stamps WHERE entity = ? AND record_id = ?",
            (entity, record_id),
        ).fetchone()
        merged = decode_stamps(row[0]) if row else {}
        merged.update(stamps)
        self.raw.execute(
            "INSERT OR REPLACE INTO sync_stamps (entity, record_id, stamps) VALUES (?, ?, ?)",
            (entity, record_id, json.dumps(merged)),
        )

    def _changes_of(
        self, entity: str, record_id: str, name: str, where: str, order: str
    ) -> Iterator[tuple[str, str | None]]:
        """``(change id, new value as JSON)`` of the journal's changes of one field, in
        ``order``, creation rows holding the field included (``journal.created_changes``)."""
        for change_id, kind, value in self.raw.execute(
            "SELECT change_id, field, new_value FROM change_journal "  # noqa: S608
            f"WHERE entity = ? AND record_id = ? AND field IN (?, ?) AND {where} ORDER BY {order}",
            (entity, record_id, name, CREATED),
        ):
            if kind != CREATED:
                yield change_id, value
                continue
            for created, field_name, text in created_changes(change_id, value):
                if field_name == name:
                    yield created, text

    def journal_value(self, entity: str, record_id: str, name: str) -> Any:
        where = "(pushed_seq IS NULL OR pushed_seq <> 0)"
        for _change_id, value in self._changes_of(entity, record_id, name, where, "hlc DESC"):
            return json.loads(value) if value is not None else None
        return None

    def unpushed(self, entity: str, record_id: str, name: str) -> tuple[str, str | None] | None:
        for found in self._changes_of(entity, record_id, name, "pushed_seq IS NULL", "seq DESC"):
            return found
        return None

    # --- rows --------------------------------------------------------------------------------

    def exists(self, entity: str, record_id: str) -> bool:
        table = ENTITY_TABLES.get(entity)
        if table is None:
            return True
        found = self.raw.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,))  # noqa: S608
        return found.fetchone() is not None

    def ensure_row(self, entity: str, record_id: str, when: str | None) -> None:
        table = ENTITY_TABLES.get(entity)
        if table is None or self.exists(entity, record_id):
            return
        when = when or to_utc_text(utcnow())
        values = {k: (when if v is None else v) for k, v in PLACEHOLDERS[table].items()}
        values["id"] = record_id
        self.created.add((entity, record_id))
        names = ", ".join(values)
        marks = ", ".join("?" * len(values))
        self.raw.execute(
            f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608
            tuple(values.values()),
        )

    def row(self, entity: str, record_id: str) -> dict[str, Any] | None:
        """The stored columns of a record, or None when this file lacks it."""
        table = ENTITY_TABLES.get(entity)
        if table is None:
            return {}
        cursor = self.raw.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))  # noqa: S608
        found = cursor.fetchone()
        if found is None:
            return None
        return dict(zip((d[0] for d in cursor.description), found, strict=True))

    def current(self, entity: str, record_id: str, name: str) -> Any:
        """The stored value of a field, JSON-decoded as the journal holds it."""
        table = ENTITY_TABLES.get(entity)
        if table is None:
            return None
        if name == "tags" and entity == "customer":
            return [
                r[0]
                for r in self.raw.execute(
                    "SELECT tag_id FROM customer_tags WHERE customer_id = ? ORDER BY tag_id",
                    (record_id,),
                )
            ]
        if name.startswith("custom:"):
            row = self.raw.execute(
                "SELECT value FROM custom_field_values WHERE record_id = ? AND field_id = ?",
                (record_id, name[7:]),
            ).fetchone()
            return row[0] if row else None
        if name not in COLUMNS[table]:
            return None
        row = self.raw.execute(
            f"SELECT {name} FROM {table} WHERE id = ?",  # noqa: S608
            (record_id,),
        ).fetchone()
        return row[0] if row else None

    def write(self, entity: str, record_id: str, name: str, value: Any, when: str | None) -> None:
        """Store one field value (the caller has compared stamps)."""
        self.write_fields(entity, record_id, {name: value}, when)

    def write_fields(
        self, entity: str, record_id: str, values: dict[str, Any], when: str | None
    ) -> None:
        """Store field values of one record in one statement (the caller compared stamps);
        a record this file lacks is inserted with them."""
        table = ENTITY_TABLES.get(entity)
        if table is None or not values:
            return
        columns = {
            name: stored(value)
            for name, value in values.items()
            if name in COLUMNS[table] and name not in DERIVED and name != "id"
        }
        if entity == "followup":
            old = self.current(entity, record_id, "customer_id")
            if old:
                self.touched_customers.add(old)
        if not self.exists(entity, record_id):
            row = {
                k: (when or now_text() if v is None else v) for k, v in PLACEHOLDERS[table].items()
            }
            row.update(columns)
            row["id"] = record_id
            self.created.add((entity, record_id))
            names = ", ".join(row)
            marks = ", ".join("?" * len(row))
            self.raw.execute(
                f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608
                tuple(row.values()),
            )
        elif columns or when:
            if when:
                columns["updated_at"] = when
            assignments = ", ".join(f"{name} = ?" for name in columns)
            self.raw.execute(
                f"UPDATE {table} SET {assignments} WHERE id = ?",  # noqa: S608
                (*columns.values(), record_id),
            )
        for name, value in values.items():
            if entity == "customer" and name == "tags":
                self.raw.execute("DELETE FROM customer_tags WHERE customer_id = ?", (record_id,))
                self.raw.executemany(
                    "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) VALUES (?, ?)",
                    [(record_id, t) for t in (value or [])],
                )
            elif name.startswith("custom:"):
                self.raw.execute(
                    "INSERT OR REPLACE INTO custom_field_values (record_id, field_id, value) "
                    "VALUES (?, ?, ?)",
                    (record_id, name[7:], value),
                )
            elif name in ("phone", "email"):
                self._derive(entity, table, record_id, name, value)
        if entity == "followup":
            customer = self.current("followup", record_id, "customer_id")
            if customer:
                self.touched_customers.add(customer)

    def _derive(self, entity: str, table: str, record_id: str, name: str, value: Any) -> None:
        from crm_desktop.services import validation as v

        if name == "phone" and entity in ("customer", "contact"):
            try:
                normal = v.normalize_phone("phone", value, self.region) if value else None
            except ValidationError:
                normal = None
            self.raw.execute(
                f"UPDATE {table} SET phone_normalized = ? WHERE id = ?",  # noqa: S608
                (normal, record_id),
            )
        elif name == "email" and entity == "customer":
            try:
                normal = v.normalize_email("email", value) if value else None
            except ValidationError:
                normal = None
            self.raw.execute(
                "UPDATE customers SET email_normalized = ? WHERE id = ?", (normal, record_id)
            )

    def refresh_customers(self) -> None:
        """Recompute last contact / next follow-up of customers whose follow-ups changed."""
        for customer_id in sorted(self.touched_customers):
            self.raw.execute(
                "UPDATE customers SET "
                "last_contact_at = (SELECT max(occurred_at) FROM followups INDEXED BY "
                "ix_followups_customer_id WHERE customer_id = customers.id "
                "AND deleted_at IS NULL AND status = 'done'), "
                "next_followup_at = (SELECT min(due_at) FROM followups INDEXED BY "
                "ix_followups_customer_id WHERE customer_id = customers.id "
                "AND deleted_at IS NULL AND status = 'planned') WHERE id = ?",
                (customer_id,),
            )
        self.touched_customers.clear()

    def apply_state(
        self, entity: str, record_id: str, data: dict[str, Any], stamps: dict[str, str]
    ) -> list[str]:
        """Merge a whole record from the server by stamp; returns the fields taken."""
        mine = self.stamps(entity, record_id)
        fresh = (entity, record_id) in self.created or not self.exists(entity, record_id)
        taken: dict[str, str] = {}
        values: dict[str, Any] = {}
        for name, hlc in stamps.items():
            local = mine.get(name)
            if local is not None and local[0] >= hlc:
                continue
            values[name] = data.get(name)
            taken[name] = hlc
        if fresh:  # a record coming (back) in: where this device's own change wins, its value
            for name, (hlc, _) in mine.items():
                if name not in taken and hlc > stamps.get(name, ""):
                    values[name] = self.journal_value(entity, record_id, name)
        self.write_fields(entity, record_id, values, None)
        if taken:
            self.save_stamps(entity, record_id, taken)
        return list(taken)

    # --- moving out ----------------------------------------------------------------------------

    def purge(self, entity: str, record_ids: Iterable[str]) -> None:
        """Remove records this user may no longer see, with what hangs off them. Local changes
        not yet sent stay in the journal (the server decides on them, and a refusal shows in
        the conflicts list)."""
        ids = list(record_ids)
        if entity == "customer":
            for customer_id in ids:
                for child, child_table in CHILD_TABLES.items():
                    children = [
                        r[0]
                        for r in self.raw.execute(
                            f"SELECT id FROM {child_table} WHERE customer_id = ?",  # noqa: S608
                            (customer_id,),
                        )
                    ]
                    self.purge(child, children)
                self.raw.execute("DELETE FROM customer_tags WHERE customer_id = ?", (customer_id,))
        table = ENTITY_TABLES.get(entity)
        for record_id in ids:
            if entity == "opportunity":
                self.raw.execute("DELETE FROM stage_history WHERE opportunity_id = ?", (record_id,))
            if entity == "followup":
                customer = self.current("followup", record_id, "customer_id")
                if customer:
                    self.touched_customers.add(customer)
            if table is not None:
                self.raw.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))  # noqa: S608
            self.raw.execute("DELETE FROM custom_field_values WHERE record_id = ?", (record_id,))
            self.raw.execute(
                "DELETE FROM sync_stamps WHERE entity = ? AND record_id = ?", (entity, record_id)
            )
            self.raw.execute(
                "DELETE FROM change_journal WHERE entity = ? AND record_id = ? AND pushed_seq > 0",
                (entity, record_id),
            )
