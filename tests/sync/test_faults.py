"""The link cut at each step of push and pull, then a retry: nothing lost, nothing doubled."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from crm_desktop.db.models import Meta
from crm_desktop.domain.errors import ServerUnreachableError
from crm_desktop.services.workspace import Workspace
from crm_desktop.sync import client as client_module
from crm_desktop.sync.client import SyncClient, pending_count

from .conftest import PG_HOST, PG_PORT, Team
from .proxy import CuttingProxy

pytestmark = pytest.mark.sync


@pytest.fixture
def proxy() -> Iterator[CuttingProxy]:
    p = CuttingProxy(PG_HOST, PG_PORT)
    yield p
    p.close()


def _via(team: Team, proxy: CuttingProxy, login: str) -> psycopg.Connection:  # type: ignore[type-arg]
    dsn = f"host=127.0.0.1 port={proxy.port} user={login} dbname={team.name} connect_timeout=5"
    return psycopg.connect(dsn, autocommit=True)


def _setup(team: Team, proxy: CuttingProxy) -> tuple[Workspace, SyncClient, Workspace, SyncClient]:
    login_a, _ = team.add_member("ann", "manager")
    login_b, _ = team.add_member("bob", "manager")
    a, b = team.workspace("a"), team.workspace("b")
    sync_a = SyncClient(a.ctx, lambda: _via(team, proxy, login_a))
    sync_b = SyncClient(b.ctx, lambda: _via(team, proxy, login_b))
    sync_a.sync()
    sync_b.sync()
    return a, sync_a, b, sync_b


def _make(ws: Workspace, n: int) -> list[str]:
    return [ws.customers.create(name=f"客户 {i}", city="Xi'an", tier="A") for i in range(n)]


def _server_counts(team: Team, device: str) -> tuple[int, int]:
    with team.connect() as conn:
        row = conn.execute(
            "SELECT count(*), count(DISTINCT change_id) FROM crm.changes "
            "WHERE device = %s AND field <> '@access'",
            (device,),
        ).fetchone()
        assert row is not None
        return int(row[0]), int(row[1])


def _own_journal(ws: Workspace) -> int:
    with ws.db.session() as session:
        raw = session.connection().connection.driver_connection
        return int(
            raw.execute(
                "SELECT count(*) FROM change_journal WHERE device_id = ?", (ws.ctx.device_id,)
            ).fetchone()[0]
        )


def _names(ws: Workspace) -> list[str]:
    with ws.db.session() as session:
        raw = session.connection().connection.driver_connection
        return [r[0] for r in raw.execute("SELECT name FROM customers ORDER BY name")]


def test_server_unreachable_before_sending(team: Team, proxy: CuttingProxy) -> None:
    a, sync_a, b, sync_b = _setup(team, proxy)
    _make(a, 5)
    waiting = pending_count(a.db)
    proxy.arm("refuse")
    with pytest.raises(ServerUnreachableError):
        sync_a.sync()
    assert pending_count(a.db) == waiting
    proxy.arm(None)
    sync_a.sync()
    sync_b.sync()
    assert pending_count(a.db) == 0 and _names(a) == _names(b)
    a.close()
    b.close()


def test_push_committed_but_the_reply_lost(team: Team, proxy: CuttingProxy) -> None:
    a, sync_a, b, sync_b = _setup(team, proxy)
    _make(a, 20)
    waiting = pending_count(a.db)
    with _via(team, proxy, sync_a_login(team)) as conn:
        proxy.arm("after_commit")
        with pytest.raises(psycopg.OperationalError):
            sync_a.push(conn)
    assert proxy.cuts == 1
    assert pending_count(a.db) == waiting  # nothing marked without an answer
    total, distinct = _server_counts(team, a.ctx.device_id)
    assert total == distinct > 0  # the server did commit
    result = sync_a.sync()  # the retry resends the same ids; the server recognises them
    assert result.pushed == waiting and pending_count(a.db) == 0
    assert _server_counts(team, a.ctx.device_id) == (total, total) == (_own_journal(a),) * 2
    sync_b.sync()
    assert _names(a) == _names(b) and len(_names(b)) == 20
    a.close()
    b.close()


def sync_a_login(team: Team) -> str:
    return team.roles[0]


@pytest.mark.parametrize("after_bytes", [0, 40, 400])
def test_push_cut_while_the_server_works(team: Team, proxy: CuttingProxy, after_bytes: int) -> None:
    a, sync_a, b, sync_b = _setup(team, proxy)
    _make(a, 10)
    with _via(team, proxy, sync_a_login(team)) as conn:
        proxy.arm("mid_reply", after_bytes)
        with pytest.raises(psycopg.OperationalError):
            sync_a.push(conn)
    sync_a.sync()
    total, distinct = _server_counts(team, a.ctx.device_id)
    assert total == distinct == _own_journal(a) and pending_count(a.db) == 0
    sync_b.sync()
    assert _names(a) == _names(b)
    a.close()
    b.close()


def test_pull_cut_in_the_middle_of_a_page(team: Team, proxy: CuttingProxy) -> None:
    a, sync_a, b, sync_b = _setup(team, proxy)
    _make(a, 60)
    sync_a.sync()
    with b.db.session() as session:
        before = session.get(Meta, client_module.CURSOR_KEY)
        assert before is not None
        cursor = before.value
    with _via(team, proxy, team.roles[1]) as conn:
        proxy.arm("mid_reply", 3000)
        with pytest.raises(psycopg.OperationalError):
            sync_b.pull(conn)
    with b.db.session() as session:
        row = session.get(Meta, client_module.CURSOR_KEY)
        assert row is not None and row.value == cursor  # the page was not applied
    assert len(_names(b)) == 0
    sync_b.sync()
    assert _names(a) == _names(b) and len(_names(b)) == 60
    with b.db.session() as session:
        raw = session.connection().connection.driver_connection
        dupes = raw.execute(
            "SELECT count(*) - count(DISTINCT change_id) FROM change_journal"
        ).fetchone()[0]
    assert dupes == 0
    a.close()
    b.close()
