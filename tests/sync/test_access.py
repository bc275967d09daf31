"""Row-level security and owner changes, and pushes racing each other."""

from __future__ import annotations

import json
import threading

import psycopg
import pytest

from crm_desktop.services.duplicates import merge_customers
from crm_desktop.services.workspace import Workspace
from crm_desktop.sync.client import SyncClient, pending_count
from crm_desktop.sync.conflicts import open_conflicts

from .conftest import Team

pytestmark = pytest.mark.sync


def _ids(ws: Workspace, table: str) -> set[str]:
    with ws.db.session() as session:
        raw = session.connection().connection.driver_connection
        return {r[0] for r in raw.execute(f"SELECT id FROM {table}")}  # noqa: S608


def test_a_sales_login_cannot_read_or_write_other_customers_with_raw_sql(team: Team) -> None:
    boss_login, _ = team.add_member("boss", "owner")
    s1_login, s1 = team.add_member("s1", "sales")
    _, s2 = team.add_member("s2", "sales")
    boss = team.workspace("boss")
    sync_boss = team.client(boss, boss_login)
    sync_boss.sync()
    mine = boss.customers.create(name="Ann's", owner_id=s1)
    theirs = boss.customers.create(name="Bob's", owner_id=s2)
    boss.followups.create(customer_id=theirs, subject="secret visit", status="done")
    sync_boss.sync()

    with team.connect(s1_login) as conn:
        rows = conn.execute("SELECT entity, row_id FROM crm.rows").fetchall()
        seen = {r[1] for r in rows if r[0] in ("customer", "followup")}
        assert mine in seen and theirs not in seen
        assert all(r[0] != "followup" for r in rows)
        changes = conn.execute("SELECT DISTINCT row_id FROM crm.changes").fetchall()
        assert theirs not in {r[0] for r in changes}
        for statement in (
            "UPDATE crm.rows SET data = '{}'",
            "DELETE FROM crm.changes",
            "INSERT INTO crm.shares VALUES ('x', 'y')",
            "INSERT INTO crm.members VALUES ('x', 'y', 'owner')",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # through the push function: a change to someone else's customer is refused
        batch = [
            {"ord": 1, "id": "00000000-0000-4000-8000-000000000001", "entity": "customer",
             "row_id": theirs, "field": "name", "value": "hijacked", "device": "d",
             "hlc": "000000000000001.000000.d", "user_id": s1},
            {"ord": 2, "id": "00000000-0000-4000-8000-000000000002", "entity": "followup",
             "row_id": "f-new", "field": "customer_id", "value": theirs, "device": "d",
             "hlc": "000000000000001.000001.d", "user_id": s1},
        ]  # fmt: skip
        answers = conn.execute(
            "SELECT status, reason FROM crm.push(%s::jsonb, 1)", (json.dumps(batch),)
        ).fetchall()
        assert answers == [("rejected", "forbidden"), ("rejected", "forbidden")]
    with team.connect() as conn:
        row = conn.execute(
            "SELECT data->>'name' FROM crm.rows WHERE row_id = %s", (theirs,)
        ).fetchone()
        assert row == ("Bob's",)

    # the sales user's own file holds only what they may see
    ann = team.workspace("ann")
    team.client(ann, s1_login).sync()
    assert mine in _ids(ann, "customers") and theirs not in _ids(ann, "customers")
    assert _ids(ann, "followups") == set()
    boss.close()
    ann.close()


def test_owner_change_moves_the_whole_customer_in_and_out(team: Team) -> None:
    boss_login, _ = team.add_member("boss", "manager")
    s1_login, s1 = team.add_member("s1", "sales")
    s2_login, s2 = team.add_member("s2", "sales")
    boss, ann, bob = team.workspace("boss"), team.workspace("ann"), team.workspace("bob")
    sync_boss = team.client(boss, boss_login)
    sync_ann, sync_bob = team.client(ann, s1_login), team.client(bob, s2_login)
    for c in (sync_boss, sync_ann, sync_bob):
        c.sync()
    cid = ann.customers.create(name="Moving Co", city="Wuhan")
    fid = ann.followups.create(customer_id=cid, subject="first call", status="done")
    sync_ann.sync()
    sync_bob.sync()
    assert cid not in _ids(bob, "customers")
    # ann gives the customer to bob: it moves out of her file, into his, with its follow-up
    ann.customers.update(cid, owner_id=s2)
    sync_ann.sync()
    assert cid not in _ids(ann, "customers") and fid not in _ids(ann, "followups")
    sync_bob.sync()
    assert cid in _ids(bob, "customers") and fid in _ids(bob, "followups")
    assert bob.customers.get(cid).city == "Wuhan"
    # and back, through the manager
    sync_boss.sync()
    boss.customers.update(cid, owner_id=s1)
    sync_boss.sync()
    sync_ann.sync()
    sync_bob.sync()
    assert cid in _ids(ann, "customers") and fid in _ids(ann, "followups")
    assert cid not in _ids(bob, "customers")
    assert open_conflicts(ann.db) == [] and pending_count(ann.db) == 0
    for ws in (boss, ann, bob):
        ws.close()


def test_pushes_racing_and_a_long_open_push_lose_nothing(team: Team) -> None:
    logins = [team.add_member(f"m{i}", "manager")[0] for i in range(3)]
    files = [team.workspace(f"w{i}") for i in range(3)]
    clients = [team.client(ws, login) for ws, login in zip(files, logins, strict=True)]
    for c in clients:
        c.sync()
    for i, ws in enumerate(files[:2]):
        for n in range(150):
            ws.customers.create(name=f"c{i}-{n}")
    # A push held open: it has taken its sequence numbers but not committed.
    held = team.connect(logins[0])
    held.autocommit = False
    with files[0].db.session() as session:
        raw = session.connection().connection.driver_connection
        rows = raw.execute(
            "SELECT change_id, entity, record_id, field, new_value, hlc FROM change_journal "
            "WHERE pushed_seq IS NULL AND entity = 'customer' LIMIT 50"
        ).fetchall()
    batch = [
        {"ord": i, "id": r[0], "entity": r[1], "row_id": r[2], "field": r[3],
         "value": json.loads(r[4]) if r[4] else None, "hlc": r[5], "device": "w0"}
        for i, r in enumerate(rows)
    ]  # fmt: skip
    held.execute("SELECT * FROM crm.push(%s::jsonb, 1)", (json.dumps(batch),))
    # Another push runs meanwhile (it waits for the lock), and a puller pulls.
    done = threading.Event()

    def push_other() -> None:
        with team.connect(logins[1]) as conn:
            clients[1].push(conn)
        done.set()

    worker = threading.Thread(target=push_other)
    worker.start()
    with team.connect(logins[2]) as conn:
        clients[2].pull(conn)
    assert not done.wait(0.5)  # serialised behind the open push
    held.commit()
    held.close()
    worker.join(60)
    assert done.is_set()
    for c in clients:
        c.sync()
    for c in clients:
        c.sync()
    names = [_ids(ws, "customers") for ws in files]
    assert names[0] == names[1] == names[2] and len(names[0]) == 300
    with team.connect() as conn:
        seqs = [r[0] for r in conn.execute("SELECT seq FROM crm.changes ORDER BY seq")]
    assert seqs == sorted(set(seqs))
    for ws in files:
        ws.close()


def test_many_pushes_at_once_while_pulling(team: Team) -> None:
    logins = [team.add_member(f"m{i}", "manager")[0] for i in range(4)]
    files = [team.workspace(f"w{i}") for i in range(4)]
    clients: list[SyncClient] = [team.client(ws, lg) for ws, lg in zip(files, logins, strict=True)]
    for c in clients:
        c.sync()
    for i, ws in enumerate(files[:3]):
        for n in range(80):
            ws.customers.create(name=f"c{i}-{n}")
    errors: list[BaseException] = []

    def run(c: SyncClient) -> None:
        try:
            c.sync()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    for c in clients:
        c.sync()
    assert all(len(_ids(ws, "customers")) == 240 for ws in files)
    for ws in files:
        ws.close()


def test_a_refused_merge_into_a_customer_given_away_keeps_the_whole_follow_up(
    team: Team,
) -> None:
    """A sales user merges B into A while a manager, meanwhile, gave A to someone else. The
    move of B's follow-up to A is refused; undoing it purges A with what hangs off it
    locally, the follow-up included, which must come back whole from the server (it once
    came back as a placeholder holding only its customer)."""
    boss_login, _ = team.add_member("boss", "manager")
    s1_login, _ = team.add_member("s1", "sales")
    _, s2 = team.add_member("s2", "sales")
    boss, ann = team.workspace("boss"), team.workspace("ann")
    sync_boss, sync_ann = team.client(boss, boss_login), team.client(ann, s1_login)
    sync_boss.sync()
    sync_ann.sync()
    a = ann.customers.create(name="Alpha", city="Wuhan")
    b = ann.customers.create(name="Beta", city="Xi'an")
    fid = ann.followups.create(customer_id=b, subject="回访", status="done")
    sync_ann.sync()
    sync_boss.sync()
    boss.customers.update(a, owner_id=s2)
    sync_boss.sync()
    ann.customers.update(a, city="Hefei")  # offline: ann still sees A as hers
    merge_customers(ann.ctx, a, [b])
    sync_ann.sync()

    assert a not in _ids(ann, "customers")
    kept = ann.followups.get(fid)
    assert (kept.customer_id, kept.subject, kept.status) == (b, "回访", "done")
    with team.connect(boss_login) as conn:
        data = conn.execute(
            "SELECT data FROM crm.rows WHERE entity = 'followup' AND row_id = %s", (fid,)
        ).fetchone()[0]
    assert (data["customer_id"], data["status"]) == (b, "done")
    reasons = {c.reason for c in open_conflicts(ann.db)}
    assert "forbidden" in reasons
    for ws in (boss, ann):
        ws.close()
