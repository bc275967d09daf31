"""The in-memory name order: a search sorted by it lists exactly what the SQL paths list, and
it is never used once the file has changed since it was read."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from crm_desktop.db.keyed_file import open_keyed, register_functions
from crm_desktop.services import customer_list, name_order, search
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.workspace import Workspace

from ..conftest import PASSPHRASE

NOW = datetime(2026, 11, 23, tzinfo=UTC)
FAMILY = ["张", "章", "曾", "周", "李", "王"]
GIVEN = ["三", "思", "珊", "伟", "芳", "山"]


@pytest.fixture
def people(workspace: Workspace) -> Workspace:
    rng = random.Random(7)
    ws = workspace
    for n in range(120):
        kind = rng.choice(["individual", "company"])
        if kind == "individual":
            name = rng.choice(FAMILY) + rng.choice(GIVEN) + rng.choice(["", *GIVEN])
        else:
            name = rng.choice(["Zhang ", "Zeng ", "", "杭州", "Stonegate "]) + f"贸易{n}"
        ws.customers.create(name=name, kind=kind, notes=rng.choice([None, "张先生", "zs"]))
    for victim in rng.sample(ws_ids(ws), 10):
        ws.customers.delete(victim)
    return ws


def ws_ids(ws: Workspace) -> list[str]:
    with ws.db.session() as session:
        raw = session.connection().connection.driver_connection
        return [r[0] for r in raw.execute("SELECT id FROM customers WHERE deleted_at IS NULL")]


def _ranked(ws: Workspace, text: str, *, by_range: bool, heads_cap: int = 1000) -> list[int] | None:
    with ws.db.session() as session:
        chunks = name_order.ranked_search(
            session, text, 7, 11, by_range=by_range, heads_cap=heads_cap
        )
        return None if chunks is None else [r for c in chunks for r in c]


def _sql(ws: Workspace, text: str) -> list[int]:
    """The order the SQL paths give (no part of it from the in-memory order)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(customer_list, "name_starts_in_order", lambda *_: None)
        patch.setattr(customer_list, "ranked_search", lambda *_a, **_k: None)
        with ws.db.session() as session:
            flt = CustomerFilter(text=text)
            return list(customer_list.ordered_rowids(session, flt, now=NOW))


def _ready(ws: Workspace) -> None:
    with ws.db.session() as session:
        assert name_order.name_order(session).wait_ready()


@pytest.mark.parametrize("text", ["张", "zs", "zhang", "贸易", "tonegate", "Zeng 贸", "三"])
@pytest.mark.parametrize("heads_cap", [None, 3, 1000])  # None: not a broad search
def test_the_order_in_memory_equals_the_sql_paths(
    people: Workspace, monkeypatch: pytest.MonkeyPatch, text: str, heads_cap: int | None
) -> None:
    ws = people
    broad = heads_cap is not None
    monkeypatch.setattr(search, "RANKED_MATCHES", 0)  # no fine ranking: tiers and name order
    monkeypatch.setattr(customer_list, "NAME_ORDER_MATCHES", 0)  # the SQL paths
    if broad:
        monkeypatch.setattr(customer_list, "BROAD_MATCHES", 0)
        monkeypatch.setattr(customer_list, "NAME_STARTS_SORTED", heads_cap)
    expected = _sql(ws, text)
    assert expected  # every text matches something here
    _ready(ws)
    assert _ranked(ws, text, by_range=broad, heads_cap=heads_cap or 0) == expected
    if broad:  # too many to sort all in memory: the name starts are, the rest is walked
        with ws.db.session() as session:
            ids = customer_list.ordered_rowids(session, CustomerFilter(text=text), now=NOW)
        assert list(ids) == expected
    # and through the list itself, which takes the path in memory when it may
    monkeypatch.setattr(customer_list, "NAME_ORDER_MATCHES", 10_000)
    with ws.db.session() as session:
        chunks = list(customer_list.iter_rowids(session, CustomerFilter(text=text), first=5))
    assert [r for c in chunks for r in c] == expected
    assert len(chunks[0]) == min(5, len(expected))


def test_a_change_by_any_writer_makes_the_order_stale(
    people: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = people
    _ready(ws)
    assert _ranked(ws, "张", by_range=False) is not None
    new = ws.customers.create(name="张阿", kind="individual")  # through the services
    assert _ranked(ws, "张", by_range=False) is None  # stale: the caller takes the SQL path
    _ready(ws)
    with ws.db.session() as session:
        (rowid,) = (
            session.connection()
            .exec_driver_sql("SELECT rowid FROM customers WHERE id = ?", (new,))
            .one()
        )
    ranked = _ranked(ws, "张", by_range=False)
    assert ranked is not None and rowid in ranked
    # another connection (another process, a sync on its own connection) deletes it
    keyed = open_keyed(ws.db.path, PASSPHRASE)
    try:
        register_functions(keyed.connection)
        keyed.connection.execute(
            "UPDATE customers SET deleted_at = '2026-11-23' WHERE id = ?", (new,)
        )
        keyed.connection.commit()
    finally:
        keyed.connection.close()
    assert _ranked(ws, "张", by_range=False) is None
    _ready(ws)
    ranked = _ranked(ws, "张", by_range=False)
    assert ranked is not None and rowid not in ranked
    monkeypatch.setattr(search, "RANKED_MATCHES", 0)
    monkeypatch.setattr(customer_list, "NAME_ORDER_MATCHES", 0)
    assert ranked == _sql(ws, "张")


def test_current_positions_serve_while_a_later_check_is_pending(people: Workspace) -> None:
    """The list asks for a check a second after each query; a keystroke meanwhile must still
    be sorted in memory (it once took the SQL path for that second)."""
    ws = people
    _ready(ws)
    with ws.db.session() as session:
        order = name_order.name_order(session)
    order.prepare(30.0)
    assert order.current() is not None
    assert _ranked(ws, "张", by_range=False) is not None


def test_closing_the_file_stops_the_order(people: Workspace) -> None:
    ws = people
    _ready(ws)
    with ws.db.session() as session:
        order = name_order.name_order(session)
    ws.close()
    assert order.current() is None
    order.prepare(0.0)  # nothing starts on a closed file
    assert order.current() is None
