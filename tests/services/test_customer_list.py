"""The customer list service: ordered row ids in chunks, rows on demand, sorting in SQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crm_desktop.services import customer_list
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.first_page import read_first_page
from crm_desktop.services.workspace import Workspace

NOW = datetime(2026, 11, 23, tzinfo=UTC)


@pytest.fixture
def many(workspace: Workspace) -> list[str]:
    names = ["Delta", "alpha", "Charlie", "bravo", "张三", "李四"]
    return [workspace.customers.create(name=n, city=f"City {i % 2}") for i, n in enumerate(names)]


def _names(ws: Workspace, rowids: list[int]) -> list[str]:
    with ws.db.session() as session:
        rows = customer_list.fetch_rows(session, rowids, ["name"])
    return [rows[r][1] for r in rowids]


def test_sorted_rowids_and_rows(workspace: Workspace, many: list[str]) -> None:
    with workspace.db.session() as session:
        ids = customer_list.ordered_rowids(session, CustomerFilter(), "name", now=NOW)
        down = customer_list.ordered_rowids(session, CustomerFilter(), "name", True, NOW)
        by_city = customer_list.ordered_rowids(session, CustomerFilter(), "city", now=NOW)
        assert customer_list.count(session, CustomerFilter(), NOW) == 6
    assert _names(workspace, list(ids)) == ["alpha", "bravo", "Charlie", "Delta", "李四", "张三"]
    assert list(down) == list(reversed(ids))
    assert len(by_city) == 6


def test_names_sort_by_pinyin_beside_latin_names(workspace: Workspace) -> None:
    names = [
        "林",
        "Zhang Wei",
        "曾志伟",
        "李四",
        "Lin",
        "阿里巴巴",
        "Baidu",
        "百度",
        "张三",
        "王五",
    ]
    people = {"曾志伟", "张三", "李四", "王五", "林"}
    for name in names:
        workspace.customers.create(name=name, kind="individual" if name in people else "company")
    with workspace.db.session() as session:
        ids = customer_list.ordered_rowids(session, CustomerFilter(), "name", now=NOW)
        first_page = read_first_page(session.connection().connection.driver_connection)
    expected = [
        "阿里巴巴",
        "百度",
        "Baidu",
        "李四",
        "Lin",
        "林",
        "王五",
        "曾志伟",
        "Zhang Wei",
        "张三",
    ]
    assert _names(workspace, list(ids)) == expected
    assert [row[0] for row in first_page.rows] == list(ids)  # the start-up page agrees


def test_name_order_reads_the_name_key_index(workspace: Workspace, many: list[str]) -> None:
    with workspace.db.session() as session:
        query = customer_list._ordered_query(session, CustomerFilter(), "name", False, NOW)
        compiled = query.compile(session.get_bind())
        plan = session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + str(compiled), tuple(compiled.params.values())
        )
        details = " / ".join(str(row[-1]) for row in plan)
    assert "ix_customers_live_name_key" in details
    assert "TEMP B-TREE" not in details  # rows come in order from the index, never sorted


def test_first_chunk_is_small(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(30):
        workspace.customers.create(name=f"C{i:02d}")
    monkeypatch.setattr(customer_list, "CHUNK", 10)
    with workspace.db.session() as session:
        sizes = [
            len(c) for c in customer_list.iter_rowids(session, CustomerFilter(), now=NOW, first=5)
        ]
    assert sizes == [5, 10, 10, 5]


def test_rows_with_owner_tags_and_custom_fields(workspace: Workspace, many: list[str]) -> None:
    ws = workspace
    vip, fair = ws.tags.create(name="VIP"), ws.tags.create(name="展会")
    ws.customers.set_tags(many[0], [vip, fair])
    size = ws.custom_fields.create(name="Size", field_type="number")
    ws.customers.set_custom_values(many[0], {size: "12"})
    ws.customers.set_custom_values(many[1], {size: "3"})
    keys = ["name", "owner", "tags", f"custom:{size}"]
    with ws.db.session() as session:
        ids = customer_list.ordered_rowids(session, CustomerFilter(), f"custom:{size}", True, NOW)
        rows = customer_list.fetch_rows(session, list(ids[:2]), keys)
    first = rows[ids[0]]
    assert first[0] == many[0]
    assert first[1:] == ("Delta", "boss", "VIP, 展会", "12")
    assert rows[ids[1]][1] == "alpha"


def test_search_and_filter_narrow_the_list(workspace: Workspace, many: list[str]) -> None:
    with workspace.db.session() as session:
        found = customer_list.ordered_rowids(session, CustomerFilter(text="zhang"), now=NOW)
        city = customer_list.ordered_rowids(session, CustomerFilter(cities=("City 1",)), now=NOW)
    assert _names(workspace, list(found)) == ["张三"]
    assert _names(workspace, list(city)) == ["alpha", "bravo", "李四"]


def test_unknown_column_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot be sorted"):
        customer_list.expression("tags")
    assert customer_list.is_sortable("name") and not customer_list.is_sortable("tags")


@pytest.mark.parametrize("sort", ["name", "created_at"])
def test_broad_search_walks_the_index_and_gives_the_same_order(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    for i in range(40):
        workspace.customers.create(name=f"张{'伟芳娜敏静'[i % 5]}{i:02d}", city=f"C{i % 3}")
    flt = CustomerFilter(text="张", cities=("C1", "C2"))
    with workspace.db.session() as session:
        normal = list(customer_list.ordered_rowids(session, flt, sort, now=NOW))
        monkeypatch.setattr(customer_list, "BROAD_MATCHES", 10)  # 40 matches count as broad
        assert customer_list._is_broad(session, flt, sort)
        query = str(customer_list._ordered_query(session, flt, sort, False, NOW))
        broad = list(customer_list.ordered_rowids(session, flt, sort, now=NOW))
    assert "+customers.rowid IN" in query
    assert len(normal) == 26 and broad == normal
