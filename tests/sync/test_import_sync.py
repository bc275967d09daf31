"""Imported customers (one creation row each in the journal) sync as one change per field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from crm_desktop.services.import_files import Table
from crm_desktop.services.imports import CustomerImport
from crm_desktop.services.journal import CREATED, created_changes, created_id, history
from crm_desktop.services.workspace import Workspace, create_workspace
from crm_desktop.sync.client import SyncClient, _expanded, _mark_created, pending_count
from crm_desktop.sync.conflicts import open_conflicts
from crm_desktop.sync.local_apply import Local, sync_transaction

from .conftest import PG_HOST, PG_PORT, Team
from .proxy import CuttingProxy

pytestmark = pytest.mark.sync

SHEET = Table(
    ["name", "phone", "city", "tags"],
    [["张三贸易", "138 0013 8000", "上海", "展会,重点"], ["Acme", "", "Shenzhen", ""],
     ["李四", "13900001111", "", "重点"]],
    [2, 3, 4],
)  # fmt: skip
MAPPING = {0: "name", 1: "phone", 2: "city", 3: "tags"}


def _import(ws: Workspace) -> dict[str, dict[str, Any]]:
    """Import ``SHEET``; the creation rows' fields by customer id."""
    CustomerImport(ws.ctx, SHEET, MAPPING).run()
    with ws.db.session() as session:
        raw = session.connection().connection.driver_connection
        return {
            record_id: json.loads(value)
            for record_id, value in raw.execute(
                "SELECT record_id, new_value FROM change_journal WHERE field = ?", (CREATED,)
            )
        }


def _fields(ws: Workspace, customer_id: str) -> dict[str, Any]:
    with ws.db.session() as session:
        raw = session.connection().connection.driver_connection
        cursor = raw.execute("SELECT * FROM customers WHERE id = ?", (customer_id,))
        row = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
        row["tags"] = ws.customers.tag_ids(session, customer_id)
        return row


def test_an_import_arrives_field_by_field_and_later_edits_win(team: Team) -> None:
    login_a, _ = team.add_member("ann", "manager")
    login_b, _ = team.add_member("bob", "manager")
    a, b = team.workspace("a"), team.workspace("b")
    sync_a, sync_b = team.client(a, login_a), team.client(b, login_b)
    sync_a.sync()
    sync_b.sync()
    created = _import(a)
    assert len(created) == 3
    per_field = sum(len(values) for values in created.values())
    assert pending_count(a.db) - 2 == per_field  # and the two new tags' names
    result = sync_a.sync()
    assert result.pushed == per_field + 2 and pending_count(a.db) == 0
    with team.connect() as conn:  # the server holds one change per field, with its stable id
        on_server = {
            (row_id, field): (change_id, value)
            for change_id, row_id, field, value in conn.execute(
                "SELECT change_id::text, row_id, field, value::text FROM crm.changes "
                "WHERE entity = 'customer' AND device = %s",
                (a.ctx.device_id,),
            )
        }
    with a.db.session() as session:
        raw = session.connection().connection.driver_connection
        rows = raw.execute(
            "SELECT change_id, record_id, new_value FROM change_journal WHERE field = ?",
            (CREATED,),
        ).fetchall()
    expected = {
        (record_id, name): (change_id, value)
        for row_id, record_id, text in rows
        for change_id, name, value in created_changes(row_id, text)
    }
    assert {k: (c, json.loads(v)) for k, (c, v) in on_server.items()} == {
        k: (c, json.loads(v)) for k, (c, v) in expected.items()
    }
    sync_b.sync()
    zhang = next(i for i, v in created.items() if v["name"] == "张三贸易")
    mine, theirs = _fields(a, zhang), _fields(b, zhang)
    assert theirs["phone_normalized"] == "+8613800138000" and len(theirs["tags"]) == 2
    for name in ("name", "phone", "phone_normalized", "city", "owner_id", "kind", "tags"):
        assert theirs[name] == mine[name], name
    # an edit on the other device is newer than the creation: it wins on both
    b.customers.update(zhang, city="北京")
    sync_b.sync()
    sync_a.sync()
    assert _fields(a, zhang)["city"] == "北京"
    assert open_conflicts(a.db) == [] and open_conflicts(b.db) == []
    with a.db.session() as session:
        cities = [e.new_value for e in history(session, [zhang]) if e.field == "city"]
        local = Local.of(session)
        stamps = local.stamps("customer", zhang)
        assert local.journal_value("customer", zhang, "city") == "北京"
        assert local.journal_value("customer", zhang, "name") == "张三贸易"
    assert cities == ["北京", "上海"]  # newest first
    assert set(stamps) >= {"name", "phone", "city", "tags"}
    assert not any(unpushed for _hlc, unpushed in stamps.values())
    assert (sync_a.sync().pushed, sync_b.sync().pulled) == (0, 0)
    a.close()
    b.close()


