"""The first sync's search indexes built on a second thread and copied into the file
(``sync/snapshot_search.py``): the file must answer searches exactly as if the insert triggers
had indexed each row, on the very connection that did the copy too, and a failed load must
leave the indexes as they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crm_desktop.db.bulk import suspended_triggers_on
from crm_desktop.domain.search_text import match_query
from crm_desktop.services.workspace import Workspace, create_workspace
from crm_desktop.sync.snapshot import BULK_TRIGGERS
from crm_desktop.sync.snapshot_search import SearchBuild

from ..conftest import PASSPHRASE

NOW = "2026-11-23T10:00:00.000000Z"
CUSTOMER_COLUMNS = [
    "id",
    "kind",
    "name",
    "company",
    "phone",
    "phone_normalized",
    "email",
    "notes",
    "status",
    "created_at",
    "updated_at",
    "deleted_at",
]
CONTACT_COLUMNS = [
    "id",
    "customer_id",
    "name",
    "phone",
    "phone_normalized",
    "email",
    "messaging_id",
    "is_primary",
    "created_at",
    "updated_at",
    "deleted_at",
]
QUERIES = [
    "张",
    "zs",
    "zhangsan",
    "sanfeng",
    "单",
    "shan",
    "acme",
    "ornbur",
    "13800138000",
    "0013800",
    "ann@",
    "wx_li",
    "李四",
    "lisi",
    "ls",
    "note",
    "深圳",
    "removed",
    "王",
]


def _customers() -> list[list[Any]]:
    rows = []
    names = ["张三丰", "单田芳", "Acme Trading", "Thornbury Ltd", "深圳某某科技有限公司", "王五"]
    for n in range(60):
        rows.append([
            f"c{n:03d}", "individual" if n % 3 == 0 else "company", f"{names[n % 6]}{n}",
            "Acme" if n % 4 == 1 else None, f"+86 138 0013 8{n:03d}" if n % 2 else None,
            f"+861380013800{n % 10}" if n % 2 else None, f"ann{n}@example.com" if n % 5 else None,
            "a note 备注" if n % 7 == 0 else None, "lead", NOW, NOW,
            NOW if n % 11 == 10 else None,
        ])  # fmt: skip
    return rows


def _contacts() -> list[list[Any]]:
    rows = []
    for n in range(90):
        deleted = n % 9 == 4  # a contact in the bin is not in its customer's document
        rows.append([
            f"k{n:03d}", f"c{n % 60:03d}", "Removed Person" if deleted else "李四",
            f"0755-8{n:03d}-1234", None, f"li{n}@example.com", f"wx_li{n}", 0, NOW, NOW,
            NOW if deleted else None,
        ])  # fmt: skip
    return rows


def _insert(raw: Any, table: str, columns: list[str], rows: list[list[Any]]) -> None:
    marks = ", ".join("?" * len(columns))
    raw.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)  # noqa: S608


def _found(raw: Any) -> dict[str, list[str]]:
    """What each query finds, by customer id, in both indexes."""
    found: dict[str, list[str]] = {}
    for query in QUERIES:
        expression = match_query(query)
        for index in ("customer_search", "customer_name_heads"):
            rows = raw.execute(
                f"SELECT c.id FROM {index} AS s JOIN customers AS c ON c.rowid = s.rowid "  # noqa: S608
                f"WHERE {index} MATCH ? ORDER BY c.id",
                (expression,),
            ).fetchall()
            found[f"{index} {query}"] = [r[0] for r in rows]
    return found


def _by_triggers(tmp_path: Path) -> dict[str, list[str]]:
    ws = create_workspace(tmp_path / "triggers.db", PASSPHRASE, owner_name="t")
    pooled = ws.db.raw_connection()
    try:
        raw = pooled.driver_connection
        raw.execute("BEGIN IMMEDIATE")
        _insert(raw, "customers", CUSTOMER_COLUMNS, _customers())
        _insert(raw, "contacts", CONTACT_COLUMNS, _contacts())
        raw.execute("COMMIT")
        return _found(raw)
    finally:
        pooled.close()
        ws.close()


def _load(ws: Workspace, *, fail: bool = False) -> tuple[Any, Any]:
    """The snapshot's way: rows in with the insert triggers set aside, the indexes built on a
    thread and copied in. The connection has searched the empty index first."""
    pooled = ws.db.raw_connection()
    raw = pooled.driver_connection
    assert _found(raw)["customer_search 张"] == []
    raw.execute("PRAGMA foreign_keys = OFF")  # as in ``sync_transaction``: contacts come first
    raw.execute("BEGIN IMMEDIATE")
    build = SearchBuild(raw, 1)
    try:
        with suspended_triggers_on(raw, BULK_TRIGGERS):
            _insert(raw, "contacts", CONTACT_COLUMNS, _contacts())
            build.take("contact", CONTACT_COLUMNS, _contacts())
            _insert(raw, "customers", CUSTOMER_COLUMNS, _customers())
            build.take("customer", CUSTOMER_COLUMNS, _customers())
            assert build.usable
            build.start()
            assert build.copy_into(raw)
            if fail:
                raise RuntimeError("the link was cut")
        raw.execute("COMMIT")
    except RuntimeError:
        raw.execute("ROLLBACK")
    finally:
        build.close()
        raw.execute("PRAGMA foreign_keys = ON")
    return pooled, raw


def test_indexes_built_beside_the_load_answer_as_the_triggers_would(
    workspace: Workspace, tmp_path: Path
) -> None:
    expected = _by_triggers(tmp_path)
    assert expected["customer_search zs"] and expected["customer_name_heads zs"]
    assert expected["customer_search wx_li"] and not expected["customer_search removed"]
    pooled, raw = _load(workspace)
    try:
        # the connection that searched the empty index before answers from the new one
        assert _found(raw) == expected
        raw.execute("INSERT INTO customer_search (customer_search) VALUES ('integrity-check')")
        raw.execute(
            "INSERT INTO customer_name_heads (customer_name_heads) VALUES ('integrity-check')"
        )
    finally:
        pooled.close()
    # and so does every other connection
    pooled = workspace.db.raw_connection()
    try:
        assert _found(pooled.driver_connection) == expected
    finally:
        pooled.close()


def test_a_failed_load_leaves_the_indexes_as_they_were(workspace: Workspace) -> None:
    pooled, raw = _load(workspace, fail=True)
    try:
        assert raw.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
        assert all(not ids for ids in _found(raw).values())
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert set(BULK_TRIGGERS) <= names
    finally:
        pooled.close()


def test_customers_not_numbered_as_the_build_expects_are_not_copied(
    workspace: Workspace,
) -> None:
    pooled = workspace.db.raw_connection()
    raw = pooled.driver_connection
    raw.execute("BEGIN IMMEDIATE")
    build = SearchBuild(raw, 5)  # the customers get rowids from 1
    try:
        _insert(raw, "customers", CUSTOMER_COLUMNS, _customers())
        build.take("customer", CUSTOMER_COLUMNS, _customers())
        build.start()
        assert not build.copy_into(raw)
        assert raw.execute("SELECT count(*) FROM customer_search_docsize").fetchone()[0] == 60
    finally:
        raw.execute("ROLLBACK")
        build.close()
        pooled.close()


@pytest.mark.parametrize("kind", ["customer", "contact"])
def test_a_load_larger_than_the_limit_is_indexed_in_the_transaction(
    kind: str, monkeypatch: pytest.MonkeyPatch, workspace: Workspace
) -> None:
    from crm_desktop.sync import snapshot_search

    monkeypatch.setattr(snapshot_search, "MAX_CUSTOMERS", 10)
    rows, columns = (_customers(), CUSTOMER_COLUMNS) if kind == "customer" else (
        _contacts(), CONTACT_COLUMNS)  # fmt: skip
    limit = 10 if kind == "customer" else 20
    pooled = workspace.db.raw_connection()
    try:
        build = SearchBuild(pooled.driver_connection, 1)
        build.take(kind, columns, rows[:limit])
        assert build.usable
        build.take(kind, columns, rows[limit : limit + 1])
        assert not build.usable
        assert not build.customers and not build.contacts  # let go at once
        build.close()
    finally:
        pooled.close()
