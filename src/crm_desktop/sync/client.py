"""Push and pull: one device's sync with the team server.

A sync run is: check the server's schema version and who we are; push every local change not
yet acknowledged (in batches; the server answers per change and only acknowledged changes are
marked); on the first sync download a snapshot; then pull the log after the cursor, page by
page, each page applied in one local transaction together with the cursor. Push comes before
pull, so a pulled value meets a local change only if it was made during the run; then the
stamps decide and a local value that loses is kept in the conflicts list.

Any connection error leaves the file consistent: a page is applied whole or not at all, a
push is marked only from the server's answer, and retrying resends the same change ids,
which the server recognises.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from crm_desktop.db.engine import Database
from crm_desktop.db.models import Meta
from crm_desktop.db.types import to_utc_text, utcnow
from crm_desktop.domain.errors import (
    NotTeamMemberError,
    ServerNotSetUpError,
    ServerSchemaError,
    ServerUnreachableError,
)
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.journal import CREATED, created_changes
from crm_desktop.sync.local_apply import (
    ENTITY_TABLES,
    Local,
    get_meta,
    raw_of,
    set_meta,
    sync_transaction,
)
from crm_desktop.sync.server_schema import SERVER_SCHEMA_VERSION, server_version

PUSH_BATCH = 5000
PULL_PAGE = 5000
CURSOR_KEY = "sync_cursor"
HLC_KEY = "sync_hlc"
USER_KEY = "sync_user_id"


@dataclass
class SyncResult:
    pushed: int = 0
    superseded: int = 0
    rejected: int = 0
    pulled: int = 0
    conflicts: int = 0
    snapshot_rows: int = 0


Connect = Callable[[], Any]


class SyncClient:
    """Syncs one open file (``ctx``) through connections made by ``connect``."""

    def __init__(self, ctx: ServiceContext, connect: Connect) -> None:
        self.ctx = ctx
        self.db: Database = ctx.db
        self.connect = connect

    # --- the whole run ---------------------------------------------------------------------

    def sync(self) -> SyncResult:
        result = SyncResult()
        with self._connection() as conn:
            self._check(conn)
            if self._meta(CURSOR_KEY) is None:
                self._join(conn)
            self.push(conn, result)
            if self._meta(CURSOR_KEY) is None:
                self.snapshot(conn, result)
            self.pull(conn, result)
        return result

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        import psycopg

        try:
            conn = self.connect()
        except psycopg.OperationalError as error:
            raise ServerUnreachableError(reason=_reason(error)) from error
        try:
            yield conn
        except psycopg.OperationalError as error:
            raise ServerUnreachableError(reason=_reason(error)) from error
        finally:
            conn.close()

    def _check(self, conn: Any) -> None:
        version = server_version(conn)
        if version == 0:
            raise ServerNotSetUpError()
        if version != SERVER_SCHEMA_VERSION:
            raise ServerSchemaError(server=version, client=SERVER_SCHEMA_VERSION)
        row = conn.execute("SELECT user_id, crm_role FROM crm.whoami()").fetchone()
        if row is None:
            login = conn.execute("SELECT session_user").fetchone()[0]
            raise NotTeamMemberError(login=login)
        self.user_id, self.role = str(row[0]), str(row[1])

    def _join(self, conn: Any) -> None:
        """First sync of this file: act as the member; a new empty file drops its own
        starter records (first user, default stages) when the team already has its own."""
        team_stages = conn.execute(
            "SELECT 1 FROM crm.rows WHERE entity = 'stage' LIMIT 1"
        ).fetchone()
        with self.db.write() as session:
            raw = raw_of(session)
            has_data = raw.execute("SELECT 1 FROM customers LIMIT 1").fetchone() is not None
            if not has_data:
                raw.execute("DELETE FROM users WHERE id <> ?", (self.user_id,))
                raw.execute("DELETE FROM change_journal WHERE entity = 'user'")
                if team_stages:
                    raw.execute("DELETE FROM stages")
                    raw.execute("DELETE FROM change_journal WHERE entity = 'stage'")
            session.merge(Meta(key="current_user_id", value=self.user_id))
            session.merge(Meta(key=USER_KEY, value=self.user_id))
        self.ctx.user_id = self.user_id

    # --- push --------------------------------------------------------------------------------

    def push(self, conn: Any, result: SyncResult | None = None) -> SyncResult:
        result = result or SyncResult()
        after = 0
        while True:
            with self.db.session() as session:
                raw = raw_of(session)
                rows = raw.execute(
                    "SELECT seq, change_id, action_id, entity, record_id, field, new_value, "
                    "user_id, device_id, hlc, changed_at FROM change_journal "
                    "WHERE pushed_seq IS NULL AND seq > ? ORDER BY seq LIMIT ?",
                    (after, PUSH_BATCH),
                ).fetchall()
            if not rows:
                return result
            if len(rows) == PUSH_BATCH:  # end the batch at the end of a user action
                with self.db.session() as session:
                    rows += (
                        raw_of(session)
                        .execute(
                            "SELECT seq, change_id, action_id, entity, record_id, field, "
                            "new_value, "
                            "user_id, device_id, hlc, changed_at FROM change_journal "
                            "WHERE pushed_seq IS NULL AND seq > ? AND action_id = ? ORDER BY seq",
                            (rows[-1][0], rows[-1][2]),
                        )
                        .fetchall()
                    )
            after = rows[-1][0]
            self._push_batch(conn, rows, result)

    def _push_batch(self, conn: Any, journal: list[Any], result: SyncResult) -> None:
        rows, created = _expanded(journal)
        dump = json.dumps
        batch = ",".join(
            f'{{"ord":{n},"id":{dump(r[1])},"action_id":{dump(r[2])},"entity":{dump(r[3])},'
            f'"row_id":{dump(r[4])},"field":{dump(r[5])},'
            f'"value":{r[6] if r[6] is not None else "null"},"user_id":{dump(r[7])},'
            f'"device":{dump(r[8])},"hlc":{dump(r[9])},"changed_at":{dump(r[10])}}}'
            for n, r in enumerate(rows)
        )
        import psycopg

        try:
            answers = conn.execute(
                "SELECT change_id::text, seq, status, reason, theirs::text, theirs_hlc "
                "FROM crm.push(%s::jsonb, %s)",
                ("[" + batch + "]", SERVER_SCHEMA_VERSION),
            ).fetchall()
        except psycopg.errors.RaiseException as error:
            if getattr(error.diag, "sqlstate", None) == "CRM01":
                raise ServerSchemaError(
                    server=server_version(conn), client=SERVER_SCHEMA_VERSION
                ) from error
            raise
        by_id = {r[1]: r for r in rows}
        device = self.ctx.device_id
        refused: dict[tuple[str, str], set[str]] = {}
        with sync_transaction(self.db, self.ctx.default_region) as local:
            raw = local.raw
            marks: list[tuple[int, str]] = []
            for change_id, seq, status, reason, theirs, theirs_hlc in answers:
                row = by_id[change_id]
                if status in ("applied", "superseded"):
                    marks.append((seq, change_id))
                    if status == "applied":
                        result.pushed += 1
                    else:
                        result.superseded += 1
                        if theirs_hlc and theirs_hlc.split(".", 2)[2] != device:
                            result.conflicts += _conflict(
                                raw, row, theirs, theirs_hlc, "superseded"
                            )
                elif reason in ("forbidden", "invalid"):
                    marks.append((0, change_id))
                    result.rejected += 1
                    result.conflicts += _conflict(raw, row, None, None, reason)
                    refused.setdefault((row[3], row[4]), set()).add(row[5])
                else:  # clock ahead: kept, retried at the next sync
                    result.rejected += 1
            if created:
                marks = _mark_created(raw, created, marks)
            raw.executemany("UPDATE change_journal SET pushed_seq = ? WHERE change_id = ?", marks)
            if refused:
                self._undo_refused(local, conn, refused)

    def _undo_refused(
        self, local: Local, conn: Any, refused: dict[tuple[str, str], set[str]]
    ) -> None:
        """A refused change is kept in the conflicts list; the file goes back to what the
        server holds: the server's values of those fields, or no record at all when this user
        may not see it (or the server never accepted it)."""
        server = _server_rows(conn, list(refused))
        # Hidden records leave first: purging a customer takes what hangs off it, which
        # may include a visible record whose refused move pointed there.
        for entity, row_id in refused:
            if (entity, row_id) not in server and local.exists(entity, row_id):
                local.purge(entity, [row_id])
        for (entity, row_id), fields in refused.items():
            if (entity, row_id) not in server:
                continue
            data, stamps = server[(entity, row_id)]
            if not local.exists(entity, row_id):  # gone with its parent: the server's whole
                local.apply_state(entity, row_id, data, stamps)  # record comes back
                continue
            local.write_fields(entity, row_id, {f: data.get(f) for f in fields}, None)
            kept = {f: stamps[f] for f in fields if f in stamps}
            if kept:
                local.save_stamps(entity, row_id, kept)
        fix_references(local, conn)
        local.refresh_customers()

    # --- first sync --------------------------------------------------------------------------

    def snapshot(self, conn: Any, result: SyncResult | None = None) -> SyncResult:
        """Everything this user may see, read in one REPEATABLE READ transaction; the cursor
        starts at the last change that transaction could see."""
        from crm_desktop.sync.snapshot import BULK_CACHE_KIB, apply_snapshot

        result = result or SyncResult()
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            head = int(conn.execute("SELECT crm.head()").fetchone()[0])
            region = self.ctx.default_region
            with sync_transaction(self.db, region, cache_kib=BULK_CACHE_KIB) as local:
                result.snapshot_rows = apply_snapshot(local, conn, self._observe)
                set_meta(local.raw, CURSOR_KEY, str(head))
                self._save_hlc(local.raw)
        finally:
            conn.execute("COMMIT")
        return result

    # --- pull --------------------------------------------------------------------------------

    def pull(self, conn: Any, result: SyncResult | None = None) -> SyncResult:
        result = result or SyncResult()
        while True:
            cursor = int(self._meta(CURSOR_KEY) or 0)
            page = conn.execute(
                "SELECT seq, change_id::text, action_id, entity, row_id, field, value::text, "
                "hlc, device, user_id, changed_at FROM crm.changes "
                "WHERE seq > %s AND status = 'applied' ORDER BY seq LIMIT %s",
                (cursor, PULL_PAGE),
            ).fetchall()
            if not page:
                return result
            with sync_transaction(self.db, self.ctx.default_region) as local:
                self._apply_page(local, conn, page, result)
                set_meta(local.raw, CURSOR_KEY, str(page[-1][0]))
                self._save_hlc(local.raw)
            if len(page) < PULL_PAGE:
                return result

    def _apply_page(  # noqa: PLR0912
        self, local: Local, conn: Any, page: list[Any], result: SyncResult
    ) -> None:
        raw = local.raw
        known = {
            r[0]
            for r in _chunked_in(
                raw, "SELECT change_id FROM change_journal WHERE change_id IN", [p[1] for p in page]
            )
        }
        missing: dict[tuple[str, str], None] = {}
        access: dict[tuple[str, str], None] = {}
        stamps: dict[tuple[str, str], dict[str, tuple[str, bool]]] = {}
        rows: dict[tuple[str, str], dict[str, Any] | None] = {}
        writes: dict[tuple[str, str], dict[str, Any]] = {}
        whens: dict[tuple[str, str], str | None] = {}
        journal: list[tuple[Any, ...]] = []
        now = to_utc_text(utcnow())
        for seq, change_id, action_id, entity, row_id, name, value, hlc, device, user, when in page:
            if name == "@access":
                access[(entity, row_id)] = None
                continue
            self._observe(hlc)
            if change_id in known:
                continue
            key = (entity, row_id)
            if key not in stamps:
                rows[key] = local.row(entity, row_id)
                if entity in ENTITY_TABLES and rows[key] is None:
                    missing[key] = None
                stamps[key] = local.stamps(entity, row_id)
            mine = stamps[key].get(name)
            if mine is not None and mine[0] >= hlc:
                continue
            if mine is not None and mine[1]:
                pending = local.unpushed(entity, row_id, name)
                if pending is not None:
                    result.conflicts += _conflict_values(
                        raw, pending[0], entity, row_id, name, pending[1], value, hlc, "superseded"
                    )
            fields = writes.setdefault(key, {})
            row = rows[key]
            if name in fields:
                old = fields[name]
            elif row is not None and name in row:
                old = row[name]
            elif row is not None:
                old = local.current(entity, row_id, name)
            else:
                old = None
            fields[name] = json.loads(value) if value is not None else None
            whens[key] = when
            stamps[key][name] = (hlc, bool(mine and mine[1]))
            journal.append(
                (change_id, action_id or change_id, entity, row_id, name,
                 json.dumps(old, ensure_ascii=False) if old is not None else None, value,
                 user, device, hlc, when or now, seq)
            )  # fmt: skip
            result.pulled += 1
        for key, fields in writes.items():
            local.write_fields(key[0], key[1], fields, whens[key])
        raw.executemany(
            "INSERT OR IGNORE INTO change_journal (change_id, action_id, entity, record_id, "
            "field, old_value, new_value, user_id, device_id, hlc, changed_at, pushed_seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            journal,
        )
        # Records new to this file may have older fields this user never received (they
        # moved in); markers say a record's visibility may have changed either way.
        self._refresh(local, conn, list(missing), list(access), stamps)
        fix_references(local, conn)
        local.refresh_customers()

    def _refresh(
        self,
        local: Local,
        conn: Any,
        missing: list[tuple[str, str]],
        access: list[tuple[str, str]],
        applied: dict[tuple[str, str], dict[str, tuple[str, bool]]],
    ) -> None:
        wanted = missing + [k for k in access if k not in missing]
        if not wanted:
            return
        rows = _server_rows(conn, wanted)
        customers = [row_id for entity, row_id in access if entity == "customer"]
        if customers:
            rows.update(_server_bundles(conn, customers))
        for key, (data, stamps) in rows.items():
            have = applied.get(key, {})
            if key in applied and all(
                name in have and have[name][0] >= hlc for name, hlc in stamps.items()
            ):
                continue  # this page brought every field already
            local.apply_state(key[0], key[1], data, stamps)
            for hlc in stamps.values():
                self._observe(hlc)
        # Not visible (any more): a record this page made from old changes, or one a marker
        # names, leaves the file; a later marker brings it back if it becomes visible.
        gone = [k for k in wanted if k not in rows]
        for entity, row_id in gone:
            if local.exists(entity, row_id):
                local.purge(entity, [row_id])

    # --- state -------------------------------------------------------------------------------

    _max_seen: str = ""

    def _observe(self, hlc: str) -> None:
        if hlc and hlc > self._max_seen:
            self._max_seen = hlc
            self.ctx.hlc.observe(hlc)

    def _save_hlc(self, raw: Any) -> None:
        if self._max_seen:
            saved = get_meta(raw, HLC_KEY)
            if saved is None or saved < self._max_seen:
                set_meta(raw, HLC_KEY, self._max_seen)

    def _meta(self, key: str) -> str | None:
        with self.db.session() as session:
            row = session.get(Meta, key)
            return row.value if row is not None else None


def pending_count(db: Database) -> int:
    """Local changes not yet acknowledged by the server."""
    with db.session() as session:
        raw = raw_of(session)
        found = raw.execute(
            "SELECT coalesce(sum(CASE WHEN field = ? THEN (SELECT count(*) FROM "
            "json_each(new_value)) ELSE 1 END), 0) FROM change_journal WHERE pushed_seq IS NULL",
            (CREATED,),
        ).fetchone()
        return int(found[0])


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def _expanded(journal: list[Any]) -> tuple[list[Any], dict[str, tuple[Any, list[str]]]]:
    """The changes of journal rows as the server takes them: a creation row becomes one change
    per field (``journal.created_changes``). Also, for each of those changes' ids, the creation
    row and its change ids."""
    rows: list[Any] = []
    created: dict[str, tuple[Any, list[str]]] = {}
    for row in journal:
        if row[5] != CREATED:
            rows.append(row)
            continue
        changes = created_changes(row[1], row[6])
        ids = [change_id for change_id, _name, _value in changes]
        for change_id, name, value in changes:
            rows.append((row[0], change_id, *row[2:5], name, value, *row[7:]))
            created[change_id] = (row, ids)
    return rows, created


def _mark_created(
    raw: Any, created: dict[str, tuple[Any, list[str]]], marks: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """The marks of a push (``(server seq or 0 when refused, change id)``) with those of the
    changes of creation rows turned into marks of the rows: a row whose changes all got the
    same kind of answer (acknowledged, refused, none yet) is marked as one (the largest
    seq); else its fields are parted (``_part_created``) by answer."""
    answered = {change_id: seq for seq, change_id in marks}
    result = [(seq, change_id) for seq, change_id in marks if change_id not in created]
    done: set[str] = set()
    for row, ids in created.values():
        if row[1] in done:
            continue
        done.add(row[1])
        groups: dict[str, list[str]] = {}
        for change_id in ids:
            seq = answered.get(change_id)
            kind = "none" if seq is None else "refused" if seq == 0 else "acknowledged"
            groups.setdefault(kind, []).append(change_id)
        seqs = [answered[c] for c in groups.get("acknowledged", [])]
        mark = {"acknowledged": max(seqs, default=0), "refused": 0}
        if len(groups) > 1:
            _part_created(raw, row, groups, answered)
        kept = next(k for k in ("acknowledged", "refused", "none") if k in groups)
        if kept != "none":
            result.append((mark[kept], row[1]))
    return result


def _part_created(
    raw: Any, row: Any, groups: dict[str, list[str]], answered: dict[str, int]
) -> None:
    """Part a creation row whose fields got different answers: it keeps the fields of one kind
    of answer (acknowledged, else refused) and the others become rows of their own, each with
    its change id and answer (retried if none), so each field is marked as it was answered."""
    kept = next(k for k in ("acknowledged", "refused") if k in groups)
    keep = set(groups[kept])
    changes = created_changes(row[1], row[6])
    values = json.loads(row[6])
    remaining = {name: values[name] for change_id, name, _ in changes if change_id in keep}
    raw.execute(
        "UPDATE change_journal SET new_value = ? WHERE change_id = ?",
        (json.dumps(remaining, ensure_ascii=False), row[1]),
    )
    raw.executemany(
        "INSERT INTO change_journal (change_id, action_id, entity, record_id, field, "
        "old_value, new_value, user_id, device_id, hlc, changed_at, pushed_seq) "
        "VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)",
        [
            (change_id, row[2], row[3], row[4], name, value, *row[7:11], answered.get(change_id))
            for change_id, name, value in changes
            if change_id not in keep
        ],
    )


def _conflict(raw: Any, row: Any, theirs: str | None, theirs_hlc: str | None, reason: str) -> int:
    return _conflict_values(raw, row[1], row[3], row[4], row[5], row[6], theirs, theirs_hlc, reason)


def _conflict_values(
    raw: Any, change_id: str, entity: str, record_id: str, name: str,
    mine: str | None, theirs: str | None, theirs_hlc: str | None, reason: str,
) -> int:  # fmt: skip
    cursor = raw.execute(
        "INSERT OR IGNORE INTO sync_conflicts (change_id, entity, record_id, field, mine, "
        "theirs, theirs_hlc, reason, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (change_id, entity, record_id, name, mine, theirs, theirs_hlc, reason,
         to_utc_text(utcnow())),
    )  # fmt: skip
    return int(cursor.rowcount > 0)


def _chunked_in(raw: Any, query: str, values: list[str], size: int = 900) -> Iterator[Any]:
    for start in range(0, len(values), size):
        chunk = values[start : start + size]
        marks = ",".join("?" * len(chunk))
        yield from raw.execute(f"{query} ({marks})", chunk)


def fix_references(local: Local, conn: Any) -> None:
    """Fetch records that rows of this transaction point to but the file lacks; a parent
    this user may not see becomes an empty placeholder, filled if it ever arrives."""
    for _ in range(3):
        wanted = local.missing_parents()
        if not wanted:
            return
        for (entity, row_id), (data, stamps) in _server_rows(conn, wanted).items():
            local.apply_state(entity, row_id, data, stamps)
    for entity, row_id in local.missing_parents():
        local.ensure_row(entity, row_id, None)


def _server_rows(
    conn: Any, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], tuple[dict[str, Any], dict[str, str]]]:
    rows = conn.execute(
        "SELECT r.entity, r.row_id, r.data::text, r.stamps::text FROM crm.rows r "
        "JOIN unnest(%s::text[], %s::text[]) AS k(entity, row_id) "
        "ON r.entity = k.entity AND r.row_id = k.row_id",
        ([k[0] for k in keys], [k[1] for k in keys]),
    ).fetchall()
    return {(e, i): (json.loads(d), json.loads(s)) for e, i, d, s in rows}


def _server_bundles(
    conn: Any, customers: list[str]
) -> dict[tuple[str, str], tuple[dict[str, Any], dict[str, str]]]:
    rows = conn.execute(
        "SELECT r.entity, r.row_id, r.data::text, r.stamps::text FROM crm.rows r "
        "WHERE r.scope = ANY(%s::text[])",
        (customers,),
    ).fetchall()
    return {(e, i): (json.loads(d), json.loads(s)) for e, i, d, s in rows}
