"""Names that start with what was typed come first, however many customers match."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crm_desktop.services import customer_list, search
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.workspace import Workspace

NOW = datetime(2026, 11, 23, tzinfo=UTC)
CITIES = ["杭州市", "广州市", "苏州市", "郑州市", "温州市", "福州市"]


@pytest.fixture
def crowd(workspace: Workspace) -> Workspace:
    ws = workspace
    people = ["张三", "张思", "曾思", "李四", "周珊"]
    for name in people:
        ws.customers.create(name=name, kind="individual")
    # companies whose names contain 州市 (zhou shi: initials "zs") and 张 inside
    for n, city in enumerate(CITIES):
        ws.customers.create(name=f"{city}安泰贸易{n}")
    ws.customers.create(name="安徽纸张厂")
    ws.customers.create(name="Zhang Shan Trading")
    ws.customers.create(name="Acme", notes="met 张三 at the fair")
    return ws


def _names(ws: Workspace, text: str) -> list[str]:
    with ws.db.session() as session:
        ids = customer_list.ordered_rowids(session, CustomerFilter(text=text), "name", now=NOW)
        rows = customer_list.fetch_rows(session, list(ids), ["name"])
    return [rows[r][1] for r in ids]


@pytest.mark.parametrize("path", ["ranked", "tiered", "broad"])
def test_names_starting_with_the_search_come_first(
    crowd: Workspace, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    if path != "ranked":  # too many matches to rank each one
        monkeypatch.setattr(search, "RANKED_MATCHES", 1)
    if path == "broad":  # so many that the list walks the name index
        monkeypatch.setattr(customer_list, "BROAD_MATCHES", 2)
        monkeypatch.setattr(customer_list, "FIRST_CHUNK", 2)  # chunks from both parts join
    zs = _names(crowd, "zs")
    assert zs[:4] == ["曾思", "张三", "张思", "周珊"]  # by pinyin among them (曾 read zeng)
    assert sorted(zs[4:]) == sorted(f"{c}安泰贸易{n}" for n, c in enumerate(CITIES))
    zhang = _names(crowd, "张")
    assert zhang[:2] == ["张三", "张思"]
    assert set(zhang[2:]) == {"安徽纸张厂", "Acme"}


def test_the_name_start_index_follows_edits(crowd: Workspace) -> None:
    ws = crowd
    with ws.db.session() as session:
        (li,) = [c for c in search.search_customer_ids(session, "李四")]
    ws.customers.update(li, name="王五")
    ws.customers.create(name="张飞", kind="individual")

    def starts(text: str) -> int:
        with ws.db.session() as session:
            return search.name_start_count(session, text, cap=100)

    assert starts("李") == 0
    assert starts("wangwu") == starts("ww") == 1
    assert starts("zhang") == 4  # 张三 张思 张飞, Zhang Shan Trading
    ws.customers.delete(li)  # to the trash: still indexed, the list's filter hides it
    assert starts("ww") == 1
    assert "王五" not in _names(ws, "ww")


def test_a_broad_search_lists_names_starting_with_it_first_from_the_name_index(
    crowd: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = crowd
    monkeypatch.setattr(search, "RANKED_MATCHES", 1)
    monkeypatch.setattr(customer_list, "BROAD_MATCHES", 2)
    monkeypatch.setattr(customer_list, "NAME_STARTS_SORTED", 1)  # too many name starts to sort
    gone = ws.customers.create(name="张飞", kind="individual", region="四川")
    beijing = ws.customers.create(name="张辽", kind="individual", region="北京")
    ws.customers.delete(gone)
    assert _names(ws, "张")[:3] == ["张辽", "张三", "张思"]  # the trash stays out
    with ws.db.session() as session:
        flt = CustomerFilter(text="张", regions=("北京",))
        ids = customer_list.ordered_rowids(session, flt, "name", now=NOW)
        found = customer_list.fetch_rows(session, list(ids), ["name"])
    assert [found[r][0] for r in ids] == [beijing]  # other filters apply to every part
