"""Customer search: substrings in Chinese and Latin text, phone digits, pinyin, hostile input."""

from __future__ import annotations

import pytest

from crm_desktop.services.search import search_customer_ids
from crm_desktop.services.workspace import Workspace


@pytest.fixture
def people(workspace: Workspace) -> dict[str, str]:
    ws = workspace
    made = {
        "zhang": ws.customers.create(
            name="张三", kind="individual", phone="+86 13800138000", notes="喜欢喝龙井茶"
        ),
        "zhangsanfeng": ws.customers.create(name="张三丰", kind="individual"),
        "shan": ws.customers.create(name="单雄信", kind="individual"),
        "acme": ws.customers.create(
            name="Thornbury & Sons", company="Thornbury Holdings", email="Sales@Thornbury.co.uk"
        ),
        "beijing": ws.customers.create(name="北京星辰科技有限公司", phone="(010) 6552 9988"),
    }
    ws.contacts.create(
        customer_id=made["acme"], name="王芳", phone="139 1234 5678", email="wang@acme.example"
    )
    return made


def _find(workspace: Workspace, text: str) -> set[str]:
    with workspace.db.session() as session:
        return set(search_customer_ids(session, text))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("张", {"zhang", "zhangsanfeng"}),
        ("三丰", {"zhangsanfeng"}),
        ("星辰科技", {"beijing"}),
        ("龙井", {"zhang"}),
        ("ornbur", {"acme"}),
        ("THORNBURY sons", {"acme"}),
        ("thornbury.co", {"acme"}),
        ("zs", {"zhang", "zhangsanfeng"}),
        ("zhangsan", {"zhang", "zhangsanfeng"}),
        ("sanfeng", {"zhangsanfeng"}),
        ("zsf", {"zhangsanfeng"}),
        ("shanxiongxin", {"shan"}),
        ("bjxc", {"beijing"}),
        ("138 0013 8000", {"zhang"}),
        ("13800138000", {"zhang"}),
        ("0013-8000", {"zhang"}),
        ("6552 9988", {"beijing"}),
        ("王芳", {"acme"}),
        ("wangfang", {"acme"}),
        ("1234 5678", {"acme"}),
        ("acme.example", {"acme"}),
        ("nobody", set()),
    ],
)
def test_search_finds(
    workspace: Workspace, people: dict[str, str], query: str, expected: set[str]
) -> None:
    assert _find(workspace, query) == {people[k] for k in expected}


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "NEAR(a b)",
        "'; DROP TABLE customers; --",
        "a AND OR NOT",
        "😀",
        "\x00",
        "שלום",
        "x" * 5000,
    ],
)
def test_hostile_queries_are_harmless(
    workspace: Workspace, people: dict[str, str], query: str
) -> None:
    _find(workspace, query)  # no error
    assert len(_find(workspace, "")) == len(people)


def test_index_follows_edits_and_contacts(workspace: Workspace, people: dict[str, str]) -> None:
    ws = workspace
    ws.customers.update(people["zhang"], name="李雷")
    assert _find(workspace, "lilei") == {people["zhang"]}
    assert people["zhang"] not in _find(workspace, "zhangsan")
    contact = ws.contacts.create(customer_id=people["beijing"], name="韩梅梅")
    assert _find(workspace, "hmm") == {people["beijing"]}
    ws.contacts.delete(contact)
    assert _find(workspace, "hmm") == set()
    ws.customers.delete(people["acme"])
    assert _find(workspace, "thornbury") == set()
