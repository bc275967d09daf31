"""The first sync's bulk load: what it leaves in the file, in several batches, and when the
link is cut in the middle of it.

The load sets the insert triggers of the search index, forecast totals and report tables
aside, drops the secondary indexes of the tables it fills and splits records into columns
on the server; the file must end up as the services and triggers would have left it.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from crm_desktop.db.types import to_utc_text
from crm_desktop.domain.errors import ServerUnreachableError
from crm_desktop.domain.search_text import match_query
from crm_desktop.services.search import search_customer_ids
from crm_desktop.services.workspace import Workspace
from crm_desktop.sync import snapshot
from crm_desktop.sync.client import CURSOR_KEY, HLC_KEY
from crm_desktop.sync.local_apply import ENTITY_TABLES, Local, get_meta

from .conftest import Team

pytestmark = pytest.mark.sync

# Times the receiving device fills in itself when the server has none (the first stamp's).
OWN_TIMES = {"created_at", "updated_at", "stage_changed_at"}
REPORTS = {
    "report_segment_counts": """
        SELECT d, coalesce(owner_id, ''), v, count(*) FROM (
            SELECT 'region' AS d, owner_id, coalesce('=' || region, '') AS v, deleted_at
                FROM customers
            UNION ALL SELECT 'industry', owner_id, coalesce('=' || industry, ''), deleted_at
                FROM customers
            UNION ALL SELECT 'source', owner_id, coalesce('=' || source, ''), deleted_at
                FROM customers
            UNION ALL SELECT 'tier', owner_id, coalesce('=' || tier, ''), deleted_at
                FROM customers)
        WHERE deleted_at IS NULL GROUP BY 1, 2, 3""",
    "report_followup_days": """
        SELECT f.status, substr(CASE f.status WHEN 'done' THEN f.occurred_at
                ELSE f.due_at END, 1, 10) AS day, coalesce(f.owner_id, ''), f.channel, count(*)
        FROM followups AS f WHERE f.deleted_at IS NULL AND f.status IN ('done', 'planned')
            AND day IS NOT NULL
            AND f.customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)
        GROUP BY 1, 2, 3, 4""",
    "report_deal_days": """
        SELECT substr(o.created_at, 1, 10), coalesce(o.owner_id, ''), o.status,
            coalesce(o.stage_id, ''), CASE WHEN o.status IN ('open', 'won') THEN '' ELSE
            coalesce((SELECT group_concat(DISTINCT h.to_stage_id ORDER BY h.to_stage_id)
                FROM stage_history AS h WHERE h.opportunity_id = o.id), '') END, count(*)
        FROM opportunities AS o WHERE o.deleted_at IS NULL
            AND o.customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)
        GROUP BY 1, 2, 3, 4, 5""",
    "forecast_totals": """
        SELECT status, coalesce(substr(expected_close, 1, 7), ''), coalesce(owner_id, ''),
            currency, stage_id, count(*), coalesce(sum(amount_minor), 0),
            coalesce(sum(amount_minor * probability), 0),
            coalesce(sum(CASE WHEN probability IS NULL THEN amount_minor END), 0)
        FROM opportunities WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5""",
}
KEPT = {
    "report_segment_counts": "SELECT * FROM report_segment_counts WHERE count <> 0",
    "report_followup_days": "SELECT * FROM report_followup_days WHERE count <> 0",
    "report_deal_days": "SELECT * FROM report_deal_days WHERE count <> 0",
    "forecast_totals": "SELECT * FROM forecast_totals WHERE deals <> 0",
}
SEARCHES = ("张", "zhang", "zs", "李经理3", "Acme", "13900130004", "0755", "z5@example.com",
            "slash", "备注", "wang", "深圳", "HT-00")  # fmt: skip


def _raw(ws: Workspace, run: Callable[[Any], Any]) -> Any:
    with ws.db.session() as session:
        return run(session.connection().connection.driver_connection)


def _rows(ws: Workspace, query: str) -> list[tuple[Any, ...]]:
    return sorted(_raw(ws, lambda raw: [tuple(r) for r in raw.execute(query)]), key=repr)


def _table(ws: Workspace, table: str) -> list[dict[str, Any]]:
    def read(raw: Any) -> list[dict[str, Any]]:
        cursor = raw.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608
        names = [d[0] for d in cursor.description]
        return [
            {k: v for k, v in zip(names, row, strict=True) if k not in OWN_TIMES} for row in cursor
        ]

    return list(_raw(ws, read))


def _schema(ws: Workspace) -> list[tuple[Any, ...]]:
    return _rows(ws, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                     "WHERE type IN ('index', 'trigger') ORDER BY name")  # fmt: skip


def _fill(a: Workspace) -> None:
    """Records of every kind, through the services (triggers and all)."""
    stages = a.stages.list()
    vip = a.tags.create(name="重要")
    other = a.tags.create(name="Later")
    contract = a.custom_fields.create(name="合同编号", field_type="text")
    notes = "back\\slash\ttab\nnew line 备注 \\N"
    due = dt.datetime(2031, 3, 4, 5, 6, tzinfo=dt.UTC)
    for n in range(23):
        cid = a.customers.create(
            name=f"张{n}号" if n % 3 else f"Wang {n}", company="Acme" if n % 2 else None,
            kind="individual" if n % 4 == 0 else "company",
            phone=f"1390013{n:04d}" if n % 5 else f"0755-8{n:03d}-1234",
            email=f"Z{n}@Example.COM" if n % 6 else None, notes=notes if n % 7 == 3 else None,
            city="深圳", region="广东" if n % 2 else None, industry="制造" if n % 3 else None,
            source="referral" if n % 2 else None, tier="A" if n % 3 else "B",
        )  # fmt: skip
        a.customers.set_tags(cid, [vip] if n % 2 else [vip, other])
        if n % 4 == 1:
            a.customers.set_custom_values(cid, {contract: f"HT-{n:03d}"})
        a.contacts.create(customer_id=cid, name=f"李经理{n}", phone=f"1370013{n:04d}",
                          is_primary=n % 2 == 0)  # fmt: skip
        a.opportunities.create(
            title=f"单{n}", customer_id=cid, stage_id=stages[n % len(stages)].id,
            amount=f"{1000 + n}.50", probability=None if n % 3 else 40,
        )  # fmt: skip
        a.followups.create(customer_id=cid, subject="拜访", status="done")
        a.followups.create(customer_id=cid, subject="回访", due_at=due + dt.timedelta(days=n))
        if n % 9 == 8:
            a.customers.delete(cid)  # in the bin: its deals and follow-ups leave the reports


def _same_name_heads(a: Workspace, c: Workspace) -> None:
    """The name-start index (migration 0013) finds the same customers in both files."""
    for term in ("张", "zhang", "z", "wang", "w", "1号", "acme"):
        query = (
            "SELECT c.id FROM customer_name_heads AS h JOIN customers AS c ON c.rowid = h.rowid "  # noqa: S608
            f"WHERE customer_name_heads MATCH '{match_query(term)}'"
        )
        found = _rows(c, query)
        assert found == _rows(a, query), term
        assert found or term == "acme", term  # a company, not a name: not in this index


def _server_state(team: Team) -> dict[tuple[str, str], dict[str, str]]:
    with team.connect() as conn:
        return {
            (e, i): json.loads(s)
            for e, i, s in conn.execute("SELECT entity, row_id, stamps::text FROM crm.rows")
        }


def test_a_snapshot_in_many_batches_leaves_what_the_services_would(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "BATCH", 4)  # many batches, and every table's indexes dropped
    login_a, _ = team.add_member("ann", "owner")
    login_c, _ = team.add_member("cat", "manager")
    a = team.workspace("a")
    sync_a = team.client(a, login_a)
    sync_a.sync()
    _fill(a)
    sync_a.sync()

    c = team.workspace("c")
    fresh = _schema(c)
    got = team.client(c, login_c).sync()
    server = _server_state(team)
    assert got.snapshot_rows == len(server)

    # every record's fields as the sender has them (the sender's own times aside)
    for table in (*ENTITY_TABLES.values(), "customer_tags", "custom_field_values"):
        if table in ("customer_tags", "custom_field_values"):
            query = f"SELECT * FROM {table}"  # noqa: S608
            assert _rows(c, query) == _rows(a, query), table
        elif table != "users":
            assert _table(c, table) == _table(a, table), table
    # report tables and forecast totals as their triggers keep them
    for name, recount in REPORTS.items():
        kept = _rows(c, KEPT[name])
        assert kept, name
        assert kept == _rows(c, recount), name
    # the search index as the insert triggers fill it
    for query in SEARCHES:
        with a.db.session() as sa, c.db.session() as sc:
            found = search_customer_ids(sc, query)
            assert found == search_customer_ids(sa, query), query
    _same_name_heads(a, c)
    # indexes and triggers all back, as in a new file
    assert _schema(c) == fresh
    # each field's stamp, the clock and the cursor
    newest = max(max(s.values()) for s in server.values())

    def stamps(raw: Any) -> dict[tuple[str, str], dict[str, str]]:
        local = Local(raw)
        return {key: {f: s for f, (s, _) in local.stamps(*key).items()} for key in server}

    assert _raw(c, stamps) == server
    assert _raw(c, lambda raw: get_meta(raw, HLC_KEY)) == newest
    assert int(_raw(c, lambda raw: get_meta(raw, CURSOR_KEY))) > 0
    # created with the time of the record's first stamp
    customer = next(k for k in server if k[0] == "customer")
    first = min(server[customer].values())
    created = to_utc_text(dt.datetime.fromtimestamp(int(first[:15]) / 1000, dt.UTC))
    assert _rows(c, f"SELECT created_at FROM customers WHERE id = '{customer[1]}'") == [  # noqa: S608
        (created,)
    ]
    a.close()
    c.close()


def test_a_snapshot_into_a_file_with_customers_indexes_the_new_ones_in_its_transaction(
    team: Team,
) -> None:
    """A file that has customers of its own before its first sync takes the general path
    (``index_new_customers``) rather than the search build beside the load: the searches of
    both files agree once the sender has pulled the receiver's own customer too."""
    login_a, _ = team.add_member("ann", "owner")
    login_c, _ = team.add_member("cat", "manager")
    a = team.workspace("a")
    sync_a = team.client(a, login_a)
    sync_a.sync()
    _fill(a)
    sync_a.sync()
    c = team.workspace("c")
    own = c.customers.create(name="张自己", phone="13900139999", kind="individual")
    c.contacts.create(customer_id=own, name="李经理自己", phone="13700139999")
    got = team.client(c, login_c).sync()
    assert got.snapshot_rows > 0
    sync_a.sync()
    for query in (*SEARCHES, "自己", "zzj", "13900139999"):
        with a.db.session() as sa, c.db.session() as sc:
            found = search_customer_ids(sc, query)
            assert found == search_customer_ids(sa, query), query
    with c.db.session() as sc:
        assert search_customer_ids(sc, "zzj") == [own]
    _same_name_heads(a, c)
    a.close()
    c.close()


