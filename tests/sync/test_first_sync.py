"""First sync by snapshot, clocks far ahead, and the command line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import text

from crm_desktop.cli import main
from crm_desktop.services.search import search_customer_ids
from crm_desktop.services.workspace import open_workspace
from crm_desktop.sync.client import pending_count
from crm_desktop.sync.clock import HybridClock

from .conftest import PASSPHRASE, Team

pytestmark = pytest.mark.sync


def test_a_new_device_starts_from_a_snapshot_then_follows_the_log(team: Team) -> None:
    login_a, _ = team.add_member("ann", "owner")
    login_c, _ = team.add_member("cat", "manager")
    a = team.workspace("a")
    sync_a = team.client(a, login_a)
    sync_a.sync()
    tag = a.tags.create(name="重要")
    ids = []
    for n in range(30):
        cid = a.customers.create(name=f"客户{n}", phone=f"1380013{n:04d}", city="广州")
        a.customers.set_tags(cid, [tag])
        a.followups.create(customer_id=cid, subject="拜访", status="done")
        ids.append(cid)
    sync_a.sync()

    c = team.workspace("c")
    sync_c = team.client(c, login_c)
    first = sync_c.sync()
    assert first.snapshot_rows >= 60 and first.pulled == 0
    got = c.customers.get(ids[7])
    assert (got.name, got.phone_normalized, got.city) == ("客户7", "+8613800130007", "广州")
    assert got.last_contact_at is not None  # derived locally from the follow-ups
    with c.db.session() as session:
        assert c.customers.tag_ids(session, ids[7]) == [tag]
    assert len(c.stages.list()) == len(a.stages.list())  # the team's, not its own
    a.customers.update(ids[7], city="深圳")
    sync_a.sync()
    after = sync_c.sync()
    assert after.snapshot_rows == 0 and after.pulled == 1
    assert c.customers.get(ids[7]).city == "深圳"
    a.close()
    c.close()


def test_a_snapshot_loads_in_bulk_like_rows_written_one_by_one(team: Team) -> None:
    """The snapshot sets the search-index and forecast triggers aside and does their work in
    one pass: the new device must answer searches and hold forecast totals exactly as the
    device whose services wrote every row through the triggers."""
    login_a, _ = team.add_member("ann", "owner")
    login_c, _ = team.add_member("cat", "manager")
    a = team.workspace("a")
    sync_a = team.client(a, login_a)
    sync_a.sync()
    stages = a.stages.list()
    notes = "back\\slash\ttab\nnew line 备注"
    for n in range(12):
        cid = a.customers.create(
            name=f"张{n}号", company="Acme" if n % 2 else None, phone=f"1390013{n:04d}",
            email=f"Z{n}@Example.COM", notes=notes if n == 3 else None,
        )  # fmt: skip
        a.contacts.create(customer_id=cid, name=f"李经理{n}", phone=f"1370013{n:04d}")
        a.opportunities.create(
            title=f"单{n}", customer_id=cid, stage_id=stages[n % len(stages)].id,
            amount=f"{1000 + n}.50", probability=None if n % 3 else 40,
        )  # fmt: skip
    sync_a.sync()

    c = team.workspace("c")
    team.client(c, login_c).sync()
    for query in ("李经理7", "zh", "Acme", "13900130003", "z5@example.com", "slash", "备注"):
        with a.db.session() as sa, c.db.session() as sc:
            assert search_customer_ids(sc, query) == search_customer_ids(sa, query), query
    totals = "SELECT * FROM forecast_totals WHERE deals <> 0 ORDER BY 1, 2, 3, 4, 5"
    with a.db.session() as sa, c.db.session() as sc:
        mine = sa.execute(text(totals)).all()
        assert mine and sc.execute(text(totals)).all() == mine
        normal = "SELECT id, phone_normalized, email_normalized, notes FROM customers ORDER BY id"
        assert sc.execute(text(normal)).all() == sa.execute(text(normal)).all()
    a.close()
    c.close()


def test_stamps_far_ahead_of_the_server_are_refused_and_kept(team: Team) -> None:
    login, _ = team.add_member("ann", "manager")
    a = team.workspace("a")
    sync_a = team.client(a, login)
    sync_a.sync()
    day = 86_400_000
    a.ctx.hlc = HybridClock(a.ctx.device_id, wall=lambda: time.time_ns() // 1_000_000 + day)
    a.customers.create(name="From the future")
    waiting = pending_count(a.db)
    result = sync_a.sync()
    assert result.rejected == waiting and result.pushed == 0
    assert pending_count(a.db) == waiting  # kept, and sent again at the next sync
    with team.connect() as conn:
        row = conn.execute("SELECT count(*) FROM crm.rows WHERE entity = 'customer'").fetchone()
        assert row == (0,)
    a.close()


def test_the_command_line_sets_up_a_server_and_syncs(
    team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CRM_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CRM_SERVER_PASSWORD", "pw")
    assert main(["server", "init", "--dsn", team.admin]) == 0
    assert "up to date" in capsys.readouterr().out
    login = f"{team.name}_cli"
    team.roles.append(login)
    assert main(["server", "add-user", "--dsn", team.admin, "--login", login,
                 "--role", "manager"]) == 0  # fmt: skip
    path = tmp_path / "cli.db"
    ws = team.workspace("cli")
    ws.customers.create(name="命令行客户")
    ws.close()
    path = ws.path
    assert main(["sync", "--db", str(path), "--server", team.dsn(login)]) == 0
    assert "sent" in capsys.readouterr().out
    assert main(["sync", "--db", str(path)]) == 0  # the server is remembered
    with team.connect() as conn:
        row = conn.execute(
            "SELECT count(*) FROM crm.rows WHERE data->>'name' = '命令行客户'"
        ).fetchone()
        assert row == (1,)
    # a file whose program expects another server version is told so
    with team.connect() as conn:
        conn.execute("UPDATE crm.meta SET value = '2' WHERE key = 'schema_version'")
    assert main(["sync", "--db", str(path)]) == 2
    assert "version 2" in capsys.readouterr().err
    ws = open_workspace(path, PASSPHRASE)
    assert pending_count(ws.db) == 0
    ws.close()