@pytest.fixture
def proxy() -> Iterator[CuttingProxy]:
    p = CuttingProxy(PG_HOST, PG_PORT)
    yield p
    p.close()


def test_an_import_pushed_but_the_reply_lost_is_sent_again_once(
    team: Team, proxy: CuttingProxy
) -> None:
    login_a, _ = team.add_member("ann", "manager")
    a = team.workspace("a")
    dsn = f"host=127.0.0.1 port={proxy.port} user={login_a} dbname={team.name} connect_timeout=5"
    sync_a = SyncClient(a.ctx, lambda: psycopg.connect(dsn, autocommit=True))
    sync_a.sync()
    _import(a)
    waiting = pending_count(a.db)
    with psycopg.connect(dsn, autocommit=True) as conn:
        proxy.arm("after_commit")
        with pytest.raises(psycopg.OperationalError):
            sync_a.push(conn)
    assert pending_count(a.db) == waiting  # nothing marked without an answer
    proxy.arm(None)
    result = sync_a.sync()
    assert result.pushed == waiting and pending_count(a.db) == 0
    with team.connect() as conn:
        row = conn.execute(
            "SELECT count(*), count(DISTINCT change_id) FROM crm.changes WHERE device = %s",
            (a.ctx.device_id,),
        ).fetchone()
    assert row is not None and row[0] == row[1] >= waiting
    a.close()


def test_a_creation_row_answered_field_by_field_differently_is_parted(tmp_path: Path) -> None:
    """The server answers per change; when the fields of one creation row get different
    answers, each field must end marked as it was answered (the row is parted)."""
    ws = create_workspace(tmp_path / "a.db", "correct horse battery", owner_name="ann")
    _import(ws)
    with ws.db.session() as session:
        raw = session.connection().connection.driver_connection
        journal = raw.execute(
            "SELECT seq, change_id, action_id, entity, record_id, field, new_value, user_id, "
            "device_id, hlc, changed_at FROM change_journal WHERE field = ? ORDER BY seq",
            (CREATED,),
        ).fetchall()
    first, second, third = journal
    rows, created = _expanded(journal)
    assert len(rows) == sum(len(json.loads(r[6])) for r in journal) == len(created)
    names = list(json.loads(first[6]))
    name_id, phone_id = created_id(first[1], "name"), created_id(first[1], "phone")
    rest = [created_id(first[1], n) for n in names if n not in ("name", "phone")]
    marks = [(7, name_id), (0, phone_id)]  # name applied, phone refused, the rest unanswered
    marks += [(8, created_id(second[1], n)) for n in json.loads(second[6])]  # all applied
    marks += [(0, created_id(third[1], n)) for n in json.loads(third[6])]  # all refused
    before = pending_count(ws.db)
    with sync_transaction(ws.db, "CN") as local:
        final = _mark_created(local.raw, created, marks)
        local.raw.executemany("UPDATE change_journal SET pushed_seq = ? WHERE change_id = ?", final)
    assert sorted(final) == sorted([(7, first[1]), (8, second[1]), (0, third[1])])
    with ws.db.session() as session:
        raw = session.connection().connection.driver_connection
        got = {
            change_id: (field, pushed)
            for change_id, field, pushed in raw.execute(
                "SELECT change_id, field, pushed_seq FROM change_journal WHERE record_id = ?",
                (first[4],),
            )
        }
        local = Local.of(session)
        stamps = local.stamps("customer", first[4])
        unpushed = local.unpushed("customer", first[4], "city")
    assert got[first[1]] == (CREATED, 7)  # the row keeps the applied field
    assert got[phone_id] == ("phone", 0)
    assert {got[c] for c in rest} == {(n, None) for n in names if n not in ("name", "phone")}
    assert set(got) == {first[1], phone_id, *rest}
    with ws.db.session() as session:
        raw = session.connection().connection.driver_connection
        kept = raw.execute("SELECT new_value FROM change_journal WHERE change_id = ?", (first[1],))
        assert json.loads(kept.fetchone()[0]) == {"name": "张三贸易"}
    assert pending_count(ws.db) == before - 2 - len(json.loads(second[6])) - len(
        json.loads(third[6])
    )
    assert "phone" not in stamps and stamps["name"] == (first[9], False)
    assert stamps["city"] == (first[9], True)
    assert unpushed == (created_id(first[1], "city"), json.dumps("上海", ensure_ascii=False))
    # the history still reads every field once
    with ws.db.session() as session:
        fields = sorted(e.field for e in history(session, [first[4]]))
    assert fields == sorted(names)
    ws.close()