@pytest.mark.parametrize("kind", ["customer", "followup"])
def test_a_snapshot_cut_midway_leaves_the_file_as_it_was(
    kind: str, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server connection is killed while the customers stream in (several batches read,
    more to come), or the follow-ups (the search indexes being built beside the load):
    nothing of the snapshot stays, indexes and triggers included, and the next sync starts
    it again."""
    monkeypatch.setattr(snapshot, "BATCH", 3)
    login_a, _ = team.add_member("ann", "owner")
    login_c, _ = team.add_member("cat", "manager")
    a = team.workspace("a")
    sync_a = team.client(a, login_a)
    sync_a.sync()
    _fill(a)
    sync_a.sync()

    c = team.workspace("c")
    fresh = _schema(c)
    sync_c = team.client(c, login_c)
    load = snapshot._load_entity
    cut: list[int] = []

    def cutting(local: Any, conn: Any, entity: str, *args: Any) -> None:
        if entity == kind:
            batches = args[1]
            next(batches)  # a batch in, then the link goes
            with team.connect() as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (conn.info.backend_pid,))
            cut.append(1)
        load(local, conn, entity, *args)

    monkeypatch.setattr(snapshot, "_load_entity", cutting)
    with pytest.raises((ServerUnreachableError, psycopg.OperationalError)):
        sync_c.sync()
    assert cut
    assert _rows(c, "SELECT count(*) FROM customers") == [(0,)]
    assert _rows(c, "SELECT count(*) FROM contacts") == [(0,)]
    assert _rows(c, "SELECT count(*) FROM sync_stamps") == [(0,)]
    assert _rows(c, "SELECT count(*) FROM report_segment_counts WHERE count <> 0") == [(0,)]
    for index in ("customer_search", "customer_name_heads"):
        assert _rows(c, f"SELECT count(*) FROM {index}_docsize") == [(0,)]  # noqa: S608
    assert not [t for t in threading.enumerate() if t.name == "crm-search-build"]
    assert _raw(c, lambda raw: get_meta(raw, CURSOR_KEY)) is None
    assert _schema(c) == fresh

    monkeypatch.setattr(snapshot, "_load_entity", load)
    again = sync_c.sync()
    assert again.snapshot_rows == len(_server_state(team))
    assert _table(c, "customers") == _table(a, "customers")
    assert _schema(c) == fresh
    _same_name_heads(a, c)
    for query in SEARCHES:
        with a.db.session() as sa, c.db.session() as sc:
            assert search_customer_ids(sc, query) == search_customer_ids(sa, query), query
    a.close()
    c.close()
